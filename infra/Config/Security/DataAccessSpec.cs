using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>The ENIs into the customer's VPC and the endpoints reached through them.</summary>
public sealed record DataAccessSpec(
    ImmutableArray<DataVswitchSpec> Vswitches,
    CrossAccountSpec? CrossAccount,
    ImmutableArray<DataEndpointSpec> Endpoints)
{
    public bool Enabled => Vswitches.Length > 0;
}
