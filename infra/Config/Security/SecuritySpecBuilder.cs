using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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

    public static DataAccessSpec? BuildDataAccess(DataAccessConfig dataAccess, List<SpecError> errors)
    {
        var vswitches = dataAccess.Vswitches.Select(v => new DataVswitchSpec(v.Id!, v.Zone!, v.VpcId!)).ToImmutableArray();
        var crossAccount = dataAccess.CrossAccount is { } cross ? new CrossAccountSpec(cross.TenantRoleArn!, cross.PlatformAccountId!) : null;
        var endpoints = dataAccess.Endpoints.Select(e => new DataEndpointSpec(
            e.Name!, e.Kind!, e.Host, e.Cidr ?? $"{e.Host}/32", e.Port ?? DataEndpointKinds.Find(e.Kind!)!.DefaultPort)).ToImmutableArray();
        var errorCount = errors.Count;
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
