using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Config;

/// <summary>The cluster's Kubernetes, masters and worker pools.</summary>
public sealed record ComputeSpec(
    bool HighAvailability,
    KubernetesSpec Kubernetes,
    MasterSpec Masters,
    ImmutableArray<WorkerPoolSpec> WorkerPools)
{
    /// <summary>The CU the pools offer at their largest, which sizes the masters; null when a pool's types are unknown.</summary>
    public int? TotalComputeUnits => TotalComputeUnitsOf(WorkerPools);

    // At most 1000 workers of at most a machine's CU each: the total fits an int once the count is in
    // bounds, which the builder checks first; summed in long, so no intermediate can overflow.
    public static int? TotalComputeUnitsOf(ImmutableArray<WorkerPoolSpec> pools)
        => pools.All(p => p.ComputeUnitsPerNode != null) ? checked((int)pools.Sum(p => (long)p.Size.MaxNodes * p.ComputeUnitsPerNode!.Value)) : null;
}
