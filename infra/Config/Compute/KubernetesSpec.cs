
namespace BlinkInfra.Config;

public sealed record KubernetesSpec(string ClusterSpec, string? Version, string ServiceCidr, bool ApiServerPublic);
