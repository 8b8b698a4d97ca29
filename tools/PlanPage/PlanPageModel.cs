using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Diff;
using BlinkInfra.Plan;
using BlinkInfra.Policies;

namespace BlinkInfra.PlanPage;

/// <summary>
/// The one JSON model the plan page draws, built from the objects the other verbs print: the plan's
/// resources (inputs as the plan holds them, secrets already masked), the policy report's violations,
/// and, for a diff, PlanDiff's steps. Nothing is computed twice: the page only lays it out.
/// Components (resources that are not custom, the stack's root excepted) are boxes; every custom
/// resource is a node inside its nearest component's box; many of one type in one box (from
/// PlanGraph.CollapseFrom on) start collapsed into one node, as in the Mermaid graph.
/// </summary>
public static class PlanPageModel
{
    public const string PlanMode = "plan";
    public const string DiffMode = "diff";

    public static JsonObject Of(StackPlan plan, PolicyReport report)
        => Build(plan, report, null);

    /// <summary>A diff's model: each resource with its step; what the old side had and the plan no longer declares, as deleted nodes.</summary>
    public static JsonObject Of(StackPlan now, PolicyReport report, ImmutableArray<DiffStep> steps)
        => Build(now, report, steps);

    /// <summary>Whether a planned resource is drawn as a component's box.</summary>
    public static bool IsComponent(PlannedResource resource) => !resource.Custom && resource.Type != PlanDiff.RootStackType;

    private static JsonObject Build(StackPlan plan, PolicyReport report, ImmutableArray<DiffStep>? steps)
    {
        var byRef = plan.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => g.First());
        var indexOf = plan.Resources.Select((r, i) => (r.Ref, i)).GroupBy(p => p.Ref).ToDictionary(g => g.Key, g => g.First().i);
        string ComponentId(ResourceRef r) => "c" + indexOf[r];
        string ResourceId(ResourceRef r) => "r" + indexOf[r];

        // Each resource's nearest component; the stack's own resources (its providers) belong to none.
        ResourceRef? ComponentOf(ResourceRef? parent)
        {
            var seen = new HashSet<ResourceRef>();
            for (; parent is not null && seen.Add(parent) && byRef.TryGetValue(parent, out var p); parent = p.Parent)
            {
                if (IsComponent(p))
                    return p.Ref;
            }
            return null;
        }

        var components = new JsonArray();
        foreach (var component in plan.Resources.Where(IsComponent))
        {
            var parent = ComponentOf(component.Parent);
            components.Add(new JsonObject
            {
                ["id"] = ComponentId(component.Ref),
                ["type"] = component.Type,
                ["name"] = component.Name,
                ["parent"] = parent is null ? null : ComponentId(parent),
            });
        }

        // The nodes: every custom resource of the plan, then (in a diff) every one deleted.
        var nodes = new List<Node>();
        var nodeByUrn = new Dictionary<string, Node>(StringComparer.Ordinal);
        var urnOf = plan.Resources.Select(r => (r.Ref, Urn: PlanDiff.Urn(plan.Stack, plan.Project, r, byRef))).GroupBy(p => p.Ref).ToDictionary(g => g.Key, g => g.First().Urn);
        var componentIdByUrn = plan.Resources.Where(IsComponent).ToDictionary(r => urnOf[r.Ref], r => ComponentId(r.Ref), StringComparer.Ordinal);
        for (var i = 0; i < plan.Resources.Length; i++)
        {
            var resource = plan.Resources[i];
            if (!resource.Custom)
                continue;
            var component = ComponentOf(resource.Parent);
            var node = new Node(ResourceId(resource.Ref), resource.Type, resource.Name, component is null ? null : ComponentId(component), resource.Protect, resource.Inputs,
                DependenciesOf(resource).Select(d => byRef.TryGetValue(d, out var r) && r.Custom ? ResourceId(d) : null).OfType<string>().Distinct().ToList(),
                steps is { } s && i < s.Length ? s[i] : null);
            nodes.Add(node);
            nodeByUrn[urnOf[resource.Ref]] = node;
        }
        if (steps is { } all)
        {
            var deleted = all.Skip(plan.Resources.Length).Where(s => s.Op is DiffOp.Delete or DiffOp.DeleteReplaced && s.OldState?["custom"]?.GetValue<bool>() != false).ToList();
            var deletedNodes = deleted.Select((step, j) =>
            {
                var parentUrn = Inputs.Text(step.OldState?["parent"]);
                var node = new Node("d" + j, step.Type, step.Name, parentUrn is not null && componentIdByUrn.TryGetValue(parentUrn, out var c) ? c : null,
                    step.OldState?["protect"]?.GetValue<bool>() == true, step.OldInputs ?? new JsonObject(), new List<string>(), step);
                nodeByUrn.TryAdd(step.Urn, node);
                return (Node: node, Step: step);
            }).ToList();
            foreach (var (node, step) in deletedNodes)
            {
                var dependencies = (step.OldState?["dependencies"] as JsonArray ?? new JsonArray())
                    .Select(u => Inputs.Text(u)).OfType<string>()
                    .Select(u => nodeByUrn.GetValueOrDefault(u)?.Id).OfType<string>().Distinct();
                node.Dependencies.AddRange(dependencies);
                nodes.Add(node);
            }
        }

        // What is lost, said as the diff's WARNING block says it (LossWarnings), on the resources and in one list.
        var losses = steps is { } lossSteps ? LossWarnings.Of(lossSteps) : ImmutableArray<LossWarning>.Empty;
        var lossOf = losses.ToDictionary(l => l.Step, l => l.Message);
        var dependants = nodes.SelectMany(n => n.Dependencies.Select(d => (From: d, To: n.Id))).GroupBy(p => p.From).ToDictionary(g => g.Key, g => g.Select(p => p.To).ToList());
        var resources = new JsonArray();
        foreach (var node in nodes)
        {
            var entry = new JsonObject
            {
                ["id"] = node.Id,
                ["type"] = node.Type,
                ["name"] = node.Name,
                ["component"] = node.Component,
                ["protect"] = node.Protect,
                ["inputs"] = node.Inputs.DeepClone(),
                ["dependencies"] = Strings(node.Dependencies),
                ["dependants"] = Strings(dependants.GetValueOrDefault(node.Id) ?? new List<string>()),
            };
            if (node.Step is { } step)
            {
                entry["step"] = DiffJson.OpName(step.Op);
                if (step.Op == DiffOp.Replace)
                    entry["replaceReasons"] = Strings(step.ReplaceReasons);
                if (step.Cause is not null)
                    entry["cause"] = step.Cause;
                if (step.Renamed)
                    entry["renamedFrom"] = step.OldName;
                if (step.DeleteBeforeReplace)
                    entry["deleteBeforeReplace"] = step.DeleteBeforeReplaceReason;
                if (step.Op == DiffOp.Update && step.CreateOnlyReasons.Length > 0)
                    entry["createOnly"] = Strings(step.CreateOnlyReasons);
                if (lossOf.TryGetValue(step, out var loss))
                    entry["loss"] = loss;
                if (step.Op is DiffOp.Update or DiffOp.Replace)
                {
                    entry["changes"] = new JsonArray(step.Changes.Select(c => (JsonNode?)new JsonObject
                    {
                        ["key"] = c.Key,
                        ["old"] = c.Old?.DeepClone(),
                        ["new"] = c.New?.DeepClone(),
                        ["forcesReplacement"] = c.ForcesReplacement,
                        ["knownAfterApply"] = c.KnownAfterApply,
                        ["createOnly"] = c.CreateOnly && step.Op == DiffOp.Update,
                    }).ToArray());
                }
            }
            resources.Add(entry);
        }

        // Many of one type in one box: one node, expandable in the page.
        var groups = new JsonArray();
        foreach (var group in nodes.GroupBy(n => (n.Component, n.Type)).Where(g => g.Count() >= PlanGraph.CollapseFrom))
        {
            var members = group.ToList();
            var entry = new JsonObject
            {
                ["id"] = "g" + members[0].Id,
                ["component"] = group.Key.Component,
                ["type"] = group.Key.Type,
                ["members"] = Strings(members.Select(m => m.Id)),
            };
            // In a diff, every op the group hides, counted, so the collapsed node shows all of them, not one.
            if (steps is not null)
                entry["steps"] = new JsonObject(members.GroupBy(m => m.Step is { } s ? DiffJson.OpName(s.Op) : "same")
                    .OrderBy(g => StepOrder(g.Key)).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)JsonValue.Create(g.Count()))));
            groups.Add(entry);
        }

        var idByRef = nodes.Where(n => !n.Id.StartsWith('d')).GroupBy(n => (n.Type, n.Name)).ToDictionary(g => g.Key, g => g.First().Id);
        var findings = new JsonArray();
        foreach (var violation in report.Violations)
        {
            var resourceId = violation.ResourceType is not null && violation.ResourceName is not null ? idByRef.GetValueOrDefault((violation.ResourceType, violation.ResourceName)) : null;
            findings.Add(new JsonObject
            {
                ["pack"] = violation.Pack,
                ["policy"] = violation.Policy,
                ["code"] = violation.Code,
                ["level"] = EnforcementLevels.Name(violation.Level),
                ["resource"] = resourceId,
                ["resourceType"] = violation.ResourceType,
                ["resourceName"] = violation.ResourceName,
                ["message"] = violation.Message,
            });
        }

        // The resources as the text's `Resources:` and `pulumi preview` count them (the stack, components and
        // providers included); the graph draws the custom ones and the providers as nodes, the components as boxes.
        var counts = ResourceCounts.Of(plan);
        var summary = new JsonObject
        {
            ["resources"] = counts.Total,
            ["breakdown"] = counts.Breakdown,
            ["nodes"] = nodes.Count,
            ["components"] = components.Count,
            ["mandatory"] = report.Violations.Count(v => v.Level == EnforcementLevel.Mandatory),
            ["advisory"] = report.Violations.Count(v => v.Level == EnforcementLevel.Advisory),
        };
        if (steps is { } counted)
        {
            var stepCounts = new JsonObject();
            foreach (var (op, count) in PlanDiff.Summary(counted))
                stepCounts[DiffJson.OpName(op)] = count;
            summary["steps"] = stepCounts;
        }

        var idOfStep = nodes.Where(n => n.Step is not null).ToDictionary(n => n.Step!, n => n.Id);
        var lossList = new JsonArray(losses.Select(l => (JsonNode?)new JsonObject
        {
            ["resource"] = idOfStep.GetValueOrDefault(l.Step),
            ["step"] = DiffJson.OpName(l.Step.Op),
            ["type"] = l.Step.Type,
            ["name"] = l.Step.Name,
            ["urn"] = l.Step.Urn,
            ["message"] = l.Message,
        }).ToArray());

        return new JsonObject
        {
            ["mode"] = steps is null ? PlanMode : DiffMode,
            ["project"] = plan.Project,
            ["stack"] = plan.Stack,
            ["sdk"] = plan.Sdk,
            ["summary"] = summary,
            ["components"] = components,
            ["resources"] = resources,
            ["groups"] = groups,
            ["findings"] = findings,
            ["losses"] = lossList,
        };
    }

    /// <summary>The order ops are counted in: what costs most first.</summary>
    private static int StepOrder(string op) => op switch
    {
        "delete" => 0, "delete-replaced" => 1, "replace" => 2, "update" => 3, "create" => 4, _ => 5,
    };

    private static IEnumerable<ResourceRef> DependenciesOf(PlannedResource resource)
        => resource.DependsOn.Concat(resource.PropertyDependencies.Values.SelectMany(v => v));

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    private sealed record Node(string Id, string Type, string Name, string? Component, bool Protect, JsonObject Inputs, List<string> Dependencies, DiffStep? Step);
}
