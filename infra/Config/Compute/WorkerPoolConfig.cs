using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>One item of `blink-infra:compute.workerPools`.</summary>
public sealed class WorkerPoolConfig
{
    [ConfigDoc("lower-case letters, digits and `-`, starting with a letter, at most 63 characters (an ACK node pool's name and a node label's value), and at most 37 for its session cluster `session-<name>` (Flink's cluster id: 45); unique, not `masters`", Default = "(required)")]
    public string? Name { get; set; }
    [ConfigDoc("an instance family of `infra/Facts/InstanceCatalog.cs` (`./blink catalog` lists them with their types and CU): CPU `g7`, `c7`, `r7`; GPU `gn6i` (T4), `gn7i` (A10), `gn6v` (V100); FPGA `f1`, `f3`", Default = "(required)")]
    public string? Family { get; set; }
    [ConfigDoc("described with `workerPools[i].trusted`", Default = "`false`, none")]
    public MachineKindValue? Kind { get; set; }
    [ConfigDoc("types of that family the catalogue knows, such as `ecs.g7.2xlarge`", Default = "(required)")]
    public List<string> InstanceTypes { get; set; } = new();
    [ConfigDoc("each at most {=ComputeUnits.MaxWorkers} nodes (CU at most {=ComputeUnits.MaxWorkers} machines' worth), and no more than the vSwitches of the pool's zones hold: every machine takes a node vSwitch address and (Terway) its TaskManager a pod vSwitch address, each vSwitch less the 4 addresses Alibaba Cloud reserves (CreateVSwitch); a fixed node count; a size in CU (1 CU = 1 core and 4 GiB; nodes = CU divided by the CU each machine offers once the system has its share, rounded up: Alibaba Cloud's sizing table gives 8 cores 32 GiB 6 CU, 4/16 3, 16/64 13, 24/96 21, 64/256 60, capped by what a TaskManager can request beside the system's pods on ACK: allocatable (capacity less ACK's reservation and eviction threshold) less the requests of the DaemonSets on every node (Terway 350m/200Mi, the CSI plugin 130m/176Mi, the log collector `loongcollector-ds` 100m/256Mi and the Prometheus node agent 100m/128Mi, the add-ons whether on or not, so switching them never resizes a TaskManager) and of the system Deployments the tainted masters push onto the workers, all beside one TaskManager (CoreDNS 2 × 100m/70Mi, metrics-server 100m/200Mi, the pod identity webhook 100m/128Mi, the log collector's operator 100m/128Mi, the Prometheus collector 500m/1Gi; where no figure is published the one used is conservative and says so), `infra/Facts/NodeAllocatable.cs` with its sources; so 4/16 gives 2 CU (its TaskManager has 2 cores and 9 GiB), 24/96 20, 32/128 27, 64/256 56, 2-core types none, the rest as the table; the mandatory `taskmanager-fits-beside-system-pods` checks every session cluster's TaskManager against it; the model in `infra/Facts/InstanceCatalog.cs` `WorkerResources`; a type that offers no CU, such as `ecs.c7.large`, is refused); or autoscaling between a minimum and a maximum: the stack then declares the cluster's autoscaler (`CS.AutoscalingConfig`, without which a pool's `scalingConfig` stays at its minimum), which needs the account's one-time authorization of the service role `AliyunCSManagedAutoScalerRole` (ACK console, or the RAM quick-authorization link in the provider's node-pool doc) and Auto Scaling (ESS) activated; refused with `cluster.billing` `subscription`, since ACK removes subscription nodes on scale-in but does not release them (they stay billed); an autoscaling GPU pool scales as `gpu` (`scalingConfig.type`; the rest `cpu`, the provider's default), which ACK's node pool API takes at creation only: a pool created before this keeps `cpu` until it is recreated", Default = "(exactly one)")]
    public int? Nodes { get; set; }
    [ConfigDoc("described with `workerPools[i].nodes`", Default = "(exactly one)")]
    public int? MinNodes { get; set; }
    [ConfigDoc("described with `workerPools[i].nodes`", Default = "(exactly one)")]
    public int? MaxNodes { get; set; }
    [ConfigDoc("described with `workerPools[i].nodes`", Default = "(exactly one)")]
    public int? ComputeUnits { get; set; }
    [ConfigDoc("zones of `blink-infra:network.zones`", Default = "all the network's zones")]
    public List<string> Zones { get; set; } = new();
    [ConfigDoc("`trusted: true` accepts a family or type the catalogue does not know; an unknown family then needs `kind` (`cpu`, `gpu`, `fpga`), a pool of unknown types is sized in nodes, and `masters.instanceType` must be given", Default = "`false`, none")]
    public bool? Trusted { get; set; }
    [ConfigDoc("GPU pools only: an NVIDIA driver version such as `535.161.08` (set as the node-pool label `ack.aliyun.com/nvidia-driver-version`). ACK installs its default driver, without an error, instead of a version it does not list, and no list read 2026-12-05 names `535.161.08` (nor any driver) for 1.35: `check` says so in the advisory `ack-offerings-unconfirmed`; check the console's driver list for the cluster's version", Default = "ACK's default")]
    public string? GpuDriverVersion { get; set; }
    [ConfigDoc("an image id; **required for FPGA pools**: the FPGA image Alibaba Cloud shares with your account by a support ticket", Default = "ACK's image")]
    public string? ImageId { get; set; }
    [ConfigDoc("the disk each machine gets for Flink's local state, formatted `ext4` and mounted by ACK at `/mnt/blink-state`, where the TaskManager keeps RocksDB's working files (`engine.stateBackend`) in `rocksdb/`, which the node makes the Flink user's (uid 9999: the pool's `userData`, a script run when the node is created) and an init container, running as that user, empties at every TaskManager start: `category` `cloud_essd`, `cloud_auto`, `cloud_essd_entry` or `cloud_ssd` (SSDs only); `sizeGiB` {=DataDisks.MinSizeGiB} to {=DataDisks.MaxSizeGiB} (the provider's `data_disks.size`); `performanceLevel` `PL0` to `PL3`, `cloud_essd` only (PL2 needs 461 GiB, PL3 1261); `encrypted` `true`/`false`; `runtimeSizeGiB` {=DataDisks.MinSizeGiB} to {=DataDisks.MaxSizeGiB}, default {=DataDisks.DefaultRuntimeSizeGiB}: a second disk, after the state disk, of the same category and encryption (`PL0` on an ESSD), which ACK formats and mounts as the container runtime's directory (it takes the last data disk: see [known-limits.md](known-limits.md), \"The state disk's mount\"); or `{enabled: false}` for none (the runtime then stays on the system disk). **Cost:** two disks per machine, billed per GiB by category and level like the system disk (ECS block storage pricing; PL2 and PL3 cost more per GiB than PL1); the 128 CU pool of `prod-hangzhou` has 22 state disks of 200 GiB and 22 runtime disks of 100 GiB. None of it is ForceNew: a change reaches the pool's nodes created afterwards", Default = "on: `cloud_essd` at `PL1`, encrypted, {=DataDisks.GiBPerComputeUnit} GiB per CU each machine offers (at least {=DataDisks.MinSizeGiB}; {=DataDisks.UnknownTypeSizeGiB} for types the catalogue does not know; at least the level's smallest disk)")]
    public DataDiskConfig? DataDisk { get; set; }

    /// <summary>Names the pool had before, newest first: its node pool is found under them and renamed in place (Pulumi aliases).</summary>
    [ConfigDoc("names the pool had before, newest first: each a pool name, not `masters`, not its own, not another pool's now, and no pool's former name twice. Its node pool is declared with them as aliases, so ACK renames it in place and keeps its machines ([Renaming](cli.md#renaming))")]
    public List<string> FormerNames { get; set; } = new();
}
