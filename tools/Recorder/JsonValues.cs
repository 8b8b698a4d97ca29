using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Recorder;

/// <summary>Turns the plain values mocks receive into JSON, with keys sorted so plans are stable.</summary>
public static class JsonValues
{
    public static JsonObject MaskedInputs(IReadOnlyDictionary<string, object> inputs, ImmutableHashSet<string> secretNames)
    {
        var result = new JsonObject();
        foreach (var (key, value) in inputs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            result[key] = secretNames.Contains(key) ? JsonValue.Create(Secrets.Mask) : ToNode(value);
        return result;
    }

    public static JsonNode? ToNode(object? value)
        => value switch
        {
            null => null,
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => JsonValue.Create((long)number),
            double number => JsonValue.Create(number),
            IDictionary map => ToObject(map),
            IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToNode).ToArray()),
            _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };

    private static JsonObject ToObject(IDictionary map)
    {
        var result = new JsonObject();
        foreach (var key in map.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).OrderBy(k => k, StringComparer.Ordinal))
            result[key] = ToNode(map[key]);
        return result;
    }
}
