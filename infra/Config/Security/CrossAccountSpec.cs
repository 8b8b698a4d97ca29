
namespace BlinkInfra.Config;

public sealed record CrossAccountSpec(string TenantRoleArn, string PlatformAccountId);
