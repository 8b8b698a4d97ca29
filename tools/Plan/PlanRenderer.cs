using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace BlinkInfra.Plan;

/// <summary>Prints a plan as `pulumi preview` does: the resource tree under its components, then counts by type.</summary>
public static class PlanRenderer
{
    // Inputs too long or too noisy for one line of the tree; the JSON plan has them all.
    private static readonly HashSet<string> HiddenInputs = new(StringComparer.Ordinal) { "description", "tags" };

    public static void Render(StackPlan plan, IAnsiConsole console)
    {
        var root = plan.Resources.FirstOrDefault(r => r.Parent is null);
        if (root is null)
        {
            console.MarkupLine("[yellow]The stack declares no resources.[/]");
            return;
        }

        var tree = new Tree(Label(root));
        AddChildren(plan, root, tree.AddNode);
        console.Write(tree);
        console.WriteLine();

        var table = new Table().AddColumn("Type").AddColumn(new TableColumn("Count").RightAligned());
        foreach (var group in plan.Resources.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
            table.AddRow(Markup.Escape(group.Key), group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("[bold]total[/]", $"[bold]{plan.Resources.Length}[/]");
        console.Write(table);

        if (plan.Invokes.Length > 0)
        {
            console.MarkupLine("Lookups answered offline from the spec (`pulumi preview` asks the cloud):");
            foreach (var invoke in plan.Invokes)
                console.MarkupLine($"  [grey]{Markup.Escape(invoke.Token)} {Markup.Escape(invoke.Args.ToJsonString())}[/]");
        }
    }

    private static void AddChildren(StackPlan plan, PlannedResource parent, Func<string, TreeNode> add)
    {
        foreach (var child in plan.ChildrenOf(parent))
        {
            var node = add(Label(child));
            AddChildren(plan, child, node.AddNode);
        }
    }

    /// <summary>
    /// One input on one line: scalars bare, lists in brackets, Kubernetes-style labels and taints
    /// (objects with key and value, and an effect) as key=value[:effect], other objects as JSON.
    /// </summary>
    private static string Compact(JsonNode node)
        => node switch
        {
            JsonValue value => value.TryGetValue<string>(out var text) ? text : value.ToJsonString(),
            JsonArray array => "[" + string.Join(",", array.Select(item => item is null ? "null" : Compact(item))) + "]",
            JsonObject obj when obj["key"] is JsonValue key && obj.Count <= 3 && obj.All(p => p.Key is "key" or "value" or "effect")
                => $"{Compact(key)}={(obj["value"] is { } v ? Compact(v) : "")}{(obj["effect"] is { } effect ? ":" + Compact(effect) : "")}",
            _ => node.ToJsonString(Unescaped),
        };

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Label(PlannedResource resource)
    {
        var keyInputs = resource.Inputs
            .Where(kv => !HiddenInputs.Contains(kv.Key) && kv.Value is not null)
            .Select(kv => $"{kv.Key}={Compact(kv.Value!)}");
        var inputs = string.Join(" ", keyInputs);
        return $"[green]+[/] [bold]{Markup.Escape(resource.Type)}[/] {Markup.Escape(resource.Name)}"
               + (inputs.Length > 0 ? $" [grey]{Markup.Escape(inputs)}[/]" : "");
    }
}
