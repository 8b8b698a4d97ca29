
namespace BlinkInfra.Config;

/// <summary>`blink-infra:dataAccess.crossAccount`: the ENIs live in a tenant's account.</summary>
public sealed class CrossAccountConfig
{
    public string? TenantRoleArn { get; set; }
    public string? PlatformAccountId { get; set; }
}
