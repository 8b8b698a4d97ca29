using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Serialization;
using BlinkInfra.Config;

namespace BlinkInfra.Policies;

/// <summary>The violations of a check, sorted by level, policy and resource, so the same stack always prints the same report.</summary>
public sealed record PolicyReport(
    [property: JsonPropertyName("packs")] ImmutableArray<string> Packs,
    [property: JsonPropertyName("violations")] ImmutableArray<Violation> Violations)
{
    [JsonIgnore]
    public bool HasMandatory => Violations.Any(v => v.Level == EnforcementLevel.Mandatory);

    [JsonIgnore]
    public IEnumerable<Violation> Advisories => Violations.Where(v => v.Level == EnforcementLevel.Advisory);

    public static PolicyReport Of(IEnumerable<string> packs, IEnumerable<Violation> violations)
        => new(packs.ToImmutableArray(), violations
            .OrderBy(v => v.Level)
            .ThenBy(v => v.Policy, StringComparer.Ordinal)
            .ThenBy(v => v.ResourceType ?? "", StringComparer.Ordinal)
            .ThenBy(v => v.ResourceName ?? "", StringComparer.Ordinal)
            .ThenBy(v => v.Message, StringComparer.Ordinal)
            .ToImmutableArray());
}
