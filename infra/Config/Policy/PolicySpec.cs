using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>The enforcement levels the stack overrides, by policy name.</summary>
public sealed record PolicySpec(ImmutableSortedDictionary<string, EnforcementLevel> Levels);
