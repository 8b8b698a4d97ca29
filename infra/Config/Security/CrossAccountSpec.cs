using System.Collections.Immutable;
using System.Net;

namespace BlinkInfra.Config;

/// <summary>
/// The tenant's VPC the cluster reaches through a CEN transit router: the RAM role the stack assumes
/// there (its account is the tenant's, read from the role's ARN), the platform's account (the CEN's
/// owner), the tenant VPC, its CIDR block and the vSwitches the transit router attaches to.
/// </summary>
public sealed record CrossAccountSpec(
    string TenantRoleArn,
    string PlatformAccountId,
    string TenantAccountId,
    string VpcId,
    IPNetwork2 CidrBlock,
    ImmutableArray<TenantVswitchSpec> Vswitches);
