using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// Builds the security and data-access specs (the retired dataAccess.vswitches never gets here: the
/// validator refuses it, saying what replaced it).
/// </summary>
public static class IsolationSpecBuilder
{
    public static SecuritySpec BuildSecurity(SecurityConfig security)
        => new(security.PeerGroups.Select(peer => new PeerGroupSpec(
            peer.SecurityGroupId!,
            peer.Role ?? SecurityValidator.Roles[0],
            peer.Protocol!,
            PortRanges.Normalise(peer.Protocol!, peer.Ports, out _)!,
            peer.Description)).ToImmutableArray(),
            KmsValidator.Build(security.Kms),
            security.BreakGlass is { } breakGlass ? new BreakGlassSpec(breakGlass.KeyPairName!, breakGlass.PublicKey) : null);

    /// <summary>An endpoint is not an address of the cluster's own node or pod vSwitches.</summary>
    private static void CheckEndpoints(DataAccessConfig dataAccess, NetworkSpec network, List<SpecError> errors)
    {
        var own = network.Zones
            .SelectMany(z => new[] { ($"the node vSwitch of {z.ZoneId}", z.CidrBlock), ($"the pod vSwitch of {z.ZoneId}", z.PodCidrBlock) })
            .ToList();
        for (var i = 0; i < dataAccess.Endpoints.Count; i++)
        {
            var endpoint = dataAccess.Endpoints[i];
            if (!IPNetwork2.TryParse(endpoint.Cidr ?? $"{endpoint.Host}/32", out var block))
                continue;
            var inside = own.FirstOrDefault(o => o.Item2.Contains(block));
            if (inside.Item1 != null)
            {
                errors.Add(new SpecError($"{ConfigKeys.Section("dataAccess")}.endpoints[{i}].{(endpoint.Cidr is null ? "host" : "cidr")}", endpoint.Cidr ?? endpoint.Host,
                    $"lies inside {inside.Item1} ({inside.Item2}), the cluster's own addresses; allowed: the endpoint's addresses, outside the cluster's vSwitches"));
            }
        }
    }

    /// <summary>
    /// The data-access spec, checked against the cluster's VPC: no endpoint inside the cluster's own
    /// vSwitches; across accounts, the tenant's VPC must not overlap it (the transit router routes each
    /// block to one side).
    /// </summary>
    public static DataAccessSpec? BuildDataAccess(DataAccessConfig dataAccess, NetworkSpec network, List<SpecError> errors)
    {
        var errorCount = errors.Count;
        CheckEndpoints(dataAccess, network, errors);
        var endpoints = dataAccess.Endpoints.Select(e => new DataEndpointSpec(
            e.Name!, e.Kind!, e.Host, e.Cidr ?? $"{e.Host}/32", e.Port ?? DataEndpointKinds.Find(e.Kind!)!.DefaultPort)).ToImmutableArray();
        if (dataAccess.CrossAccount is not { } cross)
            return errors.Count > errorCount ? null : new DataAccessSpec(null, endpoints);

        var tenantBlock = IPNetwork2.Parse(cross.CidrBlock!);
        if (tenantBlock.Overlap(network.VpcCidrBlock))
        {
            errors.Add(new SpecError($"{ConfigKeys.Section("dataAccess")}.crossAccount.cidrBlock", cross.CidrBlock,
                $"overlaps the cluster's VPC {network.VpcCidrBlock} (blink-infra:network.cidrBlock): the transit router routes each block to one VPC; allowed: a tenant VPC whose block does not overlap the cluster's"));
            return null;
        }
        return new DataAccessSpec(
            new CrossAccountSpec(
                cross.TenantRoleArn!,
                cross.PlatformAccountId!,
                DataAccessValidator.AccountOf(cross.TenantRoleArn)!,
                cross.VpcId!,
                cross.CidrBlock!,
                cross.Vswitches.Select(v => new TenantVswitchSpec(v.Id!, v.Zone!)).ToImmutableArray()),
            endpoints);
    }
}
