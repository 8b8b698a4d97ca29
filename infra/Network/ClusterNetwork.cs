using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.Vpc;

namespace BlinkInfra.Network;

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
                VpcName = DerivedNames.Vpc(name),
                CidrBlock = spec.VpcCidrBlock.ToString(),
                Description = DerivedNames.VpcDescription(name),
                Tags = Tagging.ToInputMap(args.Tags),
            }, new CustomResourceOptions { Parent = this });
            VpcId = vpc.Id;
            RouteTableId = vpc.RouteTableId;
        }

        VswitchIds = DeclareVswitches(name, DerivedNames.NodesVswitchRole, spec.Zones.Select(z => (z.ZoneId, z.CidrBlock.ToString())), args.Tags);
        PodVswitchIds = DeclareVswitches(name, DerivedNames.PodsVswitchRole, spec.Zones.Select(z => (z.ZoneId, z.PodCidrBlock.ToString())), args.Tags);

        // Every [Output] property, under its name (ComponentResource.RegisterOutputs(), Pulumi 3.59 and later).
        RegisterOutputs();
    }

    /// <summary>One vSwitch per zone, named "&lt;name&gt;-&lt;role&gt;-&lt;zone&gt;"; their ids by zone.</summary>
    private Output<ImmutableDictionary<string, string>> DeclareVswitches(
        string name, string role, IEnumerable<(string ZoneId, string CidrBlock)> zones, IReadOnlyDictionary<string, string> tags)
    {
        var vswitches = zones.Select(zone => (zone.ZoneId, Switch: new Switch($"{name}-{role}-{zone.ZoneId}", new SwitchArgs
        {
            VswitchName = DerivedNames.Vswitch(name, role, zone.ZoneId),
            VpcId = VpcId,
            ZoneId = zone.ZoneId,
            CidrBlock = zone.CidrBlock,
            Description = DerivedNames.VswitchDescription(name, role, zone.ZoneId),
            Tags = Tagging.ToInputMap(tags),
        }, new CustomResourceOptions { Parent = this }))).ToList();

        return Output.All(vswitches.Select(v => v.Switch.Id))
            .Apply(ids => vswitches.Select((v, i) => (v.ZoneId, Id: ids[i]))
                .ToImmutableDictionary(pair => pair.ZoneId, pair => pair.Id));
    }
}
