namespace BlinkInfra.Config;

/// <summary>A vSwitch of the tenant's VPC the transit router attaches to.</summary>
public sealed record TenantVswitchSpec(string Id, string Zone);
