using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using Pulumi.AliCloud.CS;
using Pulumi.AliCloud.Ecs;
using Pulumi.AliCloud.Oss;

namespace BlinkInfra.Plan;

/// <summary>
/// What the stack's config said, as far as policies need it: the resources alone do not tell the
/// billing mode or what the stack explicitly allows. Derived here only: from a spec
/// (<see cref="Of"/>), or inferred from a live stack's resources (<see cref="FromResources"/>).
/// </summary>
public sealed record StackSettings(
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("billing")] string? Billing,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("highAvailability")] bool? HighAvailability,
    [property: JsonPropertyName("apiServerPublic")] bool ApiServerPublic,
    [property: JsonPropertyName("dataVswitchIds")] ImmutableArray<string> DataVswitchIds,
    [property: JsonPropertyName("stateBucket")] string? StateBucket,
    [property: JsonPropertyName("policyLevels"), JsonConverter(typeof(PolicyLevelsJsonConverter))] ImmutableSortedDictionary<string, EnforcementLevel>? PolicyLevels = null)
{
    /// <summary>The settings a spec states.</summary>
    public static StackSettings Of(StackSpec spec)
        => new(spec.Cluster.Region,
            SpecDefaults.BillingName(spec.Cluster.Billing),
            SpecDefaults.ExclusiveMode,
            spec.Compute.HighAvailability,
            spec.Compute.Kubernetes.ApiServerPublic,
            spec.DataAccess.Vswitches.Select(v => v.Id).ToImmutableArray(),
            spec.Engine.Bucket,
            spec.Policy.Levels);

    /// <summary>What the resources of a live stack tell of the settings its state does not carry.</summary>
    public static StackSettings FromResources(ImmutableArray<PlannedResource> resources)
    {
        var provider = resources.FirstOrDefault(r => r.Type == TypeTokens.Of<Pulumi.AliCloud.Provider>() && r.Inputs["assumeRole"] is null);
        var pools = resources.Where(r => r.Type == TypeTokens.Of<NodePool>()).ToList();
        var prepaid = pools.Any(r => Text(r, "instanceChargeType") == ClusterDefaults.ChargeType(BillingMode.Subscription));
        // The master machines: the node pool labelled with the master role, its desired size 3 with HA, 1 without.
        var masters = pools.Where(r => r.Inputs["labels"] is JsonArray labels && labels.OfType<JsonObject>().Any(l =>
                l["key"]?.GetValue<string>() == NodeRoles.RoleLabel && l["value"]?.GetValue<string>() == NodeRoles.MasterRole))
            .Select(r => Text(r, "desiredSize")).FirstOrDefault();
        var bucket = resources.FirstOrDefault(r => r.Type == TypeTokens.Of<Bucket>());
        return new StackSettings(
            provider is null ? null : Text(provider, "region"),
            SpecDefaults.BillingName(prepaid ? BillingMode.Subscription : BillingMode.PayAsYouGo),
            SpecDefaults.ExclusiveMode,
            masters switch { "3" => true, "1" => false, _ => null },
            false,
            resources.Where(r => r.Type == TypeTokens.Of<EcsNetworkInterface>()).Select(r => Text(r, "vswitchId")).OfType<string>().ToImmutableArray(),
            bucket is null ? null : Text(bucket, "bucket"));
    }

    private static string? Text(PlannedResource resource, string key)
        => resource.Inputs[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
