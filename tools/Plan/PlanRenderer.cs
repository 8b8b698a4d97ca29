using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace BlinkInfra.Plan;

/// <summary>
/// Prints a plan as `pulumi preview` does: one line per resource (its operation, its type indented under
/// its component, its name, the plan), the stack's outputs, and a summary. Short (the default), each line
/// fits the console's width as `pulumi preview`'s table does: a type or a name too long for its column is
/// cut with an ellipsis (a type keeps its member name, a name its end), an output is one line. With
/// details, lines are written whole, never cut nor wrapped by the renderer (a terminal folds a long line
/// itself; a pipe keeps it): each resource's inputs as indented YAML beneath it, the outputs expanded,
/// the counts by type and the lookups answered offline. Coloured only in a terminal.
/// </summary>
public static class PlanRenderer
{
    /// <summary>Offline every resource is one to create: nothing exists to compare with.</summary>
    private const string Operation = "create";

    private const string Gutter = "     ";

    /// <summary>The share of a narrow table's width the names get; the types get the rest (their member names kept whole).</summary>
    private const int NameShare = 45;

    public static void Render(StackPlan plan, IAnsiConsole console, bool details = false)
        => Write(plan, console.Profile.Out.Writer, Colours.Of(console), details, details ? TerminalText.Unlimited : console.Profile.Width);

    /// <param name="width">The console's width: in short form no line is wider than <see cref="TerminalText.LineWidth"/> of it.</param>
    public static void Write(StackPlan plan, TextWriter writer, Colours colours, bool details = false, int width = TerminalText.Unlimited)
    {
        var root = plan.Resources.FirstOrDefault(r => r.Parent is null);
        if (root is null)
        {
            writer.Write("The stack declares no resources.\n");
            return;
        }
        var lineWidth = details ? TerminalText.Unlimited : TerminalText.LineWidth(width);

        var rows = new List<(PlannedResource Resource, string Prefix, string Guide)>();
        void Walk(PlannedResource resource, string prefix, string guide)
        {
            rows.Add((resource, prefix, guide));
            var children = plan.ChildrenOf(resource).ToList();
            for (var i = 0; i < children.Count; i++)
            {
                var last = i == children.Count - 1;
                Walk(children[i], guide + (last ? "└─ " : "├─ "), guide + (last ? "   " : "│  "));
            }
        }
        Walk(root, "", "");

        var typeWidth = Math.Max("Type".Length, rows.Max(r => r.Prefix.Length + r.Resource.Type.Length));
        var nameWidth = Math.Max("Name".Length, rows.Max(r => r.Resource.Name.Length));
        // What the two columns may take: the line less the gutter, two gaps and the plan.
        var room = lineWidth - Gutter.Length - 2 - 2 - Operation.Length;
        if (typeWidth + nameWidth > room)
        {
            nameWidth = Math.Max("Name".Length, Math.Min(nameWidth, Math.Max(room * NameShare / 100, room - typeWidth)));
            typeWidth = Math.Max("Type".Length, room - nameWidth);
        }
        writer.Write(colours.Bold($"{Gutter}{"Type".PadRight(typeWidth)}  {"Name".PadRight(nameWidth)}  Plan") + "\n");
        foreach (var (resource, prefix, guide) in rows)
        {
            writer.Write($" {colours.Green("+")}   {TypeCell(prefix, resource.Type, typeWidth)}  {TerminalText.Start(resource.Name, nameWidth).PadRight(nameWidth)}  {colours.Green(Operation)}\n");
            if (!details || resource.Inputs.Count == 0)
                continue;
            var under = Gutter + guide + (plan.ChildrenOf(resource).Any() ? "│  " : "   ") + "  ";
            foreach (var line in YamlText.Lines(resource.Inputs))
                writer.Write(line.Length == 0 ? under.TrimEnd() + "\n" : under + colours.Grey(line) + "\n");
        }

        if (plan.Outputs is { Count: > 0 } outputs)
        {
            writer.Write("\n" + colours.Bold("Outputs:") + "\n");
            var keyWidth = outputs.Max(o => YamlText.Key(o.Key).Length);
            foreach (var (key, value) in outputs)
            {
                if (details)
                    WriteOutput(writer, "    ", YamlText.Key(key).PadRight(keyWidth), value);
                else
                    writer.Write(TerminalText.End($"    {YamlText.Key(key).PadRight(keyWidth)}: {Inline(value)}", lineWidth) + "\n");
            }
        }

        var counts = ResourceCounts.Of(plan);
        writer.Write("\n" + colours.Bold("Resources:") + "\n");
        var created = $"+ {counts.Total.ToString(CultureInfo.InvariantCulture)} to create";
        // What is counted, as `pulumi preview` counts it, on the same line when it fits.
        var breakdown = $": {counts.Breakdown}";
        writer.Write(4 + created.Length + breakdown.Length <= lineWidth
            ? $"    {colours.Green(created)}{breakdown}\n"
            : $"    {colours.Green(created)}\n" + TerminalText.Wrapped($"    ({counts.Breakdown})", lineWidth, "     "));
        if (details)
        {
            var byType = plan.Resources.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var width0 = byType.Max(g => g.Key.Length);
            foreach (var group in byType)
                writer.Write($"      {group.Key.PadRight(width0)}  {group.Count().ToString(CultureInfo.InvariantCulture),4}\n");

            if (plan.Invokes.Length > 0)
            {
                writer.Write("\nLookups answered offline from the spec (`pulumi preview` asks the cloud):\n");
                foreach (var invoke in plan.Invokes)
                    writer.Write($"    {colours.Grey($"{invoke.Token} {invoke.Args.ToJsonString()}")}\n");
            }
        }
    }

    /// <summary>A row's type cell: its place in the tree and its type, cut to the column (the tree kept, the type's member name kept).</summary>
    private static string TypeCell(string prefix, string type, int width)
    {
        var typeRoom = width - prefix.Length;
        var cell = typeRoom >= 4 ? prefix + TerminalText.Type(type, typeRoom) : TerminalText.End(prefix + type, width);
        return cell.PadRight(width);
    }

    /// <summary>An output's value on one line: scalars as Pulumi prints them, maps and lists inline in braces.</summary>
    private static string Inline(JsonNode? value) => value switch
    {
        JsonObject { Count: > 0 } map => "{" + string.Join(", ", map.Select(p => $"{YamlText.Key(p.Key)}: {Inline(p.Value)}")) + "}",
        JsonArray { Count: > 0 } list => "[" + string.Join(", ", list.Select(Inline)) + "]",
        _ => Quoted(value),
    };

    /// <summary>An output as Pulumi prints one: scalars on the key's line, maps and lists in braces below it, keys aligned.</summary>
    private static void WriteOutput(TextWriter writer, string indent, string key, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } map:
                writer.Write($"{indent}{key}: {{\n");
                var width = map.Max(p => YamlText.Key(p.Key).Length);
                foreach (var (k, v) in map)
                    WriteOutput(writer, indent + "    ", YamlText.Key(k).PadRight(width), v);
                writer.Write($"{indent}}}\n");
                break;
            case JsonArray { Count: > 0 } list:
                writer.Write($"{indent}{key}: [\n");
                for (var i = 0; i < list.Count; i++)
                    WriteOutput(writer, indent + "    ", $"[{i.ToString(CultureInfo.InvariantCulture)}]", list[i]);
                writer.Write($"{indent}]\n");
                break;
            default:
                writer.Write($"{indent}{key}: {Quoted(value)}\n");
                break;
        }
    }

    /// <summary>Strings quoted, as Pulumi prints output values; the rest as JSON.</summary>
    private static string Quoted(JsonNode? value)
        => value is JsonValue text && text.TryGetValue<string>(out var s)
            ? System.Text.Json.JsonSerializer.Serialize(s, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            : YamlText.Scalar(value);
}
