using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>What policies read: the stack's settings and its resources, as CrossGuard gives them (type, name, inputs, parent, dependencies).</summary>
public sealed record PolicyInput(StackSettings Settings, ImmutableArray<PlannedResource> Resources)
{
    public static PolicyInput Of(StackPlan plan)
        => new(plan.Settings ?? StackSettings.FromResources(plan.Resources), plan.Resources);

    public IEnumerable<PlannedResource> OfType(string type) => Resources.Where(r => r.Type == type);
}

/// <summary>One violation: where it came from, how it is enforced, what it is about, and what is wrong.</summary>
public sealed record Violation(
    [property: JsonPropertyName("pack")] string Pack,
    [property: JsonPropertyName("policy")] string Policy,
    [property: JsonPropertyName("level")] EnforcementLevel Level,
    [property: JsonPropertyName("resourceType")] string? ResourceType,
    [property: JsonPropertyName("resourceName")] string? ResourceName,
    [property: JsonPropertyName("message")] string Message);

/// <summary>
/// A policy: a name, what it checks, and its enforcement level (the stack's override, where it gives
/// one, replaces it). Each is made by a small factory of its pack that takes the level.
/// </summary>
public abstract record Policy(string Name, string Description, EnforcementLevel Level)
{
    /// <summary>Messages for what violates the policy, each with the resource it is about (none for the stack).</summary>
    public abstract IEnumerable<(PlannedResource? Resource, string Message)> Check(PolicyInput input);
}

/// <summary>A policy over one resource at a time, for the resources of some types.</summary>
public sealed record ResourcePolicy(
    string Name, string Description, EnforcementLevel Level,
    ImmutableArray<string> Types,
    Func<PlannedResource, PolicyInput, IEnumerable<string>> Validate)
    : Policy(Name, Description, Level)
{
    public override IEnumerable<(PlannedResource? Resource, string Message)> Check(PolicyInput input)
        => input.Resources.Where(r => Types.Contains(r.Type)).SelectMany(r => Validate(r, input).Select(message => ((PlannedResource?)r, message)));
}

/// <summary>A policy over the whole stack.</summary>
public sealed record StackPolicy(
    string Name, string Description, EnforcementLevel Level,
    Func<PolicyInput, IEnumerable<(PlannedResource? Resource, string Message)>> Validate)
    : Policy(Name, Description, Level)
{
    public override IEnumerable<(PlannedResource? Resource, string Message)> Check(PolicyInput input) => Validate(input);
}

/// <summary>A named, versioned set of policies.</summary>
public sealed record PolicyPack(string Name, string Version, ImmutableArray<Policy> Policies)
{
    public string Id => $"{Name}@{Version}";
}

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

/// <summary>Reading a resource's inputs as policies need them.</summary>
public static class Inputs
{
    public static string? Text(this PlannedResource resource, string key)
        => resource.Inputs[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static double? Number(this PlannedResource resource, string key)
        => resource.Inputs[key] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static bool? Flag(this PlannedResource resource, string key)
        => resource.Inputs[key] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    public static JsonNode? At(this PlannedResource resource, params string[] path)
    {
        JsonNode? node = resource.Inputs;
        foreach (var step in path)
            node = node is JsonObject obj ? obj[step] : null;
        return node;
    }

    public static IEnumerable<JsonObject> Objects(this PlannedResource resource, string key)
        => resource.Inputs[key] is JsonArray array ? array.OfType<JsonObject>() : Enumerable.Empty<JsonObject>();

    public static IEnumerable<string> Texts(this PlannedResource resource, string key)
        => resource.Inputs[key] is JsonArray array ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var t) ? t : v.ToJsonString()) : Enumerable.Empty<string>();

    public static string? Field(this JsonObject obj, string key)
        => obj[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
