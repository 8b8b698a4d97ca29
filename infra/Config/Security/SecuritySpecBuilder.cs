using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// Builds the security and data-access specs. The data-access ENIs (dataAccess.vswitches and
/// crossAccount) are refused while they have no master instance to attach to; the endpoints stand alone.
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
        var vpc = network.VpcCidrBlock;
        var own = network.Zones
            .SelectMany(z => new[] { ($"the node vSwitch of {z.ZoneId}", z.CidrBlock), ($"the pod vSwitch of {z.ZoneId}", z.PodCidrBlock) })
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

    public static DataAccessSpec? BuildDataAccess(DataAccessConfig dataAccess, NetworkSpec network, List<SpecError> errors)
    {
        var vswitches = dataAccess.Vswitches.Select(v => new DataVswitchSpec(v.Id!, v.Zone!, v.VpcId!)).ToImmutableArray();
        var crossAccount = dataAccess.CrossAccount is { } cross ? new CrossAccountSpec(cross.TenantRoleArn!, cross.PlatformAccountId!) : null;
        var endpoints = dataAccess.Endpoints.Select(e => new DataEndpointSpec(
            e.Name!, e.Kind!, e.Host, e.Cidr ?? $"{e.Host}/32", e.Port ?? DataEndpointKinds.Find(e.Kind!)!.DefaultPort)).ToImmutableArray();
        var errorCount = errors.Count;
        CheckAddresses(dataAccess, network, crossAccount != null, errors);
        // The ENIs were attached to master ECS instances. The master machines are now the nodes of a pool
        // that ACK creates and replaces, so Pulumi has no instance to attach an ENI to: ENIs attached to
        // nothing would carry no traffic. Until their attachment is replaced, the keys are refused.
        const string replaced = "the data-access ENIs were attached to master ECS instances, and the master machines are now nodes of a node pool that ACK creates and replaces, with no instance to attach them to; their attachment is being replaced";
        const string meanwhile = "meanwhile, carve the cluster inside the customer's VPC (blink-infra:network.vpcId), whose routes reach its vSwitches, and list the sources and sinks under dataAccess.endpoints alone";
        if (!vswitches.IsEmpty)
        {
            errors.Add(new SpecError($"{ConfigKeys.Section("dataAccess")}.vswitches", "[" + string.Join(", ", vswitches.Select(v => $"{v.Id} ({v.Zone})")) + "]",
                $"{replaced}; allowed: no vswitches ({meanwhile})"));
        }
        if (crossAccount is not null)
        {
            errors.Add(new SpecError($"{ConfigKeys.Section("dataAccess")}.crossAccount.tenantRoleArn", crossAccount.TenantRoleArn,
                $"{replaced}; allowed: no crossAccount ({meanwhile})"));
        }
        return errors.Count > errorCount ? null : new DataAccessSpec(vswitches, crossAccount, endpoints);
    }
}
