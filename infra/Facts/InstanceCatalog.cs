using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>What a machine family accelerates, if anything.</summary>
public enum MachineKind
{
    Cpu,
    Gpu,
    Fpga,
}

/// <summary>An ECS instance family and what kind of machine it is.</summary>
public sealed record InstanceFamily(string Name, MachineKind Kind, string Description);

/// <summary>An ECS instance type: its family, vCPU cores, memory and accelerators.</summary>
public sealed record InstanceType(string Name, string Family, int Cores, int MemoryGiB, int Accelerators = 0, string? AcceleratorModel = null)
{
    /// <summary>What one machine of this type offers Flink as a worker (see <see cref="WorkerResources"/>).</summary>
    public UsableResources Usable => WorkerResources.UsableOf(Cores, MemoryGiB);

    /// <summary>The Realtime Compute units one worker of this type really offers.</summary>
    public int ComputeUnitCount => Usable.ComputeUnitCount;
}

/// <summary>
/// The ECS instance families and types BlinkInfra knows, as data.
/// Source: Alibaba Cloud ECS documentation, "Instance families" (general purpose g7, compute optimized
/// c7, memory optimized r7; GPU-accelerated gn6i with NVIDIA T4, gn7i with NVIDIA A10, gn6v with
/// NVIDIA V100; FPGA-accelerated f1 with Intel Arria 10 and f3 with Xilinx VU9P), vCPU and memory per
/// type as listed there. A family or type not listed here is refused unless a pool marks it trusted.
/// </summary>
public static class InstanceCatalog
{
    public static readonly ImmutableArray<InstanceFamily> Families = ImmutableArray.Create(
        new InstanceFamily("g7", MachineKind.Cpu, "general purpose, 1:4 vCPU to GiB"),
        new InstanceFamily("c7", MachineKind.Cpu, "compute optimized, 1:2"),
        new InstanceFamily("r7", MachineKind.Cpu, "memory optimized, 1:8"),
        new InstanceFamily("gn6i", MachineKind.Gpu, "NVIDIA T4"),
        new InstanceFamily("gn7i", MachineKind.Gpu, "NVIDIA A10"),
        new InstanceFamily("gn6v", MachineKind.Gpu, "NVIDIA V100"),
        new InstanceFamily("f1", MachineKind.Fpga, "Intel Arria 10 FPGA"),
        new InstanceFamily("f3", MachineKind.Fpga, "Xilinx Virtex UltraScale+ VU9P FPGA"));

    public static readonly ImmutableArray<InstanceType> Types = ImmutableArray.Create(
        new InstanceType("ecs.g7.large", "g7", 2, 8),
        new InstanceType("ecs.g7.xlarge", "g7", 4, 16),
        new InstanceType("ecs.g7.2xlarge", "g7", 8, 32),
        new InstanceType("ecs.g7.3xlarge", "g7", 12, 48),
        new InstanceType("ecs.g7.4xlarge", "g7", 16, 64),
        new InstanceType("ecs.g7.6xlarge", "g7", 24, 96),
        new InstanceType("ecs.g7.8xlarge", "g7", 32, 128),
        new InstanceType("ecs.g7.16xlarge", "g7", 64, 256),
        new InstanceType("ecs.c7.large", "c7", 2, 4),
        new InstanceType("ecs.c7.xlarge", "c7", 4, 8),
        new InstanceType("ecs.c7.2xlarge", "c7", 8, 16),
        new InstanceType("ecs.c7.4xlarge", "c7", 16, 32),
        new InstanceType("ecs.c7.8xlarge", "c7", 32, 64),
        new InstanceType("ecs.c7.16xlarge", "c7", 64, 128),
        new InstanceType("ecs.r7.large", "r7", 2, 16),
        new InstanceType("ecs.r7.xlarge", "r7", 4, 32),
        new InstanceType("ecs.r7.2xlarge", "r7", 8, 64),
        new InstanceType("ecs.r7.4xlarge", "r7", 16, 128),
        new InstanceType("ecs.r7.8xlarge", "r7", 32, 256),
        new InstanceType("ecs.gn6i-c4g1.xlarge", "gn6i", 4, 15, 1, "NVIDIA T4"),
        new InstanceType("ecs.gn6i-c8g1.2xlarge", "gn6i", 8, 31, 1, "NVIDIA T4"),
        new InstanceType("ecs.gn6i-c16g1.4xlarge", "gn6i", 16, 62, 1, "NVIDIA T4"),
        new InstanceType("ecs.gn6i-c24g1.6xlarge", "gn6i", 24, 93, 1, "NVIDIA T4"),
        new InstanceType("ecs.gn6i-c24g1.12xlarge", "gn6i", 48, 186, 2, "NVIDIA T4"),
        new InstanceType("ecs.gn6i-c24g1.24xlarge", "gn6i", 96, 372, 4, "NVIDIA T4"),
        new InstanceType("ecs.gn7i-c8g1.2xlarge", "gn7i", 8, 30, 1, "NVIDIA A10"),
        new InstanceType("ecs.gn7i-c16g1.4xlarge", "gn7i", 16, 60, 1, "NVIDIA A10"),
        new InstanceType("ecs.gn7i-c32g1.8xlarge", "gn7i", 32, 188, 1, "NVIDIA A10"),
        new InstanceType("ecs.gn7i-c32g1.16xlarge", "gn7i", 64, 376, 2, "NVIDIA A10"),
        new InstanceType("ecs.gn6v-c8g1.2xlarge", "gn6v", 8, 32, 1, "NVIDIA V100"),
        new InstanceType("ecs.gn6v-c8g1.8xlarge", "gn6v", 32, 128, 4, "NVIDIA V100"),
        new InstanceType("ecs.gn6v-c8g1.16xlarge", "gn6v", 64, 256, 8, "NVIDIA V100"),
        new InstanceType("ecs.f1-c8f1.2xlarge", "f1", 8, 60, 1, "Intel Arria 10 GX 1150"),
        new InstanceType("ecs.f1-c8f1.4xlarge", "f1", 16, 120, 2, "Intel Arria 10 GX 1150"),
        new InstanceType("ecs.f1-c28f1.7xlarge", "f1", 28, 112, 1, "Intel Arria 10 GX 1150"),
        new InstanceType("ecs.f3-c4f1.xlarge", "f3", 4, 16, 1, "Xilinx VU9P"),
        new InstanceType("ecs.f3-c8f1.2xlarge", "f3", 8, 32, 1, "Xilinx VU9P"),
        new InstanceType("ecs.f3-c16f1.4xlarge", "f3", 16, 64, 1, "Xilinx VU9P"),
        new InstanceType("ecs.f3-c16f1.8xlarge", "f3", 32, 128, 2, "Xilinx VU9P"));

    private static readonly ImmutableDictionary<string, InstanceFamily> FamiliesByName = Families.ToImmutableDictionary(f => f.Name);
    private static readonly ImmutableDictionary<string, InstanceType> TypesByName = Types.ToImmutableDictionary(t => t.Name);

    public static InstanceFamily? Family(string name) => FamiliesByName.GetValueOrDefault(name);

    public static InstanceType? Type(string name) => TypesByName.GetValueOrDefault(name);

    /// <summary>The family an instance type name says it belongs to: "ecs.gn7i-c16g1.4xlarge" is gn7i.</summary>
    public static string? FamilyOfTypeName(string typeName)
    {
        var parts = typeName.Split('.');
        return parts.Length == 3 && parts[0] == "ecs" ? parts[1].Split('-')[0] : null;
    }

    public static IEnumerable<InstanceType> TypesOf(string family) => Types.Where(t => t.Family == family);
}

/// <summary>The cores and memory a worker offers Flink, and the CU they make (1 CU = 1 core and 4 GiB).</summary>
public sealed record UsableResources(int Cores, int MemoryGiB)
{
    public int ComputeUnitCount => Math.Max(0, Math.Min(Cores / ComputeUnits.CoresPerCu, MemoryGiB / ComputeUnits.MemoryGiBPerCu));

    /// <summary>What fits on every machine of several: the fewest cores and the least memory among them.</summary>
    public static UsableResources CommonTo(IEnumerable<UsableResources> machines)
    {
        var list = machines.ToList();
        return new UsableResources(list.Min(m => m.Cores), list.Min(m => m.MemoryGiB));
    }
}

/// <summary>
/// The one model of what a worker machine offers Flink after the system's share (the operating
/// system, Kubernetes and the cluster's own daemons, the traffic with other nodes): CU sizing and
/// TaskManager requests both read it, so what the pools promise is what the TaskManagers get.
/// Source: Alibaba Cloud Realtime Compute (Blink) exclusive mode, "Specification selection"
/// (https://www.alibabacloud.com/help/ja/flink/specification-selection, read 2026-11-27): a worker
/// cannot give all its resources to computing; the CU each worker model really offers is 4 cores
/// 16 GB: 3 CU, 8/32: 6, 16/64: 13, 24/96: 21, 32/128: 28, 56/224: 52, 64/256: 60 (the page calls
/// its table empirical). Those machines are 1 core to 4 GiB, so the system's share of each is the
/// cores it withholds and 4 GiB per withheld core. A machine of a size between two rows withholds
/// what the larger row withholds, one below the table what the 4-core row does, one above it what
/// the largest row does; a machine of another shape (c7, r7, GPU, FPGA) withholds what a machine of
/// its cores does, and its CU is whichever of its usable cores and memory runs out first.
/// On ACK a machine offers its pods less than that where the node's reservation and the cluster's
/// DaemonSets take more (<see cref="NodeAllocatable"/>: allocatable less Terway's and the CSI plugin's
/// requests), so a worker offers the lesser of the two, in whole cores and GiB: a 4-core 16 GiB machine
/// has 12218Mi for pods, 11 GiB, so 2 CU of 4 GiB rather than the table's 3 (a TaskManager of 12 GiB
/// would stay Pending); every other size of the catalogue keeps the table's CU.
/// </summary>
public static class WorkerResources
{
    /// <summary>A worker model of the source's table and the CU it really offers.</summary>
    public sealed record WorkerModel(int Cores, int MemoryGiB, int UsableComputeUnits)
    {
        public int WithheldCores => Cores - UsableComputeUnits;
    }

    public static readonly ImmutableArray<WorkerModel> SizingTable = ImmutableArray.Create(
        new WorkerModel(4, 16, 3),
        new WorkerModel(8, 32, 6),
        new WorkerModel(16, 64, 13),
        new WorkerModel(24, 96, 21),
        new WorkerModel(32, 128, 28),
        new WorkerModel(56, 224, 52),
        new WorkerModel(64, 256, 60));

    /// <summary>The system's share of a machine with this many cores: cores, and 4 GiB for each.</summary>
    public static UsableResources SystemShareOf(int cores)
    {
        var row = SizingTable.FirstOrDefault(model => model.Cores >= cores) ?? SizingTable[^1];
        return new UsableResources(row.WithheldCores, row.WithheldCores * ComputeUnits.MemoryGiBPerCu);
    }

    /// <summary>What a machine of this size offers Flink once the system has its share, and that its pods can request on ACK.</summary>
    public static UsableResources UsableOf(int cores, int memoryGiB)
    {
        var share = SystemShareOf(cores);
        var forPods = NodeAllocatable.ForTaskManager(cores, memoryGiB);
        return new UsableResources(
            (int)Math.Clamp(Math.Min(cores - share.Cores, forPods.MilliCpu / 1000), 0, int.MaxValue),
            (int)Math.Clamp(Math.Min(memoryGiB - share.MemoryGiB, forPods.MemoryMiB / 1024), 0, int.MaxValue));
    }
}

/// <summary>
/// Realtime Compute sizing. Sources: the exclusive-mode provisioning API (ALIYUN::FOAS::Cluster:
/// SlaveNumber 2 to 1000, MasterNumber 1 or 3); "Specification selection" (read 2026-11-27, see
/// <see cref="WorkerResources"/>): 1 CU is 1 core and 4 GB; the master model follows the cluster's
/// most CU: 4 cores 16 GB up to 80 CU, 8/32 up to 160, 16/64 up to 800, 24/96 for 800 CU and more.
/// </summary>
public static class ComputeUnits
{
    public const int CoresPerCu = 1;
    public const int MemoryGiBPerCu = 4;
    public const int MinWorkers = 2;
    public const int MaxWorkers = 1000;
    public const int HighAvailabilityMasters = 3;

    /// <summary>A master size and the most CU it serves, smallest first; the top step serves any number (null).</summary>
    public sealed record MasterStep(int Cores, int MemoryGiB, int? MaxComputeUnits)
    {
        public bool Serves(int clusterComputeUnits) => MaxComputeUnits is not { } max || clusterComputeUnits <= max;
    }

    public static readonly ImmutableArray<MasterStep> MasterLadder = ImmutableArray.Create(
        new MasterStep(4, 16, 80),
        new MasterStep(8, 32, 160),
        new MasterStep(16, 64, 800),
        new MasterStep(24, 96, null));

    /// <summary>The smallest master step that serves a cluster of this many CU.</summary>
    public static MasterStep MasterFor(int clusterComputeUnits) => MasterLadder.First(step => step.Serves(clusterComputeUnits));

    /// <summary>The largest step a master of this size meets; null below the first.</summary>
    public static MasterStep? StepOf(int cores, int memoryGiB)
        => MasterLadder.LastOrDefault(step => cores >= step.Cores && memoryGiB >= step.MemoryGiB);
}
