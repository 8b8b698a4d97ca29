using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.Vpc;

namespace BlinkInfra.Network;

/// <summary>A VPC the stack did not create, once looked up: its id and its system route table.</summary>
public sealed record CheckedVpc(string Id, string RouteTableId);

/// <summary>The checks an existing VPC given by id must pass.</summary>
public static class ExistingVpc
{
    public const string LookupToken = "alicloud:vpc/getNetworks:getNetworks";

    /// <summary>
    /// Looks the VPC up by id through <paramref name="provider"/> (the stack's, pinned to the spec's
    /// region; or the tenant's) and checks it: the VPC, or a RunException naming the key. The stack awaits
    /// this before declaring anything else, so a wrong VPC stops the run with that one message.
    /// <paramref name="keyPrefix"/> is the config section the VPC comes from ("blink-infra:network", or
    /// "blink-infra:dataAccess.crossAccount"), whose vpcId and cidrBlock the message names.
    /// </summary>
    /// <remarks>
    /// The Task-returning InvokeAsync (GetNetworksArgs), not Invoke: the result is awaited here, and a
    /// failed lookup reaches only this caller (an Output-returning invoke is an output the real SDK's
    /// runner reports on its own as well). With InvokeOptions.Provider the real SDK (Deployment_Invoke.cs)
    /// sends the provider's reference "urn::id": ProviderResource.RegisterAsync awaits the provider's URN
    /// and id, and newer sources first await the registrations already queued. So the provider, and only
    /// it, is registered before the lookup; without one the invoke would use the default provider, which
    /// is registered too and configured from alicloud:region instead of the spec's region.
    /// </remarks>
    public static async Task<CheckedVpc> LookupAsync(string vpcId, string specCidrBlock, ProviderResource provider, string keyPrefix)
    {
        GetNetworksResult result;
        try
        {
            result = await GetNetworks.InvokeAsync(new GetNetworksArgs { Ids = { vpcId } }, new InvokeOptions { Provider = provider }).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not RunException)
        {
            // The provider's refusal (credentials, a region it cannot reach) reaches the real runner as an
            // "unhandled exception" with a stack trace unless it is a RunException: one line, naming the key.
            throw new RunException($"{keyPrefix}.vpcId = \"{vpcId}\": the VPC could not be looked up: {failure.Message}");
        }
        return Check(result, vpcId, specCidrBlock, keyPrefix);
    }

    /// <summary>The VPC when the lookup found it with the CIDR block the spec gives; a RunException naming the key otherwise.</summary>
    public static CheckedVpc Check(GetNetworksResult result, string vpcId, string specCidrBlock, string keyPrefix)
    {
        var vpc = result.Vpcs.IsDefault ? null : result.Vpcs.FirstOrDefault(v => v.Id == vpcId);
        var where = keyPrefix.EndsWith("crossAccount", StringComparison.Ordinal) ? "the tenant's account in the stack's region" : "the stack's region";
        if (vpc is null)
            throw new RunException($"{keyPrefix}.vpcId = \"{vpcId}\": no VPC with this id in {where}; allowed: the id of an existing VPC of that region");
        if (vpc.CidrBlock != specCidrBlock)
            throw new RunException($"{keyPrefix}.cidrBlock = \"{specCidrBlock}\": VPC {vpcId} has {vpc.CidrBlock}; allowed: {vpc.CidrBlock}");
        return new CheckedVpc(vpc.Id, vpc.RouteTableId);
    }
}

/// <summary>
/// Internet egress in a VPC the stack did not create: an enhanced NAT gateway adds the route
/// 0.0.0.0/0 to itself to the VPC's system route table when it is created ("After you create an
/// enhanced Internet NAT gateway, a route entry is automatically added to the route table of the VPC.
/// The destination CIDR block of the route entry is 0.0.0.0/0 and the next hop is the NAT gateway":
/// VPC CreateNatGateway API), so the stack declares no route; the provider refuses a duplicate entry
/// (RouterEntryConflictDuplicated, terraform-provider-alicloud resource_alicloud_route_entry.go). A VPC
/// that already routes 0.0.0.0/0 elsewhere (a firewall, another NAT gateway) would keep sending the
/// cluster's traffic there, and the SNAT entries would carry nothing: such a stack is refused before
/// anything is declared.
/// </summary>
public static class DefaultRoute
{
    public const string LookupToken = "alicloud:vpc/getRouteEntries:getRouteEntries";
    public const string Destination = "0.0.0.0/0";

    /// <summary>Looks up the route table's default route (awaited before anything else is declared) and refuses one.</summary>
    public static async Task CheckAbsentAsync(CheckedVpc vpc, ProviderResource provider)
    {
        var result = await GetRouteEntries.InvokeAsync(new GetRouteEntriesArgs { RouteTableId = vpc.RouteTableId, CidrBlock = Destination },
            new InvokeOptions { Provider = provider }).ConfigureAwait(false);
        CheckAbsent(result, vpc);
    }

    /// <summary>Nothing when the route table has no default route; a RunException naming the key otherwise.</summary>
    public static void CheckAbsent(GetRouteEntriesResult result, CheckedVpc vpc)
    {
        if ((result.Entries.IsDefault ? null : result.Entries.FirstOrDefault(e => e.CidrBlock == Destination)) is not { } entry)
            return;
        throw new RunException($"{ConfigKeys.Section("network")}.internetEgress.enabled = \"true\": VPC {vpc.Id} already routes {Destination} to {entry.NextHopType} {entry.InstanceId} " +
            $"(route table {vpc.RouteTableId}), so the NAT gateway's own default route would not be the one taken and its SNAT entries would carry nothing; " +
            $"allowed: a VPC without a default route, or internetEgress.enabled false (the cluster then uses the VPC's own way out)");
    }
}

/// <summary>What <see cref="ClusterNetwork"/> is built from; an existing VPC's id once <see cref="ExistingVpc.LookupAsync"/> checked it.</summary>
public sealed record ClusterNetworkArgs(NetworkSpec Spec, IReadOnlyDictionary<string, string> Tags, CheckedVpc? CheckedVpc = null);

/// <summary>
/// The cluster's network: its VPC (created, or the customer's own given by id) and one vSwitch per
/// zone, with the CIDR blocks the spec planned.
/// </summary>
public sealed class ClusterNetwork : ComponentResource
{
    public const string TypeToken = "blink:network:ClusterNetwork";

    /// <summary>The VPC's id: the created VPC's output, or the id the spec gave.</summary>
    [Output("vpcId")]
    public Output<string> VpcId { get; private set; }

    /// <summary>The VPC's system route table, which every vSwitch of the cluster uses.</summary>
    [Output("routeTableId")]
    public Output<string> RouteTableId { get; private set; }

    /// <summary>The cluster vSwitches' ids by zone: machines and the control plane's ENIs.</summary>
    [Output("vswitchIds")]
    public Output<ImmutableDictionary<string, string>> VswitchIds { get; private set; }

    /// <summary>The pod vSwitches' ids by zone: Terway gives pods addresses from these.</summary>
    [Output("podVswitchIds")]
    public Output<ImmutableDictionary<string, string>> PodVswitchIds { get; private set; }

    public ClusterNetwork(string name, ClusterNetworkArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var spec = args.Spec;
        if (spec.ExistingVpcId is { } existingVpcId)
        {
            // The plan carved the vSwitches from the CIDR block the spec says the VPC has: the stack
            // checked that the VPC exists in its region and has it before declaring this component.
            VpcId = Output.Create(args.CheckedVpc?.Id == existingVpcId ? existingVpcId
                : throw new ArgumentException($"VPC {existingVpcId} is declared into before ExistingVpc.LookupAsync checked it", nameof(args)));
            RouteTableId = Output.Create(args.CheckedVpc.RouteTableId);
        }
        else
        {
            var vpc = new Pulumi.AliCloud.Vpc.Network($"{name}-vpc", new NetworkArgs
            {
                VpcName = $"{name}-vpc",
                CidrBlock = spec.VpcCidrBlock.ToString(),
                Description = $"BlinkInfra cluster {name}",
                Tags = Tagging.ToInputMap(args.Tags),
            }, new CustomResourceOptions { Parent = this });
            VpcId = vpc.Id;
            RouteTableId = vpc.RouteTableId;
        }

        VswitchIds = DeclareVswitches(name, "vsw", "", spec.Zones.Select(z => (z.ZoneId, z.CidrBlock.ToString())), args.Tags);
        PodVswitchIds = DeclareVswitches(name, "pod-vsw", "pods ", spec.Zones.Select(z => (z.ZoneId, z.PodCidrBlock.ToString())), args.Tags);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = VpcId,
            ["vswitchIds"] = VswitchIds,
            ["podVswitchIds"] = PodVswitchIds,
        });
    }

    /// <summary>One vSwitch per zone, named "&lt;name&gt;-&lt;role&gt;-&lt;zone&gt;"; their ids by zone.</summary>
    private Output<ImmutableDictionary<string, string>> DeclareVswitches(
        string name, string role, string purpose, IEnumerable<(string ZoneId, string CidrBlock)> zones, IReadOnlyDictionary<string, string> tags)
    {
        var vswitches = zones.Select(zone => (zone.ZoneId, Switch: new Switch($"{name}-{role}-{zone.ZoneId}", new SwitchArgs
        {
            VswitchName = $"{name}-{role}-{zone.ZoneId}",
            VpcId = VpcId,
            ZoneId = zone.ZoneId,
            CidrBlock = zone.CidrBlock,
            Description = $"BlinkInfra cluster {name}, {purpose}zone {zone.ZoneId}",
            Tags = Tagging.ToInputMap(tags),
        }, new CustomResourceOptions { Parent = this }))).ToList();

        return Output.All(vswitches.Select(v => v.Switch.Id))
            .Apply(ids => vswitches.Select((v, i) => (v.ZoneId, Id: ids[i]))
                .ToImmutableDictionary(pair => pair.ZoneId, pair => pair.Id));
    }
}
