using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>
/// The data disk each worker machine gets for Flink's local state (RocksDB's working files), and the
/// limits ECS and ACK put on it.
/// Sources, read 2026-11-27: terraform-provider-alicloud v1.285.0, alicloud_cs_kubernetes_node_pool
/// `data_disks` (category cloud, cloud_efficiency, cloud_ssd, cloud_essd, cloud_auto; size 40 to 32768
/// GiB, default 40; performance_level PL0 to PL3 for cloud_essd, default PL1; encrypted "true"/"false",
/// kms_key_id when encrypted; auto_format, file_system ext4 or xfs, mount_target: where the formatted disk
/// is mounted, taken only with auto_format; none of data_disks is ForceNew, so a change rolls out to
/// the pool's new nodes in place: infra/Facts/alicloud-replacement-inputs.json); ECS "ESSDs" (the
/// smallest disk of each level: PL0 1 GiB, PL1 20 GiB, PL2 461 GiB, PL3 1,261 GiB); Realtime Compute for
/// Apache Flink's resource model (20 GB of local storage per CU). Unverified (read 2026-11-27): ACK's "node
/// initialization process" formats the last data disk as the container runtime's directory (/var/lib/containerd) and
/// does not say whether mount_target (provider, since v1.229.0, effective only with auto_format) overrides that for a
/// pool's only data disk; were it not, MountPath is missing and the TaskManager's hostPath (type Directory) fails
/// visibly rather than filling the system disk (README, Known limits).
/// </summary>
public static class DataDisks
{
    /// <summary>Where the pool's data disk is formatted and mounted on every node, and where the TaskManager sees it.</summary>
    public const string MountPath = "/mnt/blink-state";

    /// <summary>RocksDB's working directory under the mount, as the TaskManager container sees it.</summary>
    public const string RocksDbDirectory = MountPath + "/rocksdb";

    public const string FileSystem = "ext4";

    /// <summary>Local state per CU, as the managed service counts it.</summary>
    public const int GiBPerComputeUnit = 20;

    /// <summary>The provider's bounds on a node pool's data disk.</summary>
    public const int MinSizeGiB = 40;
    public const int MaxSizeGiB = 32_768;

    /// <summary>The size of a pool of instance types BlinkInfra does not know (and so whose CU it cannot count).</summary>
    public const int UnknownTypeSizeGiB = 100;

    public const string DefaultCategory = "cloud_essd";
    public const string DefaultPerformanceLevel = "PL1";

    /// <summary>The categories a state disk may be: SSDs only (RocksDB compacts constantly), newest first.</summary>
    public static readonly ImmutableArray<string> Categories = ImmutableArray.Create("cloud_essd", "cloud_auto", "cloud_essd_entry", "cloud_ssd");

    /// <summary>ESSD performance levels and the smallest disk each may be.</summary>
    public static readonly ImmutableSortedDictionary<string, int> EssdLevelMinSizeGiB = ImmutableSortedDictionary.CreateRange(new[]
    {
        System.Collections.Generic.KeyValuePair.Create("PL0", 1),
        System.Collections.Generic.KeyValuePair.Create("PL1", 20),
        System.Collections.Generic.KeyValuePair.Create("PL2", 461),
        System.Collections.Generic.KeyValuePair.Create("PL3", 1_261),
    });

    /// <summary>The default size for machines that each offer <paramref name="computeUnitsPerNode"/> CU.</summary>
    public static int DefaultSizeGiB(int? computeUnitsPerNode)
        => computeUnitsPerNode is { } cu ? System.Math.Clamp(cu * GiBPerComputeUnit, MinSizeGiB, MaxSizeGiB) : UnknownTypeSizeGiB;
}
