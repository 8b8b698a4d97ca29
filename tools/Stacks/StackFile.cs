using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlinkInfra.Stacks;

/// <summary>
/// A stack file, stacks/Pulumi.&lt;stack&gt;.yaml, read the way the Pulumi CLI hands it to a
/// program: every `config:` key to a string, structured values as JSON text. Secure values cannot be
/// decrypted offline: their keys are in <see cref="SecretKeys"/>, their values nowhere.
/// </summary>
public sealed record StackFile(string StackName, string Path, ImmutableSortedDictionary<string, string> Config, ImmutableSortedSet<string> SecretKeys)
{
    public const string FilePrefix = "Pulumi.";
    public const string FileSuffix = ".yaml";

    /// <summary>
    /// The project's keys as the program reads them, once, with this process's BLINK_ environment
    /// variables layered over them.
    /// </summary>
    public RawStackConfig ToRaw()
    {
        static bool Ours(string key) => key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal);
        return new RawStackConfig(StackName,
            Config.Where(kv => Ours(kv.Key)).ToImmutableSortedDictionary(StringComparer.Ordinal),
            SecretKeys.Where(Ours).ToImmutableSortedSet(StringComparer.Ordinal),
            ImmutableSortedDictionary<string, string>.Empty)
        {
            OtherNamespaces = Config.Where(kv => !Ours(kv.Key))
                .Concat(SecretKeys.Where(k => !Ours(k)).Select(k => KeyValuePair.Create(k, Secrets.Mask)))
                .ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        }.WithProcessOverrides();
    }

    public static string StackNameOf(string path)
    {
        var fileName = System.IO.Path.GetFileName(path);
        return fileName.StartsWith(FilePrefix, StringComparison.Ordinal) && fileName.EndsWith(FileSuffix, StringComparison.Ordinal)
            ? fileName[FilePrefix.Length..^FileSuffix.Length]
            : throw new StackFileException($"{path}: a stack file is named Pulumi.<stack>.yaml");
    }

    public static StackFile Load(string path)
    {
        var stackName = StackNameOf(path);
        // What the path is and its size before a byte is read, then a bounded read (BoundedFile).
        var bytes = BoundedFile.ReadAllBytes(path, ConfigLimits.MaxFileBytes, "a stack file");
        string text;
        try
        {
            text = BoundedFile.Decode(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new StackFileException($"{path}: not UTF-8 (or UTF-16) text, as a stack file is; allowed: the YAML text `pulumi config` writes");
        }
        return Parse(text, stackName, path);
    }

    /// <summary>Reads a stack file's text; <paramref name="path"/> only names it in messages.</summary>
    public static StackFile Parse(string yaml, string stackName, string path)
    {
        if (yaml.Length > ConfigLimits.MaxFileBytes)
            throw new StackFileException($"{path}: {yaml.Length} characters; allowed: a stack file of at most {ConfigLimits.MaxFileBytes} bytes");
        var stream = new YamlStream();
        try
        {
            // Events first: cycles, alias bombs, depth, sizes and repeated keys are refused before any node is built.
            YamlGuard.Check(yaml, path);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new StackFileException($"{path}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            // YamlDotNet's node model refuses some event sequences its parser accepts.
            throw new StackFileException($"{path}: not YAML a stack file can hold: {e.Message}");
        }

        var config = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var secrets = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        var root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        if (root != null && root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
        {
            if (configNode is not YamlMappingNode entries)
                throw new StackFileException($"{path}: `config` must be a mapping of keys to values");
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (keyNode, valueNode) in entries.Children)
            {
                var written = ((YamlScalarNode)keyNode).Value ?? "";
                var key = written.Contains(':', StringComparison.Ordinal) ? written : $"{ConfigKeys.Namespace}:{written}";
                // "cluster" is "blink-infra:cluster": the two spellings name one key.
                if (seen.TryGetValue(key, out var first))
                    throw new StackFileException($"{path}: line {keyNode.Start.Line}, column {keyNode.Start.Column}: config key \"{written}\" is \"{first}\" again (a key without a namespace is the project's, and case is ignored); allowed: each key once");
                seen[key] = written;
                if (IsSecure(valueNode))
                {
                    secrets.Add(key);
                }
                else
                {
                    config[key] = valueNode is YamlScalarNode scalar ? scalar.Value ?? "" : ToJson(valueNode)!.ToJsonString();
                }
            }
        }

        return new StackFile(stackName, path, config.ToImmutable(), secrets.ToImmutable());
    }

    private static bool IsSecure(YamlNode node)
        => node is YamlMappingNode { Children.Count: 1 } map && map.Children.ContainsKey(new YamlScalarNode("secure"));

    /// <summary>YAML to JSON with plain scalars typed as YAML 1.2 types them (numbers, booleans, null).</summary>
    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                    obj[((YamlScalarNode)key).Value ?? ""] = ToJson(value);
                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select(ToJson).ToArray());
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
                    return JsonValue.Create(text);
                if (text is "true" or "false")
                    return JsonValue.Create(text == "true");
                if (text is "null" or "~" or "")
                    return null;
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                    return JsonValue.Create(integer);
                // A number JSON cannot hold (1e999 is infinity) stays the text it was.
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && text.Any(char.IsDigit) && double.IsFinite(number))
                    return JsonValue.Create(number);
                return JsonValue.Create(text);
            default:
                return null;
        }
    }
}
