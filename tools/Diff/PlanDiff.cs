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
/// Compares a stack's plan with an earlier plan or a Pulumi state, resource by resource, input by
/// input, as the engine's step generator does (pulumi/pulumi pkg/resource/deploy/step_generator.go,
/// read 2026-12-05): a resource is found in the old side at its URN or, failing that, at one of its
/// aliases (its own, then those it inherits from a renamed parent: generateAliases,
/// collapseAliasToUrn, inheritedChildAlias); the inputs it ignores keep their old values
/// (processIgnoreChanges); only inputs are compared, so computed outputs never show as changes; a
/// value that refers to another resource's output ("${vpc.id}") is known only after apply, and counts
/// as a change only when that resource is created or replaced. Replacement comes from the providers'
/// facts (infra/Facts/ReplacementInputs.cs: the inputs a provider cannot change in place, with the
/// Kubernetes provider's own rules) and from the state itself: a resource tainted or pending
/// replacement is replaced, one that was only read (external) is replaced by the one the program now
/// owns, copies pending deletion are deleted, and read resources the program no longer declares are
/// dropped from the state, never deleted. A changed input the provider applies only at create is
/// marked: on a resource that stays it does nothing.
/// </summary>
public static class PlanDiff
{
    private static readonly Regex Reference = new(@"\$\{([^.}]+)\.[^}]+\}", RegexOptions.CultureInvariant);

    /// <summary>Inputs the engine adds itself and a plan does not have.</summary>
    private static bool IgnoredInput(string type, string key) => type.StartsWith("pulumi:providers:", StringComparison.Ordinal) && key == "version";

    /// <summary>
    /// The steps from <paramref name="old"/> to <paramref name="now"/>. Resources are matched by URN,
    /// then by their aliases, as Pulumi matches them: a resource moved under another parent, or to
    /// another stack or project, without an alias naming where it was, is a different resource
    /// (deleted and created).
    /// </summary>
    public static ImmutableArray<DiffStep> Compare(StackPlan old, StackPlan now) => Compare(AsState(old), now);

    /// <summary>The steps from a state (any form Pulumi writes) to a plan.</summary>
    public static ImmutableArray<DiffStep> Compare(StateSnapshot old, StackPlan now)
    {
        var nowByRef = now.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => g.First());
        var nowUrns = now.Resources.Select(r => Urn(now.Stack, now.Project, r, nowByRef)).ToList();
        var nowUrnByRef = now.Resources.Select((r, i) => (r.Ref, Urn: nowUrns[i])).GroupBy(p => p.Ref).ToDictionary(g => g.Key, g => g.First().Urn);
        // The resource standing at each URN: never a copy pending deletion, which is a resource of its own.
        var standing = old.Resources.Where(r => !r.Delete).GroupBy(r => r.Urn)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var matched = Match(now, nowUrns, nowUrnByRef, standing);
        var kept = Enumerable.Range(0, now.Resources.Length).Where(matched.ContainsKey)
            .Select(i => (Index: i, Urn: nowUrns[i], Old: standing[matched[i]], Resource: now.Resources[i])).ToList();

        // The names kept resources had before a rename: a reference under the new name is the same resource.
        var formerNames = kept.Where(p => p.Old.Resource.Name != p.Resource.Name)
            .GroupBy(p => p.Resource.Name).ToDictionary(g => g.Key, g => g.First().Old.Resource.Name, StringComparer.Ordinal);
        // Resources new or replaced make the references to them unknown until apply: iterate to a fixed point.
        var keptNames = kept.Select(p => p.Resource.Name).ToHashSet(StringComparer.Ordinal);
        var fresh = new HashSet<string>(now.Resources.Select(r => r.Name).Where(n => !keptNames.Contains(n)), StringComparer.Ordinal);
        fresh.UnionWith(kept.Where(p => Forced(p.Old) is not null).Select(p => p.Resource.Name));
        JsonObject? ProviderInputs(PlannedResource resource)
            => resource.Provider is { } provider && nowByRef.TryGetValue(provider, out var p) ? p.Inputs : null;
        Dictionary<int, DiffStep> steps;
        while (true)
        {
            steps = kept.ToDictionary(p => p.Index, p => StepOf(p.Urn, p.Old, p.Resource, ProviderInputs(p.Resource), fresh, formerNames));
            var replaced = steps.Values.Where(s => s.Op == DiffOp.Replace).Select(s => s.Name).Where(n => !fresh.Contains(n)).ToList();
            if (replaced.Count == 0)
                break;
            fresh.UnionWith(replaced);
        }

        // The new side as `preview --json` writes it: references to resources created or replaced are unknown.
        var providerIds = old.Resources.Where(r => r.Live && r.Id is not null).GroupBy(r => r.Urn).ToDictionary(g => g.Key, g => g.First().Id!, StringComparer.Ordinal);
        var oldUrnOf = matched.ToDictionary(kv => nowUrns[kv.Key], kv => kv.Value, StringComparer.Ordinal);
        string ProviderId(string urn)
            => providerIds.TryGetValue(oldUrnOf.GetValueOrDefault(urn, urn), out var id) && !fresh.Contains(StateFile.NameOf(urn)) ? id : StateValues.Unknown;
        JsonObject NewState(int i) => RecordOf(nowUrns[i], now.Resources[i], nowUrnByRef, ProviderId, fresh, matched.TryGetValue(i, out var o) && o != nowUrns[i] ? o : null);

        var result = ImmutableArray.CreateBuilder<DiffStep>();
        for (var i = 0; i < now.Resources.Length; i++)
        {
            var resource = now.Resources[i];
            result.Add(steps.TryGetValue(i, out var step)
                ? MaskSecrets(step with { NewState = NewState(i), OldUrn = matched[i] != nowUrns[i] ? matched[i] : null })
                : new DiffStep(DiffOp.Create, nowUrns[i], resource.Type, resource.Name, null, NewState(i),
                    resource.Inputs.Select(kv => new InputChange(kv.Key, null, kv.Value, false, IsComputed(kv.Value))).ToImmutableArray()));
        }
        // Deletions in the old side's order, so the same inputs always give the same steps: the copies
        // pending deletion, and what the program owned and no longer declares (at its URN or through an
        // alias). What it only read is left.
        var claimed = matched.Values.ToHashSet(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in old.Resources)
        {
            if (resource.Delete)
            {
                result.Add(DeleteStep(DiffOp.DeleteReplaced, resource, "a copy left pending deletion by an earlier replacement"));
                continue;
            }
            if (resource.External || claimed.Contains(resource.Urn) || !deleted.Add(resource.Urn))
                continue;
            result.Add(DeleteStep(DiffOp.Delete, resource, null));
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Each planned resource's match in the old side, by index: the old URN it is found at. In
    /// declaration order (a parent before its children), its own URN first, then its aliases: its own,
    /// collapsed to URNs as the engine does, then, when its parent was found through an alias, the URNs
    /// it inherits from that. An old URN is claimed once; one a planned resource stands at is never
    /// another's alias (the engine refuses both: "Duplicate resource alias").
    /// </summary>
    private static Dictionary<int, string> Match(StackPlan now, List<string> nowUrns, Dictionary<ResourceRef, string> nowUrnByRef, Dictionary<string, StateResource> standing)
    {
        var nowUrnSet = nowUrns.ToHashSet(StringComparer.Ordinal);
        var matched = new Dictionary<int, string>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        // The old URN each resource found through an alias was found at (the step generator's sg.aliases).
        var aliasUsed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < now.Resources.Length; i++)
        {
            var urn = nowUrns[i];
            if (standing.ContainsKey(urn))
            {
                if (claimed.Add(urn))
                    matched[i] = urn;
                continue;
            }
            foreach (var alias in AliasUrns(now, now.Resources[i], nowUrnByRef, aliasUsed))
            {
                if (!standing.ContainsKey(alias) || nowUrnSet.Contains(alias) || !claimed.Add(alias))
                    continue;
                matched[i] = alias;
                aliasUsed[urn] = alias;
                break;
            }
        }
        return matched;
    }

    /// <summary>The URNs a resource's aliases stand for, as the engine generates them (generateAliases), in order, each once.</summary>
    public static IReadOnlyList<string> AliasUrns(StackPlan now, PlannedResource resource, IReadOnlyDictionary<ResourceRef, string> nowUrnByRef, IReadOnlyDictionary<string, string> aliasUsed)
    {
        var result = new List<string>();
        void Add(string urn)
        {
            if (!result.Contains(urn, StringComparer.Ordinal))
                result.Add(urn);
        }
        var parentUrn = resource.Parent is { } p ? nowUrnByRef.GetValueOrDefault(p) : null;
        var own = resource.Aliases.Select(a => Collapse(now, resource, a, parentUrn, nowUrnByRef, aliasUsed)).ToList();
        own.ForEach(Add);
        if (parentUrn is not null && aliasUsed.TryGetValue(parentUrn, out var parentAlias))
        {
            var parentName = StateFile.NameOf(parentUrn);
            Add(InheritedChildAlias(now, resource.Type, resource.Name, parentName, parentAlias));
            foreach (var alias in own)
                Add(InheritedChildAlias(now, TypeOf(alias), StateFile.NameOf(alias), parentName, parentAlias));
        }
        return result;
    }

    /// <summary>An alias as a URN (collapseAliasToUrn): each part it leaves out is the resource's own; its parent, if renamed, at the URN it had.</summary>
    private static string Collapse(StackPlan now, PlannedResource resource, PlannedAlias alias, string? parentUrn, IReadOnlyDictionary<ResourceRef, string> nowUrnByRef, IReadOnlyDictionary<string, string> aliasUsed)
    {
        if (alias.Urn is not null)
            return alias.Urn;
        var parent = alias.Parent is { } p ? nowUrnByRef.GetValueOrDefault(p) : alias.ParentUrn;
        if (parent is null)
            parent = parentUrn;
        else if (aliasUsed.TryGetValue(parent, out var parentAlias))
            parent = parentAlias;
        if (alias.NoParent == true || (parent is not null && TypeOf(parent) == RootStackType))
            parent = null;
        var type = alias.Type ?? resource.Type;
        var qualified = parent is null ? type : TypeOf(parent) + "$" + type;
        return $"urn:pulumi:{alias.Stack ?? now.Stack}::{alias.Project ?? now.Project}::{qualified}::{alias.Name ?? resource.Name}";
    }

    /// <summary>
    /// The alias a child inherits from its parent's (inheritedChildAlias): under the parent's old URN, and
    /// a name that began with the parent's name begins with the parent's old name instead.
    /// </summary>
    private static string InheritedChildAlias(StackPlan now, string childType, string childName, string parentName, string parentAlias)
    {
        var name = childName.StartsWith(parentName, StringComparison.Ordinal) ? StateFile.NameOf(parentAlias) + childName[parentName.Length..] : childName;
        return $"urn:pulumi:{now.Stack}::{now.Project}::{TypeOf(parentAlias)}${childType}::{name}";
    }

    /// <summary>The qualified type of a URN ("blink:compute:ClusterCompute$alicloud:cs/nodePool:NodePool").</summary>
    public static string TypeOf(string urn) => urn.Split("::", 4) is { Length: 4 } parts ? parts[2] : "";

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
        var resources = plan.Resources.Select((r, i) => new StateResource(urns[i], null, r, RecordOf(urns[i], r, urnByRef, _ => StateValues.Unknown, new HashSet<string>(), null), false, false, false, false));
        return new StateSnapshot("a plan written by `plan --json`", plan.Project, plan.Stack, resources.ToImmutableArray(), ImmutableArray<string>.Empty);
    }

    /// <summary>
    /// A planned resource as Pulumi records a resource's state (apitype.ResourceV3, empty fields left out),
    /// with values that refer to a resource created or replaced written as Pulumi's unknown value, its
    /// options (protect, deleteBeforeReplace, ignoreChanges) and, found through an alias, the URN it had
    /// (the engine records the alias it matched: `aliases`).
    /// </summary>
    private static JsonObject RecordOf(string urn, PlannedResource resource, IReadOnlyDictionary<ResourceRef, string> urnByRef, Func<string, string> providerId, HashSet<string> fresh, string? aliasMatched)
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
        if (resource.DeleteBeforeReplace)
            record["deleteBeforeReplace"] = true;
        if (aliasMatched is not null)
            record["aliases"] = new JsonArray(JsonValue.Create(aliasMatched));
        if (!resource.IgnoreChanges.IsDefaultOrEmpty)
            record["ignoreChanges"] = new JsonArray(resource.IgnoreChanges.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
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

    /// <summary>Every planned resource's URN, by reference.</summary>
    public static IReadOnlyDictionary<ResourceRef, string> Urns(StackPlan plan)
    {
        var byRef = plan.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => g.First());
        return plan.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => Urn(plan.Stack, plan.Project, g.First(), byRef));
    }

    public const string RootStackType = "pulumi:pulumi:Stack";

    private static DiffStep StepOf(string urn, StateResource oldState, PlannedResource now, JsonObject? providerInputs, HashSet<string> fresh, IReadOnlyDictionary<string, string> formerNames)
    {
        var old = oldState.Resource;
        var oldInputs = Normalised(now.Type, old.Inputs);
        var newInputs = Normalised(now.Type, IgnoringChanges(now.Inputs, old.Inputs, now.IgnoreChanges));
        // What an ignored path holds is the state's value itself (a plain id in the state, whatever the plan's reference
        // to a replaced resource would say): no change there, so it is left out of the comparison on both sides.
        var (oldCompared, newCompared) = (Without(oldInputs, now.IgnoreChanges), Without(newInputs, now.IgnoreChanges));
        var facts = ReplacementInputs.Find(now.Type);
        var replacePaths = ReplacementInputs.ReplacePaths(now.Type, newInputs, providerInputs);
        var createOnly = facts?.CreateOnly ?? ImmutableArray<string>.Empty;
        var suppressible = facts?.Suppressible ?? ImmutableArray<string>.Empty;
        var changes = ImmutableArray.CreateBuilder<InputChange>();
        foreach (var key in oldCompared.Select(kv => kv.Key).Union(newCompared.Select(kv => kv.Key)).OrderBy(k => k, StringComparer.Ordinal))
        {
            if (IgnoredInput(now.Type, key))
                continue;
            var before = oldCompared[key];
            var after = newCompared[key];
            // A secret shows no references: one built from a resource created or replaced (its property
            // dependencies say so) is unknown until apply, as the kubeconfig of a replaced cluster.
            var (changed, knownAfterApply) = IsMasked(after) && now.PropertyDependencies.TryGetValue(key, out var on) && on.Any(r => fresh.Contains(r.Name))
                ? (true, true)
                : Differs(before, after, fresh, formerNames);
            if (!changed)
                continue;
            if (IsMasked(before) || IsMasked(after))
            {
                // A value that is secret on either side is shown masked on both.
                before = before is null ? null : JsonValue.Create(Secrets.Mask);
                after = after is null ? null : JsonValue.Create(Secrets.Mask);
            }
            // A change the provider's DiffSuppressFunc hides, where the facts say when, is no change at all.
            var suppressed = ReplacementInputs.Suppresses(now.Type, key, oldInputs, newInputs);
            if (suppressed == true)
                continue;
            var forcing = replacePaths.Where(path => path == key || (path.StartsWith(key + ".", StringComparison.Ordinal) && NestedDiffers(before, after, path[(key.Length + 1)..]))).ToList();
            if (knownAfterApply && ReplacementInputs.ReplacesWhenUnknown(now.Type, key))
                forcing.Add(key);
            changes.Add(new InputChange(key, before?.DeepClone(), after?.DeepClone(), forcing.Count > 0, knownAfterApply)
            {
                CreateOnly = createOnly.Contains(key),
                // Replacement a DiffSuppressFunc may hide, where the facts do not say when: every path that forces it is one they name so.
                Suppressible = forcing.Count > 0 && suppressed is null && forcing.All(p => suppressible.Contains(p)),
            });
        }
        // The engine replaces a resource whose provider is replaced or new: its provider reference changes.
        var cause = Forced(oldState)
                    ?? (now.Provider is { } provider && fresh.Contains(provider.Name) ? $"its provider {provider.Name} is replaced" : null);
        var op = cause is not null || changes.Any(c => c.ForcesReplacement) ? DiffOp.Replace : changes.Count == 0 ? DiffOp.Same : DiffOp.Update;
        var (deleteFirst, why) = now.DeleteBeforeReplace
            ? (true, "its deleteBeforeReplace option")
            : ReplacementInputs.ProviderDeletesFirst(now.Type, oldInputs, newInputs)
                ? (true, "the Kubernetes provider deletes an object that keeps its name before creating it again")
                : (false, null);
        return new DiffStep(op, urn, now.Type, now.Name, oldState.Record, null, changes.ToImmutable(), cause)
        {
            DeleteBeforeReplace = op == DiffOp.Replace && deleteFirst,
            DeleteBeforeReplaceReason = op == DiffOp.Replace ? why : null,
        };
    }

    /// <summary>
    /// The inputs as the provider compares them: a namespaced Kubernetes object's unset namespace is
    /// "default" (pulumi-kubernetes provider.go Diff), on both sides.
    /// </summary>
    private static JsonObject Normalised(string type, JsonObject inputs)
    {
        var copy = (JsonObject)inputs.DeepClone();
        if (ReplacementInputs.NamespaceDefaultsToDefault(type) && copy["metadata"] is JsonObject metadata && !metadata.ContainsKey("namespace"))
            metadata["namespace"] = "default";
        return copy;
    }

    /// <summary>
    /// The new inputs with each ignored path set back to its old value, or removed where the old side had
    /// none (pulumi/pulumi step_generator.go processIgnoreChanges). Paths as Pulumi writes them:
    /// `tags.env`, `tags["blink.io/stack"]`, `dataDisks[0].size`.
    /// </summary>
    private static JsonObject IgnoringChanges(JsonObject news, JsonObject olds, ImmutableArray<string> ignored)
    {
        if (ignored.IsDefaultOrEmpty)
            return news;
        var result = (JsonObject)news.DeepClone();
        foreach (var path in ignored)
        {
            var segments = PropertyPath.Parse(path);
            if (segments.Count == 0)
                continue;
            var oldValue = PropertyPath.Get(olds, segments);
            PropertyPath.Set(result, segments, oldValue.Found ? oldValue.Value?.DeepClone() : null, remove: !oldValue.Found);
        }
        return result;
    }

    /// <summary>The inputs without the ignored paths: ignoring changes against no old values removes each.</summary>
    private static JsonObject Without(JsonObject inputs, ImmutableArray<string> ignored)
        => IgnoringChanges(inputs, new JsonObject(), ignored);

    /// <summary>
    /// Whether a value changed, and whether its new value is only known after apply, leaf by leaf: a
    /// reference to a resource created or replaced is unknown until apply, even where it reads the same;
    /// one to a kept resource stands for the value it has (the old side's value, or the same reference,
    /// under the name the resource had before a rename), so only the other leaves decide.
    /// </summary>
    private static (bool Changed, bool KnownAfterApply) Differs(JsonNode? before, JsonNode? after, HashSet<string> fresh, IReadOnlyDictionary<string, string> formerNames)
    {
        switch (before, after)
        {
            case (JsonObject o, JsonObject n):
            {
                var (changed, unknown) = (false, false);
                foreach (var key in o.Select(kv => kv.Key).Union(n.Select(kv => kv.Key)))
                {
                    var (c, u) = Differs(o[key], n[key], fresh, formerNames);
                    (changed, unknown) = (changed || c, unknown || u);
                }
                return (changed, unknown);
            }
            case (JsonArray o, JsonArray n) when o.Count == n.Count:
            {
                var (changed, unknown) = (false, false);
                for (var i = 0; i < o.Count; i++)
                {
                    var (c, u) = Differs(o[i], n[i], fresh, formerNames);
                    (changed, unknown) = (changed || c, unknown || u);
                }
                return (changed, unknown);
            }
        }
        if (after is not null && IsComputed(after))
        {
            var referenced = Reference.Matches(after.ToJsonString()).Select(m => m.Groups[1].Value).ToList();
            if (referenced.Any(fresh.Contains))
                return (true, true);
            // A kept resource's reference: the same reference (under its old name if renamed) is no change, nor,
            // from a state, the value it stands for; anything else in its place (another resource, a list
            // of another length, nothing) is.
            if (after is JsonValue a && a.TryGetValue<string>(out var now) && before is JsonValue b)
            {
                if (!b.TryGetValue<string>(out var old) || !IsComputed(b))
                    return (false, false);
                var asBefore = Reference.Replace(now,
                    m => "${" + formerNames.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value) + m.Value[(2 + m.Groups[1].Value.Length)..]);
                return (asBefore != old, false);
            }
            return (true, false);
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
