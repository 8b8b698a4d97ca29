using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:compute`.</summary>
public sealed class ComputeConfig
{
    public bool? HighAvailability { get; set; }
    public MastersConfig? Masters { get; set; }
    public KubernetesConfig? Kubernetes { get; set; }
    public List<WorkerPoolConfig> WorkerPools { get; set; } = new();
}
