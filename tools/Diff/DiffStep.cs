using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;

namespace BlinkInfra.Diff;

/// <summary>
/// One resource's step: its op, its state before and after as Pulumi records a resource (`urn`,
/// `custom`, `id`, `type`, `inputs`, `outputs`, `parent`, `provider`, ..., secrets masked), the inputs
/// that changed, and, when the state alone decides the op (a resource tainted, pending replacement,
/// read, or a copy pending deletion), why.
/// </summary>
public sealed record DiffStep(DiffOp Op, string Urn, string Type, string Name, JsonObject? OldState, JsonObject? NewState, ImmutableArray<InputChange> Changes, string? Cause = null)
{
    public ImmutableArray<string> ReplaceReasons => Changes.Where(c => c.ForcesReplacement).Select(c => c.Key).ToImmutableArray();

    public JsonObject? OldInputs => OldState?["inputs"] as JsonObject;

    public JsonObject? NewInputs => NewState?["inputs"] as JsonObject;
}
