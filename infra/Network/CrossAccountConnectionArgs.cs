using System.Collections.Generic;
using System.Collections.Immutable;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.Cen;
using Pulumi.AliCloud.Cen.Inputs;
// Pulumi.AliCloud.Cen has a RouteEntry (and RouteEntryArgs) of its own: the VPC's is named in full.
using VpcRouteEntry = Pulumi.AliCloud.Vpc.RouteEntry;
using VpcRouteEntryArgs = Pulumi.AliCloud.Vpc.RouteEntryArgs;

namespace BlinkInfra.Network;

/// <summary>What <see cref="CrossAccountConnection"/> is built from; the tenant VPC's route table once the stack looked it up.</summary>
public sealed record CrossAccountConnectionArgs(
    CrossAccountSpec Spec,
    Input<string> ClusterVpcId,
    Input<string> ClusterRouteTableId,
    ImmutableArray<string> Zones,
    Output<ImmutableDictionary<string, string>> VswitchIds,
    ImmutableArray<string> PodCidrBlocks,
    string TenantRouteTableId,
    ProviderResource TenantProvider,
    IReadOnlyDictionary<string, string> Tags);
