
namespace BlinkInfra.Config;

/// <summary>`blink-infra:compute.kubernetes`.</summary>
public sealed class KubernetesConfig
{
    public string? ClusterSpec { get; set; }
    public string? Version { get; set; }
    public string? ServiceCidr { get; set; }
    public bool? ApiServerPublic { get; set; }
    public bool? DeletionProtection { get; set; }
    public string? ProxyMode { get; set; }
}
