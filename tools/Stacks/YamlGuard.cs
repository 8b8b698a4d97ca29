using System;
using System.Collections.Generic;
using System.IO;
using BlinkInfra.Config;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BlinkInfra.Stacks;

/// <summary>
/// Reads a stack file's YAML as parser events, before any node is built, and refuses what would
/// crash or exhaust the reader: an alias to a node that holds it (a cycle), aliases that would expand
/// past <see cref="ConfigLimits.MaxExpandedNodes"/> values (an alias bomb: counted, never expanded),
/// nesting past <see cref="ConfigLimits.MaxDepth"/>, a scalar past <see cref="ConfigLimits.MaxScalarChars"/>,
/// a key that is a mapping or a list, and more than one document (yaml.v2 would read the first and drop the rest
/// without a word). Keys given twice are judged by <see cref="PulumiYaml"/>, which knows what each key is to Pulumi.
/// </summary>
public static class YamlGuard
{
    private sealed class Frame
    {
        public required bool IsMapping { get; init; }
        public required string Path { get; init; }
        public string? Anchor { get; init; }
        public long StartCount { get; init; }
        public bool ExpectingKey { get; set; } = true;
        public string? PendingKey { get; set; }
        public int Index { get; set; }
    }

    public static void Check(string yaml, string path)
    {
        var parser = new Parser(new StringReader(yaml));
        var frames = new Stack<Frame>();
        var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var scalarAnchors = new HashSet<string>(StringComparer.Ordinal);
        long expanded = 0;
        var documents = 0;

        string Where(ParsingEvent e) => $"{path}: line {e.Start.Line}, column {e.Start.Column}";

        // The path of the node that starts now, and whether it stands where a key belongs.
        (string Path, bool IsKey) Place(ParsingEvent e)
        {
            if (frames.Count == 0)
                return ("", false);
            var parent = frames.Peek();
            if (!parent.IsMapping)
                return ($"{parent.Path}[{parent.Index++}]", false);
            if (parent.ExpectingKey)
                return (parent.Path, true);
            parent.ExpectingKey = true;
            return (parent.Path.Length == 0 ? parent.PendingKey! : $"{parent.Path}.{parent.PendingKey}", false);
        }

        void Count(ParsingEvent e, long nodes)
        {
            expanded += nodes;
            if (expanded > ConfigLimits.MaxExpandedNodes)
                throw new StackFileException(DiagnosticCatalogue.YamlRefused, $"{Where(e)}: the file holds more than {ConfigLimits.MaxExpandedNodes} values once its aliases are expanded; allowed: a stack's config written out, with few or no aliases");
        }

        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case DocumentStart:
                    if (++documents > 1)
                        throw new StackFileException(DiagnosticCatalogue.YamlRefused, $"{Where(current)}: a second YAML document, which Pulumi's reader drops without a word (it reads the first); allowed: one document, the stack's config");
                    break;
                case Scalar scalar:
                {
                    if (scalar.Value.Length > ConfigLimits.MaxScalarChars)
                        throw new StackFileException(DiagnosticCatalogue.YamlRefused, $"{Where(current)}: a value of {scalar.Value.Length} characters; allowed: at most {ConfigLimits.MaxScalarChars}");
                    var (place, isKey) = Place(current);
                    Count(current, 1);
                    if (!scalar.Anchor.IsEmpty)
                        anchorSizes[scalar.Anchor.Value] = 1;
                    if (!scalar.Anchor.IsEmpty)
                        scalarAnchors.Add(scalar.Anchor.Value);
                    if (isKey)
                    {
                        // Keys twice, or twice when case is ignored, are PulumiYaml's to judge: it knows what
                        // Pulumi's reader makes of each key (yes is true, 010 is 8) and what a merge brings.
                        var frame = frames.Peek();
                        frame.PendingKey = scalar.Value;
                        frame.ExpectingKey = false;
                    }
                    break;
                }
                case MappingStart or SequenceStart:
                {
                    var (place, isKey) = Place(current);
                    if (isKey)
                        throw new StackFileException(DiagnosticCatalogue.YamlRefused, $"{Where(current)}: a key that is a {(current is MappingStart ? "mapping" : "list")}; allowed: keys that are plain names");
                    if (frames.Count >= ConfigLimits.MaxDepth)
                        throw new StackFileException(DiagnosticCatalogue.YamlRefused, $"{Where(current)}: nested deeper than {ConfigLimits.MaxDepth} levels; allowed: the config's own shape");
                    Count(current, 1);
                    var anchor = ((NodeEvent)current).Anchor;
                    frames.Push(new Frame
                    {
                        IsMapping = current is MappingStart,
                        Path = place,
                        Anchor = anchor.IsEmpty ? null : anchor.Value,
                        StartCount = expanded - 1,
                    });
                    break;
                }
                case MappingEnd or SequenceEnd:
                {
                    var frame = frames.Pop();
                    if (frame.Anchor != null)
                    {
                        anchorSizes[frame.Anchor] = expanded - frame.StartCount;
                        scalarAnchors.Remove(frame.Anchor);
                    }
                    break;
                }
                case AnchorAlias alias:
                {
                    var (_, isKey) = Place(current);
                    // An alias may give a key when it names a scalar, as yaml.v2 reads it; a mapping or a list is no key.
                    if (isKey && !scalarAnchors.Contains(alias.Value.Value))
                        throw new StackFileException(DiagnosticCatalogue.YamlRefused, $"{Where(current)}: a key given by an alias (*{alias.Value.Value}) of a mapping or a list: invalid map key, as Pulumi's reader says and refuses; allowed: keys that are plain names");
                    if (isKey)
                    {
                        var frame = frames.Peek();
                        frame.PendingKey = "*" + alias.Value.Value;
                        frame.ExpectingKey = false;
                    }
                    foreach (var frame in frames)
                    {
                        if (frame.Anchor == alias.Value.Value)
                            throw new StackFileException(DiagnosticCatalogue.YamlRefused, $"{Where(current)}: alias *{alias.Value.Value} refers to the node that holds it, a value without end; allowed: aliases to nodes outside them");
                    }
                    if (!anchorSizes.TryGetValue(alias.Value.Value, out var size))
                        throw new StackFileException(DiagnosticCatalogue.YamlRefused, $"{Where(current)}: alias *{alias.Value.Value} names no anchor before it; allowed: an alias to an anchor (&{alias.Value.Value}) defined earlier");
                    Count(current, size);
                    break;
                }
            }
        }
    }
}
