using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Plan;
using BlinkInfra.State;

namespace BlinkInfra.Diff;

/// <summary>
/// A diff as `pulumi preview --diff` prints it: a loud warning first for every replacement or deletion of
/// what costs machines or holds state (<see cref="LossWarnings"/>); a line per changed resource, its type
/// and name (or, asked, its URN, to paste into `pulumi up --target` or `--replace`), its op and, as
/// Pulumi's Info column does, the properties that change (`[diff: +added-deleted~updated]`, pulumi/pulumi
/// pkg/backend/display/rows.go getDiffInfo); beneath it one line per changed property by its nested path
/// (`spec.taskManager.resource.memory`); a value known only after apply shown once, as `pulumi preview`
/// prints an unknown value: `[unknown]` (pkg/backend/display/object_diff.go printPrimitivePropertyValue,
/// read 2026-12-05); a change the provider applies only at create marked as having no effect; a
/// summary. Coloured only when <see cref="Colours"/> says so.
/// </summary>
public static class DiffText
{
    /// <summary>How `pulumi preview` prints a value known only after apply.</summary>
    public const string Unknown = "[unknown]";

    /// <summary>What a change to an input the provider applies only at create does to a resource that stays.</summary>
    public const string NoEffect = "(no effect after create)";

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString(Unescaped);

    /// <param name="showUrns">Each resource by its URN instead of its type and name, as `pulumi stack --show-urns` lists them.</param>
    public static string Of(ImmutableArray<DiffStep> steps, Colours? colours = null, bool showUrns = false)
    {
        colours ??= Colours.None;
        var writer = new StringWriter { NewLine = "\n" };
        var warnings = LossWarnings.Messages(steps);
        if (warnings.Length > 0)
        {
            writer.WriteLine(colours.Loud($"WARNING {DiagnosticCatalogue.ResourceLoss.Code}: this change deletes or replaces what the cluster runs on or keeps its state in:"));
            foreach (var warning in warnings)
                writer.WriteLine(colours.Loud("  ! ") + UserText.Shown(warning));
            writer.WriteLine();
        }
        foreach (var step in steps.Where(s => s.Op != DiffOp.Same))
        {
            var symbol = step.Op switch { DiffOp.Create => "+", DiffOp.Delete or DiffOp.DeleteReplaced => "-", DiffOp.Replace => "+-", _ => "~" };
            // Types, names and values come from the files compared: shown through UserText, never raw.
            var who = UserText.Shown(showUrns ? step.Urn : $"{step.Type} {step.Name}");
            var info = Info(step);
            writer.WriteLine($"{Paint(colours, symbol)} {who} ({Describe(step)}){(info.Length == 0 ? "" : " " + colours.Grey(info))}");
            foreach (var change in step.Changes)
                foreach (var line in Lines(step, change))
                    writer.WriteLine("    " + Paint(colours, line.Symbol) + " " + UserText.Shown(line.Text)
                        + (line.Unknown ? " " + colours.Grey(Unknown) : "")
                        + (line.Forces ? " " + colours.Red(change.Suppressible ? "(forces replacement, unless the provider suppresses the change)" : "(forces replacement)") : "")
                        + (change.CreateOnly && step.Op == DiffOp.Update ? " " + colours.Yellow(NoEffect) : ""));
        }
        var summary = PlanDiff.Summary(steps);
        int Count(DiffOp op) => summary.GetValueOrDefault(op);
        writer.WriteLine(PlanDiff.HasChanges(steps)
            ? $"Resources: {colours.Green($"+ {Count(DiffOp.Create)} to create")}, {colours.Yellow($"~ {Count(DiffOp.Update)} to update")}, {colours.Magenta($"+- {Count(DiffOp.Replace)} to replace")}, {colours.Red($"- {Count(DiffOp.Delete) + Count(DiffOp.DeleteReplaced)} to delete")}, {Count(DiffOp.Same)} unchanged"
            : $"No changes: {Count(DiffOp.Same)} resources unchanged");
        return writer.ToString();
    }

    /// <summary>
    /// The op as Pulumi names it, with what it means here: why the state alone decides it, a rename it
    /// keeps the resource through, a replacement that deletes first, an update that changes nothing.
    /// </summary>
    public static string Describe(DiffStep step)
    {
        var parts = new List<string> { DiffJson.OpName(step.Op) + (step.Cause is null ? "" : ": " + UserText.Shown(step.Cause)) };
        if (step.Renamed)
            parts.Add($"renamed from {UserText.Shown(step.OldName ?? "")}");
        if (step.DeleteBeforeReplace)
            parts.Add($"deleted before it is replaced: {step.DeleteBeforeReplaceReason}");
        if (step.Op == DiffOp.Update && step.Changes.Length > 0 && step.Changes.All(c => c.CreateOnly))
            parts.Add($"no effect: {string.Join(", ", step.CreateOnlyReasons)} {(step.CreateOnlyReasons.Length == 1 ? "is" : "are")} applied only when the resource is created");
        return string.Join("; ", parts);
    }

    /// <summary>
    /// Pulumi's Info column for a step with both sides: `[diff: +added-deleted~updated]`, top-level keys
    /// sorted in each group; nothing for a create or a delete.
    /// </summary>
    public static string Info(DiffStep step)
    {
        if (step.Op is not (DiffOp.Update or DiffOp.Replace) || step.Changes.Length == 0)
            return "";
        static string Group(string prefix, IEnumerable<InputChange> changes)
        {
            var keys = changes.Select(c => c.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
            return keys.Count == 0 ? "" : prefix + string.Join(",", keys);
        }
        return "[diff: " + Group("+", step.Changes.Where(c => c.Old is null))
               + Group("-", step.Changes.Where(c => c.New is null && !c.KnownAfterApply))
               + Group("~", step.Changes.Where(c => c.Old is not null && (c.New is not null || c.KnownAfterApply))) + "]";
    }

    private static string Paint(Colours colours, string symbol)
        => symbol switch { "+" => colours.Green(symbol), "-" => colours.Red(symbol), "+-" => colours.Magenta(symbol), _ => colours.Yellow(symbol) };

    /// <summary>One changed property: its symbol, "path: old => new" (or its one side), whether its new value is known only after apply, whether it forces replacement.</summary>
    private sealed record Line(string Symbol, string Text, bool Unknown, bool Forces);

    private static IEnumerable<Line> Lines(DiffStep step, InputChange change)
    {
        var root = DiffJson.Segment(change.Key, first: true);
        if (IsMasked(change.Old) || IsMasked(change.New))
        {
            // A secret is never walked: it shows masked, as one value; one only known after apply shows as unknown.
            if (change.KnownAfterApply)
                return new[] { new Line(change.Old is null ? "+" : "~", change.Old is null ? $"{root}:" : $"{root}: {Show(change.Old)} =>", true, change.ForcesReplacement) };
            var text = change.Old is null ? $"{root}: {Show(change.New)}" : change.New is null ? $"{root}: {Show(change.Old)}" : $"{root}: {Show(change.Old)} => {Show(change.New)}";
            return new[] { new Line(change.Old is null ? "+" : change.New is null ? "-" : "~", text, false, change.ForcesReplacement) };
        }
        // The new side as the engine will see it: references to resources created or replaced are unknown.
        var now = step.Op is DiffOp.Delete or DiffOp.DeleteReplaced ? null : step.NewInputs?[change.Key] ?? change.New;
        var old = step.Op == DiffOp.Create ? null : change.Old;
        var lines = new List<(string Symbol, string Path, string Text, bool Unknown)>();
        Walk(old, now, root, lines);
        if (lines.Count == 0)
            lines.Add(change.KnownAfterApply ? ("~", root, $"{root}:", true) : ("~", root, $"{root}: {Show(change.Old)} => {Show(change.New)}", false));
        var table = ReplacementInputs.Of(step.Type);
        return lines.Select(l => new Line(l.Symbol, l.Text, l.Unknown, change.ForcesReplacement && table.Any(p => DiffJson.Covers(p, DiffJson.Plain(l.Path)))));
    }

    /// <summary>The changed leaves between two values, by property path; an added or removed map or list by its own leaves.</summary>
    private static void Walk(JsonNode? old, JsonNode? now, string path, List<(string, string, string, bool)> lines)
    {
        if (IsUnknown(now))
        {
            // Shown once: where the old value was itself a reference, there is nothing else to show.
            if (old is null)
                lines.Add(("+", path, $"{path}:", true));
            else if (IsReference(old))
                lines.Add(("~", path, $"{path}:", true));
            else
                lines.Add(("~", path, $"{path}: {Show(old)} =>", true));
            return;
        }
        if (IsReference(now) && old is not null && !IsUnknown(old))
            return; // a reference to a kept resource stands for the value it has
        switch (old, now)
        {
            case (JsonObject o, JsonObject n) when o.Count > 0 || n.Count > 0:
                foreach (var key in o.Select(kv => kv.Key).Union(n.Select(kv => kv.Key)).OrderBy(k => k, StringComparer.Ordinal))
                    Walk(o[key], n[key], path + DiffJson.Segment(key, first: false), lines);
                return;
            case (JsonArray o, JsonArray n) when o.Count > 0 || n.Count > 0:
                for (var i = 0; i < Math.Max(o.Count, n.Count); i++)
                    Walk(i < o.Count ? o[i] : null, i < n.Count ? n[i] : null, $"{path}[{i}]", lines);
                return;
            case (null, JsonObject { Count: > 0 } or JsonArray { Count: > 0 }):
            case (JsonObject { Count: > 0 } or JsonArray { Count: > 0 }, null):
                foreach (var (key, child) in Children(old ?? now!))
                    Walk(old is null ? null : child, now is null ? null : child, path + key, lines);
                return;
        }
        if (JsonNode.DeepEquals(old, now))
            return;
        if (old is null)
            lines.Add(("+", path, $"{path}: {Show(now)}", false));
        else if (now is null)
            lines.Add(("-", path, $"{path}: {Show(old)}", false));
        else
            lines.Add(("~", path, $"{path}: {Show(old)} => {Show(now)}", false));
    }

    private static IEnumerable<(string Segment, JsonNode? Value)> Children(JsonNode node)
        => node switch
        {
            JsonObject o => o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (DiffJson.Segment(kv.Key, first: false), kv.Value)),
            JsonArray a => a.Select((v, i) => ($"[{i}]", v)),
            _ => Enumerable.Empty<(string, JsonNode?)>(),
        };

    private static bool IsUnknown(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text == StateValues.Unknown;

    private static bool IsReference(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Contains("${", StringComparison.Ordinal);

    private static bool IsMasked(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text == Secrets.Mask;
}
