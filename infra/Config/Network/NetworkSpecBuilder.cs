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
    /// <summary>Plans the vSwitch blocks of the zones that do not give one.</summary>
    private static IReadOnlyList<IPNetwork2>? PlanOrReport(IPNetwork2 vpc, byte prefix, List<IPNetwork2?> explicitBlocks, List<IPNetwork2> used,
        NetworkConfig network, string what, List<SpecError> errors)
    {
        var plan = CidrPlanner.Plan(new CidrPlanner.Request(vpc, prefix, explicitBlocks, used));
        if (plan != null)
            return plan;
        var needed = explicitBlocks.Count(b => b is null);
        var free = CidrPlanner.FreeBlocks(vpc, prefix, used.Concat(explicitBlocks.OfType<IPNetwork2>()).ToList(), needed);
        errors.Add(new SpecError($"{ConfigKeys.Section("network")}.zones", string.Join(", ", network.Zones.Select(z => z.Id)),
            $"{needed} zone(s) need a free /{prefix} {what} block each but the VPC's {vpc} has {free} left; allowed: a larger network.cidrBlock, longer network.vswitchPrefixLength or podVswitchPrefixLength, fewer zones, or explicit zones[].cidrBlock and podCidrBlock"));
        return null;
    }

    public static NetworkSpec? Build(NetworkConfig network, List<SpecError> errors)
    {
        var vpc = SpecDefaults.VpcNetwork(network)!;
        var prefix = network.VswitchPrefixLength ?? SpecDefaults.VswitchPrefixLength;
        if (prefix < vpc.Cidr)
        {
            errors.Add(new SpecError($"{ConfigKeys.Section("network")}.vswitchPrefixLength", prefix.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a vSwitch cannot be larger than its VPC ({vpc}); allowed: {Math.Max((int)vpc.Cidr, AlibabaCloud.VswitchMinPrefixLength)} to {AlibabaCloud.VswitchMaxPrefixLength}"));
            return null;
        }

        var podPrefix = network.PodVswitchPrefixLength ?? Math.Max(ClusterDefaults.PodVswitchPrefixLength, (int)vpc.Cidr);
        if (podPrefix < vpc.Cidr)
        {
            errors.Add(new SpecError($"{ConfigKeys.Section("network")}.podVswitchPrefixLength", podPrefix.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a vSwitch cannot be larger than its VPC ({vpc}); allowed: {Math.Max((int)vpc.Cidr, AlibabaCloud.VswitchMinPrefixLength)} to {AlibabaCloud.VswitchMaxPrefixLength}"));
            return null;
        }

        var used = network.UsedCidrBlocks.Select(IPNetwork2.Parse).ToList();
        var explicitNodeBlocks = network.Zones.Select(z => z.CidrBlock is null ? null : IPNetwork2.Parse(z.CidrBlock)).ToList();
        var explicitPodBlocks = network.Zones.Select(z => z.PodCidrBlock is null ? null : IPNetwork2.Parse(z.PodCidrBlock)).ToList();

        // Node vSwitches first, then pod vSwitches around them; blocks given for either are kept.
        var nodePlan = PlanOrReport(vpc, (byte)prefix, explicitNodeBlocks, used.Concat(explicitPodBlocks.OfType<IPNetwork2>()).ToList(), network, "vSwitch", errors);
        if (nodePlan == null)
            return null;
        var podPlan = PlanOrReport(vpc, (byte)podPrefix, explicitPodBlocks, used.Concat(nodePlan).ToList(), network, "pod vSwitch", errors);
        if (podPlan == null)
            return null;

        var zones = network.Zones
            .Select((zone, i) => new ZoneSpec(zone.Id!, nodePlan[i], podPlan[i]))
            .ToImmutableArray();
        var egress = new InternetEgressSpec(network.InternetEgress?.Enabled ?? false, network.InternetEgress?.BandwidthMbps ?? SpecDefaults.EgressBandwidthMbps);
        return new NetworkSpec(network.VpcId, vpc, zones, egress);
    }
}
