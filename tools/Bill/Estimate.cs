using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace BlinkInfra.Bill;

/// <summary>An amount of money between two bounds (equal unless autoscaling leaves machines between two).</summary>
public readonly record struct Money(decimal Min, decimal Max)
{
    public static readonly Money Zero = new(0, 0);

    public static Money operator +(Money a, Money b) => new(a.Min + b.Min, a.Max + b.Max);

    public static Money Of(Amount amount, decimal unit) => new(amount.Min * unit, amount.Max * unit);

    public string Text(string currency)
        => Min == Max ? $"{currency} {Format(Min)}" : $"{currency} {Format(Min)}-{Format(Max)}";

    public static string Format(decimal value) => decimal.Round(value, 2).ToString("#,0.00", CultureInfo.InvariantCulture);
}

/// <summary>One priced line of an estimate: what, how many, and its monthly amount.</summary>
public sealed record EstimateLine(string Item, string Quantity, Money PerMonth);

/// <summary>
/// A bill of materials priced with the user's own prices, per month, in the prices file's currency.
/// It is an estimate from declared resources and the user's prices, never what Alibaba Cloud will
/// charge: usage (<see cref="Facts.Billing.UsageBilled"/>) is not in it, and what the file does not
/// price is listed in <see cref="Unpriced"/> and left out of the total.
/// </summary>
public sealed record Estimate(
    string Currency,
    string PricesFile,
    string? PricesSource,
    Money PerMonth,
    ImmutableArray<EstimateLine> Lines,
    ImmutableArray<string> Unpriced,
    Money? HighAvailabilityPremium)
{
    /// <summary>What every estimate says beside its figure.</summary>
    public const string Caveat = "an estimate from your prices, not what Alibaba Cloud will charge";

    public static Estimate Of(BillOfMaterials bill, PriceList prices)
    {
        var lines = new List<EstimateLine>();
        var unpriced = new List<string>();
        var haPremium = bill.HighAvailabilityPremium;
        Money? ha = haPremium is null ? null : Money.Zero;

        foreach (var pool in bill.Pools)
        {
            var machine = MachineMonthly(pool, prices);
            if (machine is null)
                unpriced.Add($"{pool.TypeName} ({pool.Billing}, pool {pool.Pool})");
            else
            {
                var cost = new Money(pool.Machines.Min * machine.Value.Min, pool.Machines.Max * machine.Value.Max);
                lines.Add(new EstimateLine($"{pool.TypeName} {pool.Billing} (pool {pool.Pool})", $"{pool.Machines} machines", cost));
                if (ReferenceEquals(pool, haPremium))
                    ha += cost;
            }
            foreach (var (disk, use) in pool.Disks)
            {
                var disks = pool.Machines;
                if (prices.DiskPerGiBMonth(disk) is not { } perGiB)
                {
                    unpriced.Add($"{disk.Kind} disks");
                    continue;
                }
                var cost = Money.Of(disks * disk.SizeGiB, perGiB);
                lines.Add(new EstimateLine($"{disk.Kind} {use} disks (pool {pool.Pool})", $"{disks} x {disk.SizeGiB.ToString(CultureInfo.InvariantCulture)} GiB", cost));
                if (ReferenceEquals(pool, haPremium))
                    ha += cost;
            }
        }

        void Item(string item, long count, string what)
        {
            if (count == 0)
                return;
            if (prices.ItemPerMonth(item) is { } unit)
                lines.Add(new EstimateLine(what, count.ToString("#,0", CultureInfo.InvariantCulture), Money.Of(Amount.Exactly(count), unit)));
            else
                unpriced.Add(what);
        }
        Item(PricedItems.AckCluster, bill.Clusters.Length, "ACK managed clusters");
        Item(PricedItems.ApiServerLoadBalancer, bill.Clusters.Length, "API server load balancers");
        Item(PricedItems.NatGateway, bill.NatGateways.Length, "NAT gateways");
        Item(PricedItems.Eip, bill.Eips.Length, "EIPs");
        Item(PricedItems.EipBandwidthMbps, bill.Eips.Where(e => e.InternetChargeType == "PayByBandwidth").Sum(e => e.BandwidthMbps ?? 0), "pay-by-bandwidth EIP Mbps");
        Item(PricedItems.LogShard, bill.LogShards, "Log Service shards");
        Item(PricedItems.KmsKey, bill.KmsKeys.Length, "KMS keys");

        return new Estimate(prices.Currency, prices.Path, prices.Source, lines.Aggregate(Money.Zero, (sum, l) => sum + l.PerMonth),
            lines.ToImmutableArray(), unpriced.Distinct().ToImmutableArray(), ha);
    }

    /// <summary>One machine's monthly price, between its types' cheapest and dearest when ACK may pick any; null when one is unpriced.</summary>
    private static Money? MachineMonthly(PoolMachines pool, PriceList prices)
    {
        var each = pool.InstanceTypes.Select(t => prices.MachinePerMonth(t, pool.Billing)).ToList();
        if (each.Count == 0 || each.Any(p => p is null))
            return null;
        return new Money(each.Min()!.Value, each.Max()!.Value);
    }

    /// <summary>"CNY 1,234.00 per month (an estimate from your prices, ...)", the line plan and fleet show.</summary>
    public string Summary
        => $"{PerMonth.Text(Currency)} per month{(Unpriced.IsEmpty ? "" : $" and what {PricesFile} does not price ({string.Join(", ", Unpriced)})")}";
}
