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
    public static SecuritySpec Build(SecurityConfig security, SpecContext context)
        => new(security.PeerGroups.Select(peer => new PeerGroupSpec(
            peer.SecurityGroupId!,
            peer.Role ?? SecurityValidator.Roles[0],
            peer.Protocol!,
            PortRanges.For(peer.Protocol!, peer.Ports, out _)!,
            peer.Description)).ToImmutableArray(),
            KmsValidator.Build(security.Kms),
            security.BreakGlass is { } breakGlass ? new BreakGlassSpec(breakGlass.KeyPairName!, breakGlass.PublicKey) : null);

    /// <summary>
    /// The addresses an endpoint's egress rule opens: its cidr as parsed once, or its host as a /32 when the host is an
    /// IPv4 address (the validator requires one or the other); null for a host name without a cidr (refused there).
    /// </summary>
    public static IPNetwork2? BlockOf(DataEndpointConfig endpoint)
        => endpoint.Cidr?.Block ?? (endpoint.Host?.Address is { } address ? new IPNetwork2(address, 32) : null);

    /// <summary>The key and text an endpoint's block comes from (<see cref="BlockOf"/>), for its errors: its cidr, or its host.</summary>
    private static (string Key, string? Given) BlockSource(int index, DataEndpointConfig endpoint)
        => ($"{ConfigKeys.Section("dataAccess")}.endpoints[{index}].{(endpoint.Cidr is null ? "host" : "cidr")}", endpoint.Cidr?.Text ?? endpoint.Host?.Text);

    /// <summary>An endpoint is not an address of the cluster's own node or pod vSwitches.</summary>
    private static void CheckEndpoints(DataAccessConfig dataAccess, NetworkSpec network, List<SpecError> errors)
    {
        var own = network.Zones
            .SelectMany(z => new[] { ($"the node vSwitch of {z.ZoneId}", z.CidrBlock), ($"the pod vSwitch of {z.ZoneId}", z.PodCidrBlock) })
            .ToList();
        for (var i = 0; i < dataAccess.Endpoints.Count; i++)
        {
            var endpoint = dataAccess.Endpoints[i];
            if (BlockOf(endpoint) is not { } block)
                continue;
            var inside = own.FirstOrDefault(o => o.Item2.Contains(block));
            if (inside.Item1 != null)
            {
                var (key, given) = BlockSource(i, endpoint);
                errors.Add(new SpecError(DiagnosticCatalogue.BlocksOverlap, key, given,
                    $"lies inside {inside.Item1} ({inside.Item2}), the cluster's own addresses; allowed: the endpoint's addresses, outside the cluster's vSwitches"));
            }
        }
    }

    /// <summary>
    /// Across accounts, what the cluster's pods reach goes where a route sends it: the cluster's VPC routes the
    /// tenant's block (and only it) to the transit router, Alibaba Cloud's own services (100.64.0.0/10) stay in
    /// the VPC, and public addresses leave through the NAT gateway when the stack has one. An endpoint anywhere
    /// else is routed nowhere it could be: in the tenant's VPC it must lie inside the tenant's block.
    /// </summary>
    private static void CheckEndpointsAcrossAccounts(DataAccessConfig dataAccess, NetworkSpec network, IPNetwork2 tenantBlock, List<SpecError> errors)
    {
        var services = KnownBlocks.AlibabaServices;
        var privateRanges = KnownBlocks.PrivateRanges;
        for (var i = 0; i < dataAccess.Endpoints.Count; i++)
        {
            var endpoint = dataAccess.Endpoints[i];
            if (BlockOf(endpoint) is not { } block)
                continue;
            if (tenantBlock.Contains(block) || network.VpcCidrBlock.Contains(block) || services.Contains(block))
                continue;
            var isPublic = !privateRanges.Any(range => range.Overlap(block)) && !services.Overlap(block);
            if (isPublic && network.InternetEgress.Enabled)
                continue;
            var where = tenantBlock.Overlap(block) ? $"reaches past the tenant's block {tenantBlock}" : $"lies outside the tenant's block {tenantBlock}";
            var why = isPublic
                ? "and the stack has no internet egress (blink-infra:network.internetEgress) to reach a public address"
                : $"and the cluster's VPC routes only that block to the transit router (the route blink-infra:dataAccess.crossAccount.cidrBlock declares), so these addresses are routed to neither VPC";
            var (key, given) = BlockSource(i, endpoint);
            errors.Add(new SpecError(DiagnosticCatalogue.CidrNotAllowed, key, given,
                $"{where} (blink-infra:dataAccess.crossAccount.cidrBlock), {why}; allowed: an endpoint in the tenant's VPC, inside {tenantBlock}, one in the cluster's VPC {network.VpcCidrBlock}, or one of Alibaba Cloud's services inside {PodNetworking.AlibabaServiceBlock}"));
        }
    }

    /// <summary>
    /// The data-access spec, checked against the cluster's VPC: no endpoint inside the cluster's own
    /// vSwitches; across accounts, the tenant's VPC must not overlap it (the transit router routes each
    /// block to one side).
    /// </summary>
    public static DataAccessSpec? Build(DataAccessConfig dataAccess, SpecContext context)
    {
        if (context.Network is not { } network)
            return null;
        var errors = context.Errors;
        var errorCount = errors.Count;
        CheckEndpoints(dataAccess, network, errors);
        var endpoints = dataAccess.Endpoints.Select(e => new DataEndpointSpec(
            e.Name!, e.Kind!, e.Host?.Text, BlockOf(e)!, e.Port ?? DataEndpointKinds.Find(e.Kind!)!.DefaultPort)).ToImmutableArray();
        if (dataAccess.CrossAccount is not { } cross)
            return errors.Count > errorCount ? null : new DataAccessSpec(null, endpoints);

        var tenantBlock = cross.CidrBlock!.Block!;
        if (tenantBlock.Overlap(network.VpcCidrBlock))
        {
            errors.Add(new SpecError(DiagnosticCatalogue.BlocksOverlap, $"{ConfigKeys.Section("dataAccess")}.crossAccount.cidrBlock", cross.CidrBlock.Text,
                $"overlaps the cluster's VPC {network.VpcCidrBlock} (blink-infra:network.cidrBlock): the transit router routes each block to one VPC; allowed: a tenant VPC whose block does not overlap the cluster's"));
            return null;
        }
        // The transit router's connection to the cluster's VPC takes its node vSwitches, one per zone: two zones at least.
        if (network.Zones.Length < TransitRouterCen.MinAttachmentZones)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.OutOfRange, $"{ConfigKeys.Section("network")}.zones", "[" + string.Join(", ", network.Zones.Select(z => z.ZoneId)) + "]",
                $"{network.Zones.Length} zone, and {ConfigKeys.Section("dataAccess")}.crossAccount attaches the cluster's VPC to a transit router through the node vSwitches: {TransitRouterCen.ZonesRule}; allowed: at least {TransitRouterCen.MinAttachmentZones} zones"));
        }
        CheckEndpointsAcrossAccounts(dataAccess, network, tenantBlock, errors);
        if (errors.Count > errorCount)
            return null;
        return new DataAccessSpec(
            new CrossAccountSpec(
                cross.TenantRoleArn!.Text,
                cross.PlatformAccountId!,
                cross.TenantRoleArn.Account!,
                cross.VpcId!,
                tenantBlock,
                cross.Vswitches.Select(v => new TenantVswitchSpec(v.Id!, v.Zone!)).ToImmutableArray()),
            endpoints);
    }
}
