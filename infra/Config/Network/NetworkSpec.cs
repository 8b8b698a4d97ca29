using System.Collections.Immutable;
using System.Net;

namespace BlinkInfra.Config;

/// <summary>The cluster's VPC: created (ExistingVpcId null) or the customer's own, given by id; its block and its zones.</summary>
public sealed record NetworkSpec(
    string? ExistingVpcId,
    IPNetwork2 VpcCidrBlock,
    ImmutableArray<ZoneSpec> Zones,
    InternetEgressSpec InternetEgress);
