using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace BlinkInfra.Facts;

/// <summary>Whether a zone offers an instance family or type, as far as <see cref="InstanceAvailability"/> knows.</summary>
public enum ZoneOffer
{
    /// <summary>A dated row lists the zone.</summary>
    Offered,

    /// <summary>A dated row that lists every zone of the region offering it leaves the zone out: not offered there when it was read.</summary>
    NotOffered,

    /// <summary>No row decides: none covers the family (or type) in the region, or those that do list only some zones.</summary>
    Unconfirmed,
}

/// <summary>What a row's zones are of the region's zones that offer its family or type.</summary>
public enum RowCoverage
{
    /// <summary>All of them (an answer of DescribeAvailableResource for the whole region): a zone left out does not offer it.</summary>
    Complete,

    /// <summary>Only some (a page naming a few zones, an answer for one zone): a zone left out stays unconfirmed.</summary>
    Partial,
}

/// <summary>
/// Where each instance family of the catalogue (<see cref="InstanceCatalog"/>) is offered, zone by zone.
/// Alibaba Cloud ECS: "Within the same region, the availability of instance types varies based on zones"
/// (Resources overview, "Resource locations"; read 2026-12-05). Alibaba Cloud publishes the per-zone lists only
/// live: the ECS API DescribeAvailableResource ("queries the inventory status of resources in a specified zone";
/// help.aliyun.com document 66186, read 2026-12-05) and the console's purchase page (ecs-buy.aliyun.com/instanceTypes,
/// drawn by script), which the instance family pages send readers to.
/// <para>
/// Public sources searched again on 2026-12-05 (issue 32.6) for a dated page naming zones for g7, c7, r7, gn6i, gn7i,
/// gn6v, f1 or f3 in the catalogue's regions; none names one, so <see cref="Known"/> holds no row:
/// - ECS "GPU计算型实例概述" and "FPGA实例概述" (docs repository AlibabaCloudDocs/ecs, cn.zh-CN/实例/选择实例规格/, commits
///   07197ac and 45fb53f; no date shown): gn6i, gn6v, f1 and f3 with their types, and for where, only "ECS实例可购买地域"
///   (ecs-buy.aliyun.com/instanceTypes/#/instanceTypeByRegion);
/// - ECS "创建f1实例" and "创建f3实例" (same repository, commits 5003c7c and 00ec763; no date shown): regions only, "but
///   whether your account can buy a type is what the creation page shows" (f1: 华东1（杭州）, 华南1（深圳）, 华北2（北京）;
///   f3: 华东2（上海）, 华北2（北京）, 华北3（张家口）). Regions say nothing of zones, and an undated copy of a region list
///   is no offer today: not recorded;
/// - ECI "Create an instance with a specified GPU type" (help.aliyun.com/en/eci/user-guide/create-an-instance-by-specifying-the-gpu-type):
///   gn6i, gn6v and gn7i among ECI's GPU families, with no zone; ECI "Regions and zones" lists ECI's zones, not a family's;
/// - ACK "Create an ACK cluster with FPGA-accelerated nodes" (last updated 2023-08-10): "the region and zones where the
///   cluster resides must support FPGA-accelerated ECS instances", pointing to the purchase page, with no list;
/// - alibabacloud-automation/terraform-alicloud-ecs-instance, examples/heterogeneous-computing/(Deprecated)compute-optimized-type-with-fpga:
///   cn-beijing-g as a deprecated example's default, which claims no offer: not recorded;
/// - GitHub issues reporting a type "not supported in the availability zone" (alibaba/terraform-provider #244, #466;
///   cloud-barista/cb-spider #660): other families only (i2, sn1ne, t5).
/// </para>
/// <para>
/// A row records one dated answer: the region, the family, the zones that offered it (all of them or only some,
/// <see cref="RowCoverage"/>), optionally for one instance type and one billing method (InstanceChargeType), the source
/// and the date read. The rows live in instance-availability.json beside this file, embedded in the program; a user
/// with an account fills it from the API: save the answer of <see cref="RefreshCommand"/> and run
/// `./blink availability import FILE --charge-type PostPaid --write` (tools/Cli/AvailabilityCommand.cs).
/// </para>
/// </summary>
public static class InstanceAvailability
{
    /// <summary>When the public sources were last searched for rows (see the summary; rows carry their own dates).</summary>
    public const string Read = "2026-12-05";

    /// <summary>The data file the rows are read from, as the project names it.</summary>
    public const string DataFile = "infra/Facts/instance-availability.json";

    /// <summary>Why a family and region without a row are not confirmed.</summary>
    public const string WhyUnconfirmed =
        "per-zone availability is published only live (ECS DescribeAvailableResource, the console's purchase page), and no public page read names zones for the catalogue's families";

    /// <summary>The billing methods an answer is for (ECS InstanceChargeType).</summary>
    public static readonly ImmutableArray<string> ChargeTypes = ImmutableArray.Create("PostPaid", "PrePaid");

    /// <summary>
    /// One dated answer: the zones of <paramref name="Region"/> that offered <paramref name="Family"/> (or, when
    /// <paramref name="InstanceType"/> is set, that type of it), all of them or only some (<paramref name="Coverage"/>),
    /// for one billing method when <paramref name="ChargeType"/> is set (PostPaid or PrePaid) or any when not.
    /// </summary>
    public sealed record Row(
        string Region, string Family, ImmutableArray<string> Zones, string Source, string Read,
        RowCoverage Coverage = RowCoverage.Complete, string? InstanceType = null, string? ChargeType = null)
    {
        /// <summary>What the row speaks of: the type if it names one, else the family.</summary>
        public string Subject => InstanceType ?? Family;

        /// <summary>The zones as a reader sees them: "a, b", "no zone", or "a, b and maybe others" for a partial row.</summary>
        public string ZonesText
            => (Zones.IsEmpty ? "no zone" : string.Join(", ", Zones)) + (Coverage == RowCoverage.Partial ? " and maybe others" : "");

        /// <summary>Rows are equal when they say the same: the zones compared one by one (ImmutableArray compares by reference).</summary>
        public bool Equals(Row? other)
            => other is not null && Region == other.Region && Family == other.Family && Zones.SequenceEqual(other.Zones) && Source == other.Source
               && Read == other.Read && Coverage == other.Coverage && InstanceType == other.InstanceType && ChargeType == other.ChargeType;

        public override int GetHashCode() => HashCode.Combine(Region, Family, InstanceType, ChargeType, Read, Source, Coverage);

        /// <summary>Where the row comes from and when, with its billing method: "source, PostPaid, read date".</summary>
        public string Cited => ChargeType is null || Source.Contains(ChargeType, StringComparison.Ordinal)
            ? $"{Source}, read {Read}"
            : $"{Source}, {ChargeType}, read {Read}";
    }

    /// <summary>What the table says of a zone, and the row that says it (none when unconfirmed).</summary>
    public readonly record struct Decision(ZoneOffer Offer, Row? By);

    /// <summary>A table of rows; lookups by region, family, zone, and optionally type and billing method.</summary>
    public sealed record Table(ImmutableArray<Row> Rows)
    {
        /// <summary>The rows of a family in a region, those of one billing method (and those for any) when it is given.</summary>
        public IEnumerable<Row> RowsOf(string region, string family, string? chargeType = null)
            => Rows.Where(r => r.Region == region && r.Family == family && (chargeType is null || r.ChargeType is null || r.ChargeType == chargeType));

        /// <summary>
        /// Whether <paramref name="zone"/> offers the family, or one type of it. For a type, rows of that type decide
        /// first (one listing the zone: offered; a complete one leaving it out: not offered), then rows of the whole
        /// family. For the family, any row listing the zone makes it offered (some type of it is), and it is not
        /// offered when a complete family row leaves the zone out, or complete rows of every catalogue type of the
        /// family all do. Anything else is unconfirmed: a partial row leaves the zones it does not name open.
        /// </summary>
        public Decision Decide(string region, string family, string zone, string? instanceType = null, string? chargeType = null)
        {
            var rows = RowsOf(region, family, chargeType).ToList();
            var familyRows = rows.Where(r => r.InstanceType is null).ToList();
            if (instanceType is not null)
            {
                var typeRows = rows.Where(r => r.InstanceType == instanceType).ToList();
                return Listing(typeRows, zone) ?? Excluding(typeRows) ?? Listing(familyRows, zone) ?? Excluding(familyRows) ?? new Decision(ZoneOffer.Unconfirmed, null);
            }
            if (Listing(rows, zone) is { } offered)
                return offered;
            if (Excluding(familyRows) is { } notOffered)
                return notOffered;
            var types = InstanceCatalog.TypesOf(family).Select(t => t.Name).ToList();
            var completeByType = types.Select(t => rows.FirstOrDefault(r => r.InstanceType == t && r.Coverage == RowCoverage.Complete)).ToList();
            return types.Count > 0 && completeByType.All(r => r is not null)
                ? new Decision(ZoneOffer.NotOffered, completeByType[0])
                : new Decision(ZoneOffer.Unconfirmed, null);
        }

        public ZoneOffer Offer(string region, string family, string zone, string? instanceType = null, string? chargeType = null)
            => Decide(region, family, zone, instanceType, chargeType).Offer;

        private static Decision? Listing(List<Row> rows, string zone)
            => rows.FirstOrDefault(r => r.Zones.Contains(zone)) is { } row ? new Decision(ZoneOffer.Offered, row) : null;

        private static Decision? Excluding(List<Row> rows)
            => rows.FirstOrDefault(r => r.Coverage == RowCoverage.Complete) is { } row ? new Decision(ZoneOffer.NotOffered, row) : null;

        /// <summary>
        /// This table with <paramref name="answers"/> in place of the rows they answer again (same region, family, type
        /// and billing method), ordered as the catalogue orders regions, families and types, then by billing method.
        /// </summary>
        public Table With(IEnumerable<Row> answers)
        {
            var fresh = answers.ToList();
            static (string, string, string?, string?) Key(Row r) => (r.Region, r.Family, r.InstanceType, r.ChargeType);
            var replaced = fresh.Select(Key).ToHashSet();
            return new Table(Ordered(Rows.Where(r => !replaced.Contains(Key(r))).Concat(fresh)));
        }
    }

    /// <summary>Rows in the catalogue's order: region, family, the family's rows before its types', type, billing method.</summary>
    public static ImmutableArray<Row> Ordered(IEnumerable<Row> rows)
    {
        var regions = AlibabaCloud.RegionsFor(BillingMode.Subscription);
        static int Index<T>(ImmutableArray<T> list, Func<T, bool> match)
        {
            for (var i = 0; i < list.Length; i++)
            {
                if (match(list[i]))
                    return i;
            }
            return int.MaxValue;
        }
        return rows
            .OrderBy(r => Index(regions, x => x == r.Region)).ThenBy(r => r.Region, StringComparer.Ordinal)
            .ThenBy(r => Index(InstanceCatalog.Families, f => f.Name == r.Family)).ThenBy(r => r.Family, StringComparer.Ordinal)
            .ThenBy(r => r.InstanceType is null ? -1 : Index(InstanceCatalog.Types, t => t.Name == r.InstanceType)).ThenBy(r => r.InstanceType, StringComparer.Ordinal)
            .ThenBy(r => r.ChargeType, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>
    /// The rows confirmed so far, read from <see cref="DataFile"/> (embedded in the program): none on 2026-12-05 (see
    /// the class's summary). `./blink availability import` adds them from DescribeAvailableResource's answers.
    /// </summary>
    public static readonly Table Known = Load();

    /// <summary>
    /// The command whose answer `./blink availability import` reads: every instance type ECS offers in the region's
    /// zones for one billing method (PostPaid or PrePaid), or only <paramref name="instanceType"/>'s. No --ZoneId, so
    /// the answer covers every zone of the region. DestinationResource InstanceType names the type in the answer
    /// (AvailableResource Type InstanceType, SupportedResource Value); Zone would list zones without the type.
    /// terraform-provider-alicloud asks so for alicloud_instance_types (alicloud/service_alicloud_ecs.go,
    /// EcsService.DescribeAvailableResources: "If availability zone is nil, it will return all of supported resources").
    /// </summary>
    public static string RefreshCommand(string region, string chargeType, string? instanceType = null)
        => $"aliyun ecs DescribeAvailableResource --RegionId {region} --DestinationResource InstanceType --IoOptimized optimized --InstanceChargeType {chargeType}"
           + (instanceType is null ? "" : $" --InstanceType {instanceType}");

    /// <summary>The command to import a saved answer into the table.</summary>
    public static string ImportCommand(string file, string chargeType)
        => $"./blink availability import {file} --charge-type {chargeType} --write";

    /// <summary>The table of a data file's JSON: {"rows": [{region, family, instanceType?, chargeType?, zones, coverage, source, read}]}.</summary>
    public static Table Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("the availability data holds null");
        var rows = root["rows"] as JsonArray ?? throw new InvalidDataException("the availability data has no \"rows\" list");
        return new Table(rows.Select(node =>
        {
            var row = node as JsonObject ?? throw new InvalidDataException("a row that is not an object");
            string Text(string key) => row[key]?.GetValue<string>() ?? throw new InvalidDataException($"a row without \"{key}\"");
            var coverage = row["coverage"]?.GetValue<string>() switch
            {
                null or "complete" => RowCoverage.Complete,
                "partial" => RowCoverage.Partial,
                var other => throw new InvalidDataException($"a row's coverage \"{other}\"; allowed: complete, partial"),
            };
            var zones = row["zones"] as JsonArray ?? throw new InvalidDataException("a row without \"zones\"");
            return new Row(Text("region"), Text("family"), zones.Select(z => z!.GetValue<string>()).ToImmutableArray(), Text("source"), Text("read"),
                coverage, row["instanceType"]?.GetValue<string>(), row["chargeType"]?.GetValue<string>());
        }).ToImmutableArray());
    }

    /// <summary>A table as the data file holds it, indented, a row per object, ending with a line break.</summary>
    public static string ToJson(Table table)
    {
        var rows = new JsonArray(table.Rows.Select(r =>
        {
            var row = new JsonObject { ["region"] = r.Region, ["family"] = r.Family };
            if (r.InstanceType is not null)
                row["instanceType"] = r.InstanceType;
            if (r.ChargeType is not null)
                row["chargeType"] = r.ChargeType;
            row["zones"] = new JsonArray(r.Zones.Select(z => (JsonNode)z!).ToArray());
            row["coverage"] = r.Coverage == RowCoverage.Complete ? "complete" : "partial";
            row["source"] = r.Source;
            row["read"] = r.Read;
            return (JsonNode)row;
        }).ToArray());
        var document = new JsonObject
        {
            ["about"] = "The rows of InstanceAvailability.Known (infra/Facts/InstanceAvailability.cs): where an instance family or type was offered, zone by zone, with its source and the date read. "
                        + "Written by ./blink availability import --write from DescribeAvailableResource's answers; a row added by hand needs a source and a date.",
            ["rows"] = rows,
        };
        return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static Table Load()
    {
        using var stream = typeof(InstanceAvailability).Assembly.GetManifestResourceStream("BlinkInfra.instance-availability.json")
            ?? throw new InvalidOperationException("the availability rows are not embedded in the program");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
