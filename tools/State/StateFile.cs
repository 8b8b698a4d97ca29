using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.State;

/// <summary>
/// A `pulumi stack export` file (deployment version 3) read as a plan: each resource's type, name
/// (the URN's last part), parent, dependencies, provider, protect flag and inputs, so a live stack can
/// be checked and diffed like a plan. Secret values (the export's secret signature) read as masked.
/// </summary>
public static class StateFile
{
    /// <summary>The signature key the Pulumi CLI puts on secret values in state.</summary>
    public const string SecretSignature = "4dabf18193072939515e22adb298388d";

    public static bool LooksLikeState(JsonNode root) => root["deployment"] is JsonObject;

    /// <summary>An export's resources as a plan; what does not fit the format throws InvalidDataException saying what.</summary>
    public static StackPlan Read(JsonNode root)
    {
        var version = root["version"]?.GetValue<int>();
        if (version is not 3)
            throw new InvalidDataException($"not of deployment version 3 (version: {version?.ToString() ?? "none"})");
        var resources = root["deployment"]?["resources"] as JsonArray ?? new JsonArray();

        var byUrn = new Dictionary<string, ResourceRef>(StringComparer.Ordinal);
        var index = 0;
        foreach (var resource in resources.OfType<JsonObject>())
        {
            var urn = Required(resource, "urn", index);
            if (!urn.StartsWith(UrnPrefix, StringComparison.Ordinal) || urn.Split("::").Length < 4)
                throw new InvalidDataException($"deployment.resources[{index}].urn {urn} is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)");
            byUrn[urn] = new ResourceRef(Required(resource, "type", index), NameOf(urn));
            index++;
        }

        ResourceRef? Ref(string? urn) => urn is null ? null : byUrn.GetValueOrDefault(urn);
        ResourceRef? ProviderRef(string? reference)
            => reference is null ? null : Ref(reference[..Math.Max(0, reference.LastIndexOf("::", StringComparison.Ordinal))]);

        var planned = resources.OfType<JsonObject>().Select(resource =>
        {
            var urn = resource["urn"]!.GetValue<string>(); // checked above
            var propertyDependencies = (resource["propertyDependencies"] as JsonObject ?? new JsonObject())
                .Where(kv => kv.Value is JsonArray { Count: > 0 })
                .ToImmutableSortedDictionary(
                    kv => kv.Key,
                    kv => kv.Value!.AsArray().Select(u => Ref(u?.GetValue<string>())).OfType<ResourceRef>().OrderBy(r => r.ToString(), StringComparer.Ordinal).ToImmutableArray(),
                    StringComparer.Ordinal);
            var explicitDependencies = (resource["dependencies"] as JsonArray ?? new JsonArray())
                .Select(u => u?.GetValue<string>())
                .Where(u => u is not null && !propertyDependencies.Values.SelectMany(v => v).Contains(Ref(u)))
                .Select(Ref).OfType<ResourceRef>().ToImmutableArray();
            return new PlannedResource(
                byUrn[urn].Type,
                byUrn[urn].Name,
                resource["custom"]?.GetValue<bool>() ?? false,
                Ref(resource["parent"]?.GetValue<string>()),
                explicitDependencies,
                propertyDependencies,
                ProviderRef(resource["provider"]?.GetValue<string>()),
                resource["protect"]?.GetValue<bool>() ?? false,
                Unsecret(resource["inputs"] as JsonObject ?? new JsonObject()));
        }).ToImmutableArray();

        var stackUrn = byUrn.Keys.FirstOrDefault() ?? "urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack";
        var parts = stackUrn.Split("::");
        var stack = parts[0][UrnPrefix.Length..];
        return new StackPlan(parts.Length > 1 ? parts[1] : "", stack, "state", null, planned, ImmutableArray<PlannedInvoke>.Empty);
    }

    private const string UrnPrefix = "urn:pulumi:";

    /// <summary>A text field every resource of an export has; its absence names the resource and the field.</summary>
    private static string Required(JsonObject resource, string field, int index)
        => resource[field] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new InvalidDataException($"deployment.resources[{index}] has no {field}");

    /// <summary>The name part of a URN: what follows the last "::".</summary>
    public static string NameOf(string urn) => urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];

    /// <summary>Inputs with each secret value (an object carrying the secret signature) masked.</summary>
    private static JsonObject Unsecret(JsonObject inputs)
    {
        JsonNode? Walk(JsonNode? node) => node switch
        {
            JsonObject obj when obj.ContainsKey(SecretSignature) => JsonValue.Create(Secrets.Mask),
            JsonObject obj => new JsonObject(obj.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, Walk(kv.Value)))),
            JsonArray array => new JsonArray(array.Select(Walk).ToArray()),
            null => null,
            _ => node.DeepClone(),
        };
        return (JsonObject)Walk(inputs)!;
    }
}
