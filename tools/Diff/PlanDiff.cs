using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using BlinkInfra.State;

namespace BlinkInfra.Diff;

/// <summary>
/// Compares a stack's plan with an earlier plan or a Pulumi state, resource by resource (matched by
/// URN, as Pulumi matches them), input by input. Only inputs are compared, so computed outputs never show as changes; a value
/// that refers to another resource's output ("${vpc.id}") is known only after apply, and counts as a
/// change only when that resource is created or replaced. Replacement comes from the table of inputs
/// each provider cannot change in place, and from the state itself, as the engine's step generator
/// decides (pulumi/pulumi pkg/resource/deploy/step_generator.go): a resource tainted or pending
/// replacement is replaced, one that was only read (external) is replaced by the one the program now
/// owns, copies pending deletion are deleted, and read resources the program no longer declares are
/// dropped from the state, never deleted.
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
    public static ImmutableArray<DiffStep> Compare(StackPlan old, StackPlan now) => Compare(AsState(old), now);

    /// <summary>The steps from a state (any form Pulumi writes) to a plan.</summary>
    public static ImmutableArray<DiffStep> Compare(StateSnapshot old, StackPlan now)
    {
        var nowByRef = now.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => g.First());
        var nowUrns = now.Resources.Select(r => Urn(now.Stack, now.Project, r, nowByRef)).ToList();
        // The resource standing at each URN: never a copy pending deletion, which is a resource of its own.
        var standing = old.Resources.Where(r => !r.Delete).GroupBy(r => r.Urn)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var kept = nowUrns.Select((urn, i) => (Urn: urn, Resource: now.Resources[i])).Where(p => standing.ContainsKey(p.Urn)).ToList();

        // Resources new or replaced make the references to them unknown until apply: iterate to a fixed point.
        var keptNames = kept.Select(p => p.Resource.Name).ToHashSet(StringComparer.Ordinal);
        var fresh = new HashSet<string>(now.Resources.Select(r => r.Name).Where(n => !keptNames.Contains(n)), StringComparer.Ordinal);
        fresh.UnionWith(kept.Where(p => Forced(standing[p.Urn]) is not null).Select(p => p.Resource.Name));
        Dictionary<string, DiffStep> steps;
        while (true)
        {
            steps = kept.ToDictionary(p => p.Urn, p => StepOf(p.Urn, standing[p.Urn], p.Resource, fresh), StringComparer.Ordinal);
            var replaced = steps.Values.Where(s => s.Op == DiffOp.Replace).Select(s => s.Name).Where(n => !fresh.Contains(n)).ToList();
            if (replaced.Count == 0)
                break;
            fresh.UnionWith(replaced);
        }

        // The new side as `preview --json` writes it: references to resources created or replaced are unknown.
        var providerIds = old.Resources.Where(r => r.Live && r.Id is not null).GroupBy(r => r.Urn).ToDictionary(g => g.Key, g => g.First().Id!, StringComparer.Ordinal);
        var nowUrnByRef = now.Resources.Select((r, i) => (r.Ref, Urn: nowUrns[i])).GroupBy(p => p.Ref).ToDictionary(g => g.Key, g => g.First().Urn);
        string ProviderId(string urn) => providerIds.TryGetValue(urn, out var id) && !fresh.Contains(StateFile.NameOf(urn)) ? id : StateValues.Unknown;
        JsonObject NewState(int i) => RecordOf(nowUrns[i], now.Resources[i], nowUrnByRef, ProviderId, fresh);

        var result = ImmutableArray.CreateBuilder<DiffStep>();
        for (var i = 0; i < now.Resources.Length; i++)
        {
            var resource = now.Resources[i];
            result.Add(steps.TryGetValue(nowUrns[i], out var step)
                ? MaskSecrets(step with { NewState = NewState(i) })
                : new DiffStep(DiffOp.Create, nowUrns[i], resource.Type, resource.Name, null, NewState(i),
                    resource.Inputs.Select(kv => new InputChange(kv.Key, null, kv.Value, false, IsComputed(kv.Value))).ToImmutableArray()));
        }
        // Deletions in the old side's order, so the same inputs always give the same steps: the copies
        // pending deletion, and what the program owned and no longer declares. What it only read is left.
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in old.Resources)
        {
            if (resource.Delete)
            {
                result.Add(DeleteStep(DiffOp.DeleteReplaced, resource, "a copy left pending deletion by an earlier replacement"));
                continue;
            }
            if (resource.External || steps.ContainsKey(resource.Urn) || !deleted.Add(resource.Urn))
                continue;
            result.Add(DeleteStep(DiffOp.Delete, resource, null));
        }
        return result.ToImmutable();
    }

    /// <summary>An input secret on either side is masked on both, in both records, so no plaintext leaves through them.</summary>
    private static DiffStep MaskSecrets(DiffStep step)
    {
        var masked = step.Changes.Where(c => IsMasked(c.Old) || IsMasked(c.New)).Select(c => c.Key).ToList();
        if (masked.Count == 0)
            return step;
        JsonObject? Mask(JsonObject? record)
        {
            if (record?.DeepClone() is not JsonObject copy)
                return null;
            if (copy["inputs"] is JsonObject inputs)
                foreach (var key in masked.Where(inputs.ContainsKey))
                    inputs[key] = Secrets.Mask;
            return copy;
        }
        return step with { OldState = Mask(step.OldState), NewState = Mask(step.NewState) };
    }

    private static DiffStep DeleteStep(DiffOp op, StateResource resource, string? cause)
        => new(op, resource.Urn, resource.Resource.Type, resource.Resource.Name, resource.Record, null,
            resource.Resource.Inputs.Select(kv => new InputChange(kv.Key, kv.Value, null, false, false)).ToImmutableArray(), cause);

    /// <summary>Why the state alone makes the engine replace a resource the program still declares, or null.</summary>
    private static string? Forced(StateResource old)
        => old.External ? "read, not owned: the program takes it over with a resource of its own"
            : old.PendingReplacement ? "deleted by a delete-before-replace that did not finish: created again"
            : old.Taint ? "tainted"
            : null;

    /// <summary>A saved plan as a state: each resource at the URN Pulumi would give it, nothing pending.</summary>
    public static StateSnapshot AsState(StackPlan plan)
    {
        var byRef = plan.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => g.First());
        var urns = plan.Resources.Select(r => Urn(plan.Stack, plan.Project, r, byRef)).ToList();
        var urnByRef = plan.Resources.Select((r, i) => (r.Ref, Urn: urns[i])).GroupBy(p => p.Ref).ToDictionary(g => g.Key, g => g.First().Urn);
        var resources = plan.Resources.Select((r, i) => new StateResource(urns[i], null, r, RecordOf(urns[i], r, urnByRef, _ => StateValues.Unknown, new HashSet<string>()), false, false, false, false));
        return new StateSnapshot("a plan written by `plan --json`", plan.Project, plan.Stack, resources.ToImmutableArray(), ImmutableArray<string>.Empty);
    }

    /// <summary>
    /// A planned resource as Pulumi records a resource's state (apitype.ResourceV3, empty fields left out),
    /// with values that refer to a resource created or replaced written as Pulumi's unknown value.
    /// </summary>
    private static JsonObject RecordOf(string urn, PlannedResource resource, IReadOnlyDictionary<ResourceRef, string> urnByRef, Func<string, string> providerId, HashSet<string> fresh)
    {
        string? UrnOf(ResourceRef? reference) => reference is null ? null : urnByRef.GetValueOrDefault(reference);
        JsonArray Urns(IEnumerable<ResourceRef> refs) => new(refs.Select(UrnOf).OfType<string>().Select(u => (JsonNode?)JsonValue.Create(u)).ToArray());
        var record = new JsonObject
        {
            ["urn"] = urn,
            ["custom"] = resource.Custom,
            ["type"] = resource.Type,
            ["inputs"] = Unknowns(resource.Inputs, fresh),
        };
        if (UrnOf(resource.Parent) is { } parent)
            record["parent"] = parent;
        if (resource.Protect)
            record["protect"] = true;
        var dependencies = Urns(resource.DependsOn.Concat(resource.PropertyDependencies.Values.SelectMany(v => v)).Distinct());
        if (dependencies.Count > 0)
            record["dependencies"] = dependencies;
        if (UrnOf(resource.Provider) is { } provider)
            record["provider"] = $"{provider}::{providerId(provider)}";
        if (resource.PropertyDependencies.Count > 0)
            record["propertyDependencies"] = new JsonObject(resource.PropertyDependencies.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Urns(kv.Value))));
        return record;
    }

    private static JsonNode? Unknowns(JsonNode? node, HashSet<string> fresh) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(kv => KeyValuePair.Create(kv.Key, Unknowns(kv.Value, fresh)))),
        JsonArray array => new JsonArray(array.Select(n => Unknowns(n, fresh)).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) && Reference.Matches(text).Any(m => fresh.Contains(m.Groups[1].Value)) => JsonValue.Create(StateValues.Unknown),
        null => null,
        _ => node.DeepClone(),
    };

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

    public const string RootStackType = "pulumi:pulumi:Stack";

    private static DiffStep StepOf(string urn, StateResource oldState, PlannedResource now, HashSet<string> fresh)
    {
        var old = oldState.Resource;
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
                // A value that is secret on either side is shown masked on both.
                before = before is null ? null : JsonValue.Create(Secrets.Mask);
                after = after is null ? null : JsonValue.Create(Secrets.Mask);
            }
            var forces = replacePaths.Any(path => path == key || (path.StartsWith(key + ".", StringComparison.Ordinal) && NestedDiffers(before, after, path[(key.Length + 1)..])));
            changes.Add(new InputChange(key, before?.DeepClone(), after?.DeepClone(), forces, knownAfterApply));
        }
        var cause = Forced(oldState);
        var op = cause is not null || changes.Any(c => c.ForcesReplacement) ? DiffOp.Replace : changes.Count == 0 ? DiffOp.Same : DiffOp.Update;
        return new DiffStep(op, urn, now.Type, now.Name, oldState.Record, null, changes.ToImmutable(), cause);
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
