using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.Vpc;

namespace BlinkInfra.Network;

/// <summary>What <see cref="ClusterNetwork"/> is built from.</summary>
public sealed record ClusterNetworkArgs(NetworkSpec Spec, IReadOnlyDictionary<string, string> Tags);

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

    /// <summary>The cluster vSwitches' ids by zone.</summary>
    [Output("vswitchIds")]
    public Output<ImmutableDictionary<string, string>> VswitchIds { get; private set; }

    public ClusterNetwork(string name, ClusterNetworkArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var spec = args.Spec;
        if (spec.ExistingVpcId is { } existingVpcId)
        {
            VpcId = Output.Create(existingVpcId);
        }
        else
        {
            var vpc = new Pulumi.AliCloud.Vpc.Network($"{name}-vpc", new NetworkArgs
            {
                VpcName = $"{name}-vpc",
                CidrBlock = spec.VpcCidrBlock,
                Description = $"BlinkInfra cluster {name}",
                Tags = Tagging.ToInputMap(args.Tags),
            }, new CustomResourceOptions { Parent = this });
            VpcId = vpc.Id;
        }

        var vswitches = spec.Zones.Select(zone => (zone.ZoneId, Switch: new Switch($"{name}-vsw-{zone.ZoneId}", new SwitchArgs
        {
            VswitchName = $"{name}-{zone.ZoneId}",
            VpcId = VpcId,
            ZoneId = zone.ZoneId,
            CidrBlock = zone.CidrBlock,
            Description = $"BlinkInfra cluster {name}, zone {zone.ZoneId}",
            Tags = Tagging.ToInputMap(args.Tags),
        }, new CustomResourceOptions { Parent = this }))).ToList();

        VswitchIds = Output.All(vswitches.Select(v => v.Switch.Id))
            .Apply(ids => vswitches.Select((v, i) => (v.ZoneId, Id: ids[i]))
                .ToImmutableDictionary(pair => pair.ZoneId, pair => pair.Id));

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = VpcId,
            ["vswitchIds"] = VswitchIds,
        });
    }
}
