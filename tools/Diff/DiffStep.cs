using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;

namespace BlinkInfra.Diff;

/// <summary>One resource's step: its op, its inputs before and after, and the inputs that changed.</summary>
public sealed record DiffStep(DiffOp Op, string Urn, string Type, string Name, JsonObject? OldInputs, JsonObject? NewInputs, ImmutableArray<InputChange> Changes)
{
    /// <summary>The URNs of the resources this one depends on (through an input or dependsOn), as the engine records them in its state: after the step, or before a delete.</summary>
    public ImmutableArray<string> Dependencies { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Per input, the URNs of the resources whose outputs appear anywhere inside it.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies { get; init; } = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;

    public ImmutableArray<string> ReplaceReasons => Changes.Where(c => c.ForcesReplacement).Select(c => c.Key).ToImmutableArray();
}
