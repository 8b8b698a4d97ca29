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

    public static int? TotalComputeUnitsOf(ImmutableArray<WorkerPoolSpec> pools)
        => pools.All(p => p.ComputeUnitsPerNode != null) ? checked(pools.Sum(p => p.Size.MaxNodes * p.ComputeUnitsPerNode!.Value)) : null;
}
