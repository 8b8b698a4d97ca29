using System.Collections.Immutable;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

// The typed, validated spec the components are built from. Everything in it has been checked and
// defaulted; components never read config themselves.

public sealed record StackSpec(ClusterSpec Cluster, NetworkSpec Network);

public sealed record ClusterSpec(
    string Name,
    string Region,
    BillingMode Billing,
    ImmutableSortedDictionary<string, string> Tags);

/// <summary>The cluster's VPC: created (ExistingVpcId null) or the customer's own, given by id.</summary>
public sealed record NetworkSpec(
    string? ExistingVpcId,
    string VpcCidrBlock,
    ImmutableArray<string> UsedCidrBlocks,
    ImmutableArray<ZoneSpec> Zones);

/// <summary>One zone of the cluster and the CIDR block of its vSwitch (given or planned).</summary>
public sealed record ZoneSpec(string ZoneId, string CidrBlock, bool Planned);
