using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Diff;

/// <summary>
/// Compares a stack's plan with an earlier plan or a state export, resource by resource (matched by
/// URN, as Pulumi matches them), input by input. Only inputs are compared, so computed outputs never show as changes; a value
/// that refers to another resource's output ("${vpc.id}") is known only after apply, and counts as a
/// change only when that resource is created or replaced. Replacement comes from the table of inputs
/// each provider cannot change in place.
/// </summary>
public static class PlanDiff
{
    private static readonly Regex Reference = new(@"\$\{([^.}]+)\.[^}]+\}", RegexOptions.CultureInvariant);

    /// <summary>Inputs the engine adds itself and a plan does not have.</summary>
    private static bool IgnoredInput(string type, string key) => type.StartsWith("pulumi:providers:", StringComparison.Ordinal) && key == "version";

    /// <summary>
    /// The steps from <paramref name="old"/> to <paramref name="now"/>. Resources are matched by URN,
    /// as Pulumi matches them: a resource moved under another parent, or to another stack or project,
    /// is a different resource (deleted and created), as it would be without an alias.
    /// </summary>
    public static ImmutableArray<DiffStep> Compare(StackPlan old, StackPlan now)
    {
        var oldByRef = old.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => g.First());
        var nowByRef = now.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => g.First());
        var oldUrns = old.Resources.Select(r => Urn(old.Stack, old.Project, r, oldByRef)).ToList();
        var oldByUrn = oldUrns.Select((urn, i) => (Urn: urn, Resource: old.Resources[i])).GroupBy(p => p.Urn)
            .ToDictionary(g => g.Key, g => g.First().Resource, StringComparer.Ordinal);
        var nowUrns = now.Resources.Select(r => Urn(now.Stack, now.Project, r, nowByRef)).ToList();
        var kept = nowUrns.Select((urn, i) => (Urn: urn, Resource: now.Resources[i])).Where(p => oldByUrn.ContainsKey(p.Urn)).ToList();

        // Resources new or replaced make the references to them unknown until apply: iterate to a fixed point.
        var keptNames = kept.Select(p => p.Resource.Name).ToHashSet(StringComparer.Ordinal);
        var fresh = new HashSet<string>(now.Resources.Select(r => r.Name).Where(n => !keptNames.Contains(n)), StringComparer.Ordinal);
        Dictionary<string, DiffStep> steps;
        while (true)
        {
            steps = kept.ToDictionary(p => p.Urn, p => StepOf(p.Urn, oldByUrn[p.Urn], p.Resource, fresh), StringComparer.Ordinal);
            var replaced = steps.Values.Where(s => s.Op == DiffOp.Replace).Select(s => s.Name).Where(n => !fresh.Contains(n)).ToList();
            if (replaced.Count == 0)
                break;
            fresh.UnionWith(replaced);
        }

        var result = ImmutableArray.CreateBuilder<DiffStep>();
        for (var i = 0; i < now.Resources.Length; i++)
        {
            var resource = now.Resources[i];
            var step = steps.TryGetValue(nowUrns[i], out var same)
                ? same
                : new DiffStep(DiffOp.Create, nowUrns[i], resource.Type, resource.Name, null, resource.Inputs,
                    resource.Inputs.Select(kv => new InputChange(kv.Key, null, kv.Value, false, IsComputed(kv.Value))).ToImmutableArray());
            result.Add(WithDependencies(step, now, resource, nowByRef));
        }
        // Deletions in the old side's order, so the same inputs always give the same steps.
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < old.Resources.Length; i++)
        {
            var (urn, resource) = (oldUrns[i], old.Resources[i]);
            if (steps.ContainsKey(urn) || !deleted.Add(urn))
                continue;
            result.Add(WithDependencies(new DiffStep(DiffOp.Delete, urn, resource.Type, resource.Name, resource.Inputs, null,
                resource.Inputs.Select(kv => new InputChange(kv.Key, kv.Value, null, false, false)).ToImmutableArray()), old, resource, oldByRef));
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// The resource's URN as Pulumi forms it: its type qualified by the types of its parents, the
    /// stack resource excepted ("blink:network:ClusterNetwork$alicloud:vpc/network:Network").
    /// </summary>
    public static string Urn(string stack, string project, PlannedResource resource, IReadOnlyDictionary<ResourceRef, PlannedResource> byRef)
    {
        var type = resource.Type;
        var seen = new HashSet<ResourceRef> { resource.Ref };
        for (var parent = resource.Parent; parent is not null && parent.Type != RootStackType && seen.Add(parent); parent = byRef.TryGetValue(parent, out var p) ? p.Parent : null)
            type = parent.Type + "$" + type;
        return $"urn:pulumi:{stack}::{project}::{type}::{resource.Name}";
    }

    private const string RootStackType = "pulumi:pulumi:Stack";

    /// <summary>
    /// A step with the resource's dependencies as URNs, as the engine records them: every resource it
    /// depends on through dependsOn or an input, and per input the resources found inside it. A change
    /// of dependencies alone is no step of its own (the engine records it in the state without an update).
    /// </summary>
    private static DiffStep WithDependencies(DiffStep step, StackPlan plan, PlannedResource resource, IReadOnlyDictionary<ResourceRef, PlannedResource> byRef)
    {
        string UrnOf(ResourceRef reference) => byRef.TryGetValue(reference, out var target) ? Urn(plan.Stack, plan.Project, target, byRef) : reference.ToString();
        var properties = resource.PropertyDependencies.ToImmutableSortedDictionary(
            kv => kv.Key, kv => kv.Value.Select(UrnOf).ToImmutableArray(), StringComparer.Ordinal);
        var all = resource.DependsOn.Select(UrnOf).Concat(properties.Values.SelectMany(v => v))
            .Distinct(StringComparer.Ordinal).OrderBy(u => u, StringComparer.Ordinal).ToImmutableArray();
        return step with { Dependencies = all, PropertyDependencies = properties };
    }

    private static DiffStep StepOf(string urn, PlannedResource old, PlannedResource now, HashSet<string> fresh)
    {
        var oldInputs = (JsonObject)old.Inputs.DeepClone();
        var newInputs = (JsonObject)now.Inputs.DeepClone();
        var replacePaths = ReplacementInputs.Of(now.Type);
        var changes = ImmutableArray.CreateBuilder<InputChange>();
        foreach (var key in old.Inputs.Select(kv => kv.Key).Union(now.Inputs.Select(kv => kv.Key)).OrderBy(k => k, StringComparer.Ordinal))
        {
            if (IgnoredInput(now.Type, key))
                continue;
            var before = oldInputs[key];
            var after = newInputs[key];
            var (changed, knownAfterApply) = Differs(before, after, fresh);
            if (!changed)
                continue;
            if (IsMasked(before) || IsMasked(after))
            {
                // A value that is secret on either side is shown masked on both, in the text and in the inputs.
                before = oldInputs[key] = before is null ? null : JsonValue.Create(Secrets.Mask);
                after = newInputs[key] = after is null ? null : JsonValue.Create(Secrets.Mask);
            }
            var forces = replacePaths.Any(path => path == key || (path.StartsWith(key + ".", StringComparison.Ordinal) && NestedDiffers(before, after, path[(key.Length + 1)..])));
            changes.Add(new InputChange(key, before?.DeepClone(), after?.DeepClone(), forces, knownAfterApply));
        }
        var op = changes.Count == 0 ? DiffOp.Same : changes.Any(c => c.ForcesReplacement) ? DiffOp.Replace : DiffOp.Update;
        return new DiffStep(op, urn, now.Type, now.Name, oldInputs, newInputs, changes.ToImmutable());
    }

    /// <summary>Whether a value changed, and whether its new value is only known after apply.</summary>
    private static (bool Changed, bool KnownAfterApply) Differs(JsonNode? before, JsonNode? after, HashSet<string> fresh)
    {
        if (after is not null && IsComputed(after))
        {
            // A reference to a resource created or replaced is unknown until apply, even where the
            // reference reads the same; one to an existing, kept resource stands for the value it has.
            var referenced = Reference.Matches(after.ToJsonString()).Select(m => m.Groups[1].Value);
            return referenced.Any(fresh.Contains) ? (true, true) : (false, false);
        }
        if (JsonNode.DeepEquals(before, after))
            return (false, false);
        if (IsMasked(before) && IsMasked(after))
            return (false, false);
        return (true, false);
    }

    private static bool NestedDiffers(JsonNode? before, JsonNode? after, string path)
        => !JsonNode.DeepEquals(Select(before, path), Select(after, path));

    /// <summary>The values at a dotted path; through arrays, the values of each element.</summary>
    private static JsonNode? Select(JsonNode? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            node = node switch
            {
                JsonObject obj => obj[step]?.DeepClone(),
                JsonArray array => new JsonArray(array.Select(item => item is JsonObject o ? o[step]?.DeepClone() : null).ToArray()),
                _ => null,
            };
        }
        return node;
    }

    private static bool IsMasked(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text == Secrets.Mask;

    private static bool IsComputed(JsonNode? node) => node is not null && node.ToJsonString().Contains("${", StringComparison.Ordinal);

    /// <summary>The counts of a diff by op.</summary>
    public static ImmutableSortedDictionary<DiffOp, int> Summary(ImmutableArray<DiffStep> steps)
        => steps.GroupBy(s => s.Op).ToImmutableSortedDictionary(g => g.Key, g => g.Count());

    public static bool HasChanges(ImmutableArray<DiffStep> steps) => steps.Any(s => s.Op != DiffOp.Same);
}
