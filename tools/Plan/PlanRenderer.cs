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
/// its component, its name, the plan), the stack's outputs, and a summary. With details, each resource's
/// inputs as indented YAML beneath it, and the counts by type. Lines are written whole, never wrapped by
/// the renderer (a terminal folds a long line itself; a pipe keeps it), coloured only in a terminal.
/// </summary>
public static class PlanRenderer
{
    /// <summary>Offline every resource is one to create: nothing exists to compare with.</summary>
    private const string Operation = "create";

    private const string Gutter = "     ";

    public static void Render(StackPlan plan, IAnsiConsole console, bool details = false)
        => Write(plan, console.Profile.Out.Writer, Colours.Of(console), details);

    public static void Write(StackPlan plan, TextWriter writer, Colours colours, bool details = false)
    {
        var root = plan.Resources.FirstOrDefault(r => r.Parent is null);
        if (root is null)
        {
            writer.Write("The stack declares no resources.\n");
            return;
        }

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
        writer.Write(colours.Bold($"{Gutter}{"Type".PadRight(typeWidth)}  {"Name".PadRight(nameWidth)}  Plan") + "\n");
        foreach (var (resource, prefix, guide) in rows)
        {
            writer.Write($" {colours.Green("+")}   {prefix}{resource.Type.PadRight(typeWidth - prefix.Length)}  {resource.Name.PadRight(nameWidth)}  {colours.Green(Operation)}\n");
            if (!details || resource.Inputs.Count == 0)
                continue;
            var under = Gutter + guide + (plan.ChildrenOf(resource).Any() ? "│  " : "   ") + "  ";
            foreach (var line in YamlText.Lines(resource.Inputs))
                writer.Write(line.Length == 0 ? under.TrimEnd() + "\n" : under + colours.Grey(line) + "\n");
        }

        if (plan.Outputs is { Count: > 0 } outputs)
        {
            writer.Write("\n" + colours.Bold("Outputs:") + "\n");
            var width = outputs.Max(o => YamlText.Key(o.Key).Length);
            foreach (var (key, value) in outputs)
                WriteOutput(writer, "    ", YamlText.Key(key).PadRight(width), value);
        }

        writer.Write("\n" + colours.Bold("Resources:") + "\n");
        writer.Write($"    {colours.Green($"+ {plan.Resources.Length.ToString(CultureInfo.InvariantCulture)} to create")}\n");
        if (details)
        {
            var counts = plan.Resources.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var width = counts.Max(g => g.Key.Length);
            foreach (var group in counts)
                writer.Write($"      {group.Key.PadRight(width)}  {group.Count().ToString(CultureInfo.InvariantCulture),4}\n");
        }

        if (plan.Invokes.Length > 0)
        {
            writer.Write("\nLookups answered offline from the spec (`pulumi preview` asks the cloud):\n");
            foreach (var invoke in plan.Invokes)
                writer.Write($"    {colours.Grey($"{invoke.Token} {invoke.Args.ToJsonString()}")}\n");
        }
    }

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
