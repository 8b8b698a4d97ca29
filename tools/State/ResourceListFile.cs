using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.State;

/// <summary>
/// The resource list a CrossGuard policy pack sends (policies/crossguard/): what @pulumi/policy hands a
/// stack validation (pulumi/pulumi-policy sdk/nodejs/policy/policy.ts, PolicyResource: type, name, urn,
/// props, parent, dependencies, propertyDependencies, provider, opts.protect), with resources named by
/// URN where CrossGuard gives objects:
///
///   {"resources": [{"type", "name", "urn", "props", "parent": URN, "dependencies": [URN],
///                   "propertyDependencies": {"key": [URN]}, "provider": URN, "protect": bool}],
///    "policyLevels": {"policy": "mandatory|advisory|disabled"},   (optional: the stack's overrides)
///    "secretsMarked": bool}                                        (optional, default false)
///
/// `type`, `name` and `urn` are required; the rest may be left out. `props` are read as a state's
/// inputs (the engine's and the bridge's own keys dropped, secrets masked where they carry Pulumi's
/// signature). `secretsMarked` says whether every secret arrives masked (`[secret]` or Pulumi's secret
/// signature): CrossGuard hands a stack validation its secrets decrypted and unmarked, so a pack cannot
/// say it. What does not fit throws InvalidDataException naming the field.
/// </summary>
public static class ResourceListFile
{
    public static ResourceList Read(JsonNode root)
    {
        if (root is not JsonObject obj || obj["resources"] is not JsonArray resources)
            throw new InvalidDataException("not a JSON object with a `resources` list");
        var records = new List<(JsonObject Resource, string Urn, ResourceRef Ref)>();
        var refs = new Dictionary<string, ResourceRef>(StringComparer.Ordinal);
        for (var index = 0; index < resources.Count; index++)
        {
            if (resources[index] is not JsonObject resource)
                throw new InvalidDataException($"resources[{index}] is not an object");
            var urn = Required(resource, "urn", index);
            if (StateFile.UrnParts(urn).Stack is null)
                throw new InvalidDataException($"resources[{index}].urn {urn} is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)");
            if (refs.ContainsKey(urn))
                throw new InvalidDataException($"resources[{index}].urn {urn} is listed twice");
            var reference = new ResourceRef(Required(resource, "type", index), Required(resource, "name", index));
            refs[urn] = reference;
            records.Add((resource, urn, reference));
        }

        ResourceRef? Ref(JsonNode? urn) => Inputs.Text(urn) is { } text ? refs.GetValueOrDefault(text) : null;
        ImmutableArray<ResourceRef> Refs(JsonNode? urns, string where)
            => urns switch
            {
                null => ImmutableArray<ResourceRef>.Empty,
                JsonArray list => list.Select(Ref).OfType<ResourceRef>().Distinct().ToImmutableArray(),
                _ => throw new InvalidDataException($"{where} is not a list of URNs"),
            };

        var planned = records.Select((record, index) =>
        {
            var (resource, _, reference) = record;
            var propertyDependencies = resource["propertyDependencies"] switch
            {
                null => ImmutableSortedDictionary<string, ImmutableArray<ResourceRef>>.Empty.WithComparers(StringComparer.Ordinal),
                JsonObject map => map
                    .Select(kv => (kv.Key, On: Refs(kv.Value, $"resources[{index}].propertyDependencies.{kv.Key}").OrderBy(r => r.ToString(), StringComparer.Ordinal).ToImmutableArray()))
                    .Where(kv => kv.On.Length > 0)
                    .ToImmutableSortedDictionary(kv => kv.Key, kv => kv.On, StringComparer.Ordinal),
                _ => throw new InvalidDataException($"resources[{index}].propertyDependencies is not an object"),
            };
            // As in a state: dependencies an input already accounts for are no explicit dependsOn.
            var fromProperties = propertyDependencies.Values.SelectMany(v => v).ToHashSet();
            var props = resource["props"] switch
            {
                null => new JsonObject(),
                JsonObject o => o,
                _ => throw new InvalidDataException($"resources[{index}].props is not an object"),
            };
            var provider = Ref(resource["provider"]);
            return new PlannedResource(
                reference.Type,
                reference.Name,
                // CrossGuard does not say which resources are custom; every custom resource has a provider.
                Custom: provider is not null || reference.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal),
                Ref(resource["parent"]),
                Refs(resource["dependencies"], $"resources[{index}].dependencies").Where(r => !fromProperties.Contains(r)).ToImmutableArray(),
                propertyDependencies,
                provider,
                Protect: resource["protect"] is JsonValue p && p.TryGetValue<bool>(out var protect) && protect,
                StateValues.DeclaredInputs(props));
        }).ToImmutableArray();

        var (stack, project) = records.Select(r => StateFile.UrnParts(r.Urn)).FirstOrDefault();
        return new ResourceList(
            project ?? "",
            stack ?? "",
            planned,
            records.GroupBy(r => r.Ref).Where(g => g.Count() == 1).ToImmutableDictionary(g => g.Key, g => g.Single().Urn),
            Levels(obj["policyLevels"]),
            obj["secretsMarked"] switch
            {
                null => false,
                JsonValue v when v.TryGetValue<bool>(out var marked) => marked,
                _ => throw new InvalidDataException("secretsMarked is not true or false"),
            });
    }

    /// <summary>The stack's overrides, checked as `blink-infra:policy.levels` is: known policies, known levels.</summary>
    private static ImmutableSortedDictionary<string, EnforcementLevel> Levels(JsonNode? node)
    {
        if (node is null)
            return ImmutableSortedDictionary<string, EnforcementLevel>.Empty.WithComparers(StringComparer.Ordinal);
        if (node is not JsonObject levels)
            throw new InvalidDataException("policyLevels is not an object of policy name to level");
        return levels.ToImmutableSortedDictionary(
            kv => kv.Key,
            kv => EnforcementLevels.Parse(Inputs.Text(kv.Value) ?? "")
                  ?? throw new InvalidDataException($"policyLevels[\"{kv.Key}\"] = {kv.Value?.ToJsonString() ?? "null"}: allowed: {EnforcementLevels.Names}"),
            StringComparer.Ordinal);
    }

    private static string Required(JsonObject resource, string field, int index)
        => Inputs.Text(resource[field]) is { Length: > 0 } text ? text : throw new InvalidDataException($"resources[{index}] has no {field}");

}
