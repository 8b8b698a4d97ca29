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
    IReadOnlyDictionary<string, string> Tags);
