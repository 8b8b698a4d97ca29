using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.Ecs;
using Pulumi.AliCloud.Vpc;

namespace BlinkInfra.Network;

/// <summary>What <see cref="InternetEgress"/> is built from.</summary>
public sealed record InternetEgressArgs(
    InternetEgressSpec Spec,
    Input<string> VpcId,
    ImmutableArray<string> Zones,
    Output<ImmutableDictionary<string, string>> VswitchIds,
    Output<ImmutableDictionary<string, string>> PodVswitchIds,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The cluster's only way to the internet: an enhanced NAT gateway billed by LCU, an EIP associated
/// with it, and one SNAT entry per cluster vSwitch (nodes and pods). The SNAT entries depend on the
/// association, so they are created after it and deleted before it; the gateway is deleted with
/// force, so no entry left behind blocks it.
/// </summary>
public sealed class InternetEgress : ComponentResource
{
    public const string TypeToken = "blink:network:InternetEgress";

    [Output("natGatewayId")]
    public Output<string> NatGatewayId { get; private set; }

    [Output("egressIp")]
    public Output<string> EgressIp { get; private set; }

    /// <summary>The SNAT entries: the nodes and pods reach the internet once they exist.</summary>
    public ImmutableArray<Resource> SnatEntries { get; }

    public InternetEgress(string name, InternetEgressArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var childOptions = () => new CustomResourceOptions { Parent = this };

        var nat = new NatGateway($"{name}-nat", new NatGatewayArgs
        {
            NatGatewayName = DerivedNames.NatGateway(name),
            Description = DerivedNames.NatGatewayDescription(name),
            VpcId = args.VpcId,
            VswitchId = args.VswitchIds.Apply(ids => ids[args.Zones[0]]),
            NatType = "Enhanced",
            PaymentType = "PayAsYouGo",
            InternetChargeType = "PayByLcu",
            Force = true,
            Tags = Tagging.ToInputMap(args.Tags),
        }, childOptions());

        var eip = new EipAddress($"{name}-eip", new EipAddressArgs
        {
            AddressName = DerivedNames.Eip(name),
            Description = DerivedNames.EipDescription(name),
            Bandwidth = args.Spec.BandwidthMbps.ToString(CultureInfo.InvariantCulture),
            InternetChargeType = "PayByTraffic",
            PaymentType = "PayAsYouGo",
            Tags = Tagging.ToInputMap(args.Tags),
        }, childOptions());

        var association = new EipAssociation($"{name}-eip-nat", new EipAssociationArgs
        {
            AllocationId = eip.Id,
            InstanceId = nat.Id,
            InstanceType = "Nat",
        }, childOptions());

        // An enhanced NAT gateway has one SNAT table; the provider reports it in a comma-separated list.
        var snatTableId = nat.SnatTableIds.Apply(ids => ids.Split(',')[0]);
        var sources = args.Zones.Select(zone => (Name: DerivedNames.SnatSource(zone, pods: false), Ids: args.VswitchIds, Zone: zone))
            .Concat(args.Zones.Select(zone => (Name: DerivedNames.SnatSource(zone, pods: true), Ids: args.PodVswitchIds, Zone: zone)));
        var snatEntries = ImmutableArray.CreateBuilder<Resource>();
        foreach (var source in sources)
        {
            snatEntries.Add(new SnatEntry($"{name}-snat-{source.Name}", new SnatEntryArgs
            {
                SnatEntryName = DerivedNames.SnatEntry(name, source.Name),
                SnatTableId = snatTableId,
                SourceVswitchId = source.Ids.Apply(ids => ids[source.Zone]),
                SnatIp = eip.IpAddress,
            }, new CustomResourceOptions { Parent = this, DependsOn = { association } }));
        }
        SnatEntries = snatEntries.ToImmutable();

        NatGatewayId = nat.Id;
        EgressIp = eip.IpAddress;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["natGatewayId"] = NatGatewayId,
            ["egressIp"] = EgressIp,
        });
    }
}
