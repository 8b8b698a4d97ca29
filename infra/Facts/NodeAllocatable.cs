using System;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>Requests in Kubernetes' units: CPU in millicores, memory in MiB.</summary>
public sealed record NodeRequests(long MilliCpu, long MemoryMiB)
{
    public bool FitsIn(NodeRequests room) => MilliCpu <= room.MilliCpu && MemoryMiB <= room.MemoryMiB;

    public NodeRequests Minus(NodeRequests other) => new(MilliCpu - other.MilliCpu, MemoryMiB - other.MemoryMiB);

    public NodeRequests Times(int count) => new(MilliCpu * count, MemoryMiB * count);

    public NodeRequests Plus(NodeRequests other) => new(MilliCpu + other.MilliCpu, MemoryMiB + other.MemoryMiB);

    public override string ToString() => $"{MilliCpu}m CPU and {MemoryMiB}Mi memory";
}

/// <summary>
/// What the scheduler lets pods request on an ACK node, and what the cluster's own DaemonSets take of it
/// on every node, as data with sources (read 2026-11-27).
///
/// Allocatable = capacity − reserved − eviction threshold, the reservation split half kubeReserved, half
/// systemReserved (ACK, "Node resource reservation policy", help.aliyun.com/document_detail/330995.html;
/// en: alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/resource-reservation-policy).
/// That page's example: a 4-vCPU node of 7925980Ki capacity (an 8 GiB type: the kernel keeps about 5.5 %,
/// so capacity is 94.5 % of the type's nominal memory) has 3900m and 5824732Ki allocatable. ACK's
/// per-size table itself was not readable here: the reservation below is the published formula of
/// Tencent TKE and Volcengine VKE (tencentcloud.com/document/product/457/48777,
/// volcengine.com/docs/6460/144563), which gives ACK's own example CPU exactly (100m on 4 cores) and its
/// memory 109Mi short (1943Mi reserved and evicted where ACK's example has 2052Mi): CPU 100m up to 4
/// cores, then 25m per core to 64 and 12.5m per core to 128; memory 25 % of the first 4 GiB, 20 % of the
/// next 4, 10 % of the next 8, 6 % up to 128, 2 % above; eviction at memory.available &lt; 100Mi; and the
/// 109Mi the formula misses of ACK's own example, reserved on every node so the model errs on the safe side.
///
/// DaemonSets on every node, by their charts' requests: Terway (terway-eniip: the terway container
/// 100m/100Mi and policy 250m/100Mi; AliyunContainerService/terway charts/terway/templates/terwayd/
/// daemonset.yaml) and the CSI plugin (csi-plugin 100m/128Mi and a driver registrar 10m/16Mi for each of
/// disk, NAS and OSS; kubernetes-sigs/alibaba-cloud-csi-driver deploy/chart/templates/plugin.yaml).
/// kube-proxy's and node-problem-detector's requests were not found in what could be read: the Realtime
/// Compute sizing the usable model starts from (<see cref="WorkerResources"/>) leaves what they take.
///
/// Read 2026-12-05 for the stack's own add-ons and the system Deployments, which run on the workers because the masters
/// are tainted (blink.io/role=master:NoSchedule) and none of them tolerates it:
/// - the log collector's DaemonSet, kube-system/loongcollector-ds (SLS, "LoongCollector management (Kubernetes)"): SLS's
///   "Logtail limits" asks at least 0.1 core and 150 MB for the Kubernetes scenario; its chart's requests were not
///   published in what could be read: 100m and 256Mi, conservative. Its operator, loongcollector-operator (a Deployment):
///   at least 100 MB for a controller/operator (the same page): 100m and 128Mi.
/// - the managed Prometheus agent (ack-arms-prometheus): no published requests found; conservative, a node agent of 100m
///   and 128Mi on every node and a collector Deployment of 500m and 1Gi.
/// - the pod identity webhook (ack-pod-identity-webhook, a Deployment): none published; 100m and 128Mi, conservative.
/// - CoreDNS: 2 pods by default (ACK, "DNS overview": "Two backend pods named coredns"), each 100m and 70Mi (the
///   upstream manifest, kubernetes cluster/addons/dns/coredns, requests: cpu 100m, memory 70Mi).
/// - metrics-server: one pod; its upstream manifest (kubernetes-sigs/metrics-server manifests/base) requests none:
///   100m and 200Mi, conservative.
/// The add-ons are budgeted whether the stack turns them on or not, so switching logs or metrics never resizes (and so
/// restarts) a TaskManager; the Deployments are budgeted on every worker machine, as if all landed beside one
/// TaskManager (a pool of one node, or the others down), tainted accelerator pools included (conservative there).
/// </summary>
public static class NodeAllocatable
{
    /// <summary>Capacity as a share of the type's nominal memory (ACK's example: 7925980Ki of 8 GiB), in per mille.</summary>
    public const int MemoryCapacityPerMille = 944;

    public const long EvictionThresholdMiB = 100;

    /// <summary>What ACK's example reserves beyond the formula (2052Mi against 1943Mi on its 8 GiB node).</summary>
    public const long FormulaShortfallMiB = 109;

    /// <summary>One DaemonSet's requests on every node, and where they come from.</summary>
    public sealed record DaemonSet(string Name, NodeRequests Requests, string Source);

    public static readonly ImmutableArray<DaemonSet> DaemonSets = ImmutableArray.Create(
        new DaemonSet("terway-eniip", new NodeRequests(350, 200), "AliyunContainerService/terway charts/terway/templates/terwayd/daemonset.yaml"),
        new DaemonSet("csi-plugin", new NodeRequests(130, 176), "kubernetes-sigs/alibaba-cloud-csi-driver deploy/chart/templates/plugin.yaml"),
        new DaemonSet("loongcollector-ds", new NodeRequests(100, 256), "conservative: SLS, Logtail limits (at least 0.1 core, 150 MB on Kubernetes); none published"),
        new DaemonSet("arms-prometheus node agent", new NodeRequests(100, 128), "conservative: none published for ack-arms-prometheus"));

    /// <summary>What the DaemonSets take on every node.</summary>
    public static NodeRequests DaemonSetRequests => new(DaemonSets.Sum(d => d.Requests.MilliCpu), DaemonSets.Sum(d => d.Requests.MemoryMiB));

    /// <summary>A system Deployment that runs on the workers: its pods and each one's requests.</summary>
    public sealed record SystemDeployment(string Name, int Pods, NodeRequests PodRequests, string Source)
    {
        public NodeRequests Requests => PodRequests.Times(Pods);
    }

    public static readonly ImmutableArray<SystemDeployment> SystemDeployments = ImmutableArray.Create(
        new SystemDeployment("coredns", 2, new NodeRequests(100, 70), "ACK DNS overview (two pods); upstream coredns manifest requests"),
        new SystemDeployment("metrics-server", 1, new NodeRequests(100, 200), "conservative: the upstream manifest requests none"),
        new SystemDeployment("ack-pod-identity-webhook", 1, new NodeRequests(100, 128), "conservative: none published"),
        new SystemDeployment("loongcollector-operator", 1, new NodeRequests(100, 128), "SLS, Logtail limits (100 MB for an operator)"),
        new SystemDeployment("arms-prometheus collector", 1, new NodeRequests(500, 1024), "conservative: none published for ack-arms-prometheus"));

    /// <summary>What the system Deployments take, all of them beside one TaskManager.</summary>
    public static NodeRequests SystemDeploymentRequests => new(SystemDeployments.Sum(d => d.Requests.MilliCpu), SystemDeployments.Sum(d => d.Requests.MemoryMiB));

    /// <summary>The CPU ACK reserves on a node of this many cores, in millicores.</summary>
    public static long ReservedMilliCpu(int cores)
    {
        var reserved = 100.0;
        if (cores > 4)
            reserved += 25.0 * (Math.Min(cores, 64) - 4);
        if (cores > 64)
            reserved += 12.5 * (Math.Min(cores, 128) - 64);
        return (long)Math.Ceiling(reserved);
    }

    /// <summary>The memory ACK reserves on a node of this much nominal memory, in MiB.</summary>
    public static long ReservedMemoryMiB(int memoryGiB)
    {
        double Tier(double from, double to, double share) => Math.Max(0, Math.Min(memoryGiB, to) - from) * share;
        var gib = Tier(0, 4, 0.25) + Tier(4, 8, 0.20) + Tier(8, 16, 0.10) + Tier(16, 128, 0.06) + Tier(128, double.MaxValue, 0.02);
        return (long)Math.Ceiling(gib * 1024);
    }

    /// <summary>What the scheduler lets pods request on a node of this type.</summary>
    public static NodeRequests Of(int cores, int memoryGiB)
        => new(cores * 1000L - ReservedMilliCpu(cores),
            memoryGiB * 1024L * MemoryCapacityPerMille / 1000 - ReservedMemoryMiB(memoryGiB) - EvictionThresholdMiB - FormulaShortfallMiB);

    /// <summary>What is left for Flink's pods on a node of this type once the DaemonSets have theirs.</summary>
    public static NodeRequests ForPods(int cores, int memoryGiB) => Of(cores, memoryGiB).Minus(DaemonSetRequests);

    /// <summary>What is left for a TaskManager on a worker of this type once the DaemonSets and the system Deployments have theirs.</summary>
    public static NodeRequests ForTaskManager(int cores, int memoryGiB) => ForPods(cores, memoryGiB).Minus(SystemDeploymentRequests);
}
