using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>The cluster's VPC: created (ExistingVpcId null) or the customer's own, given by id.</summary>
public sealed record NetworkSpec(
    string? ExistingVpcId,
    string VpcCidrBlock,
    ImmutableArray<string> UsedCidrBlocks,
    ImmutableArray<ZoneSpec> Zones,
    InternetEgressSpec InternetEgress);
