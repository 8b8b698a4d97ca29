using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using BlinkInfra.State;

namespace BlinkInfra.Tests;

/// <summary>
/// `pulumi stack export` files made from a plan, as Pulumi would write them after deploying it: ids,
/// provider references, secrets encrypted, references resolved to ids, and the engine's and the
/// Terraform bridge's metadata everywhere (`__defaults` at every level of a bridged resource's inputs,
/// listing a key the provider filled in; `__internal` on providers; `__meta` in outputs).
/// </summary>
public static class StateExports
{
    private static readonly Regex Reference = new(@"\$\{([^.}]+)\.[^}]+\}", RegexOptions.CultureInvariant);

    public static JsonObject Of(StackPlan plan, int version = 3)
    {
        var byRef = plan.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => g.First());
        var urns = plan.Resources.ToDictionary(r => r.Ref, r => PlanDiff.Urn(plan.Stack, plan.Project, r, byRef));
        string Id(PlannedResource r) => $"id-{r.Name}";
        var ids = plan.Resources.Where(r => r.Custom).ToDictionary(r => r.Name, Id);
        var resources = new JsonArray();
        foreach (var resource in plan.Resources)
        {
            var bridged = resource.Type.StartsWith("alicloud:", StringComparison.Ordinal);
            var inputs = (JsonObject)Deployed(resource.Inputs, ids, bridged)!;
            if (bridged && !inputs.ContainsKey("resourceGroupId"))
            {
                // A default the provider filled in, named in __defaults as the bridge names it.
                inputs["resourceGroupId"] = "rg-default";
                inputs["__defaults"] = new JsonArray("resourceGroupId");
            }
            if (resource.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal))
                inputs["__internal"] = new JsonObject();
            var record = new JsonObject { ["urn"] = urns[resource.Ref], ["custom"] = resource.Custom };
            if (resource.Custom)
                record["id"] = Id(resource);
            record["type"] = resource.Type;
            if (resource.Custom || inputs.Count > 0)
            {
                record["inputs"] = inputs;
                var outputs = (JsonObject)inputs.DeepClone();
                outputs.Remove("__defaults");
                outputs["id"] = Id(resource);
                outputs["__meta"] = "{\"schema_version\":\"1\"}";
                record["outputs"] = outputs;
            }
            if (resource.Parent is not null)
                record["parent"] = urns[resource.Parent];
            if (resource.Protect)
                record["protect"] = true;
            if (resource.Provider is not null)
                record["provider"] = $"{urns[resource.Provider]}::{Id(byRef[resource.Provider])}";
            record["propertyDependencies"] = new JsonObject(resource.PropertyDependencies.Select(kv =>
                KeyValuePair.Create(kv.Key, (JsonNode?)new JsonArray(kv.Value.Select(r => (JsonNode?)JsonValue.Create(urns[r])).ToArray()))));
            resources.Add(record);
        }
        var export = new JsonObject { ["version"] = version };
        if (version == 4)
            export["features"] = new JsonArray("taint");
        export["deployment"] = new JsonObject
        {
            ["manifest"] = new JsonObject { ["time"] = "2026-11-21T08:00:00Z", ["magic"] = "", ["version"] = "v3.218.0" },
            ["secrets_providers"] = new JsonObject { ["type"] = "passphrase", ["state"] = new JsonObject { ["salt"] = "v1:c2FsdA==" } },
            ["resources"] = resources,
        };
        return export;
    }

    /// <summary>A resource of an export, by the name its URN ends with.</summary>
    public static JsonObject Resource(JsonObject export, string name)
        => Resources(export).Single(r => ((string?)r["urn"])!.EndsWith("::" + name, StringComparison.Ordinal) && r["delete"] is null);

    public static List<JsonObject> Resources(JsonObject export) => export["deployment"]!["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();

    private static JsonNode? Deployed(JsonNode? node, IReadOnlyDictionary<string, string> ids, bool bridged) => node switch
    {
        JsonObject obj => WithDefaults(new JsonObject(obj.Select(kv => KeyValuePair.Create(kv.Key, Deployed(kv.Value, ids, bridged)))), bridged),
        JsonArray array => new JsonArray(array.Select(n => Deployed(n, ids, bridged)).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) && text == Secrets.Mask
            => new JsonObject { [StateValues.SignatureKey] = StateValues.SecretSignature, ["ciphertext"] = "v1:Y2lwaGVy:dGV4dA==" },
        JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("${", StringComparison.Ordinal)
            => JsonValue.Create(Reference.Replace(text, m => ids.TryGetValue(m.Groups[1].Value, out var id) ? id : m.Value)),
        null => null,
        _ => node.DeepClone(),
    };

    private static JsonObject WithDefaults(JsonObject obj, bool bridged)
    {
        if (bridged)
            obj["__defaults"] = new JsonArray();
        return obj;
    }
}
