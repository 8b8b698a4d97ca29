using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:network` into a <see cref="NetworkSpec"/>: the VPC block, and each zone's node and pod vSwitch blocks, given or planned.</summary>
public static class NetworkSpecBuilder
{
    /// <summary>
    /// Node and pod blocks reserved for every zone of the region, in the catalogue's order, whether the
    /// stack uses the zone or not; the stack's zones take theirs (<see cref="CidrPlanner.PlanZones"/>).
    /// A zone's block so depends only on its place in the catalogue and on the blocks the config marks
    /// used: adding or removing a zone, or pinning one to any block, never moves another, unless the pinned
    /// block overlaps that other zone's own. Falls back to the stack's zones alone, in their order, when
    /// the VPC cannot hold a block of each size for every zone of the region, and to <see cref="CidrPlanner.Sequential"/>
    /// when it cannot hold one for every zone of the stack either.
    /// </summary>
    private static (IReadOnlyList<IPNetwork2> Nodes, IReadOnlyList<IPNetwork2> Pods)? Plan(
        IPNetwork2 vpc, byte prefix, byte podPrefix, NetworkConfig network, IReadOnlyList<string> regionZones, List<IPNetwork2> used, List<SpecError> errors)
    {
        var zones = network.Zones.Select(z => new CidrPlanner.Place(z.CidrBlock?.Block, z.PodCidrBlock?.Block)).ToList();
        var place = regionZones.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var ids = network.Zones.Select(z => z.Id).ToList();
        CidrPlanner.Outcome? outcome = null;
        if (ids.All(id => id is not null && place.ContainsKey(id)) && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count)
            outcome = CidrPlanner.PlanZones(vpc, prefix, podPrefix, zones, regionZones.Count, used, ids.Select(id => place[id!]).ToList());
        if (outcome is null or { Failure: { MovedPlace: null } })
            outcome = CidrPlanner.PlanZones(vpc, prefix, podPrefix, zones, zones.Count, used);
        if (outcome.Failure is null)
            return (outcome.Nodes!, outcome.Pods!);
        if (outcome.Failure is { MovedPlace: int moved } failure)
        {
            var zone = network.Zones[moved];
            var pinnedBy = network.Zones.SelectMany((z, i) => new[] { ("cidrBlock", z.CidrBlock), ("podCidrBlock", z.PodCidrBlock) }
                .Where(pin => pin.Item2?.Block is { } block && block.Overlap(failure.Reservation!))
                .Select(pin => $"{ConfigKeys.Section("network")}.zones[{i}].{pin.Item1}"));
            var (what, key, size) = failure.Pod ? ("pod vSwitch", "podCidrBlock", podPrefix) : ("vSwitch", "cidrBlock", prefix);
            errors.Add(new SpecError(DiagnosticCatalogue.BlocksOverlap, $"{ConfigKeys.Section("network")}.zones[{moved}].id", zone.Id,
                $"the {what} block reserved for this zone, {failure.Reservation}, is pinned by {string.Join(" and ", pinnedBy)}, and the VPC's {vpc} has no free /{size} block left to move it to; "
                + $"allowed: pin zones[{moved}].{key} to a block of its own, or pin the other zone elsewhere"));
            return null;
        }
        // Too small to reserve a block for each of the stack's zones: the unpinned ones around the pinned, in their order.
        return PlanOrReport(vpc, prefix, podPrefix, network, used, errors);
    }

    /// <summary>The stack's zones alone, in their order, each without a pinned block taking the first free one.</summary>
    private static (IReadOnlyList<IPNetwork2> Nodes, IReadOnlyList<IPNetwork2> Pods)? PlanOrReport(
        IPNetwork2 vpc, byte prefix, byte podPrefix, NetworkConfig network, List<IPNetwork2> used, List<SpecError> errors)
    {
        var explicitNodes = network.Zones.Select(z => z.CidrBlock?.Block).ToList();
        var explicitPods = network.Zones.Select(z => z.PodCidrBlock?.Block).ToList();
        // Node vSwitches first, then pod vSwitches around them; blocks given for either are kept.
        var nodes = PlanOrReport(vpc, prefix, explicitNodes, used.Concat(explicitPods.OfType<IPNetwork2>()).ToList(), network, "vSwitch", errors);
        if (nodes is null)
            return null;
        var pods = PlanOrReport(vpc, podPrefix, explicitPods, used.Concat(nodes).ToList(), network, "pod vSwitch", errors);
        return pods is null ? null : (nodes, pods);
    }


    /// <summary>Plans the vSwitch blocks of the zones that do not give one.</summary>
    private static IReadOnlyList<IPNetwork2>? PlanOrReport(IPNetwork2 vpc, byte prefix, List<IPNetwork2?> explicitBlocks, List<IPNetwork2> used,
        NetworkConfig network, string what, List<SpecError> errors)
    {
        var plan = CidrPlanner.Sequential(new CidrPlanner.Request(vpc, prefix, explicitBlocks, used));
        if (plan != null)
            return plan;
        var needed = explicitBlocks.Count(b => b is null);
        var free = CidrPlanner.FreeBlocks(vpc, prefix, used.Concat(explicitBlocks.OfType<IPNetwork2>()).ToList(), needed);
        errors.Add(new SpecError(DiagnosticCatalogue.NotEnoughAddresses, $"{ConfigKeys.Section("network")}.zones", string.Join(", ", network.Zones.Select(z => z.Id)),
            $"{needed} zone(s) need a free /{prefix} {what} block each but the VPC's {vpc} has {free} left; allowed: a larger network.cidrBlock, longer network.vswitchPrefixLength or podVswitchPrefixLength, fewer zones, or explicit zones[].cidrBlock and podCidrBlock"));
        return null;
    }

    /// <summary>
    /// The network spec of a validated config, in the context's region and VPC block (network.cidrBlock as parsed
    /// once, <see cref="VpcBlock"/>). The region's zones in the catalogue's order are the planning order: a block is
    /// planned for every zone of the region, present or not, so that adding, removing or pinning a zone never moves
    /// another zone's block (see <see cref="Plan"/>).
    /// </summary>
    public static NetworkSpec? Build(NetworkConfig network, SpecContext context)
    {
        if (context.Region is not { } region || context.Vpc?.Block is not { } vpc)
            return null;
        var regionZones = AlibabaCloud.ZonesOf(region);
        var errors = context.Errors;
        var prefix = network.VswitchPrefixLength ?? SpecDefaults.VswitchPrefixLength;
        if (prefix < vpc.Cidr)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.OutOfRange, $"{ConfigKeys.Section("network")}.vswitchPrefixLength", prefix.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a vSwitch cannot be larger than its VPC ({vpc}); allowed: {Math.Max((int)vpc.Cidr, AlibabaCloud.VswitchMinPrefixLength)} to {AlibabaCloud.VswitchMaxPrefixLength}"));
            return null;
        }

        var podPrefix = network.PodVswitchPrefixLength ?? Math.Max(ClusterDefaults.PodVswitchPrefixLength, (int)vpc.Cidr);
        if (podPrefix < vpc.Cidr)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.OutOfRange, $"{ConfigKeys.Section("network")}.podVswitchPrefixLength", podPrefix.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a vSwitch cannot be larger than its VPC ({vpc}); allowed: {Math.Max((int)vpc.Cidr, AlibabaCloud.VswitchMinPrefixLength)} to {AlibabaCloud.VswitchMaxPrefixLength}"));
            return null;
        }

        var used = network.UsedCidrBlocks.Select(b => b.Block!).ToList();
        var planned = Plan(vpc, (byte)prefix, (byte)podPrefix, network, regionZones, used, errors);
        if (planned is null)
            return null;

        var zones = network.Zones
            .Select((zone, i) => new ZoneSpec(zone.Id!, planned.Value.Nodes[i], planned.Value.Pods[i]))
            .ToImmutableArray();
        var egressConfig = network.InternetEgress;
        var firewall = egressConfig?.FirewallCidrBlock?.Block;
        // Cloud Firewall makes its vSwitch there: it must stay clear of every vSwitch the stack plans.
        if (firewall is not null && zones.SelectMany(z => new[] { z.CidrBlock, z.PodCidrBlock }).FirstOrDefault(b => b.Overlap(firewall)) is { } taken)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.BlocksOverlap, $"{ConfigKeys.Section("network")}.internetEgress.firewallCidrBlock", firewall.ToString(),
                $"overlaps {taken}, planned for a zone's vSwitch; allowed: a block of the VPC outside every planned block (the zones: block ./blink plan prints lists them)"));
            return null;
        }
        var egress = new InternetEgressSpec(egressConfig?.Enabled ?? false, egressConfig?.BandwidthMbps ?? SpecDefaults.EgressBandwidthMbps)
        {
            AllowedHosts = (egressConfig?.AllowedHosts ?? [])
                .Select(entry => new AllowedHost(entry.Host!, entry.Port!.Value))
                .ToImmutableArray(),
            FirewallBlock = firewall,
        };
        return new NetworkSpec(network.VpcId, vpc, zones, egress);
    }
}
