using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Serialization;
using BlinkInfra.Config;

namespace BlinkInfra.Policies;

/// <summary>A policy whose level the stack lowered (`blink-infra:policy.levels`): switched off, or a mandatory one made advisory.</summary>
public sealed record LevelLowered(
    [property: JsonPropertyName("pack")] string Pack,
    [property: JsonPropertyName("policy")] string Policy,
    [property: JsonPropertyName("defaultLevel")] EnforcementLevel DefaultLevel,
    [property: JsonPropertyName("level")] EnforcementLevel Level,
    [property: JsonPropertyName("description")] string Description)
{
    /// <summary>The notice's code (policy-level-lowered), which `./blink explain` knows.</summary>
    [JsonPropertyName("code")]
    public string Code => DiagnosticCatalogue.PolicyLevelLowered.Code;
}

/// <summary>
/// The violations of a check, sorted by level, policy and resource, so the same stack always prints the same report;
/// how many policies were checked, the policies the stack lowered (never silently: each is a notice, and a policy
/// switched off is counted as such), and those the input could not decide (check --resources).
/// </summary>
public sealed record PolicyReport(
    [property: JsonPropertyName("packs")] ImmutableArray<string> Packs,
    [property: JsonPropertyName("violations")] ImmutableArray<Violation> Violations)
{
    /// <summary>How many policies were evaluated (every policy but those switched off or not applicable).</summary>
    [JsonPropertyName("policiesChecked")]
    public int PoliciesChecked { get; init; }

    /// <summary>The policies whose level the stack lowered, in pack order.</summary>
    [JsonPropertyName("lowered")]
    public ImmutableArray<LevelLowered> Lowered { get; init; } = ImmutableArray<LevelLowered>.Empty;

    /// <summary>The policies the input could not decide, not evaluated (check --resources lists them with their reasons).</summary>
    [JsonIgnore]
    public int NotApplicable { get; init; }

    [JsonIgnore]
    public bool HasMandatory => Violations.Any(v => v.Level == EnforcementLevel.Mandatory);

    [JsonIgnore]
    public IEnumerable<Violation> Advisories => Violations.Where(v => v.Level == EnforcementLevel.Advisory);

    /// <summary>The lowered policies that are switched off.</summary>
    [JsonIgnore]
    public IEnumerable<LevelLowered> SwitchedOff => Lowered.Where(l => l.Level == EnforcementLevel.Disabled);

    public static PolicyReport Of(IEnumerable<string> packs, IEnumerable<Violation> violations)
        => new(packs.ToImmutableArray(), violations
            .OrderBy(v => v.Level)
            .ThenBy(v => v.Policy, StringComparer.Ordinal)
            .ThenBy(v => v.ResourceType ?? "", StringComparer.Ordinal)
            .ThenBy(v => v.ResourceName ?? "", StringComparer.Ordinal)
            .ThenBy(v => v.Message, StringComparer.Ordinal)
            .ToImmutableArray());

    /// <summary>How a notice of a lowered policy starts, with its code, as a compiler starts a diagnostic.</summary>
    public static string NoticePrefix => $"notice {DiagnosticCatalogue.PolicyLevelLowered.Code}: ";

    /// <summary>A notice for a lowered policy, as the reports and the engine's log say it.</summary>
    public static string Notice(LevelLowered lowered)
        => $"{lowered.Policy} ({lowered.Pack}, {EnforcementLevels.Name(lowered.DefaultLevel)} by default) is "
           + (lowered.Level == EnforcementLevel.Disabled ? "switched off" : $"only {EnforcementLevels.Name(lowered.Level)}")
           + $" by {ConfigKeys.Section("policy")}.levels[\"{lowered.Policy}\"], so \"{lowered.Description}\" is "
           + (lowered.Level == EnforcementLevel.Disabled ? "not checked" : "reported, never enforced");
}
