using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// Builds the security and data-access specs, checking what spans sections: every master needs a
/// vSwitch of its own zone to put its ENI in, and (unless the ENIs live in a tenant's account) that
/// vSwitch must be in the VPC the master is in.
/// </summary>
public static class IsolationSpecBuilder
{
    public static SecuritySpec BuildSecurity(SecurityConfig security)
        => new(security.PeerGroups.Select(peer => new PeerGroupSpec(
            peer.SecurityGroupId!,
            peer.Role ?? SecurityValidator.Roles[0],
            peer.Protocol!,
            PortRanges.Normalise(peer.Protocol!, peer.Ports, out _)!,
            peer.Description)).ToImmutableArray());

    /// <summary>
    /// The tenant's networks and endpoints against the cluster's own: an endpoint is not an address of
    /// the cluster's node or pod vSwitches; a tenant vSwitch's block (when given) lies inside the
    /// cluster's VPC and clear of its vSwitches in the same account, and clear of the VPC across
    /// accounts (a master's ENI in an overlapping VPC could not tell the two apart).
    /// </summary>
    private static void CheckAddresses(DataAccessConfig dataAccess, NetworkSpec network, bool crossAccount, List<SpecError> errors)
    {
        var vpc = IPNetwork2.Parse(network.VpcCidrBlock);
        var own = network.Zones
            .SelectMany(z => new[] { ($"the node vSwitch of {z.ZoneId}", IPNetwork2.Parse(z.CidrBlock)), ($"the pod vSwitch of {z.ZoneId}", IPNetwork2.Parse(z.PodCidrBlock)) })
            .ToList();
        for (var i = 0; i < dataAccess.Endpoints.Count; i++)
        {
            var endpoint = dataAccess.Endpoints[i];
            var text = endpoint.Cidr ?? $"{endpoint.Host}/32";
            if (!IPNetwork2.TryParse(text, out var block))
                continue;
            var inside = own.FirstOrDefault(o => o.Item2.Contains(block));
            if (inside.Item1 != null)
            {
                errors.Add(new SpecError($"{ConfigKeys.Section("dataAccess")}.endpoints[{i}].{(endpoint.Cidr is null ? "host" : "cidr")}", endpoint.Cidr ?? endpoint.Host,
                    $"lies inside {inside.Item1} ({inside.Item2}), the cluster's own addresses; allowed: the endpoint's addresses, outside the cluster's vSwitches"));
            }
        }
        for (var i = 0; i < dataAccess.Vswitches.Count; i++)
        {
            var cidr = dataAccess.Vswitches[i].CidrBlock;
            if (cidr is null || !IPNetwork2.TryParse(cidr, out var block))
                continue;
            var key = $"{ConfigKeys.Section("dataAccess")}.vswitches[{i}].cidrBlock";
            if (crossAccount)
            {
                if (block.Overlap(vpc))
                    errors.Add(new SpecError(key, cidr, $"overlaps the cluster's VPC {vpc}: a master's ENI in the tenant's VPC could not tell the two apart; allowed: a tenant network outside {vpc}"));
            }
            else if (!vpc.Contains(block))
            {
                errors.Add(new SpecError(key, cidr, $"outside the cluster's VPC {vpc}, which this vSwitch is in; allowed: the vSwitch's block inside {vpc}"));
            }
            else if (own.FirstOrDefault(o => o.Item2.Overlap(block)) is { Item1: not null } clash)
            {
                errors.Add(new SpecError(key, cidr, $"overlaps {clash.Item1} ({clash.Item2}), which BlinkInfra plans; allowed: list the tenant's blocks in blink-infra:network.usedCidrBlocks so the planned vSwitches avoid them"));
            }
        }
    }

    public static DataAccessSpec? BuildDataAccess(DataAccessConfig dataAccess, NetworkSpec network, ComputeSpec compute, List<SpecError> errors)
    {
        var vswitches = dataAccess.Vswitches.Select(v => new DataVswitchSpec(v.Id!, v.Zone!, v.VpcId!)).ToImmutableArray();
        var crossAccount = dataAccess.CrossAccount is { } cross ? new CrossAccountSpec(cross.TenantRoleArn!, cross.PlatformAccountId!) : null;
        var endpoints = dataAccess.Endpoints.Select(e => new DataEndpointSpec(
            e.Name!, e.Kind!, e.Host, e.Cidr ?? $"{e.Host}/32", e.Port ?? DataEndpointKinds.Find(e.Kind!)!.DefaultPort)).ToImmutableArray();
        var errorCount = errors.Count;
        CheckAddresses(dataAccess, network, crossAccount != null, errors);
        if (vswitches.IsEmpty)
            return errors.Count > errorCount ? null : new DataAccessSpec(vswitches, crossAccount, endpoints);

        var key = $"{ConfigKeys.Section("dataAccess")}.vswitches";
        var given = "[" + string.Join(", ", vswitches.Select(v => $"{v.Id} ({v.Zone})")) + "]";
        foreach (var zone in compute.Masters.Zones)
        {
            if (vswitches.All(v => v.Zone != zone))
            {
                errors.Add(new SpecError(key, given,
                    $"the master in {zone} (blink-infra:network.zones) gets an ENI in a vSwitch of its own zone, and none is in {zone}; allowed: a vSwitch in each master zone: {string.Join(", ", compute.Masters.Zones)}"));
            }
        }

        if (crossAccount is null)
        {
            foreach (var (vswitch, i) in vswitches.Select((v, i) => (v, i)))
            {
                if (vswitch.VpcId == network.ExistingVpcId)
                    continue;
                errors.Add(new SpecError($"{key}[{i}].vpcId", vswitch.VpcId, network.ExistingVpcId is null
                    ? "an ENI must share its master's VPC, and blink-infra:network creates a VPC of its own; allowed: blink-infra:network.vpcId set to this VPC (the cluster carved inside it), or dataAccess.crossAccount"
                    : $"an ENI must share its master's VPC, blink-infra:network.vpcId = {network.ExistingVpcId}; allowed: {network.ExistingVpcId}, or dataAccess.crossAccount"));
            }
        }
        else if (vswitches.Select(v => v.VpcId).Distinct().Count() > 1)
        {
            errors.Add(new SpecError(key, given,
                $"the tenant's ENIs share one data-access security group, which lives in one VPC, and these vSwitches are in {string.Join(", ", vswitches.Select(v => v.VpcId).Distinct())}; allowed: vSwitches of one VPC"));
        }

        return errors.Count > errorCount ? null : new DataAccessSpec(vswitches, crossAccount, endpoints);
    }
}
