using System;
using System.IO;
using System.Text.Json;
using BlinkInfra.Plan;
using BlinkInfra.Stacks;
using BlinkInfra.State;

namespace BlinkInfra.Cli;

/// <summary>The JSON files the verbs read back: plans written by `plan --json` and `pulumi stack export` files.</summary>
public static class PlanFiles
{
    /// <summary>A file of either kind: a state export when it has a deployment, a plan otherwise.</summary>
    public static StackPlan ReadPlanOrState(string path)
    {
        var node = ParseJson(path, "");
        return StateFile.LooksLikeState(node) ? StateFrom(node, path) : PlanFrom(node, path);
    }

    /// <summary>A plan written by `plan --json`.</summary>
    public static StackPlan ReadPlan(string path)
    {
        var node = ParseJson(path, " as a plan");
        if (StateFile.LooksLikeState(node))
            throw new StackFileException($"{path}: not a plan written by `plan --json` (it is a state export: use --state)");
        return PlanFrom(node, path);
    }

    /// <summary>A `pulumi stack export` file.</summary>
    public static StackPlan ReadState(string path) => StateFrom(ParseJson(path, " as a `pulumi stack export` file"), path);

    /// <summary>A file's JSON, read and parsed once; what cannot be is an input error naming the file.</summary>
    private static System.Text.Json.Nodes.JsonNode ParseJson(string path, string asWhat)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))
                ?? throw new StackFileException($"{path}: cannot be read{asWhat}: the file holds null");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new StackFileException($"{path}: cannot be read{asWhat}: {e.Message}");
        }
    }

    private static StackPlan PlanFrom(System.Text.Json.Nodes.JsonNode node, string path)
    {
        try
        {
            return node.Deserialize<StackPlan>(StackPlan.JsonOptions)
                   ?? throw new StackFileException($"{path}: not a plan written by `plan --json`");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new StackFileException($"{path}: cannot be read as a plan: {e.Message}");
        }
    }

    private static StackPlan StateFrom(System.Text.Json.Nodes.JsonNode node, string path)
    {
        try
        {
            return StateFile.Read(node);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new StackFileException($"{path}: cannot be read as a `pulumi stack export` file: {e.Message}");
        }
    }
}
