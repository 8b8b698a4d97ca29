using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Stacks;
using Spectre.Console;

namespace BlinkInfra.Cli;

/// <summary>
/// `availability import`: the refresh path of infra/Facts/InstanceAvailability.cs for a user with an account. Alibaba
/// Cloud publishes where a type is offered only live, so the table's rows come from the answers of ECS
/// DescribeAvailableResource that the user saves (InstanceAvailability.RefreshCommand) and imports here: a row per
/// catalogue type the answer names, with the zones that offer it, the answer's RequestId as its source, the billing
/// method it was asked for and the date it was saved; with --write into infra/Facts/instance-availability.json, which
/// the next build embeds (catalog shows the rows, instance-types-offered-in-zones judges pools' zones by them).
/// </summary>
internal static class AvailabilityCommand
{
    public static Command Create(IAnsiConsole console, TextWriter errors, Func<Func<Task<int>>, int, TextWriter, Task<int>> exitOnInputError)
    {
        var files = new Argument<string[]>("answers") { Description = "Files holding what `aliyun ecs DescribeAvailableResource --RegionId R --DestinationResource InstanceType --IoOptimized optimized --InstanceChargeType C` printed (JSON), one per region and billing method", Arity = ArgumentArity.OneOrMore };
        var chargeType = new Option<string?>("--charge-type") { Description = "The billing method the answers were asked for (their --InstanceChargeType): PostPaid or PrePaid. The answer does not say it, so it is required" };
        var read = new Option<string?>("--read") { Description = "The date the answers were read, YYYY-MM-DD (default: the day each file was last written, UTC)" };
        var allTypes = new Option<bool>("--all-types") { Description = "The answers were asked without --InstanceType, so they name every type the region offers: a catalogue type an answer does not name gets a row offered in no zone" };
        var partial = new Option<bool>("--partial") { Description = "The answers were asked with --ZoneId (some zones only): their rows confirm the zones they list and leave the others unconfirmed" };
        var write = new Option<bool>("--write") { Description = $"Record the rows in {InstanceAvailability.DataFile} (replacing the rows of the same region, type and billing method); the next ./blink command builds them in" };
        var to = new Option<string?>("--to") { Description = $"With --write: the data file to write instead of the project's {InstanceAvailability.DataFile}" };
        var import = new Command("import", "Read saved answers of ECS DescribeAvailableResource and print the availability rows they give (a row per catalogue type: the zones that offer it); --write records them")
        {
            files, chargeType, read, allTypes, partial, write, to,
        };
        import.SetAction((parse, _) => exitOnInputError(() =>
        {
            var charge = parse.GetValue(chargeType);
            if (charge is null || !InstanceAvailability.ChargeTypes.Contains(charge))
                throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid,
                    $"--charge-type {(charge is null ? "is missing" : $"\"{charge}\"")}: the answer does not say which billing method it was asked for; allowed: {string.Join(", ", InstanceAvailability.ChargeTypes)}, as its --InstanceChargeType");
            if (parse.GetValue(allTypes) && parse.GetValue(partial))
                throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--all-types and --partial: an answer for some zones cannot say a type is offered in no zone of the region; allowed: one of them");
            if (parse.GetValue(to) is not null && !parse.GetValue(write))
                throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--to names the data file --write writes: give --write too");
            var date = parse.GetValue(read) is { } given ? Date(given) : null;
            var imports = (parse.GetValue(files) ?? []).Distinct(StringComparer.Ordinal).Select(f => Import(f, charge, date ?? Date(File.GetLastWriteTimeUtc(f)), parse.GetValue(allTypes), parse.GetValue(partial))).ToList();
            var rows = Distinct(imports);
            var output = console.Profile.Out.Writer;
            foreach (var import in imports)
                Print(output, import);
            if (!parse.GetValue(write))
            {
                output.Write($"Not recorded: --write records {rows.Count} row(s) in {InstanceAvailability.DataFile}.\n");
                return Task.FromResult(BlinkCli.Success);
            }
            var path = parse.GetValue(to) ?? Path.Combine(ProjectRoot.Find() ?? throw new StackFileException(DiagnosticCatalogue.OutputFileInvalid,
                $"no project (a folder with Pulumi.yaml) above {Directory.GetCurrentDirectory()} to hold {InstanceAvailability.DataFile}; allowed: run it in the project, or --to FILE"), InstanceAvailability.DataFile);
            var table = Existing(path).With(rows);
            WriteAtomically(path, InstanceAvailability.ToJson(table));
            output.Write($"Recorded {rows.Count} row(s) in {path} ({table.Rows.Length} in all); the next ./blink command builds them in: catalog shows them, and instance-types-offered-in-zones judges pools' zones by them.\n");
            return Task.FromResult(BlinkCli.Success);
        }, BlinkCli.InvalidInput, errors));

        return new Command("availability", "Where instance types are offered, zone by zone (infra/Facts/InstanceAvailability.cs): import the answers of ECS DescribeAvailableResource into the table")
        {
            import,
        };
    }

    /// <summary>What one answer gives: its region, rows, and what was left out and why.</summary>
    public sealed record Answer(string File, string Region, string ChargeType, string Read, ImmutableArray<InstanceAvailability.Row> Rows,
        ImmutableArray<string> SoldOut, ImmutableArray<string> UnknownZones, int OtherTypes, ImmutableArray<string> NotNamed);

    /// <summary>
    /// An answer's rows. The shape is DescribeAvailableResource's (help.aliyun.com document 66186, read 2026-12-05; the
    /// docs repository AlibabaCloudDocs/ecs, cn.zh-CN/API参考/地域/DescribeAvailableResource.md, commit 800425a):
    /// AvailableZones.AvailableZone[] with RegionId, ZoneId, Status and StatusCategory, each with
    /// AvailableResources.AvailableResource[] of a Type (InstanceType here) and SupportedResources.SupportedResource[]
    /// with Value (the type), Status (Available, SoldOut) and StatusCategory: WithStock; ClosedWithStock (low supply);
    /// WithoutStock (sold out, "将会补充资源", to be replenished); ClosedWithoutStock (sold out and "不补充资源", not
    /// replenished). A type counts as offered in a zone unless it (or the whole zone) is ClosedWithoutStock: sold out
    /// to be replenished is still offered, and said so.
    /// </summary>
    public static Answer Import(string path, string chargeType, string read, bool allTypes, bool partial)
    {
        var root = Parse(path);
        if (root is JsonObject error && error["Code"] is JsonValue code && error["Message"] is JsonValue message)
            throw Invalid(path, $"an error answer, {code}: {message}; allowed: an answer that names zones");
        if (root is not JsonObject answer || answer["AvailableZones"]?["AvailableZone"] is not JsonArray zones)
            throw Invalid(path, "not an answer of ECS DescribeAvailableResource (no AvailableZones.AvailableZone list)");
        if (zones.Count == 0)
            throw Invalid(path, "an answer that names no zone, so no region or type either: nothing to record (for one type, no zone of the region offers it); "
                                + "allowed: an answer asked without --InstanceType names the region's other types too");

        var region = RegionOf(path, zones.OfType<JsonObject>().ToList());
        var known = AlibabaCloud.ZonesOf(region);
        var offered = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var soldOut = new List<string>();
        var unknownZones = new SortedSet<string>(StringComparer.Ordinal);
        var otherTypes = new HashSet<string>(StringComparer.Ordinal);
        var sawZoneAnswer = false;
        foreach (var zone in zones.OfType<JsonObject>())
        {
            var zoneId = Text(zone, "ZoneId") ?? throw Invalid(path, "a zone without ZoneId");
            var zoneClosed = Text(zone, "StatusCategory") == "ClosedWithoutStock";
            foreach (var resource in Items(zone["AvailableResources"]?["AvailableResource"]))
            {
                if (Text(resource, "Type") == "Zone")
                    sawZoneAnswer = true;
                if (Text(resource, "Type") != "InstanceType")
                    continue;
                foreach (var supported in Items(resource["SupportedResources"]?["SupportedResource"]))
                {
                    if (Text(supported, "Value") is not { } type)
                        continue;
                    if (InstanceCatalog.Type(type) is null)
                    {
                        otherTypes.Add(type);
                        continue;
                    }
                    if (!offered.TryGetValue(type, out var list))
                        offered[type] = list = [];
                    var category = Text(supported, "StatusCategory");
                    if (zoneClosed || category == "ClosedWithoutStock")
                        continue;
                    if (!known.Contains(zoneId))
                    {
                        unknownZones.Add(zoneId);
                        continue;
                    }
                    if (!list.Contains(zoneId))
                        list.Add(zoneId);
                    if (category == "WithoutStock" || (category is null && Text(supported, "Status") == "SoldOut"))
                        soldOut.Add($"{type} in {zoneId}");
                }
            }
        }
        if (offered.Count == 0 && otherTypes.Count == 0)
            throw Invalid(path, sawZoneAnswer
                ? $"an answer of DestinationResource Zone, which lists zones but not the instance type they offer; allowed: the answer of {InstanceAvailability.RefreshCommand(region, chargeType)}"
                : "an answer that names no instance type (no AvailableResource of Type InstanceType); allowed: the answer of " + InstanceAvailability.RefreshCommand(region, chargeType));

        var requestId = Text(answer, "RequestId");
        var source = $"ECS DescribeAvailableResource, {(requestId is null ? $"the answer saved as {Path.GetFileName(path)}" : $"RequestId {UserText.Shown(requestId)}")}";
        var coverage = partial ? RowCoverage.Partial : RowCoverage.Complete;
        InstanceAvailability.Row RowOf(string type, IEnumerable<string> zonesOffering)
            => new(region, InstanceCatalog.Type(type)!.Family, known.Where(zonesOffering.Contains).ToImmutableArray(), source, read, coverage, type, chargeType);
        var rows = offered.Select(kv => RowOf(kv.Key, kv.Value)).ToList();
        var notNamed = InstanceCatalog.Types.Select(t => t.Name).Where(t => !offered.ContainsKey(t)).ToList();
        if (allTypes)
            rows.AddRange(notNamed.Select(t => RowOf(t, [])));
        return new Answer(path, region, chargeType, read, InstanceAvailability.Ordered(rows.Where(r => !partial || !r.Zones.IsEmpty)),
            [.. soldOut], [.. unknownZones], otherTypes.Count, allTypes ? [] : [.. notNamed]);
    }

    /// <summary>The answers' rows, each (region, type, billing method) once: two answers of the same are refused.</summary>
    private static List<InstanceAvailability.Row> Distinct(List<Answer> answers)
    {
        var seen = new Dictionary<(string, string?, string?), string>();
        foreach (var answer in answers)
        {
            foreach (var row in answer.Rows)
            {
                if (seen.TryGetValue((row.Region, row.InstanceType, row.ChargeType), out var first) && first != answer.File)
                    throw new StackFileException(DiagnosticCatalogue.AvailabilityAnswerInvalid,
                        $"{first} and {answer.File} both answer for {row.InstanceType} in {row.Region} ({row.ChargeType}); allowed: one answer per region and billing method");
                seen[(row.Region, row.InstanceType, row.ChargeType)] = answer.File;
            }
        }
        return [.. answers.SelectMany(a => a.Rows)];
    }

    private static void Print(TextWriter output, Answer answer)
    {
        output.Write($"{answer.File}: {answer.Region}, {answer.ChargeType}, read {answer.Read}\n");
        foreach (var row in answer.Rows)
            output.Write($"  {row.Family,-6}{row.InstanceType}: {row.ZonesText}\n");
        if (answer.SoldOut.Length > 0)
            output.Write($"  sold out when read, to be replenished (counted as offered): {string.Join(", ", answer.SoldOut)}\n");
        if (answer.UnknownZones.Length > 0)
            output.Write($"  warning: {string.Join(", ", answer.UnknownZones)} {(answer.UnknownZones.Length == 1 ? "is" : "are")} not among the zones BlinkInfra knows for {answer.Region} "
                         + "(infra/Facts/AlibabaCloud.cs), so left out of the rows: add a new zone there first (at the end of its region's list)\n");
        if (answer.OtherTypes > 0)
            output.Write($"  {answer.OtherTypes} type(s) outside BlinkInfra's catalogue left out\n");
        if (answer.NotNamed.Length > 0)
            output.Write($"  no row for the {answer.NotNamed.Length} catalogue type(s) the answer does not name; if it was asked without --InstanceType, --all-types records them as offered in no zone\n");
    }

    private static JsonNode Parse(string path)
    {
        var bytes = BoundedFile.ReadAllBytes(path, ConfigLimits.MaxDocumentBytes, "an answer of ECS DescribeAvailableResource");
        string text;
        try
        {
            text = BoundedFile.Decode(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw Invalid(path, $"not UTF-8 or UTF-16 text ({e.Message})");
        }
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) ?? throw Invalid(path, "the file holds null");
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"not JSON ({e.Message}); allowed: the JSON `aliyun ecs DescribeAvailableResource` prints");
        }
    }

    /// <summary>The one region of the answer: its zones' RegionId, or the region whose zones the program knows holds the ZoneId.</summary>
    private static string RegionOf(string path, List<JsonObject> zones)
    {
        var regions = AlibabaCloud.RegionsFor(BillingMode.Subscription);
        var named = zones.Select(z => Text(z, "RegionId") ?? (Text(z, "ZoneId") is { } id ? regions.FirstOrDefault(r => AlibabaCloud.ZonesOf(r).Contains(id) || id.StartsWith(r, StringComparison.Ordinal)) : null))
            .Distinct(StringComparer.Ordinal).ToList();
        if (named.Count != 1 || named[0] is not { } region)
            throw Invalid(path, named.Count > 1 ? $"an answer for several regions ({string.Join(", ", named.Select(n => n ?? "unknown"))}); allowed: one region per answer" : "an answer whose zones name no region");
        if (!regions.Contains(region))
            throw Invalid(path, $"an answer for {region}, which is not a region of the catalogue; allowed: {string.Join(", ", regions)}");
        return region;
    }

    private static IEnumerable<JsonObject> Items(JsonNode? list)
        => list is JsonArray array ? array.OfType<JsonObject>() : [];

    private static string? Text(JsonObject node, string key)
        => node[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Date(string given)
        => DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--read \"{given}\" is not a date; allowed: YYYY-MM-DD, the day the answers were read");

    private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StackFileException Invalid(string path, string why)
        => new(DiagnosticCatalogue.AvailabilityAnswerInvalid, $"{path}: {why}");

    /// <summary>The data file's table, read the bounded way; none yet is an empty table.</summary>
    private static InstanceAvailability.Table Existing(string path)
    {
        if (!File.Exists(path))
            return new InstanceAvailability.Table([]);
        var bytes = BoundedFile.ReadAllBytes(path, ConfigLimits.MaxDocumentBytes, "the availability data file");
        try
        {
            return InstanceAvailability.Parse(BoundedFile.Decode(bytes));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or FormatException or DecoderFallbackException)
        {
            throw new StackFileException(DiagnosticCatalogue.OutputFileInvalid, $"{path}: not the availability data file ({e.Message}); allowed: the file as {InstanceAvailability.DataFile} holds it");
        }
    }

    /// <summary>Written beside and moved into place, so a failed write leaves the old file whole.</summary>
    private static void WriteAtomically(string path, string text)
    {
        try
        {
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StackFileException(DiagnosticCatalogue.OutputFileInvalid, $"{path}: cannot be written: {e.Message}");
        }
    }
}
