using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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

    public static DataAccessSpec? BuildDataAccess(DataAccessConfig dataAccess, NetworkSpec network, ComputeSpec compute, List<SpecError> errors)
    {
        var vswitches = dataAccess.Vswitches.Select(v => new DataVswitchSpec(v.Id!, v.Zone!, v.VpcId!)).ToImmutableArray();
        var crossAccount = dataAccess.CrossAccount is { } cross ? new CrossAccountSpec(cross.TenantRoleArn!, cross.PlatformAccountId!) : null;
        var endpoints = dataAccess.Endpoints.Select(e => new DataEndpointSpec(
            e.Name!, e.Kind!, e.Host, e.Cidr ?? $"{e.Host}/32", e.Port ?? DataEndpointKinds.Find(e.Kind!)!.DefaultPort)).ToImmutableArray();
        if (vswitches.IsEmpty)
            return new DataAccessSpec(vswitches, crossAccount, endpoints);

        var key = $"{ConfigKeys.Section("dataAccess")}.vswitches";
        var given = "[" + string.Join(", ", vswitches.Select(v => $"{v.Id} ({v.Zone})")) + "]";
        var errorCount = errors.Count;
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
