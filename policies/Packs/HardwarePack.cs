using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-hardware: accelerators only for jobs that ask, FPGA images, known instance families, machines made by their pools.</summary>
public static class HardwarePack
{
    private static MachineKind KindOf(PlannedResource pool)
        => pool.Texts("instanceTypes").Select(InstanceCatalog.FamilyOfTypeName).OfType<string>()
            .Select(InstanceCatalog.Family).OfType<InstanceFamily>().Select(f => f.Kind).DefaultIfEmpty(MachineKind.Cpu).Max();

    public const string Name = "blink-hardware";

    /// <summary>The pack's policies, each at its default level.</summary>
    public static PolicyPack Create() => new(Name, "1.0.0", ImmutableArray.Create<Policy>(
        AcceleratorPoolsTainted(),
        FpgaPoolsHaveImage(),
        InstanceFamiliesKnown(),
        InstanceTypesOfferedInZones(),
        PoolsCreateTheirNodes(),
        NoAutoscalingSubscriptionPools(),
        StateDiskNotRuntimeDisk(),
        TaskManagerFitsBesideSystemPods()));

    /// <summary>taskmanager-fits-beside-system-pods: A TaskManager fits its pool's smallest machine beside every DaemonSet and, on an untainted pool, the system Deployments.</summary>
    // Masters are tainted, so CoreDNS, metrics-server, the pod identity webhook and the add-ons' collectors run on the
    // workers; every node runs the DaemonSets (infra/Facts/NodeAllocatable.cs, each with its source or a conservative
    // figure). A TaskManager requests its machine's worth: where it does not fit beside them it stays Pending.
    public static StackPolicy TaskManagerFitsBesideSystemPods(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.TaskManagerFitsBesideSystemPods, level, input =>
        {
            var pools = input.OfType(TypeTokens.AliCloud.CS.NodePool)
                .Where(p => p.Text("nodePoolName") is not null)
                .GroupBy(p => p.Text("nodePoolName")!).ToDictionary(g => g.Key, g => g.First());
            var found = new List<(PlannedResource?, string)>();
            foreach (var session in input.OfType(FlinkDefaults.DeploymentType))
            {
                var poolName = session.At("metadata", "labels", NodeRoles.PoolLabel)?.GetValue<string>();
                var resource = session.At("spec", "taskManager", "resource");
                if (poolName is null || resource is null || !pools.TryGetValue(poolName, out var pool))
                    continue;
                var types = pool.Texts("instanceTypes").Select(InstanceCatalog.Type).ToList();
                if (types.Count == 0 || types.Any(t => t is null))
                    continue; // types the catalogue does not know: their room is unknown (instance-families-known says so)
                var tainted = pool.Objects("taints").Any(t => t.Field("effect") == NodeRoles.NoSchedule);
                var smallest = types.OrderBy(t => t!.Cores).ThenBy(t => t!.MemoryGiB).First()!;
                var room = types.Select(t => tainted ? NodeAllocatable.ForPods(t!.Cores, t.MemoryGiB) : NodeAllocatable.ForTaskManager(t!.Cores, t.MemoryGiB))
                    .Aggregate((a, b) => new NodeRequests(Math.Min(a.MilliCpu, b.MilliCpu), Math.Min(a.MemoryMiB, b.MemoryMiB)));
                var cpu = resource["cpu"] is { } c ? (long)Math.Round(double.Parse(c.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) * 1000) : 0;
                var memoryText = resource["memory"]?.GetValue<string>() ?? "0m";
                var memory = memoryText.EndsWith('m') && long.TryParse(memoryText[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mib) ? mib : 0;
                var taskManager = new NodeRequests(cpu, memory);
                if (taskManager.FitsIn(room))
                    continue;
                var beside = tainted
                    ? $"the DaemonSets ({NodeAllocatable.DaemonSetRequests})"
                    : $"the DaemonSets ({NodeAllocatable.DaemonSetRequests}) and the system Deployments the tainted masters push onto the workers ({NodeAllocatable.SystemDeploymentRequests})";
                found.Add((session, $"a TaskManager of {taskManager} does not fit pool {poolName}'s {smallest.Name} beside {beside}, which leave it {room} (infra/Facts/NodeAllocatable.cs); allowed: a TaskManager within that, as BlinkInfra sizes it from the pool's types"));
            }
            return found;
        });

    /// <summary>state-disk-not-runtime-disk: A pool's state disk is not its last data disk, which ACK takes for the container runtime.</summary>
    // ACK, "ACK node initialization process": the last data disk (lexicographic order) is formatted and mounted as the
    // container runtime's directory; a state disk there is never mounted at its mountTarget, and the TaskManagers'
    // hostPath stays missing (FailedMount). infra/Facts/DataDisks.cs.
    public static ResourcePolicy StateDiskNotRuntimeDisk(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.StateDiskNotRuntimeDisk, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.NodePool), pool =>
            {
                var disks = pool.Objects("dataDisks").ToList();
                return disks.Count > 0 && disks[^1].Field("mountTarget") is { } target
                    ? new[] { $"the last of {disks.Count} data disk(s) is mounted at {target}, but ACK formats the last data disk as the container runtime's directory, so {target} is never mounted; allowed: the state disk first and a disk for the runtime after it (BlinkInfra declares both)" }
                    : Array.Empty<string>();
            });

    /// <summary>no-autoscaling-subscription-pools: No subscription (PrePaid) node pool autoscales.</summary>
    // ACK, "Enable node auto scaling": on a scale-in, subscription instances are removed from the cluster but not
    // released, so they stay billed until they expire; RemoveNodePoolNodes: subscription nodes are not released. The
    // config refuses the combination first (ComputeSpecBuilder.CheckAutoscalingBilling); this checks what is declared.
    public static ResourcePolicy NoAutoscalingSubscriptionPools(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.NoAutoscalingSubscriptionPools, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.NodePool), pool =>
                pool.Text("instanceChargeType") == ClusterDefaults.ChargeType(BillingMode.Subscription) && pool.At("scalingConfig", "enable")?.GetValue<bool>() == true
                    ? new[] { $"an autoscaling pool of subscription ({ClusterDefaults.ChargeType(BillingMode.Subscription)}) machines, which ACK removes on scale-in but does not release, so they stay billed; allowed: a fixed desiredSize with subscription, or autoscaling with {ClusterDefaults.ChargeType(BillingMode.PayAsYouGo)}" }
                    : Array.Empty<string>());

    /// <summary>accelerator-pools-tainted: GPU and FPGA pools are tainted so only jobs that ask for them land there.</summary>
    public static ResourcePolicy AcceleratorPoolsTainted(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.AcceleratorPoolsTainted, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.NodePool), pool =>
            {
                var kind = KindOf(pool);
                if (kind == MachineKind.Cpu)
                    return Array.Empty<string>();
                var accelerator = NodeRoles.AcceleratorName(kind);
                var tainted = pool.Objects("taints").Any(t => t.Field("key") == NodeRoles.AcceleratorLabel && t.Field("value") == accelerator && t.Field("effect") == NodeRoles.NoSchedule);
                return tainted
                    ? Array.Empty<string>()
                    : new[] { $"a {accelerator.ToUpperInvariant()} pool without the taint {NodeRoles.AcceleratorLabel}={accelerator}:{NodeRoles.NoSchedule}; allowed: that taint" };
            });

    /// <summary>fpga-pools-have-image: FPGA pools boot the FPGA image shared with the account.</summary>
    public static ResourcePolicy FpgaPoolsHaveImage(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.FpgaPoolsHaveImage, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.NodePool), pool =>
                KindOf(pool) == MachineKind.Fpga && pool.Text("imageId") is null
                    ? new[] { "an FPGA pool without an image; allowed: the FPGA image Alibaba Cloud shares by a support ticket (imageId)" }
                    : Array.Empty<string>());

    /// <summary>instance-families-known: Machines are of families the catalogue knows for the region.</summary>
    public static StackPolicy InstanceFamiliesKnown(EnforcementLevel level = EnforcementLevel.Advisory)
        => StackPolicy.OnEach(DiagnosticCatalogue.InstanceFamiliesKnown, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.NodePool), (machine, input) =>
                machine.Texts("instanceTypes").Where(t => InstanceCatalog.Type(t) is null)
                    .Select(t => $"instance type {t} is not in BlinkInfra's catalogue, which cannot say it is offered in {input.Settings.Region}; allowed: {string.Join(", ", InstanceCatalog.Families.Select(f => f.Name))} types the catalogue lists"));

    /// <summary>instance-types-offered-in-zones: Node pools' instance types are offered in the zones of their vSwitches.</summary>
    // ECS: the availability of instance types varies by zone within a region (infra/Facts/InstanceAvailability.cs). ACK
    // creates a pool's nodes in its vSwitches' zones; a zone that does not offer the type leaves those nodes uncreated.
    // Only a zone a dated row of the table leaves out while listing every zone that offers the type (a complete row, of
    // the type or its family, for the pool's billing method or any) is reported: a zone no row decides is not (`check
    // --stack` notes those of accelerator pools). The table defaults to InstanceAvailability.Known; tests pass their own.
    public static StackPolicy InstanceTypesOfferedInZones(EnforcementLevel level = EnforcementLevel.Advisory, InstanceAvailability.Table? table = null)
        => StackPolicy.OnEach(DiagnosticCatalogue.InstanceTypesOfferedInZones, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.NodePool), (pool, input) =>
            {
                var known = table ?? InstanceAvailability.Known;
                if (input.Settings.Region is not { } region)
                    return Array.Empty<string>();
                var zones = ZonesOf(pool, input);
                var chargeType = pool.Text("instanceChargeType");
                var problems = new List<string>();
                foreach (var type in pool.Texts("instanceTypes"))
                {
                    if (InstanceCatalog.FamilyOfTypeName(type) is not { } family)
                        continue;
                    var refused = zones.Select(zone => (Zone: zone, Decision: known.Decide(region, family, zone, type, chargeType)))
                        .Where(d => d.Decision.Offer == ZoneOffer.NotOffered)
                        .GroupBy(d => d.Decision.By!);
                    foreach (var byRow in refused)
                        problems.Add($"instance type {type} is not offered in {string.Join(", ", byRow.Select(d => d.Zone))} ({byRow.Key.Cited}: {Where(byRow.Key, region)}), "
                                     + "so ACK cannot create the pool's nodes there; allowed: zones that offer it (blink-infra:compute.workerPools[].zones), or a type offered in every zone of the pool");
                }
                return problems;
            });

    /// <summary>What a row says of its region: "gn7i in cn-hangzhou only in cn-hangzhou-h, cn-hangzhou-i", or "... in no zone of cn-hangzhou".</summary>
    private static string Where(InstanceAvailability.Row row, string region)
        => row.Zones.IsEmpty ? $"{row.Subject} in no zone of {region}" : $"{row.Subject} in {region} only in {row.ZonesText}";

    /// <summary>The zones of a pool's vSwitches: through the dependencies the engine records, or the ids a plan writes.</summary>
    private static List<string> ZonesOf(PlannedResource pool, PolicyInput input)
    {
        var switches = input.OfType(TypeTokens.AliCloud.Vpc.Switch).ToList();
        var ids = pool.Texts("vswitchIds").ToHashSet(StringComparer.Ordinal);
        var byDependency = pool.PropertyDependencies.TryGetValue("vswitchIds", out var on) ? on : ImmutableArray<ResourceRef>.Empty;
        return switches.Where(s => byDependency.Contains(s.Ref) || ids.Contains(PlannedResource.IdOf(s.Name)) || (s.Text("id") is { } id && ids.Contains(id)))
            .Select(s => s.Text("zoneId")).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>pools-create-their-nodes: Node pools create their machines; no ECS instance is joined to one.</summary>
    // An instance joined through `instances` is owned twice: shrinking the list makes the provider remove
    // it with ReleaseNode (terraform-provider-alicloud v1.285.0, alicloud_cs_kubernetes_node_pool), and
    // ACK's tags on it read back as drift of the instance Pulumi also declares.
    public static ResourcePolicy PoolsCreateTheirNodes(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.PoolsCreateTheirNodes, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.NodePool), pool =>
            {
                var joined = pool.Texts("instances").Count();
                return joined == 0
                    ? Array.Empty<string>()
                    : new[] { $"{joined} ECS instance(s) joined through instances, owned by both Pulumi and ACK; allowed: no instances, the pool's own nodes (desiredSize or scalingConfig)" };
            });
}
