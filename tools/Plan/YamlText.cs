using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlinkInfra.Plan;

/// <summary>
/// JSON values as block YAML, one key or item per line, nested by indentation: what `plan --details`
/// prints beneath a resource. Strings stay whole (a multi-line one as a literal block), plain where YAML
/// reads them back as the same string, double-quoted (JSON's escapes, which YAML shares) otherwise.
/// </summary>
public static class YamlText
{
    private const string Indent = "  ";

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // YAML 1.1 and 1.2 read these as booleans, nulls or numbers, not strings.
    private static readonly Regex NotAString = new(@"^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|nan))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex PlainKey = new(@"^[A-Za-z0-9_$][A-Za-z0-9_./$-]*$", RegexOptions.CultureInvariant);

    /// <summary>The lines of a mapping's entries, unindented.</summary>
    public static IEnumerable<string> Lines(JsonObject mapping) => Block(mapping);

    /// <summary>A scalar (or an empty collection) as it stands on one line after "key: ".</summary>
    public static string Scalar(JsonNode? node)
        => node switch
        {
            null => "null",
            JsonObject { Count: 0 } => "{}",
            JsonArray { Count: 0 } => "[]",
            JsonValue value when value.TryGetValue<string>(out var text) => Text(text),
            JsonValue value => value.ToJsonString(),
            _ => node.ToJsonString(Unescaped),
        };

    public static string Key(string key) => PlainKey.IsMatch(key) && !NotAString.IsMatch(key) ? key : JsonSerializer.Serialize(key, Unescaped);

    private static bool IsBlock(JsonNode? node) => node is JsonObject { Count: > 0 } or JsonArray { Count: > 0 } || IsMultiline(node);

    private static bool IsMultiline(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) && text.TrimEnd('\n').Contains('\n', StringComparison.Ordinal)
           && !text.StartsWith(' ') && !text.Contains('\r', StringComparison.Ordinal) && !text.Contains('\t', StringComparison.Ordinal);

    private static IEnumerable<string> Block(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject mapping:
                foreach (var (key, value) in mapping)
                {
                    if (!IsBlock(value))
                    {
                        yield return $"{Key(key)}: {Scalar(value)}";
                        continue;
                    }
                    if (IsMultiline(value))
                    {
                        var text = value!.GetValue<string>();
                        yield return $"{Key(key)}: {(text.EndsWith('\n') ? "|" : "|-")}";
                        foreach (var line in text.TrimEnd('\n').Split('\n'))
                            yield return line.Length == 0 ? "" : Indent + line;
                        continue;
                    }
                    yield return $"{Key(key)}:";
                    foreach (var line in Block(value))
                        yield return Indent + line;
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    if (!IsBlock(item) || IsMultiline(item))
                    {
                        yield return $"- {Scalar(item)}";
                        continue;
                    }
                    var first = true;
                    foreach (var line in Block(item))
                    {
                        yield return (first ? "- " : Indent) + line;
                        first = false;
                    }
                }
                break;
        }
    }

    private static string Text(string text)
    {
        var plain = text.Length > 0
                    && !NotAString.IsMatch(text)
                    && "-?:,[]{}#&*!|>'\"%@`".IndexOf(text[0]) < 0
                    && text.Trim() == text
                    && !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal) && !text.EndsWith(':')
                    && text.All(c => c >= ' ' && c != '\u007f');
        return plain ? text : JsonSerializer.Serialize(text, Unescaped);
    }
}
