using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:dataAccess.crossAccount`: the customer's sources and sinks live in a VPC of another
/// account (the tenant's), connected to the cluster's VPC through a CEN transit router.
/// </summary>
public sealed class CrossAccountConfig
{
    public RoleArnValue? TenantRoleArn { get; set; }
    public string? PlatformAccountId { get; set; }
    public string? VpcId { get; set; }
    public CidrValue? CidrBlock { get; set; }
    public List<TenantVswitchConfig> Vswitches { get; set; } = new();
}
