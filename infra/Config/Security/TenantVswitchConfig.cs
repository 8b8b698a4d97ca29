namespace BlinkInfra.Config;

/// <summary>A vSwitch of the tenant's VPC the transit router attaches to.</summary>
public sealed class TenantVswitchConfig
{
    public string? Id { get; set; }
    public string? Zone { get; set; }
}
