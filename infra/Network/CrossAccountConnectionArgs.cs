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

/// <summary>What <see cref="CrossAccountConnection"/> is built from, set by name as Pulumi's own Args are.</summary>
public sealed class CrossAccountConnectionArgs
{
    /// <summary>The tenant's side as the spec gives it: accounts, role, VPC, its block and vSwitches.</summary>
    public required CrossAccountSpec Spec { get; init; }

    /// <summary>The cluster's VPC, attached to the transit router.</summary>
    public required Input<string> ClusterVpcId { get; init; }

    /// <summary>The cluster VPC's route table, which gets the route to the tenant's block.</summary>
    public required Input<string> ClusterRouteTableId { get; init; }

    /// <summary>The cluster's zones, in the spec's order: the cluster attachment's zone mappings, one route back per zone.</summary>
    public required ImmutableArray<string> Zones { get; init; }

    /// <summary>The cluster's node vSwitches by zone: the cluster attachment's zone mappings.</summary>
    public required Output<ImmutableDictionary<string, string>> VswitchIds { get; init; }

    /// <summary>The pod vSwitch blocks, in the order of <see cref="Zones"/>: what the tenant's VPC routes back.</summary>
    public required ImmutableArray<string> PodCidrBlocks { get; init; }

    /// <summary>The tenant VPC's route table, as the stack looked it up.</summary>
    public required string TenantRouteTableId { get; init; }

    /// <summary>The provider that acts in the tenant's account (assuming the tenant's role).</summary>
    public required ProviderResource TenantProvider { get; init; }

    /// <summary>The stack's tags, on every resource that takes tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
