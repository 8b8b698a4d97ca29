using System.Collections.Generic;
using System.Collections.Immutable;
using BlinkInfra.Config;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.Ecs;

namespace BlinkInfra.Security;

/// <summary>
/// What <see cref="ClusterSecurity"/> is built from: the VPC, the peers, the endpoints the pods reach,
/// the blocks of the cluster's vSwitches (where the API server's intranet load balancer sits) and
/// whether the stack has internet egress.
/// </summary>
public sealed record ClusterSecurityArgs(
    Input<string> VpcId,
    SecuritySpec Spec,
    ImmutableArray<DataEndpointSpec> Endpoints,
    ImmutableArray<string> ClusterVswitchBlocks,
    bool InternetEgress,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>With internet egress, the tcp ports let out to anywhere: HTTP(S), or the allowed hosts' behind a NAT firewall.</summary>
    public ImmutableArray<int> InternetPorts { get; init; } = BlinkInfra.Facts.PodNetworking.InternetPorts;

    /// <summary>Whether a NAT firewall narrows the internet to named hosts (the rules' descriptions say so).</summary>
    public bool HostsFiltered { get; init; }
}
