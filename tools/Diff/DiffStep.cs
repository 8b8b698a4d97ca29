using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;

namespace BlinkInfra.Diff;

/// <summary>One resource's step: its op, its inputs before and after, and the inputs that changed.</summary>
public sealed record DiffStep(DiffOp Op, string Urn, string Type, string Name, JsonObject? OldInputs, JsonObject? NewInputs, ImmutableArray<InputChange> Changes)
{
    public ImmutableArray<string> ReplaceReasons => Changes.Where(c => c.ForcesReplacement).Select(c => c.Key).ToImmutableArray();
}
