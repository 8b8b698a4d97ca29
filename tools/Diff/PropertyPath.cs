using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace BlinkInfra.Diff;

/// <summary>
/// A property path as Pulumi writes one (pulumi/pulumi sdk/go/common/resource/property_path.go):
/// keys joined by dots, list indices and quoted keys in brackets: `tags.env`, `tags["blink.io/stack"]`,
/// `dataDisks[0].size`. Segments are keys (string) or indices (int).
/// </summary>
public static class PropertyPath
{
    /// <summary>The segments of a path; none for text that is no path.</summary>
    public static IReadOnlyList<object> Parse(string path)
    {
        var segments = new List<object>();
        var key = new StringBuilder();
        void Flush()
        {
            if (key.Length > 0)
                segments.Add(key.ToString());
            key.Clear();
        }
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.')
            {
                Flush();
            }
            else if (c == '[')
            {
                Flush();
                var end = path.IndexOf(']', i);
                if (end < 0)
                    return new List<object>();
                var inside = path[(i + 1)..end];
                if (inside.Length >= 2 && inside[0] == '"' && inside[^1] == '"')
                {
                    // A quoted key may hold "]": find the closing quote before the bracket.
                    var close = path.IndexOf("\"]", i + 2, System.StringComparison.Ordinal);
                    segments.Add(path[(i + 2)..close].Replace("\\\"", "\"").Replace("\\\\", "\\"));
                    i = close + 1;
                    continue;
                }
                if (!int.TryParse(inside, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                    return new List<object>();
                segments.Add(index);
                i = end;
            }
            else
            {
                key.Append(c);
            }
        }
        Flush();
        return segments;
    }

    /// <summary>The value at a path, and whether it is there.</summary>
    public static (bool Found, JsonNode? Value) Get(JsonNode? node, IReadOnlyList<object> segments)
    {
        foreach (var segment in segments)
        {
            switch (segment, node)
            {
                case (string key, JsonObject obj) when obj.ContainsKey(key):
                    node = obj[key];
                    break;
                case (int index, JsonArray array) when index < array.Count:
                    node = array[index];
                    break;
                default:
                    return (false, null);
            }
        }
        return (true, node);
    }

    /// <summary>Sets (or, with <paramref name="remove"/>, removes) the value at a path, creating the objects on the way.</summary>
    public static void Set(JsonObject root, IReadOnlyList<object> segments, JsonNode? value, bool remove)
    {
        JsonNode node = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var next = (segments[i], node) switch
            {
                (string key, JsonObject obj) => obj[key] ?? (remove ? null : obj[key] = segments[i + 1] is int ? new JsonArray() : new JsonObject()),
                (int index, JsonArray array) when index < array.Count => array[index],
                _ => null,
            };
            if (next is null)
                return;
            node = next;
        }
        switch (segments[^1], node)
        {
            case (string key, JsonObject obj):
                if (remove)
                    obj.Remove(key);
                else
                    obj[key] = value;
                break;
            case (int index, JsonArray array) when index < array.Count:
                if (remove)
                    array.RemoveAt(index);
                else
                    array[index] = value;
                break;
        }
    }
}
