using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace BlinkInfra.Bill;

/// <summary>
/// A bill of materials and an estimate as JSON (`billOfMaterials` and `estimate` in `plan --json`,
/// `diff --json` and `fleet --json`), built node by node so the native CLI needs no serializer for them.
/// Counts an autoscaler keeps between bounds are `min` and `max` (equal when fixed); empty lists are kept.
/// </summary>
public static class BillJson
{
    public static JsonObject Of(BillOfMaterials bill)
    {
        var ha = bill.HighAvailabilityPremium;
        return new JsonObject
        {
            ["machines"] = Array(bill.MachinesByType.Select(g => new JsonObject
            {
                ["instanceType"] = g.InstanceType,
                ["billing"] = g.Billing,
                ["min"] = g.Machines.Min,
                ["max"] = g.Machines.Max,
                ["pools"] = Array(g.Pools.Select(p => (JsonNode?)JsonValue.Create(p))),
            })),
            ["pools"] = Array(bill.Pools.Select(Pool)),
            ["disks"] = Array(bill.Disks.Select(g => WithDisk(new JsonObject { ["use"] = g.Use }, g.Disk, g.Disks))),
            ["diskGiB"] = Bounds(bill.DiskGiB),
            ["eips"] = Array(bill.Eips.Select(e => Compact(new JsonObject
            {
                ["resource"] = e.Resource,
                ["bandwidthMbps"] = e.BandwidthMbps,
                ["internetChargeType"] = e.InternetChargeType,
                ["paymentType"] = e.PaymentType,
            }))),
            ["natGateways"] = Array(bill.NatGateways.Select(n => Compact(new JsonObject
            {
                ["resource"] = n.Resource,
                ["natType"] = n.NatType,
                ["internetChargeType"] = n.InternetChargeType,
                ["paymentType"] = n.PaymentType,
            }))),
            ["clusters"] = Array(bill.Clusters.Select(c => Compact(new JsonObject
            {
                ["resource"] = c.Resource,
                ["clusterSpec"] = c.ClusterSpec,
                ["controlPlaneLogProject"] = c.ControlPlaneLogProject,
                ["controlPlaneLogDays"] = c.ControlPlaneLogDays,
            }))),
            ["apiServerLoadBalancers"] = Array(bill.Clusters.Select(c => new JsonObject
            {
                ["cluster"] = c.Resource,
                ["kind"] = Facts.Billing.ApiServerLoadBalancerKind,
                ["metering"] = Facts.Billing.ApiServerLoadBalancerMetering,
                ["internet"] = c.ApiServerInternet == true,
            })),
            ["logStores"] = Array(bill.LogStores.Select(s => Compact(new JsonObject
            {
                ["resource"] = s.Resource,
                ["project"] = s.Project,
                ["logstore"] = s.Logstore,
                ["retentionDays"] = s.RetentionDays,
                ["shards"] = s.Shards,
            }))),
            ["kmsKeys"] = Array(bill.KmsKeys.Select(k => Compact(new JsonObject
            {
                ["resource"] = k.Resource,
                ["keySpec"] = k.KeySpec,
                ["automaticRotation"] = k.Rotation,
                ["pendingWindowInDays"] = k.PendingWindowDays,
                ["deletionProtection"] = k.DeletionProtection,
            }))),
            ["highAvailabilityPremium"] = ha is null ? null : new JsonObject
            {
                ["pool"] = ha.Pool,
                ["instanceTypes"] = Array(ha.InstanceTypes.Select(t => (JsonNode?)JsonValue.Create(t))),
                ["billing"] = ha.Billing,
                ["machines"] = ha.Machines.Max,
                ["zones"] = ha.Vswitches,
                ["diskGiB"] = ha.DiskGiB.Max,
            },
            ["usageNotCounted"] = Facts.Billing.UsageBilled,
        };
    }

    public static JsonObject Pool(PoolMachines pool) => Compact(new JsonObject
    {
        ["pool"] = pool.Pool,
        ["resource"] = pool.Resource,
        ["role"] = pool.Masters ? Facts.NodeRoles.MasterRole : Facts.NodeRoles.WorkerRole,
        ["instanceTypes"] = Array(pool.InstanceTypes.Select(t => (JsonNode?)JsonValue.Create(t))),
        ["billing"] = pool.Billing,
        ["period"] = pool.Period,
        ["min"] = pool.Machines.Min,
        ["max"] = pool.Machines.Max,
        ["autoscaled"] = pool.Autoscaled,
        ["computeUnitsPerMachine"] = pool.ComputeUnitsPerMachine,
        ["systemDisk"] = pool.SystemDisk is null ? null : WithDisk(new JsonObject(), pool.SystemDisk, null),
        ["dataDisks"] = Array(pool.DataDisks.Select(d => WithDisk(new JsonObject(), d, null))),
    });

    public static JsonObject Of(Estimate estimate) => Compact(new JsonObject
    {
        ["currency"] = estimate.Currency,
        ["pricesFile"] = estimate.PricesFile,
        ["pricesSource"] = estimate.PricesSource,
        ["perMonth"] = Bounds(estimate.PerMonth),
        ["highAvailabilityPremiumPerMonth"] = estimate.HighAvailabilityPremium is { } ha ? Bounds(ha) : null,
        ["lines"] = Array(estimate.Lines.Select(l => new JsonObject
        {
            ["item"] = l.Item,
            ["quantity"] = l.Quantity,
            ["perMonth"] = Bounds(l.PerMonth),
        })),
        ["unpriced"] = Array(estimate.Unpriced.Select(u => (JsonNode?)JsonValue.Create(u))),
        ["note"] = $"{Estimate.Caveat}; usage is not in it: {Facts.Billing.UsageBilled}",
    });

    public static JsonObject Bounds(Amount amount) => new() { ["min"] = amount.Min, ["max"] = amount.Max };

    public static JsonObject Bounds(Money money) => new() { ["min"] = decimal.Round(money.Min, 2), ["max"] = decimal.Round(money.Max, 2) };

    private static JsonObject WithDisk(JsonObject obj, Disk disk, Amount? count)
    {
        obj["category"] = disk.Category;
        if (disk.PerformanceLevel is not null)
            obj["performanceLevel"] = disk.PerformanceLevel;
        obj["sizeGiB"] = disk.SizeGiB;
        if (count is { } n)
        {
            obj["min"] = n.Min;
            obj["max"] = n.Max;
        }
        return obj;
    }

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new(items.ToArray());

    /// <summary>Null fields left out, as the plan's JSON leaves them out.</summary>
    private static JsonObject Compact(JsonObject obj)
    {
        foreach (var key in obj.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
            obj.Remove(key);
        return obj;
    }
}
