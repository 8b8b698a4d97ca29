using System.Collections.Immutable;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

public sealed record WorkerPoolSpec(
    string Name,
    string Family,
    MachineKind Kind,
    ImmutableArray<string> InstanceTypes,
    PoolSize Size,
    ImmutableArray<string> Zones,
    string? GpuDriverVersion,
    string? ImageId,
    UsableResources? UsablePerNode)
{
    /// <summary>The CU each machine of the pool offers, whichever of its types ACK launches; null for types BlinkInfra does not know.</summary>
    public int? ComputeUnitsPerNode => UsablePerNode?.ComputeUnitCount;
}
