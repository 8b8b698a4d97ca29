using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Stacks;
using YamlDotNet.RepresentationModel;

namespace BlinkInfra.Cli;

/// <summary>
/// A fleet of tenants made from the example stacks, for the fleet benchmark (`bench --fleet N`) and
/// its tests: copy i of the examples, in turn, renamed (stack t0001-dev, cluster blink-t0001, its own
/// bucket and log project), moved to another region its billing is sold in (zones, and every value
/// naming the region, such as the registry's endpoint, follow), and every fourth copy with high
/// availability switched (on for a stack without it, with the HA examples' own Flink image; off for
/// one with it). Each copy loads, plans and is checked as its example is.
/// </summary>
public static class FleetCopies
{
    private const string Prefix = "t";

    /// <summary>Writes <paramref name="count"/> stack files into <paramref name="folder"/>; returns their paths, in order.</summary>
    public static IReadOnlyList<string> Write(string folder, int count, IReadOnlyList<string> examples)
    {
        if (examples.Count == 0)
            throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, "no example stacks to copy");
        Directory.CreateDirectory(folder);
        var parsed = examples.Select(path => (Stack: StackFile.StackNameOf(path), Root: Load(path))).ToList();
        // The engine settings an HA example runs with (its own image, reading the bucket through RRSA), to give a copy switched to HA.
        var haEngine = parsed.Select(p => Section(p.Root, "engine")).FirstOrDefault(e => e is not null && e.Children.ContainsKey(new YamlScalarNode("image")) && IsHa(parsed, e));
        var written = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var example = parsed[i % parsed.Count].Stack;
            var root = Load(examples[i % parsed.Count]);
            var tenant = $"{Prefix}{(i + 1).ToString("0000", CultureInfo.InvariantCulture)}";
            var cluster = Section(root, "cluster")!;
            var oldRegion = Scalar(cluster, "region") ?? StackTemplate.DefaultRegion;
            var billing = SpecDefaults.ParseBilling(Scalar(cluster, "billing") ?? "") ?? SpecDefaults.Billing;
            var regions = AlibabaCloud.RegionsFor(billing);
            var region = regions[(i / parsed.Count) % regions.Length];

            Set(cluster, "name", $"blink-{tenant}");
            Set(cluster, "region", region);
            if (Section(root, "engine") is { } engine && Scalar(engine, "bucket") is not null)
                Set(engine, "bucket", $"blink-{tenant}-flink-state");
            if (Section(root, "observability") is { } observability && observability.Children.TryGetValue(new YamlScalarNode("logs"), out var logs)
                && logs is YamlMappingNode logsMap && Scalar(logsMap, "project") is not null)
            {
                Set(logsMap, "project", $"blink-{tenant}-logs");
            }

            // Zones in the order the stack names them, each to the new region's zone in that place.
            var zones = new Dictionary<string, string>(StringComparer.Ordinal);
            var newZones = AlibabaCloud.ZonesOf(region);
            foreach (var zone in Scalars(root).Select(s => s.Value).OfType<string>().Where(v => AlibabaCloud.ZonesOf(oldRegion).Contains(v)).Distinct())
                zones[zone] = newZones[zones.Count % newZones.Length];
            foreach (var scalar in Scalars(root))
            {
                if (scalar.Value is not { } value)
                    continue;
                if (zones.TryGetValue(value, out var zone))
                    scalar.Value = zone;
                else if (value.Contains(oldRegion, StringComparison.Ordinal))
                    scalar.Value = value.Replace(oldRegion, region, StringComparison.Ordinal);
            }

            if (i % 4 == 3)
                SwitchHighAvailability(root, haEngine, oldRegion, region);

            var path = Path.Combine(folder, $"{StackFile.FilePrefix}{tenant}-{example}{StackFile.FileSuffix}");
            using (var writer = new StreamWriter(path))
                new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
            written.Add(path);
        }
        return written;
    }

    private static bool IsHa(List<(string Stack, YamlMappingNode Root)> parsed, YamlMappingNode engine)
        => parsed.Any(p => ReferenceEquals(Section(p.Root, "engine"), engine) && Section(p.Root, "compute") is { } compute && Scalar(compute, "highAvailability") == "true");

    private static void SwitchHighAvailability(YamlMappingNode root, YamlMappingNode? haEngine, string haRegionFrom, string region)
    {
        var compute = Section(root, "compute")!;
        var ha = Scalar(compute, "highAvailability") != "false";
        Set(compute, "highAvailability", ha ? "false" : "true");
        if (ha)
        {
            // A job restarts from its last checkpoint only with HA: without it, from a savepoint.
            foreach (var job in Section(root, "engine") is { } jobsOf && jobsOf.Children.TryGetValue(new YamlScalarNode("jobs"), out var jobs) && jobs is YamlSequenceNode list
                         ? list.Children.OfType<YamlMappingNode>() : [])
            {
                if (Scalar(job, "upgradeMode") == "last-state")
                    Set(job, "upgradeMode", "savepoint");
            }
            return;
        }
        if (haEngine is null)
            return;
        var config = (YamlMappingNode)root.Children[new YamlScalarNode("config")];
        var engine = Section(root, "engine");
        if (engine is null)
        {
            engine = new YamlMappingNode();
            config.Children[new YamlScalarNode($"{ConfigKeys.Namespace}:engine")] = engine;
        }
        var image = Scalar(haEngine, "image")!;
        var imageRegion = AlibabaCloud.RegionsFor(BillingMode.Subscription).FirstOrDefault(r => image.Contains($".{r}.", StringComparison.Ordinal)) ?? haRegionFrom;
        Set(engine, "image", image.Replace($".{imageRegion}.", $".{region}.", StringComparison.Ordinal));
        if (haEngine.Children.TryGetValue(new YamlScalarNode("flinkConfiguration"), out var flink))
            engine.Children[new YamlScalarNode("flinkConfiguration")] = flink;
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode? Section(YamlMappingNode root, string section)
        => root.Children.TryGetValue(new YamlScalarNode("config"), out var config) && config is YamlMappingNode map
           && map.Children.TryGetValue(new YamlScalarNode($"{ConfigKeys.Namespace}:{section}"), out var node)
            ? node as YamlMappingNode
            : null;

    private static string? Scalar(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static void Set(YamlMappingNode map, string key, string value) => map.Children[new YamlScalarNode(key)] = new YamlScalarNode(value);

    private static IEnumerable<YamlScalarNode> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar],
        YamlMappingNode map => map.Children.Values.SelectMany(Scalars),
        YamlSequenceNode list => list.Children.SelectMany(Scalars),
        _ => [],
    };
}
