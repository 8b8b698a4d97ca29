using System.Collections.Immutable;
using Pulumi;

namespace BlinkInfra;

/// <summary>How a <see cref="BlinkStack"/> is run: what it tells the engine first, and what watches it.</summary>
public sealed class BlinkStackOptions
{
    /// <summary>Warnings for the engine's log, such as the advisory findings of a check made before the run, each with the resource it is about.</summary>
    public ImmutableArray<StackWarning> Warnings { get; init; } = ImmutableArray<StackWarning>.Empty;

    /// <summary>Transformations run on every resource, such as the plan's recorder.</summary>
    public ImmutableArray<ResourceTransformation> Transformations { get; init; } = ImmutableArray<ResourceTransformation>.Empty;
}
