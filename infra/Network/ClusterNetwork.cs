using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.Vpc;

namespace BlinkInfra.Network;

/// <summary>The checks an existing VPC given by id must pass.</summary>
public static class ExistingVpc
{
    public const string LookupToken = "alicloud:vpc/getNetworks:getNetworks";

    /// <summary>
    /// Looks the VPC up by id through <paramref name="provider"/> (the stack's, pinned to the spec's
    /// region) and checks it: its id, or a RunException naming the key. The stack awaits this before
    /// declaring anything else, so a wrong VPC stops the run with that one message.
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
    public static async Task<string> LookupAsync(string vpcId, string specCidrBlock, ProviderResource provider)
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
            throw new RunException($"{ConfigKeys.Section("network")}.vpcId = \"{vpcId}\": the VPC could not be looked up: {failure.Message}");
        }
        return Check(result, vpcId, specCidrBlock);
    }

    /// <summary>The VPC's id when the lookup found it with the CIDR block the spec gives; a RunException naming the key otherwise.</summary>
    public static string Check(GetNetworksResult result, string vpcId, string specCidrBlock)
    {
        var vpc = result.Vpcs.IsDefault ? null : result.Vpcs.FirstOrDefault(v => v.Id == vpcId);
        if (vpc is null)
            throw new RunException($"{ConfigKeys.Section("network")}.vpcId = \"{vpcId}\": no VPC with this id in the stack's region; allowed: the id of an existing VPC of that region");
        if (vpc.CidrBlock != specCidrBlock)
            throw new RunException($"{ConfigKeys.Section("network")}.cidrBlock = \"{specCidrBlock}\": VPC {vpcId} has {vpc.CidrBlock}; allowed: {vpc.CidrBlock}");
        return vpc.Id;
    }
}

/// <summary>What <see cref="ClusterNetwork"/> is built from; an existing VPC's id once <see cref="ExistingVpc.LookupAsync"/> checked it.</summary>
public sealed record ClusterNetworkArgs(NetworkSpec Spec, IReadOnlyDictionary<string, string> Tags, string? CheckedVpcId = null);

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
            VpcId = Output.Create(args.CheckedVpcId == existingVpcId ? existingVpcId
                : throw new ArgumentException($"VPC {existingVpcId} is declared into before ExistingVpc.LookupAsync checked it", nameof(args)));
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
