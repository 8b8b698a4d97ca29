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
            : throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, $"{path}: a stack file is named Pulumi.<stack>.yaml");
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
            throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, $"{path}: not UTF-8 (or UTF-16) text, as a stack file is; allowed: the YAML text `pulumi config` writes");
        }
        return Parse(text, stackName, path);
    }

    /// <summary>
    /// Reads a stack file's text as the Pulumi CLI reads it (<see cref="PulumiYaml"/>: yaml.v2's scalars, merges and
    /// aliases, the values handed to the program as PULUMI_CONFIG holds them); <paramref name="path"/> only names it
    /// in messages.
    /// </summary>
    public static StackFile Parse(string yaml, string stackName, string path)
    {
        if (yaml.Length > ConfigLimits.MaxFileBytes)
            throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, $"{path}: {yaml.Length} characters; allowed: a stack file of at most {ConfigLimits.MaxFileBytes} bytes");
        PulumiYaml.Node? root;
        try
        {
            // Events first: cycles, alias bombs, depth, sizes and keys that are not scalars are refused before any node is built.
            YamlGuard.Check(yaml, path);
            root = PulumiYaml.Load(yaml);
        }
        catch (YamlException e)
        {
            throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, $"{path}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }

        var config = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var secrets = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        var previous = PulumiYaml.CurrentPath;
        PulumiYaml.CurrentPath = path;
        try
        {
            if (root is PulumiYaml.Mapping top && PulumiYaml.Entries(top, "").FirstOrDefault(e => e.Key == "config") is { Value: { } configNode })
            {
                // `config:` with nothing after it is an empty config, as Pulumi reads it.
                if (configNode is PulumiYaml.Scalar { Style: YamlDotNet.Core.ScalarStyle.Plain } empty && PulumiYaml.Resolve(empty.Value).Kind == PulumiYaml.Kind.Null)
                    return new StackFile(stackName, path, config.ToImmutable(), secrets.ToImmutable());
                if (configNode is not PulumiYaml.Mapping entries)
                    throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, $"{path}: `config` must be a mapping of keys to values");
                var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (written, keyNode, valueNode) in PulumiYaml.Entries(entries, "config"))
                {
                    // Pulumi names a key without a namespace the project's (stackConfigNamespacedWithProject).
                    var key = written.Contains(':', StringComparison.Ordinal) ? written : $"{ConfigKeys.Namespace}:{written}";
                    if (seen.TryGetValue(key, out var first))
                        throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, $"{path}: line {keyNode.Start.Line}, column {keyNode.Start.Column}: config key \"{written}\" is \"{first}\" again (a key without a namespace is the project's, and case is ignored); allowed: each key once");
                    seen[key] = written;
                    var (text, secure) = PulumiYaml.ConfigValue(valueNode, $"config.{written}");
                    // A secure value, or a structured one that holds one, is a secret Pulumi decrypts: never readable offline.
                    if (secure)
                        secrets.Add(key);
                    else
                        config[key] = text;
                }
            }
        }
        finally
        {
            PulumiYaml.CurrentPath = previous;
        }

        return new StackFile(stackName, path, config.ToImmutable(), secrets.ToImmutable());
    }
}
