using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>
/// Where a pod that uses RRSA exchanges its OIDC token for STS credentials. Sources, read 2026-12-05:
/// - aliyun/credentials-java, OIDCRoleArnCredentialProvider: STSEndpoint defaults to "sts.aliyuncs.com", STS's public
///   endpoint; built through its builder (Client(Config) does so for oidc_role_arn in current versions), it takes
///   "sts-vpc.&lt;region&gt;.aliyuncs.com" when ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED is true and ALIBABA_CLOUD_STS_REGION
///   names the region (AuthUtils.isEnableVpcEndpoint, getEnvironmentSTSRegion); older versions' Config constructor
///   reads only config.STSEndpoint, so images/flink-rrsa's provider sets the endpoint itself from the same two variables.
///   The same variable names in credentials-nodejs, -python, -php and -go (their sources and READMEs).
/// - RAM, "Endpoints" (alibabacloud.com/help/en/ram/endpoints, last updated 2025-08-20): STS's VPC access address in
///   every region of the catalogue, sts-vpc.&lt;region&gt;.aliyuncs.com (cn-hangzhou, cn-shanghai, cn-beijing, cn-shenzhen,
///   cn-zhangjiakou, cn-hongkong, ap-southeast-1), reachable from the region's VPCs without internet access.
/// Alibaba Cloud's VPC service endpoints lie in 100.64.0.0/10 (ACK's least-privilege outbound rule,
/// PodNetworking.AlibabaServiceBlock), which every pod group already lets out: no rule of their own.
/// </summary>
public static class StsEndpoints
{
    public const string RegionVariable = "ALIBABA_CLOUD_STS_REGION";
    public const string VpcEndpointVariable = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";

    /// <summary>STS's public endpoint, the library's default: only through internet egress.</summary>
    public const string PublicEndpoint = "sts.aliyuncs.com";

    /// <summary>STS's endpoint inside a region's VPCs.</summary>
    public static string VpcEndpoint(string region) => $"sts-vpc.{region}.aliyuncs.com";

    /// <summary>The environment every RRSA pod gets, so the credentials library asks the region's VPC endpoint.</summary>
    public static ImmutableArray<(string Name, string Value)> Environment(string region)
        => ImmutableArray.Create((RegionVariable, region), (VpcEndpointVariable, "true"));
}
