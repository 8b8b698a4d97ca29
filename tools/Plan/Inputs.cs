using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace BlinkInfra.Plan;

/// <summary>Reading a planned resource's inputs, as policies and the settings inferred from resources need them.</summary>
public static class Inputs
{
    public static string? Text(this PlannedResource resource, string key)
        => resource.Inputs[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static double? Number(this PlannedResource resource, string key)
        => resource.Inputs[key] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static bool? Flag(this PlannedResource resource, string key)
        => resource.Inputs[key] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    public static JsonNode? At(this PlannedResource resource, params string[] path)
    {
        JsonNode? node = resource.Inputs;
        foreach (var step in path)
            node = node is JsonObject obj ? obj[step] : null;
        return node;
    }

    public static IEnumerable<JsonObject> Objects(this PlannedResource resource, string key)
        => resource.Inputs[key] is JsonArray array ? array.OfType<JsonObject>() : Enumerable.Empty<JsonObject>();

    public static IEnumerable<string> Texts(this PlannedResource resource, string key)
        => resource.Inputs[key] is JsonArray array ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var t) ? t : v.ToJsonString()) : Enumerable.Empty<string>();

    /// <summary>A JSON value's boolean, or null when it is not one.</summary>
    public static bool? Flag(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>A JSON value's text, or null when it is not a string.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string? Field(this JsonObject obj, string key)
        => obj[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
