using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Plan;

namespace BlinkInfra.Bill;

/// <summary>A number of things autoscaling leaves between two bounds; both bounds equal when fixed.</summary>
public readonly record struct Amount(long Min, long Max)
{
    public static readonly Amount Zero = new(0, 0);

    public static Amount Exactly(long n) => new(n, n);

    public static Amount operator +(Amount a, Amount b) => new(a.Min + b.Min, a.Max + b.Max);

    public static Amount operator *(Amount a, long n) => new(a.Min * n, a.Max * n);

    public bool IsFixed => Min == Max;

    /// <summary>"3", or "1-4" between bounds; thousands grouped.</summary>
    public override string ToString()
        => IsFixed ? Min.ToString("#,0", CultureInfo.InvariantCulture) : $"{Min.ToString("#,0", CultureInfo.InvariantCulture)}-{Max.ToString("#,0", CultureInfo.InvariantCulture)}";
}

/// <summary>A disk: its category (cloud_essd, ...), performance level where one is set, and size.</summary>
public sealed record Disk(string Category, string? PerformanceLevel, long SizeGiB)
{
    /// <summary>"cloud_essd PL1", or the category alone.</summary>
    public string Kind => PerformanceLevel is null ? Category : $"{Category} {PerformanceLevel}";
}

/// <summary>
/// The machines of one node pool as the pool declares them: its instance types, billing, how many
/// (between the autoscaler's bounds when it scales), each one's disks, and the CU one worker of its
/// type offers (the catalogue's, <see cref="InstanceType.ComputeUnitCount"/>; none for the masters).
/// </summary>
public sealed record PoolMachines(
    string Pool,
    string Resource,
    bool Masters,
    ImmutableArray<string> InstanceTypes,
    string Billing,
    Amount Machines,
    bool Autoscaled,
    int Vswitches,
    Disk? SystemDisk,
    ImmutableArray<Disk> DataDisks,
    int? ComputeUnitsPerMachine,
    string? Period)
{
    /// <summary>The types as one name: the type, or "a or b" for a pool ACK may fill with either.</summary>
    public string TypeName => string.Join(" or ", InstanceTypes.IsDefaultOrEmpty ? ["(no instance type)"] : InstanceTypes);

    public Amount? ComputeUnits => ComputeUnitsPerMachine is { } cu ? Machines * cu : null;

    /// <summary>Every disk of every machine, system disk first.</summary>
    public IEnumerable<(Disk Disk, string Use)> Disks
        => (SystemDisk is null ? Enumerable.Empty<(Disk, string)>() : [(SystemDisk, "system")]).Concat(DataDisks.Select(d => (d, "data")));

    public Amount DiskGiB => Disks.Aggregate(Amount.Zero, (sum, d) => sum + Machines * d.Disk.SizeGiB);
}

/// <summary>Machines of one instance type (or set of types) and billing, over the pools that hold them.</summary>
public sealed record MachineGroup(string InstanceType, string Billing, Amount Machines, ImmutableArray<string> Pools);

/// <summary>Disks of one kind, size and use (a machine's system disk, or a data disk).</summary>
public sealed record DiskGroup(string Use, Disk Disk, Amount Disks);

public sealed record ElasticIp(string Resource, long? BandwidthMbps, string? InternetChargeType, string? PaymentType);

public sealed record NatGatewayItem(string Resource, string? NatType, string? InternetChargeType, string? PaymentType);

/// <summary>An ACK managed cluster, and the load balancer ACK creates for its API server (<see cref="Facts.Billing"/>).</summary>
public sealed record ClusterItem(string Resource, string? ClusterSpec, bool? ApiServerInternet, string? ControlPlaneLogProject, long? ControlPlaneLogDays);

public sealed record LogStoreItem(string Resource, string? Project, string? Logstore, long? RetentionDays, long? Shards);

public sealed record KmsKeyItem(string Resource, string? KeySpec, string? Rotation, long? PendingWindowDays, bool DeletionProtection);

/// <summary>
/// What a plan declares that is billed, read from its recorded resources (never from the config): the
/// node pools' machines by instance type and billing with their disks, EIPs and their bandwidth, NAT
/// gateways, the ACK cluster and its API server's load balancer, Log Service logstores and their
/// retention, KMS keys. Usage (traffic, log volume, ...) depends on use and is not in it.
/// </summary>
public sealed record BillOfMaterials(
    ImmutableArray<PoolMachines> Pools,
    ImmutableArray<ElasticIp> Eips,
    ImmutableArray<NatGatewayItem> NatGateways,
    ImmutableArray<ClusterItem> Clusters,
    ImmutableArray<LogStoreItem> LogStores,
    ImmutableArray<KmsKeyItem> KmsKeys)
{
    private static readonly string NodePoolType = TypeTokens.AliCloud.CS.NodePool;
    private static readonly string ClusterType = TypeTokens.AliCloud.CS.ManagedKubernetes;
    private static readonly string EipType = TypeTokens.AliCloud.Ecs.EipAddress;
    private static readonly string NatType = TypeTokens.AliCloud.Vpc.NatGateway;
    private static readonly string LogStoreType = TypeTokens.AliCloud.Log.Store;
    private static readonly string KmsKeyType = TypeTokens.AliCloud.Kms.Key;

    public static readonly BillOfMaterials Empty = Of(Enumerable.Empty<PlannedResource>());

    /// <summary>The bill of materials of these resources: a plan's, or the live resources of a state.</summary>
    public static BillOfMaterials Of(IEnumerable<PlannedResource> resources)
    {
        var pools = ImmutableArray.CreateBuilder<PoolMachines>();
        var eips = ImmutableArray.CreateBuilder<ElasticIp>();
        var nats = ImmutableArray.CreateBuilder<NatGatewayItem>();
        var clusters = ImmutableArray.CreateBuilder<ClusterItem>();
        var stores = ImmutableArray.CreateBuilder<LogStoreItem>();
        var keys = ImmutableArray.CreateBuilder<KmsKeyItem>();
        foreach (var r in resources)
        {
            if (r.Type == NodePoolType)
                pools.Add(PoolOf(r));
            else if (r.Type == EipType)
                eips.Add(new ElasticIp(r.Name, Whole(r.Inputs["bandwidth"]), r.Text("internetChargeType"), r.Text("paymentType")));
            else if (r.Type == NatType)
                nats.Add(new NatGatewayItem(r.Name, r.Text("natType"), r.Text("internetChargeType"), r.Text("paymentType")));
            else if (r.Type == ClusterType)
                clusters.Add(new ClusterItem(r.Name, r.Text("clusterSpec"), Inputs.Flag(r.Inputs["slbInternetEnabled"]), r.Text("controlPlaneLogProject"),
                    r.Inputs["controlPlaneLogComponents"] is JsonArray { Count: > 0 } ? Whole(r.Inputs["controlPlaneLogTtl"]) ?? Facts.Billing.ControlPlaneLogDefaultDays : null));
            else if (r.Type == LogStoreType)
                stores.Add(new LogStoreItem(r.Name, r.Text("projectName"), r.Text("logstoreName"), Whole(r.Inputs["retentionPeriod"]), Whole(r.Inputs["shardCount"])));
            else if (r.Type == KmsKeyType)
                keys.Add(new KmsKeyItem(r.Name, r.Text("keySpec"), r.Text("automaticRotation"), Whole(r.Inputs["pendingWindowInDays"]), r.Text("deletionProtection") == "Enabled"));
        }
        return new BillOfMaterials(pools.ToImmutable(), eips.ToImmutable(), nats.ToImmutable(), clusters.ToImmutable(), stores.ToImmutable(), keys.ToImmutable());
    }

    private static PoolMachines PoolOf(PlannedResource pool)
    {
        var masters = pool.Objects("labels").Any(l => l.Field("key") == NodeRoles.RoleLabel && l.Field("value") == NodeRoles.MasterRole);
        var types = pool.Texts("instanceTypes").ToImmutableArray();
        var prepaid = pool.Text("instanceChargeType") == ClusterDefaults.ChargeType(BillingMode.Subscription);
        // ACK sizes an autoscaled pool between its bounds (scalingConfig), a fixed one at desiredSize.
        var scaling = pool.Inputs["scalingConfig"] as JsonObject;
        var autoscaled = Inputs.Flag(scaling?["enable"]) == true;
        var machines = autoscaled
            ? new Amount(Whole(scaling?["minSize"]) ?? 0, Whole(scaling?["maxSize"]) ?? Whole(scaling?["minSize"]) ?? 0)
            : Amount.Exactly(Whole(pool.Inputs["desiredSize"]) ?? 0);
        var system = pool.Text("systemDiskCategory") is { } category
            ? new Disk(category, pool.Text("systemDiskPerformanceLevel"), Whole(pool.Inputs["systemDiskSize"]) ?? 0)
            : null;
        var data = pool.Objects("dataDisks")
            .Select(d => new Disk(d.Field("category") ?? "(no category)", d.Field("performanceLevel"), Whole(d["size"]) ?? 0))
            .ToImmutableArray();
        // The CU a worker offers: the least its types offer, as ACK may give it any of them.
        var catalogued = types.Select(InstanceCatalog.Type).ToList();
        int? units = masters || catalogued.Count == 0 || catalogued.Any(t => t is null) ? null : catalogued.Min(t => t!.ComputeUnitCount);
        return new PoolMachines(
            pool.Text("nodePoolName") ?? pool.Name,
            pool.Name,
            masters,
            types,
            SpecDefaults.BillingName(prepaid ? BillingMode.Subscription : BillingMode.PayAsYouGo),
            machines,
            autoscaled,
            pool.Inputs["vswitchIds"] is JsonArray vswitches ? vswitches.Count : 0,
            system,
            data,
            units,
            prepaid && Whole(pool.Inputs["period"]) is { } period ? $"{period} {pool.Text("periodUnit") ?? "Month"}" : null);
    }

    /// <summary>A whole number however the inputs carry it: a number, or text (the provider's desiredSize and bandwidth are strings).</summary>
    internal static long? Whole(JsonNode? node)
    {
        if (node is not JsonValue value)
            return null;
        if (value.GetValueKind() == JsonValueKind.Number)
            return double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? (long)Math.Round(n) : null;
        return value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>Machines by instance type and billing, in the order the pools declare them.</summary>
    public ImmutableArray<MachineGroup> MachinesByType
        => Pools.GroupBy(p => (p.TypeName, p.Billing))
            .Select(g => new MachineGroup(g.Key.TypeName, g.Key.Billing, g.Aggregate(Amount.Zero, (sum, p) => sum + p.Machines), g.Select(p => p.Pool).ToImmutableArray()))
            .ToImmutableArray();

    /// <summary>Disks by use, kind and size, system disks first.</summary>
    public ImmutableArray<DiskGroup> Disks
        => Pools.SelectMany(p => p.Disks.Select(d => (d.Disk, d.Use, p.Machines)))
            .GroupBy(d => (d.Use, d.Disk))
            .Select(g => new DiskGroup(g.Key.Use, g.Key.Disk, g.Aggregate(Amount.Zero, (sum, d) => sum + d.Machines)))
            .OrderBy(g => g.Use == "system" ? 0 : 1)
            .ToImmutableArray();

    public Amount Machines => Pools.Aggregate(Amount.Zero, (sum, p) => sum + p.Machines);

    public Amount DiskGiB => Pools.Aggregate(Amount.Zero, (sum, p) => sum + p.DiskGiB);

    public Amount? ComputeUnits => Pools.Where(p => !p.Masters).Select(p => p.ComputeUnits).Aggregate((Amount?)Amount.Zero, (sum, cu) => sum is null || cu is null ? null : sum + cu);

    public long LogShards => LogStores.Sum(s => s.Shards ?? 0);

    /// <summary>
    /// What high availability adds: the master machines' pool when it holds the three machines HA runs
    /// (one per zone; <see cref="Facts.ComputeUnits.HighAvailabilityMasters"/>), with their disks; null otherwise.
    /// </summary>
    public PoolMachines? HighAvailabilityPremium
        => Pools.FirstOrDefault(p => p.Masters && p.Machines == Amount.Exactly(Facts.ComputeUnits.HighAvailabilityMasters));

    /// <summary>The master machines' pool, with or without HA.</summary>
    public PoolMachines? MastersPool => Pools.FirstOrDefault(p => p.Masters);
}
