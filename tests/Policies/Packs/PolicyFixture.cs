using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;

namespace BlinkInfra.Tests.Policies.Packs;

/// <summary>
/// Minimal resource sets for one policy at a time, as pulumi-policy-aws's spec files build them: a
/// resource is a type, a name and its inputs as JSON; the settings default to a plain pay-as-you-go
/// Hangzhou stack without HA.
/// </summary>
public static class PolicyFixture
{
    public static StackSettings Settings(string region = "cn-hangzhou", string billing = "pay-as-you-go", bool? highAvailability = false,
        bool apiServerPublic = false, string[]? peerGroupIds = null, DataEgress[]? dataEndpoints = null, bool internetEgress = false, string? stateBucket = "state")
        => new(region, billing, SpecDefaults.ExclusiveMode, highAvailability, apiServerPublic, (peerGroupIds ?? Array.Empty<string>()).ToImmutableArray(),
            (dataEndpoints ?? Array.Empty<DataEgress>()).ToImmutableArray(), internetEgress, stateBucket);

    public static PlannedResource Resource(string type, string name, string inputs = "{}", bool protect = false)
        => new(type, name, true, null, ImmutableArray<ResourceRef>.Empty, ImmutableSortedDictionary<string, ImmutableArray<ResourceRef>>.Empty, null, protect,
            (JsonObject)JsonNode.Parse(inputs)!);

    public static PolicyInput Input(params PlannedResource[] resources) => Input(Settings(), resources);

    public static PolicyInput Input(StackSettings settings, params PlannedResource[] resources) => new(settings, resources.ToImmutableArray());

    /// <summary>What the policy finds, each as "name: message" ("stack: message" for the stack).</summary>
    public static string[] Found(Policy policy, PolicyInput input)
        => policy.Check(input).Select(f => $"{f.Resource?.Name ?? "stack"}: {f.Message}").ToArray();

}
