using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BlinkInfra.Facts;

namespace BlinkInfra.Bill;

/// <summary>A bill of materials as people read it: the short block `plan` prints, a one-line summary for `fleet`, and how it changes for `diff`.</summary>
public static class BillText
{
    private static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The block `plan` prints after the resources: a line each for machines, disks, network, operations, the HA premium, and the estimate when priced.</summary>
    public static void Write(BillOfMaterials bill, Estimate? estimate, TextWriter writer)
    {
        writer.Write("Bill of materials (from the resources above):\n");
        foreach (var (label, text) in Lines(bill, estimate))
            writer.Write($"    {label,-12} {text}\n");
    }

    /// <summary>
    /// The bill of materials as `plan` prints it by default, in one sentence: what the fleet's row says, the HA
    /// premium's machines and, with prices, the estimate per month; `plan --details` prints the block.
    /// </summary>
    public static string Brief(BillOfMaterials bill, Estimate? estimate)
    {
        var premium = bill.HighAvailabilityPremium is { } masters
            ? $"HA premium {masters.Machines} x {masters.TypeName} ({masters.Pool})"
            : "no HA premium";
        var price = estimate is null ? "" : $"; estimate {estimate.Summary} ({Estimate.Caveat})";
        return $"Bill of materials: {Summary(bill)}; {premium}{price}";
    }

    public static string Text(BillOfMaterials bill, Estimate? estimate)
    {
        var writer = new StringWriter { NewLine = "\n" };
        Write(bill, estimate, writer);
        return writer.ToString();
    }

    public static IEnumerable<(string Label, string Text)> Lines(BillOfMaterials bill, Estimate? estimate)
    {
        yield return ("machines", Machines(bill));
        yield return ("disks", Disks(bill));
        yield return ("network", Network(bill));
        yield return ("operations", Operations(bill));
        yield return ("HA premium", HighAvailability(bill, estimate));
        if (estimate is not null)
            yield return ("estimate", $"{estimate.Summary}, with {estimate.PricesFile}{(estimate.PricesSource is { } source ? $" ({source})" : "")}: {Estimate.Caveat} (no usage: {Facts.Billing.UsageBilled})");
    }

    /// <summary>"3 x ecs.g7.xlarge pay-as-you-go (masters), 4 x ecs.g7.2xlarge pay-as-you-go (cpu: 24 CU)".</summary>
    public static string Machines(BillOfMaterials bill)
        => bill.Pools.IsEmpty ? "none" : string.Join(", ", bill.Pools.Select(PoolText));

    public static string PoolText(PoolMachines pool)
    {
        var notes = new List<string> { pool.Pool };
        if (pool.ComputeUnits is { } cu)
            notes[0] += $": {cu} CU";
        if (pool.Autoscaled)
            notes.Add("autoscaled");
        if (pool.Period is { } period)
            notes.Add($"period {period}");
        return $"{pool.Machines} x {pool.TypeName} {pool.Billing} ({string.Join(", ", notes)})";
    }

    /// <summary>"cpu 4 x ecs.g7.2xlarge 24 CU": a pool as the fleet table shows it.</summary>
    public static string PoolCell(PoolMachines pool)
        => $"{pool.Pool} {pool.Machines}x{pool.TypeName}{(pool.ComputeUnits is { } cu ? $" {cu} CU" : "")}";

    public static string Disks(BillOfMaterials bill)
    {
        var groups = bill.Disks;
        if (groups.IsEmpty)
            return "none";
        return string.Join(", ", groups.Select(g => $"{g.Disks} x {N(g.Disk.SizeGiB)} GiB {g.Disk.Kind} {g.Use}"))
               + $" ({bill.DiskGiB} GiB in all)";
    }

    public static string Network(BillOfMaterials bill)
    {
        var parts = new List<string>();
        foreach (var nat in bill.NatGateways)
            parts.Add($"NAT gateway ({string.Join(", ", new[] { nat.NatType, nat.InternetChargeType }.OfType<string>())})");
        foreach (var eip in bill.Eips)
            parts.Add($"EIP ({(eip.BandwidthMbps is { } mbps ? $"{N(mbps)} Mbps" : "bandwidth not set")}{(eip.InternetChargeType is { } charge ? ", " + charge : "")})");
        foreach (var cluster in bill.Clusters)
            parts.Add($"API server load balancer ({Facts.Billing.ApiServerLoadBalancerKind}, {(cluster.ApiServerInternet == true ? "internet-facing" : "internal")}, {Facts.Billing.ApiServerLoadBalancerMetering}, created by ACK)");
        if (bill.NatGateways.IsEmpty)
            parts.Add("no NAT gateway");
        return string.Join(", ", parts);
    }

    public static string Operations(BillOfMaterials bill)
    {
        var parts = new List<string>();
        foreach (var cluster in bill.Clusters)
            parts.Add($"ACK {cluster.ClusterSpec ?? "managed cluster"}");
        foreach (var project in bill.LogStores.GroupBy(s => s.Project ?? "(no project)"))
        {
            var retention = string.Join("/", project.Select(s => s.RetentionDays).Distinct().Select(d => d is null ? "?" : N(d.Value)));
            parts.Add($"Log Service {project.Key}: {project.Count()} logstores, {N(project.Sum(s => s.Shards ?? 0))} shards, kept {retention} days");
        }
        foreach (var cluster in bill.Clusters.Where(c => c.ControlPlaneLogDays is not null))
            parts.Add($"control-plane logs kept {N(cluster.ControlPlaneLogDays!.Value)} days");
        parts.Add(bill.KmsKeys.IsEmpty ? "no KMS key"
            : string.Join(", ", bill.KmsKeys.Select(k => $"KMS key ({string.Join(", ", new[] { k.KeySpec, k.DeletionProtection ? "deletion protected" : null }.OfType<string>())})")));
        return string.Join("; ", parts);
    }

    /// <summary>What HA adds: the three master machines of the masters pool and what they bring, or what runs without HA.</summary>
    public static string HighAvailability(BillOfMaterials bill, Estimate? estimate)
    {
        if (bill.HighAvailabilityPremium is not { } masters)
        {
            return bill.MastersPool is { } pool
                ? $"none: no HA ({pool.Machines} master machine{(pool.Machines == Amount.Exactly(1) ? "" : "s")}, {pool.TypeName})"
                : "none: no master machines' pool";
        }
        var cores = masters.InstanceTypes.Length == 1 && InstanceCatalog.Type(masters.InstanceTypes[0]) is { } type
            ? $", {N(masters.Machines.Max * type.Cores)} cores and {N(masters.Machines.Max * type.MemoryGiB)} GiB"
            : "";
        var disks = string.Join(" + ", masters.Disks.Select(d => $"{masters.Machines} x {N(d.Disk.SizeGiB)} GiB {d.Disk.Kind}"));
        var price = estimate?.HighAvailabilityPremium is { } money ? $"; {money.Text(estimate.Currency)} per month ({Estimate.Caveat})" : "";
        return $"{masters.Machines} x {masters.TypeName} {masters.Billing} (the {masters.Pool} pool{cores}){(disks.Length > 0 ? " with " + disks : "")}: "
               + $"a master machine in each of {N(masters.Vswitches)} zones for the JobManagers and the operator, so when a zone or a master is lost a standby JobManager takes over and jobs resume from their last checkpoint{price}";
    }

    /// <summary>"7 machines, 1,080 GiB disks, NAT, 1 EIP 100 Mbps, 2 logstores": the fleet table's cell.</summary>
    public static string Summary(BillOfMaterials bill)
    {
        var parts = new List<string> { $"{bill.Machines} machines", $"{bill.DiskGiB} GiB disks" };
        if (!bill.NatGateways.IsEmpty)
            parts.Add($"{bill.NatGateways.Length} NAT");
        if (!bill.Eips.IsEmpty)
            parts.Add($"{bill.Eips.Length} EIP {N(bill.Eips.Sum(e => e.BandwidthMbps ?? 0))} Mbps");
        if (!bill.LogStores.IsEmpty)
            parts.Add($"{bill.LogStores.Length} logstores {string.Join("/", bill.LogStores.Select(s => s.RetentionDays).Distinct().Select(d => d is null ? "?" : N(d.Value)))} d");
        if (!bill.KmsKeys.IsEmpty)
            parts.Add($"{bill.KmsKeys.Length} KMS key");
        return string.Join(", ", parts);
    }

    /// <summary>
    /// How a bill of materials changes from one side of a diff to the other, a line per changed
    /// item ("machines: 22 x ecs.g7.2xlarge subscription => 24"); none when nothing billed changes.
    /// </summary>
    public static IReadOnlyList<string> Changes(BillOfMaterials before, BillOfMaterials after)
    {
        var changes = new List<string>();
        void Compare<TKey>(string label, IEnumerable<(TKey Key, string Name, string Value)> old, IEnumerable<(TKey Key, string Name, string Value)> now)
            where TKey : notnull
        {
            var was = old.GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.First());
            var @is = now.GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.First());
            foreach (var (key, item) in @is)
            {
                if (!was.TryGetValue(key, out var earlier))
                    changes.Add($"{label}: + {item.Name} {item.Value}");
                else if (earlier.Value != item.Value)
                    changes.Add($"{label}: ~ {item.Name} {earlier.Value} => {item.Value}");
            }
            foreach (var (key, item) in was.Where(kv => !@is.ContainsKey(kv.Key)))
                changes.Add($"{label}: - {item.Name} {item.Value}");
        }
        static IEnumerable<(string, string, string)> MachineItems(BillOfMaterials b)
            => b.MachinesByType.Select(g => ($"{g.InstanceType}|{g.Billing}", $"{g.InstanceType} {g.Billing}", $"{g.Machines} machines"));
        static IEnumerable<(string, string, string)> DiskItems(BillOfMaterials b)
            => b.Disks.Select(g => ($"{g.Use}|{g.Disk}", $"{N(g.Disk.SizeGiB)} GiB {g.Disk.Kind} {g.Use}", $"{g.Disks} disks"));
        static IEnumerable<(string, string, string)> NetworkItems(BillOfMaterials b)
            => b.NatGateways.Select(n => ($"nat|{n.Resource}", $"NAT gateway {n.Resource}", $"{n.NatType} {n.InternetChargeType}"))
                .Concat(b.Eips.Select(e => ($"eip|{e.Resource}", $"EIP {e.Resource}", $"{(e.BandwidthMbps is { } m ? N(m) : "?")} Mbps {e.InternetChargeType}")))
                .Concat(b.Clusters.Select(c => ($"lb|{c.Resource}", $"API server load balancer of {c.Resource}", c.ApiServerInternet == true ? "internet-facing" : "internal")));
        static IEnumerable<(string, string, string)> OperationItems(BillOfMaterials b)
            => b.Clusters.Select(c => ($"ack|{c.Resource}", $"ACK cluster {c.Resource}", $"{c.ClusterSpec}, control-plane logs {(c.ControlPlaneLogDays is { } d ? N(d) + " days" : "off")}"))
                .Concat(b.LogStores.Select(s => ($"log|{s.Resource}", $"logstore {s.Project}/{s.Logstore}", $"{(s.Shards is { } n ? N(n) : "?")} shards, kept {(s.RetentionDays is { } d ? N(d) : "?")} days")))
                .Concat(b.KmsKeys.Select(k => ($"kms|{k.Resource}", $"KMS key {k.Resource}", $"{k.KeySpec}{(k.DeletionProtection ? ", deletion protected" : "")}")));
        Compare("machines", MachineItems(before), MachineItems(after));
        Compare("disks", DiskItems(before), DiskItems(after));
        Compare("network", NetworkItems(before), NetworkItems(after));
        Compare("operations", OperationItems(before), OperationItems(after));
        var (wasHa, isHa) = (before.HighAvailabilityPremium, after.HighAvailabilityPremium);
        if ((wasHa is null) != (isHa is null))
            changes.Add(isHa is null ? $"HA premium: - {HighAvailability(before, null)}" : $"HA premium: + {HighAvailability(after, null)}");
        return changes;
    }
}
