using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BlinkInfra.Config;
using BlinkInfra.Stacks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlinkInfra.Bill;

/// <summary>The items of a bill of materials a prices file prices by the unit, besides machines and disks.</summary>
public static class PricedItems
{
    public const string NatGateway = "natGateway";
    public const string Eip = "eip";
    public const string EipBandwidthMbps = "eipBandwidthMbps";
    public const string ApiServerLoadBalancer = "apiServerLoadBalancer";
    public const string AckCluster = "ackCluster";
    public const string LogShard = "logShard";
    public const string KmsKey = "kmsKey";

    /// <summary>Each item and what one unit of it is.</summary>
    public static readonly ImmutableArray<(string Key, string Unit)> All = ImmutableArray.Create(
        (NatGateway, "one NAT gateway's instance fee"),
        (Eip, "one EIP's own fee (its traffic is usage, not estimated)"),
        (EipBandwidthMbps, "one Mbps of a pay-by-bandwidth EIP"),
        (ApiServerLoadBalancer, "the load balancer ACK creates for a cluster's API server (its instance fee)"),
        (AckCluster, "one ACK managed cluster's management fee"),
        (LogShard, "one Log Service shard"),
        (KmsKey, "one KMS key"));
}

/// <summary>A machine type's prices: per month on subscription, per hour pay-as-you-go; either may be missing.</summary>
public sealed record MachinePrice(decimal? SubscriptionPerMonth, decimal? PayAsYouGoPerHour);

/// <summary>
/// The user's own prices, in one currency (a prices file, `--prices FILE`, YAML or JSON): what turns a
/// bill of materials into an estimate per month. They are the user's, since discounts differ by
/// contract; the program keeps no price of its own. The format is documented in docs/cli.md ("Bill of
/// materials") and as a JSON schema, tools/Bill/prices.schema.json.
/// </summary>
public sealed record PriceList(
    string Path,
    string Currency,
    string? Source,
    int HoursPerMonth,
    ImmutableSortedDictionary<string, MachinePrice> Machines,
    ImmutableSortedDictionary<string, decimal> DisksPerGiBMonth,
    ImmutableSortedDictionary<string, decimal> PerMonth)
{
    public const int MinHoursPerMonth = 1;
    public const int MaxHoursPerMonth = 744; // 31 days

    private static readonly string[] TopKeys = ["currency", "source", "hoursPerMonth", "machines", "disks", "perMonth", "perHour"];
    private static readonly string[] MachineKeys = ["subscriptionPerMonth", "payAsYouGoPerHour"];
    private static readonly Regex CurrencyCode = new("^[A-Z]{3}$", RegexOptions.CultureInvariant);
    private static readonly Regex InstanceTypeName = new(@"^ecs\.[a-z0-9-]+\.[a-z0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex DiskName = new(@"^[a-z_]+( PL[0-3])?$", RegexOptions.CultureInvariant);

    /// <summary>A machine's price per month in this list's currency, if the list has one for its billing.</summary>
    public decimal? MachinePerMonth(string instanceType, string billing)
    {
        if (!Machines.TryGetValue(instanceType, out var price))
            return null;
        return billing == SpecDefaults.BillingName(Facts.BillingMode.Subscription)
            ? price.SubscriptionPerMonth
            : price.PayAsYouGoPerHour * HoursPerMonth;
    }

    /// <summary>A disk's price per GiB per month: its kind with performance level, else its category.</summary>
    public decimal? DiskPerGiBMonth(Disk disk)
        => DisksPerGiBMonth.TryGetValue(disk.Kind, out var exact) ? exact
            : DisksPerGiBMonth.TryGetValue(disk.Category, out var category) ? category
            : null;

    public decimal? ItemPerMonth(string item) => PerMonth.TryGetValue(item, out var price) ? price : null;

    /// <summary>Reads and checks a prices file; every mistake is named in one error with its line.</summary>
    public static PriceList Load(string path)
    {
        // What the path is and its size first, then a bounded read (a FIFO or a device never ends).
        return Parse(BoundedFile.Decode(BoundedFile.ReadAllBytes(path, ConfigLimits.MaxFileBytes, "a prices file")), path);
    }

    public static PriceList Parse(string text, string path)
    {
        YamlGuard.Check(text, path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new StackFileException(DiagnosticCatalogue.PriceListInvalid, $"{path}: line {e.Start.Line}: not YAML or JSON: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new StackFileException(DiagnosticCatalogue.PriceListInvalid, $"{path}: not a prices file; allowed: a mapping with currency, machines, disks, perMonth, perHour (docs/cli.md, \"Bill of materials\")");

        var errors = new List<string>();
        void Error(YamlNode node, string what) => errors.Add($"line {node.Start.Line}: {what}");

        string? currency = null, source = null;
        var hours = Facts.Billing.DefaultHoursPerMonth;
        var machines = ImmutableSortedDictionary.CreateBuilder<string, MachinePrice>(StringComparer.Ordinal);
        var disks = ImmutableSortedDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        var perMonth = new Dictionary<string, (decimal Price, YamlNode Node)>(StringComparer.Ordinal);
        var perHour = new Dictionary<string, (decimal Price, YamlNode Node)>(StringComparer.Ordinal);

        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "currency":
                    currency = Text(value, key, Error);
                    if (currency is not null && !CurrencyCode.IsMatch(currency))
                        Error(value, $"currency = \"{currency}\": allowed: a currency's three-letter ISO 4217 code in capitals, such as CNY or USD: the currency of every price in the file");
                    break;
                case "source":
                    source = Text(value, key, Error);
                    break;
                case "hoursPerMonth":
                    if (Number(value, key, Error) is { } h)
                    {
                        if (h != decimal.Truncate(h) || h < MinHoursPerMonth || h > MaxHoursPerMonth)
                            Error(value, $"hoursPerMonth = {h.ToString(CultureInfo.InvariantCulture)}: allowed: a whole number from {MinHoursPerMonth} to {MaxHoursPerMonth}, the hours a pay-as-you-go price is counted for in a month (default {Facts.Billing.DefaultHoursPerMonth})");
                        else
                            hours = (int)h;
                    }
                    break;
                case "machines":
                    foreach (var (type, entry) in Entries(value, key, Error))
                    {
                        var where = $"machines.{type}";
                        if (!InstanceTypeName.IsMatch(type))
                            Error(entry, $"{where}: not an ECS instance type; allowed: a type as node pools name it, such as ecs.g7.2xlarge");
                        if (entry is not YamlMappingNode prices)
                        {
                            Error(entry, $"{where}: allowed: a mapping with subscriptionPerMonth (per machine per month) and/or payAsYouGoPerHour (per machine per hour)");
                            continue;
                        }
                        decimal? perMachineMonth = null, hourly = null;
                        foreach (var (fieldNode, field) in prices.Children)
                        {
                            var name = ((YamlScalarNode)fieldNode).Value ?? "";
                            if (name == "subscriptionPerMonth")
                                perMachineMonth = Price(field, $"{where}.{name}", "one machine for a month on subscription", Error);
                            else if (name == "payAsYouGoPerHour")
                                hourly = Price(field, $"{where}.{name}", "one machine for an hour pay-as-you-go", Error);
                            else
                                Error(fieldNode, $"{where}.{name}: unknown key; {Suggestions.DidYouMean(name, MachineKeys)}allowed: {string.Join(", ", MachineKeys)}");
                        }
                        if (prices.Children.Count == 0)
                            Error(entry, $"{where}: no price; allowed: subscriptionPerMonth and/or payAsYouGoPerHour");
                        machines[type] = new MachinePrice(perMachineMonth, hourly);
                    }
                    break;
                case "disks":
                    foreach (var (kind, entry) in Entries(value, key, Error))
                    {
                        if (!DiskName.IsMatch(kind))
                            Error(entry, $"disks.{kind}: not a disk category; allowed: a category as node pools name it (cloud_essd, cloud_auto, cloud_efficiency, ...), optionally with a performance level after a space (\"cloud_essd PL1\")");
                        if (Price(entry, $"disks.{kind}", "one GiB of such a disk for a month", Error) is { } price)
                            disks[kind] = price;
                    }
                    break;
                case "perMonth":
                case "perHour":
                    var target = key == "perMonth" ? perMonth : perHour;
                    foreach (var (item, entry) in Entries(value, key, Error))
                    {
                        var known = PricedItems.All.FirstOrDefault(i => i.Key == item);
                        if (known.Key is null)
                        {
                            Error(entry, $"{key}.{item}: unknown item; {Suggestions.DidYouMean(item, PricedItems.All.Select(i => i.Key))}allowed: {string.Join(", ", PricedItems.All.Select(i => i.Key))}");
                            continue;
                        }
                        if (Price(entry, $"{key}.{item}", $"{known.Unit} for {(key == "perMonth" ? "a month" : "an hour")}", Error) is { } price)
                            target[item] = (price, entry);
                    }
                    break;
                default:
                    Error(keyNode, $"{key}: unknown key; {Suggestions.DidYouMean(key, TopKeys)}allowed: {string.Join(", ", TopKeys)}");
                    break;
            }
        }
        if (currency is null && !root.Children.ContainsKey(new YamlScalarNode("currency")))
            errors.Insert(0, "currency: missing; allowed: the three-letter ISO 4217 code of the currency every price is in, such as CNY");
        foreach (var (item, (_, node)) in perHour.Where(kv => perMonth.ContainsKey(kv.Key)))
            Error(node, $"perHour.{item}: {item} is priced in perMonth too; allowed: one price per item");
        if (errors.Count > 0)
        {
            throw errors.Count == 1
                ? new StackFileException(DiagnosticCatalogue.PriceListInvalid, $"{path}: {errors[0]}")
                : StackFileException.Lines(DiagnosticCatalogue.PriceListInvalid, $"{path}: {errors.Count} errors:", errors);
        }

        var monthly = perMonth.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.Price, StringComparer.Ordinal)
            .AddRange(perHour.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Price * hours)));
        return new PriceList(path, currency!, source, hours, machines.ToImmutable(), disks.ToImmutable(), monthly);
    }

    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode node, string key, Action<YamlNode, string> error)
    {
        if (node is not YamlMappingNode map)
        {
            error(node, $"{key}: allowed: a mapping of names to prices");
            yield break;
        }
        foreach (var (k, v) in map.Children)
            yield return (((YamlScalarNode)k).Value ?? "", v);
    }

    private static string? Text(YamlNode node, string key, Action<YamlNode, string> error)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } text })
            return text;
        error(node, $"{key}: allowed: text");
        return null;
    }

    private static decimal? Number(YamlNode node, string key, Action<YamlNode, string> error)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        error(node, $"{key} = {Shown(node)}: not a number; allowed: a number such as 12.5 (not in quotes)");
        return null;
    }

    private static decimal? Price(YamlNode node, string key, string unit, Action<YamlNode, string> error)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var price))
        {
            if (price >= 0)
                return price;
            error(node, $"{key} = {text}: a negative price; allowed: a number 0 or more, the price of {unit}");
            return null;
        }
        error(node, $"{key} = {Shown(node)}: not a number; allowed: a number 0 or more (not in quotes), the price of {unit}");
        return null;
    }

    private static string Shown(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"\"{scalar.Value}\"",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "a value",
    };
}
