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
/// Apache Flink's resource model (20 GB of local storage per CU).
/// The container runtime's disk (read 2026-12-05): ACK, "ACK node initialization process" (alibabacloud.com/help/en/ack/
/// ack-managed-and-ack-dedicated/user-guide/introduction-to-node-initialization), step "Initialize the data disk": "if
/// the node pool has data disks, the system finds the last disk in lexicographic order (prioritizing NVMe), formats it,
/// and mounts it as the container runtime directory (for example, /var/lib/containerd)". ACK's DiskInit API has a
/// mount_for_runtime switch (api-cs-2015-12-15-diskinit, last updated 2026-11-12) that provider v1.285.0's data_disks
/// does not expose (auto_format, file_system, mount_target, name, device, ...: the provider's node pool doc). A pool's
/// disks are attached in the order of data_disks, their device names assigned in that order (data_disks.device: "the
/// system automatically assigns a device name ... from /dev/xvdb to /dev/xvdz"), so the state disk comes first and a
/// runtime disk of its own last: the state disk is never taken for the runtime's. The provider's data_disks.size is
/// 40 to 32767 GiB (its node pool doc, read 2026-12-05; ACK CreateCluster worker_data_disks.size: 40 to 32767), not 32768.
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
    public const int MaxSizeGiB = 32_767;

    /// <summary>
    /// The container runtime's disk, the last of a pool with a state disk: images and containers' writable layers. 100 GiB
    /// holds the Flink image (about 1 GiB unpacked), ACK's system images and the kubelet's image garbage collection margin
    /// with room to spare; a pool may give another size (dataDisk.runtimeSizeGiB).
    /// </summary>
    public const int DefaultRuntimeSizeGiB = 100;

    /// <summary>The runtime disk's level on an ESSD: PL0 (its smallest disk is 1 GiB), images need no more.</summary>
    public const string RuntimePerformanceLevel = "PL0";

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

    /// <summary>
    /// The node's script (the node pool's user_data, base64 as the provider takes it) that gives RocksDB's directory on the
    /// state disk to the Flink user, so the TaskManager's init container runs as that user and needs no root (issue 29.14):
    /// fsGroup never applies to a hostPath (Kubernetes volumes: ownership management), and ACK mounts the disk owned by
    /// root. Sources, read 2026-12-05: ACK, "ACK node initialization process" (cloud-init runs the pre-defined custom data,
    /// then ACK's initialization, which formats and mounts the data disks, then the user data, in parallel with the node
    /// becoming Ready); terraform-provider-alicloud v1.285.0 alicloud_cs_kubernetes_node_pool user_data ("Node custom data,
    /// base64-encoded"; not ForceNew: nodes created afterwards run the new script). It waits for the mount (belt and braces)
    /// and is idempotent.
    /// </summary>
    public static string StateDirectoryScript(string flinkUserId)
        => "#!/bin/bash\n"
           + "# BlinkInfra: RocksDB's directory on the state disk, owned by the Flink user, for its non-root TaskManagers.\n"
           + $"for i in $(seq 60); do mountpoint -q {MountPath} && break; sleep 5; done\n"
           + $"install -d -o {flinkUserId} -g {flinkUserId} -m 0750 {RocksDbDirectory}\n";

    /// <summary>The same script as the provider takes it.</summary>
    public static string StateDirectoryUserData(string flinkUserId)
        => System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(StateDirectoryScript(flinkUserId)));
}
