using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using BlinkInfra.Config;

namespace BlinkInfra.State;

/// <summary>
/// Property values as Pulumi writes them in state: objects carrying the signature key are secrets,
/// assets, archives, resource references or output values, told apart by the signature's value; the
/// engine and the Terraform bridge add their own keys beside the program's. Source: pulumi/pulumi
/// sdk/go/common/resource (SigKey, SecretSig, ResourceReferenceSig, OutputValueSig),
/// sdk/go/common/resource/asset and archive (AssetSig, ArchiveSig), and pkg/resource/stack/deployment.go
/// (DeserializePropertyValue; computedValuePlaceholder).
/// </summary>
public static class StateValues
{
    /// <summary>The key whose value says what a special object is.</summary>
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";
    public const string AssetSignature = "c44067f5952c0a294b673a41bacd8c17";
    public const string ArchiveSignature = "0def7320c3a5731c473e5ecbe6d01bc7";
    public const string ResourceReferenceSignature = "5cf8f73096256a8f31e491e813e4eb8e";
    public const string OutputValueSignature = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    /// <summary>What Pulumi writes for a value known only after apply (in state, previews and `preview --json`).</summary>
    public const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>
    /// Keys the engine or a provider adds to inputs, never the program: the bridge's `__defaults` (the
    /// names of the keys beside it that the provider filled in), a provider's `__internal`, and `__meta`.
    /// </summary>
    public static readonly IReadOnlySet<string> MetadataKeys = new HashSet<string>(StringComparer.Ordinal) { "__defaults", "__internal", "__meta" };

    private const string DefaultsKey = "__defaults";

    /// <summary>
    /// Inputs as the program declared them: metadata keys dropped and the keys the provider filled in
    /// (listed in `__defaults`) dropped with them, at every level; secrets masked; assets and archives
    /// shown as such; keys sorted, as plans hold them.
    /// </summary>
    public static JsonObject DeclaredInputs(JsonObject inputs) => (JsonObject)Declared(inputs)!;

    private static JsonNode? Declared(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj.ContainsKey(SignatureKey):
                return Special(obj, Declared);
            case JsonObject obj:
            {
                var defaults = obj[DefaultsKey] is JsonArray listed
                    ? listed.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var key) ? key : null).OfType<string>().ToHashSet(StringComparer.Ordinal)
                    : new HashSet<string>(StringComparer.Ordinal);
                return new JsonObject(obj
                    .Where(kv => !MetadataKeys.Contains(kv.Key) && !defaults.Contains(kv.Key))
                    .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => KeyValuePair.Create(kv.Key, Declared(kv.Value))));
            }
            case JsonArray array:
                return new JsonArray(array.Select(Declared).ToArray());
            case null:
                return null;
            default:
                return node.DeepClone();
        }
    }

    /// <summary>A whole value as Pulumi records it, with only its secrets masked (what `preview --json` shows).</summary>
    public static JsonNode? Masked(JsonNode? node) => node switch
    {
        JsonObject obj when IsSecret(obj) => JsonValue.Create(Secrets.Mask),
        JsonObject obj => new JsonObject(obj.Select(kv => KeyValuePair.Create(kv.Key, Masked(kv.Value)))),
        JsonArray array => new JsonArray(array.Select(Masked).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    private static bool IsSecret(JsonObject obj) => Signature(obj) == SecretSignature;

    private static string? Signature(JsonObject obj)
        => obj[SignatureKey] is JsonValue value && value.TryGetValue<string>(out var signature) ? signature : null;

    /// <summary>A special object as a value to compare and show; an unknown signature is an error naming it.</summary>
    private static JsonNode? Special(JsonObject obj, Func<JsonNode?, JsonNode?> walk)
    {
        switch (Signature(obj))
        {
            case SecretSignature:
                return JsonValue.Create(Secrets.Mask);
            case AssetSignature:
                return JsonValue.Create(Describe("asset", obj, ("text", "text"), ("path", "file"), ("uri", "remote")));
            case ArchiveSignature:
                return JsonValue.Create(Describe("archive", obj, ("assets", "assets"), ("path", "file"), ("uri", "remote")));
            case ResourceReferenceSignature:
                // A reference to another resource stands for that resource: its id, or its URN for a component.
                return (obj["id"] ?? obj["urn"])?.DeepClone();
            case OutputValueSignature:
                if (obj["secret"] is JsonValue secret && secret.TryGetValue<bool>(out var isSecret) && isSecret)
                    return JsonValue.Create(Secrets.Mask);
                return obj.ContainsKey("value") ? walk(obj["value"]) : JsonValue.Create(Unknown);
            case var other:
                throw new System.IO.InvalidDataException($"a value carries the signature key {SignatureKey} with {other ?? "no text"}, which is none of Pulumi's (secret, asset, archive, resource reference, output value)");
        }
    }

    /// <summary>An asset or archive as Pulumi's display names it: `asset(text:2379662)`, `archive(file:b9d3b22) ./app`.</summary>
    private static string Describe(string kind, JsonObject obj, params (string Field, string Label)[] sources)
    {
        var hash = obj["hash"] is JsonValue h && h.TryGetValue<string>(out var text) && text.Length > 0 ? text[..Math.Min(7, text.Length)] : null;
        foreach (var (field, label) in sources)
        {
            if (!obj.ContainsKey(field))
                continue;
            var where = field is "path" or "uri" && obj[field] is JsonValue v && v.TryGetValue<string>(out var place) ? " " + place : "";
            return $"{kind}({label}{(hash is null ? "" : ":" + hash)}){where}";
        }
        return $"{kind}({(hash is null ? "empty" : hash)})";
    }
}
