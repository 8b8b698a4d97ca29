using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using Pulumi;
using Pulumi.AliCloud.CloudFirewall;
using Pulumi.AliCloud.CloudFirewall.Inputs;
using Pulumi.AliCloud.Ecs;
using Pulumi.AliCloud.Vpc;

namespace BlinkInfra.Network;

/// <summary>What <see cref="InternetEgress"/> is built from, set by name as Pulumi's own Args are.</summary>
public sealed class InternetEgressArgs
{
    /// <summary>The egress the spec asks for: bandwidth, and with allowed hosts the NAT firewall's block and hosts.</summary>
    public required InternetEgressSpec Spec { get; init; }

    /// <summary>The cluster's VPC, which the NAT gateway (and the NAT firewall) sit in.</summary>
    public required Input<string> VpcId { get; init; }

    /// <summary>The cluster's zones, in the spec's order: the NAT gateway takes the first one's vSwitch.</summary>
    public required ImmutableArray<string> Zones { get; init; }

    /// <summary>The node vSwitches by zone: one SNAT entry each.</summary>
    public required Output<ImmutableDictionary<string, string>> VswitchIds { get; init; }

    /// <summary>The pod vSwitches by zone: one SNAT entry each.</summary>
    public required Output<ImmutableDictionary<string, string>> PodVswitchIds { get; init; }

    /// <summary>The stack's tags, on every resource that takes tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>The route table of the VPC's default route, which a NAT firewall (with allowed hosts) switches to itself.</summary>
    public required Input<string> RouteTableId { get; init; }

    /// <summary>The stack's region, which a NAT firewall (with allowed hosts) is created in.</summary>
    public required string Region { get; init; }

    /// <summary>The VPC's block, the source of a NAT firewall's policies (with allowed hosts).</summary>
    public required string VpcCidrBlock { get; init; }
}

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
        if (args.Spec.Restricted)
            FilterByHost(name, args, nat.Id);

        NatGatewayId = nat.Id;
        EgressIp = eip.IpAddress;
        // Every [Output] property, under its name (ComponentResource.RegisterOutputs(), Pulumi 3.59 and later).
        RegisterOutputs();
    }

    /// <summary>
    /// Egress to the allowed hosts only (<see cref="EgressFirewall"/>): Cloud Firewall's NAT firewall in front of the
    /// gateway, switched on once the SNAT entries exist (switching moves the VPC's default route to the firewall), then
    /// an accept policy per host and port, in the config's order, and a last policy dropping the rest (Cloud Firewall
    /// lets through what no policy matches). The policies are created one after another, each with its order, so no
    /// two ask for a position at once.
    /// </summary>
    private void FilterByHost(string name, InternetEgressArgs args, Output<string> natGatewayId)
    {
        var firewall = new NatFirewall($"{name}-nat-firewall", new NatFirewallArgs
        {
            ProxyName = DerivedNames.NatFirewall(name),
            RegionNo = args.Region,
            VpcId = args.VpcId,
            NatGatewayId = natGatewayId,
            NatRouteEntryLists =
            {
                new NatFirewallNatRouteEntryListArgs
                {
                    DestinationCidr = EgressFirewall.DefaultRoute,
                    NexthopId = natGatewayId,
                    NexthopType = EgressFirewall.NexthopType,
                    RouteTableId = args.RouteTableId,
                },
            },
            VswitchAuto = "true",
            VswitchCidr = args.Spec.FirewallBlock!.ToString(),
            FirewallSwitch = EgressFirewall.FirewallOn,
        }, new CustomResourceOptions { Parent = this, DependsOn = SnatEntries.ToList() });

        Resource previous = firewall;
        var order = 1;
        foreach (var host in args.Spec.AllowedHosts)
        {
            previous = Policy($"{name}-egress-{DerivedNames.AllowedHostSuffix(host.Host)}-{host.Port.ToString(CultureInfo.InvariantCulture)}", new NatFirewallControlPolicyArgs
            {
                AclAction = EgressFirewall.Accept,
                Description = DerivedNames.EgressPolicyDescription(name, host.ToString()),
                Destination = host.Host,
                DestinationType = EgressFirewall.DomainDestination,
                DomainResolveType = EgressFirewall.FqdnAndDnsResolution,
                Proto = EgressFirewall.Tcp,
                DestPortType = EgressFirewall.PortType,
                DestPort = host.Port.ToString(CultureInfo.InvariantCulture),
            }, order++, previous, args, natGatewayId);
        }
        Policy($"{name}-egress-drop-rest", new NatFirewallControlPolicyArgs
        {
            AclAction = EgressFirewall.Drop,
            Description = DerivedNames.EgressDropDescription(name),
            Destination = EgressFirewall.DefaultRoute,
            DestinationType = EgressFirewall.NetDestination,
            Proto = EgressFirewall.AnyProtocol,
        }, order, previous, args, natGatewayId);
    }

    private NatFirewallControlPolicy Policy(string resourceName, NatFirewallControlPolicyArgs policy, int order, Resource after, InternetEgressArgs args, Output<string> natGatewayId)
    {
        policy.NatGatewayId = natGatewayId;
        policy.Direction = EgressFirewall.Out;
        policy.Source = args.VpcCidrBlock;
        policy.SourceType = EgressFirewall.NetSource;
        policy.ApplicationNameLists = EgressFirewall.AnyApplication.ToList();
        policy.IpVersion = "4";
        policy.Release = "true";
        policy.NewOrder = order.ToString(CultureInfo.InvariantCulture);
        return new NatFirewallControlPolicy(resourceName, policy, new CustomResourceOptions { Parent = this, DependsOn = { after } });
    }
}
