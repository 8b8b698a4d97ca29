using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlinkInfra.State;

/// <summary>
/// A file of JSON values one per line (JSON lines) said for what it is: above all Pulumi's engine event log, which
/// `pulumi up --event-log FILE` writes and `pulumi up --json` streams, one apitype.EngineEvent per line ({"sequence",
/// "timestamp", and one of cancelEvent, stdoutEvent, diagnosticEvent, preludeEvent, summaryEvent, resourcePreEvent,
/// resOutputsEvent, resOpFailedEvent, policyEvent...}; pulumi/pulumi sdk/go/common/apitype/events.go, read 2026-12-05).
/// </summary>
public static class JsonLines
{
    /// <summary>What the text is when it is JSON lines, or null when it is not (a parser's error is then the answer).</summary>
    public static string? Describe(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count < 2)
            return null;
        JsonNode?[] values;
        try
        {
            // The first lines decide: a log may be cut off at its end while it is written.
            values = lines.Take(5).Select(l => JsonNode.Parse(l)).ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
        var events = values.OfType<JsonObject>()
            .Count(o => o.ContainsKey("sequence") && o.ContainsKey("timestamp") && o.Any(kv => kv.Key.EndsWith("Event", StringComparison.Ordinal)));
        var kinds = values.OfType<JsonObject>().SelectMany(o => o.Select(kv => kv.Key)).Where(k => k.EndsWith("Event", StringComparison.Ordinal)).Distinct().Take(3);
        return events == values.Length
            ? $"an engine event log ({lines.Count} events, one per line: {string.Join(", ", kinds)}...), as `pulumi up --event-log FILE` or `pulumi up --json` write it, which records what an update did but not the state it left"
            : $"JSON lines ({lines.Count} JSON values, one per line)";
    }
}
