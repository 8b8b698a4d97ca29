using System.Text.Json.Nodes;

namespace BlinkInfra.Diff;

/// <summary>
/// One input that differs: old and new (masked when secret), whether it forces replacement, whether its
/// new value is known only after apply, whether the provider applies it only when the resource is
/// created (<see cref="CreateOnly"/>: on a resource that stays, the change does nothing), and whether a
/// DiffSuppressFunc of the provider may hide the change that would force replacement (then nothing
/// happens; the diff still says replace, as it must never say less than the cloud may do).
/// </summary>
public sealed record InputChange(string Key, JsonNode? Old, JsonNode? New, bool ForcesReplacement, bool KnownAfterApply)
{
    public bool CreateOnly { get; init; }

    public bool Suppressible { get; init; }
}
