using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BlinkInfra.Config;
using BlinkInfra.Facts;

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
    [property: JsonPropertyName("peerGroupIds")] ImmutableArray<string> PeerGroupIds,
    [property: JsonPropertyName("dataEndpoints")] ImmutableArray<DataEgress> DataEndpoints,
    [property: JsonPropertyName("internetEgress")] bool InternetEgress,
    [property: JsonPropertyName("stateBucket")] string? StateBucket,
    [property: JsonPropertyName("policyLevels"), JsonConverter(typeof(PolicyLevelsJsonConverter))] ImmutableSortedDictionary<string, EnforcementLevel>? PolicyLevels = null,
    [property: JsonPropertyName("internetEgressHosts"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<string>? InternetEgressHosts = null)
{
    /// <summary>With internet egress, the tcp ports the pods may reach anywhere: the allowed hosts' behind a NAT firewall, HTTP(S) without one.</summary>
    [JsonIgnore]
    public ImmutableArray<int> InternetPorts => InternetEgressHosts is { IsDefaultOrEmpty: false } hosts
        ? hosts.Select(h => int.TryParse(h[(h.LastIndexOf(':') + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0)
            .Where(p => p > 0).Distinct().Order().ToImmutableArray()
        : PodNetworking.InternetPorts;

    /// <summary>The settings a spec states.</summary>
    public static StackSettings Of(StackSpec spec)
        => new(spec.Cluster.Region,
            SpecDefaults.BillingName(spec.Cluster.Billing),
            SpecDefaults.ExclusiveMode,
            spec.Compute.HighAvailability,
            spec.Compute.Kubernetes.ApiServerPublic,
            spec.Security.PeerGroups.Select(p => p.SecurityGroupId).Distinct().ToImmutableArray(),
            spec.DataAccess.Endpoints.Select(e => new DataEgress(e.Cidr.ToString(), e.Port)).ToImmutableArray(),
            spec.Network.InternetEgress.Enabled,
            spec.Engine.Bucket,
            spec.Policy.Levels,
            spec.Network.InternetEgress.Restricted ? spec.Network.InternetEgress.AllowedHosts.Select(h => h.ToString()).ToImmutableArray() : null);

    /// <summary>What the resources of a live stack tell of the settings its state does not carry.</summary>
    public static StackSettings FromResources(ImmutableArray<PlannedResource> resources)
    {
        var provider = resources.FirstOrDefault(r => r.Type == TypeTokens.AliCloud.Provider && r.Inputs["assumeRole"] is null);
        var pools = resources.Where(r => r.Type == TypeTokens.AliCloud.CS.NodePool).ToList();
        var prepaid = pools.Any(r => r.Text("instanceChargeType") == ClusterDefaults.ChargeType(BillingMode.Subscription));
        // The master machines: the node pool labelled with the master role, its desired size 3 with HA, 1 without.
        var masters = pools.Where(r => r.Inputs["labels"] is JsonArray labels && labels.OfType<JsonObject>().Any(l =>
                l["key"]?.GetValue<string>() == NodeRoles.RoleLabel && l["value"]?.GetValue<string>() == NodeRoles.MasterRole))
            .Select(r => r.Text("desiredSize")).FirstOrDefault();
        var bucket = resources.FirstOrDefault(r => r.Type == TypeTokens.AliCloud.Oss.Bucket);
        var ownGroups = OwnGroupIds(resources);
        return new StackSettings(
            provider is null ? null : provider.Text("region"),
            // Machines are billed like the cluster: without a node pool the billing mode cannot be told.
            pools.Count == 0 ? null : SpecDefaults.BillingName(prepaid ? BillingMode.Subscription : BillingMode.PayAsYouGo),
            SpecDefaults.ExclusiveMode,
            masters switch { "3" => true, "1" => false, _ => null },
            false,
            // Peers: the groups rules let in that are not the stack's own.
            resources.Where(r => r.Type == TypeTokens.AliCloud.Ecs.SecurityGroupRule && r.Text("type") == "ingress")
                .Select(r => r.Text("sourceSecurityGroupId")).OfType<string>()
                .Where(id => !ownGroups.Contains(id)).Distinct().ToImmutableArray(),
            // Endpoints: as the engine hands them to jobs (the ConfigMap's "<endpoint>.cidr" and ".port").
            EndpointsOf(resources),
            resources.Any(r => r.Type == TypeTokens.AliCloud.Vpc.NatGateway),
            bucket is null ? null : bucket.Text("bucket"),
            null,
            AllowedHostsOf(resources));
    }

    /// <summary>
    /// With a NAT firewall, the hosts its accept policies let out ("host:port", by domain and tcp port); null without
    /// one (internet egress, if any, is not limited by name).
    /// </summary>
    private static ImmutableArray<string>? AllowedHostsOf(ImmutableArray<PlannedResource> resources)
    {
        if (!resources.Any(r => r.Type == TypeTokens.AliCloud.CloudFirewall.NatFirewall))
            return null;
        return resources.Where(r => r.Type == TypeTokens.AliCloud.CloudFirewall.NatFirewallControlPolicy
                && r.Text("aclAction") == EgressFirewall.Accept && r.Text("destinationType") == EgressFirewall.DomainDestination
                && r.Text("direction") == EgressFirewall.Out && r.Text("destination") is not null && r.Text("destPort") is not null)
            .Select(r => $"{r.Text("destination")}:{r.Text("destPort")}")
            .ToImmutableArray();
    }

    /// <summary>How a stack's own security groups appear in other resources' inputs: a reference in a plan, the id in a state.</summary>
    public static ImmutableHashSet<string> OwnGroupIds(ImmutableArray<PlannedResource> resources)
    {
        var groups = resources.Where(r => r.Type == TypeTokens.AliCloud.Ecs.SecurityGroup).ToList();
        // A live stack's state holds the real id, which a rule's input carries wherever the engine
        // recorded its dependency on one of the stack's groups.
        var fromRules = resources.Where(r => r.Type == TypeTokens.AliCloud.Ecs.SecurityGroupRule)
            .SelectMany(rule => new[] { "securityGroupId", "sourceSecurityGroupId" }
                .Where(key => NamesGroup(rule, key, groups))
                .Select(key => rule.Text(key)));
        return groups.SelectMany(PlanIds).Concat(fromRules).OfType<string>().ToImmutableHashSet();
    }

    /// <summary>
    /// Whether a rule's input (securityGroupId, sourceSecurityGroupId) names one of these groups: by the
    /// dependency the engine records (plans and state exports alike), or by the id a plan writes.
    /// </summary>
    public static bool NamesGroup(PlannedResource rule, string key, IReadOnlyCollection<PlannedResource> groups)
        => (rule.PropertyDependencies.TryGetValue(key, out var on) && on.Any(dependency => groups.Any(g => g.Ref == dependency)))
           || (rule.Text(key) is { } id && groups.SelectMany(PlanIds).Contains(id));

    /// <summary>A group's id as a plan writes it ("${name.id}"), and its id input where one is given.</summary>
    private static IEnumerable<string?> PlanIds(PlannedResource group) => new[] { PlannedResource.IdOf(group.Name), group.Text("id") };

    private static ImmutableArray<DataEgress> EndpointsOf(ImmutableArray<PlannedResource> resources)
    {
        var data = resources.FirstOrDefault(r => r.Type == TypeTokens.Kubernetes.Core.V1.ConfigMap && r.Inputs["data"] is JsonObject d && d.Any(p => p.Key.EndsWith(".cidr", StringComparison.Ordinal)))
            ?.Inputs["data"] as JsonObject;
        if (data is null)
            return ImmutableArray<DataEgress>.Empty;
        return data.Where(p => p.Key.EndsWith(".cidr", StringComparison.Ordinal))
            .Select(p => (Cidr: p.Value?.GetValue<string>(), Port: data[p.Key[..^".cidr".Length] + ".port"]?.GetValue<string>()))
            .Where(e => e.Cidr is not null && int.TryParse(e.Port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            .Select(e => new DataEgress(e.Cidr!, int.Parse(e.Port!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToImmutableArray();
    }
}
