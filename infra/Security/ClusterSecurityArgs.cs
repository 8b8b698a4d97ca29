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
public sealed class ClusterSecurityArgs
{
    /// <summary>The cluster's VPC, which the groups belong to.</summary>
    public required Input<string> VpcId { get; init; }

    /// <summary>The security section of the spec: the peer groups let in.</summary>
    public required SecuritySpec Spec { get; init; }

    /// <summary>The endpoints the pods reach (Kafka, RDS, ...): one egress rule per group each.</summary>
    public required ImmutableArray<DataEndpointSpec> Endpoints { get; init; }

    /// <summary>The blocks of the cluster's node vSwitches, where the API server's intranet load balancer sits.</summary>
    public required ImmutableArray<string> ClusterVswitchBlocks { get; init; }

    /// <summary>Whether the stack has internet egress: the groups then let out <see cref="InternetPorts"/> to anywhere.</summary>
    public required bool InternetEgress { get; init; }

    /// <summary>The stack's tags, on every resource that takes tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>With internet egress, the tcp ports let out to anywhere: HTTP(S), or the allowed hosts' behind a NAT firewall.</summary>
    public ImmutableArray<int> InternetPorts { get; init; } = BlinkInfra.Facts.PodNetworking.InternetPorts;

    /// <summary>Whether a NAT firewall narrows the internet to named hosts (the rules' descriptions say so).</summary>
    public bool HostsFiltered { get; init; }
}
