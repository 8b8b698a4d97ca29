using System.Collections.Generic;
using BlinkInfra.Config;

namespace BlinkInfra.Network;

/// <summary>What <see cref="ClusterNetwork"/> is built from, set by name as Pulumi's own Args are.</summary>
public sealed class ClusterNetworkArgs
{
    /// <summary>The network the spec planned: a new VPC or the customer's, its block, each zone's node and pod vSwitch blocks.</summary>
    public required NetworkSpec Spec { get; init; }

    /// <summary>The stack's tags, on every resource that takes tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>The customer's VPC once <see cref="ExistingVpc.LookupAsync"/> checked it; null for a new VPC.</summary>
    public CheckedVpc? CheckedVpc { get; init; }
}
