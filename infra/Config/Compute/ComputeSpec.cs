using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>The cluster's Kubernetes, masters and worker pools.</summary>
public sealed record ComputeSpec(
    bool HighAvailability,
    KubernetesSpec Kubernetes,
    MasterSpec Masters,
    ImmutableArray<WorkerPoolSpec> WorkerPools,
    int? TotalComputeUnits);
