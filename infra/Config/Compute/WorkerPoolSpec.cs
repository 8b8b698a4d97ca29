using System;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>A worker pool: its machines, size, zones and what each of its machines offers.</summary>
public sealed record WorkerPoolSpec(
    string Name,
    string Family,
    MachineKind Kind,
    ImmutableArray<string> InstanceTypes,
    PoolSize Size,
    ImmutableArray<string> Zones,
    string? GpuDriverVersion,
    string? ImageId,
    UsableResources? UsablePerNode,
    DataDiskSpec? DataDisk)
{
    /// <summary>Names the pool had before (`formerNames`): its node pool declares them as aliases.</summary>
    public ImmutableArray<string> FormerNames { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The CU each machine of the pool offers, whichever of its types ACK launches; null for types BlinkInfra does not know.</summary>
    public int? ComputeUnitsPerNode => UsablePerNode?.ComputeUnitCount;

    /// <summary>
    /// A validated pool's spec: its size (a node count, autoscaling bounds, or CU turned into nodes by
    /// what each of its types offers) and zones (its own, or the cluster's).
    /// </summary>
    public static WorkerPoolSpec From(WorkerPoolConfig pool, ImmutableArray<string> clusterZones)
    {
        var kind = ComputeFacts.KindOf(pool)!.Value;
        var knownTypes = pool.InstanceTypes.Select(InstanceCatalog.Type).ToList();
        // What every type of the pool offers after the system's share, so the pool has at least its
        // CU, and its TaskManager fits, whichever type ACK launches.
        var usable = knownTypes.All(t => t != null) ? UsableResources.CommonTo(knownTypes.Select(t => t!.Usable)) : null;

        PoolSize size;
        if (pool.ComputeUnits is { } cus)
        {
            // cus is at most MaxComputeUnits (the validator), so the node count fits an int.
            var nodes = (int)Math.Ceiling(cus / (double)usable!.ComputeUnitCount);
            size = new PoolSize(nodes, nodes, Autoscaling: false, RequestedComputeUnits: cus);
        }
        else if (pool.Nodes is { } nodes)
        {
            size = new PoolSize(nodes, nodes, Autoscaling: false, RequestedComputeUnits: null);
        }
        else
        {
            size = new PoolSize(pool.MinNodes!.Value, pool.MaxNodes!.Value, Autoscaling: true, RequestedComputeUnits: null);
        }

        return new(
            pool.Name!,
            pool.Family!,
            kind,
            pool.InstanceTypes.ToImmutableArray(),
            size,
            pool.Zones.Count > 0 ? pool.Zones.ToImmutableArray() : clusterZones,
            pool.GpuDriverVersion,
            pool.ImageId,
            usable,
            DataDiskOf(pool.DataDisk, usable?.ComputeUnitCount))
        {
            FormerNames = pool.FormerNames.ToImmutableArray(),
        };
    }

    /// <summary>
    /// The pool's state disk: on unless `enabled: false`; an SSD of 20 GiB per CU each machine offers
    /// (at least 40), ESSD PL1, encrypted, unless the config says otherwise (validated before).
    /// </summary>
    public static DataDiskSpec? DataDiskOf(DataDiskConfig? disk, int? computeUnitsPerNode)
    {
        if (disk?.Enabled == false)
            return null;
        var category = disk?.Category ?? DataDisks.DefaultCategory;
        var level = category == "cloud_essd" ? disk?.PerformanceLevel ?? DataDisks.DefaultPerformanceLevel : null;
        // A given size was checked against its level; the default grows to the level's smallest disk.
        var size = disk?.SizeGiB ?? Math.Max(DataDisks.DefaultSizeGiB(computeUnitsPerNode), level is null ? 0 : DataDisks.EssdLevelMinSizeGiB[level]);
        return new DataDiskSpec(category, size, level, disk?.Encrypted ?? true, disk?.RuntimeSizeGiB ?? DataDisks.DefaultRuntimeSizeGiB);
    }
}
