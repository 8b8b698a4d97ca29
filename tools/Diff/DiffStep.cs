using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using BlinkInfra.State;

namespace BlinkInfra.Diff;

/// <summary>
/// One resource's step: its op, its state before and after as Pulumi records a resource (`urn`,
/// `custom`, `id`, `type`, `inputs`, `outputs`, `parent`, `provider`, ..., secrets masked), the inputs
/// that changed, and, when the state alone decides the op (a resource tainted, pending replacement,
/// read, or a copy pending deletion), why.
/// </summary>
public sealed record DiffStep(DiffOp Op, string Urn, string Type, string Name, JsonObject? OldState, JsonObject? NewState, ImmutableArray<InputChange> Changes, string? Cause = null)
{
    /// <summary>The URN the resource had in the old state when the engine found it there through an alias (a rename); null when it kept its URN.</summary>
    public string? OldUrn { get; init; }

    /// <summary>A replacement deletes the old resource before it creates the new one: the resource's option, or the provider's own rule.</summary>
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>Why the replacement deletes first, when it does.</summary>
    public string? DeleteBeforeReplaceReason { get; init; }

    public ImmutableArray<string> ReplaceReasons => Changes.Where(c => c.ForcesReplacement).Select(c => c.Key).ToImmutableArray();

    /// <summary>The changed inputs the provider applies only at create: on an update, changes that do nothing.</summary>
    public ImmutableArray<string> CreateOnlyReasons => Changes.Where(c => c.CreateOnly).Select(c => c.Key).ToImmutableArray();

    /// <summary>The name the resource had before a rename, or null.</summary>
    public string? OldName => OldUrn is null ? null : StateFile.NameOf(OldUrn);

    /// <summary>Whether the step keeps a resource under another name: found through an alias.</summary>
    public bool Renamed => OldUrn is not null && OldUrn != Urn;

    public JsonObject? OldInputs => OldState?["inputs"] as JsonObject;

    public JsonObject? NewInputs => NewState?["inputs"] as JsonObject;
}
