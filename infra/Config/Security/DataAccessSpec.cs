using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>
/// The customer's sources and sinks, reached by the pods directly (each one an egress rule on the pods'
/// security groups), and, across accounts, the tenant VPC they live in.
/// </summary>
public sealed record DataAccessSpec(
    CrossAccountSpec? CrossAccount,
    ImmutableArray<DataEndpointSpec> Endpoints);
