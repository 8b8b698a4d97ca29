using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;

namespace BlinkInfra.Diff;

/// <summary>A diff shaped like `pulumi preview --json`.</summary>
public static class DiffJson
{
    /// <summary>Steps with op, urn, old and new inputs, diffs and replace reasons, and the change summary.</summary>
    public static JsonObject Of(ImmutableArray<DiffStep> steps)
    {
        var json = new JsonArray();
        foreach (var step in steps)
        {
            var detailed = new JsonObject();
            foreach (var change in step.Changes.Where(_ => step.Op is DiffOp.Update or DiffOp.Replace))
            {
                var kind = change.Old is null ? "add" : change.New is null ? "delete" : "update";
                detailed[change.Key] = new JsonObject { ["kind"] = change.ForcesReplacement ? kind + "-replace" : kind };
            }
            json.Add(new JsonObject
            {
                ["op"] = step.Op.ToString().ToLowerInvariant(),
                ["urn"] = step.Urn,
                ["type"] = step.Type,
                ["name"] = step.Name,
                ["oldInputs"] = step.OldInputs?.DeepClone(),
                ["newInputs"] = step.NewInputs?.DeepClone(),
                ["diffs"] = new JsonArray(step.Op is DiffOp.Update or DiffOp.Replace ? step.Changes.Select(c => (JsonNode?)JsonValue.Create(c.Key)).ToArray() : Array.Empty<JsonNode?>()),
                ["replaceReasons"] = new JsonArray(step.ReplaceReasons.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
                ["detailedDiff"] = detailed,
                ["dependencies"] = new JsonArray(step.Dependencies.Select(u => (JsonNode?)JsonValue.Create(u)).ToArray()),
                ["propertyDependencies"] = PropertyDependencies(step),
            });
        }
        var summary = new JsonObject();
        foreach (var (op, count) in PlanDiff.Summary(steps))
            summary[op.ToString().ToLowerInvariant()] = count;
        return new JsonObject { ["steps"] = json, ["changeSummary"] = summary };
    }

    private static JsonObject PropertyDependencies(DiffStep step)
    {
        var json = new JsonObject();
        foreach (var (input, urns) in step.PropertyDependencies)
            json[input] = new JsonArray(urns.Select(u => (JsonNode?)JsonValue.Create(u)).ToArray());
        return json;
    }
}
