using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:compute`.</summary>
public sealed class ComputeConfig
{
    [ConfigDoc("`true`: 3 master machines spread over the first 3 zones (one each), in a deployment set with the Availability strategy (needs 3 zones); `false`: 1 master machine in the first zone", Default = "`true`")]
    public bool? HighAvailability { get; set; }
    public MastersConfig? Masters { get; set; }
    public KubernetesConfig? Kubernetes { get; set; }
    [ConfigDoc("a list of pools; {=ComputeUnits.MinWorkers} to {=ComputeUnits.MaxWorkers} workers in all", Default = "(required)")]
    public List<WorkerPoolConfig> WorkerPools { get; set; } = new();
}
