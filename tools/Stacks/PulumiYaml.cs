using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BlinkInfra.Config;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BlinkInfra.Stacks;

/// <summary>
/// A stack file's YAML read as the Pulumi CLI reads it, so that the offline verbs see the config `pulumi up` hands
/// the program (PULUMI_CONFIG: each key's value as text, structured values as JSON text). Sources, read 2026-12-05:
/// pulumi/pulumi sdk/go/common/workspace/loaders.go (LoadProjectStackBytes: the file unmarshalled into interface{},
/// marshalled again and unmarshalled into ProjectStack), sdk/go/common/encoding/marshal.go (the YAML marshaller is
/// gopkg.in/yaml.v2, v2.4.0 in sdk/go.mod), sdk/go/common/resource/config/value.go and object.go (a scalar's value is
/// its text; a mapping or a sequence becomes JSON through encoding/json, map keys as fmt's %v; {secure: text} is a
/// secret); gopkg.in/yaml.v2 resolve.go and decode.go at v2.4.0 (YAML 1.1's scalars: y/yes/on/true in any of their
/// three spellings are true, n/no/off/false false, ~ and null null; integers through strconv.ParseInt(s, 0, 64) after
/// removing underscores, so 010 is octal 8, 0o10 8, 0x10 16 and 0b10 2; floats only with a signed exponent (1e+3, not
/// 1e3, which stays text); .inf and .nan; timestamps kept as their text in interface{}; merge keys (&lt;&lt;) applied
/// where they stand, later keys overwriting earlier ones, a sequence of merges applied from its last mapping back to
/// its first; a key given twice keeps the last).
/// What Pulumi refuses is refused here with its words (a merge of something other than a mapping, a tag its scalar
/// does not fit, NaN or infinity inside a structured value, whose JSON cannot hold them); what the program cannot use
/// is refused saying why (a key twice, whose first value Pulumi drops without a word; keys that differ only in case).
/// </summary>
public static class PulumiYaml
{
    /// <summary>A node of the document, aliases resolved to the node they name.</summary>
    public abstract record Node(Mark Start, string? Tag);

    public sealed record Scalar(string Value, ScalarStyle Style, Mark Start, string? Tag) : Node(Start, Tag);

    public sealed record Mapping(List<(Node Key, Node Value)> Entries, Mark Start, string? Tag) : Node(Start, Tag);

    public sealed record Sequence(List<Node> Items, Mark Start, string? Tag) : Node(Start, Tag);

    /// <summary>The document's root node, or null for an empty document (YamlGuard has bounded it already).</summary>
    public static Node? Load(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        var open = new Stack<(Node Node, string? Anchor, Node? PendingKey)>();
        Node? root = null;

        void Add(Node node)
        {
            if (open.Count == 0)
            {
                root ??= node;
                return;
            }
            var (parent, anchor, pending) = open.Pop();
            switch (parent)
            {
                case Sequence sequence:
                    sequence.Items.Add(node);
                    open.Push((parent, anchor, null));
                    break;
                case Mapping mapping when pending is null:
                    open.Push((parent, anchor, node));
                    break;
                case Mapping mapping:
                    mapping.Entries.Add((pending, node));
                    open.Push((parent, anchor, null));
                    break;
            }
        }

        static string? TagOf(NodeEvent e) => e.Tag.IsEmpty ? null : e.Tag.Value;

        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart when root is not null:
                    // YamlGuard refuses a second document; nothing more is read.
                    return root;
                case YamlDotNet.Core.Events.Scalar scalar:
                {
                    var node = new Scalar(scalar.Value, scalar.Style, scalar.Start, TagOf(scalar));
                    if (!scalar.Anchor.IsEmpty)
                        anchors[scalar.Anchor.Value] = node;
                    Add(node);
                    break;
                }
                case MappingStart start:
                    open.Push((new Mapping(new List<(Node, Node)>(), start.Start, TagOf(start)), start.Anchor.IsEmpty ? null : start.Anchor.Value, null));
                    break;
                case SequenceStart start:
                    open.Push((new Sequence(new List<Node>(), start.Start, TagOf(start)), start.Anchor.IsEmpty ? null : start.Anchor.Value, null));
                    break;
                case MappingEnd or SequenceEnd:
                {
                    var (node, anchor, _) = open.Pop();
                    if (anchor is not null)
                        anchors[anchor] = node;
                    Add(node);
                    break;
                }
                case AnchorAlias alias:
                    // YamlGuard has refused an alias to nothing and one to the node that holds it.
                    Add(anchors[alias.Value.Value]);
                    break;
            }
        }
        return root;
    }

    /// <summary>What yaml.v2 makes of a scalar: its kind and value (string, bool, long, ulong, double, or null).</summary>
    public enum Kind { Null, Bool, Int, Uint, Float, String, Merge }

    private const string StrTag = "tag:yaml.org,2002:str", IntTag = "tag:yaml.org,2002:int", FloatTag = "tag:yaml.org,2002:float",
        BoolTag = "tag:yaml.org,2002:bool", NullTag = "tag:yaml.org,2002:null", TimestampTag = "tag:yaml.org,2002:timestamp",
        BinaryTag = "tag:yaml.org,2002:binary", MergeTag = "tag:yaml.org,2002:merge";

    private static readonly Regex YamlStyleFloat = new(@"^[-+]?[0-9]*\.?[0-9]+([eE][-+][0-9]+)?\z", RegexOptions.CultureInvariant);
    private static readonly Regex GoDotFloat = new(@"^\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?\z", RegexOptions.CultureInvariant);

    /// <summary>A plain (unquoted, untagged) scalar resolved as yaml.v2's resolve() does.</summary>
    public static (Kind Kind, object? Value) Resolve(string text)
    {
        switch (text)
        {
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return (Kind.Bool, true);
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return (Kind.Bool, false);
            case "" or "~" or "null" or "Null" or "NULL":
                return (Kind.Null, null);
            case ".nan" or ".NaN" or ".NAN":
                return (Kind.Float, double.NaN);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return (Kind.Float, double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return (Kind.Float, double.NegativeInfinity);
            case "<<":
                return (Kind.Merge, "<<");
        }
        var first = text[0];
        if (first == '.')
        {
            if (GoDotFloat.IsMatch(text) && double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var dot))
                return (Kind.Float, dot);
            return (Kind.String, text);
        }
        if (!char.IsAsciiDigit(first) && first != '+' && first != '-')
            return (Kind.String, text);
        // Timestamps stay the text they are (yaml.v2 sets a timestamp into interface{} as its string).
        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (GoParseInt(plain) is { } integer)
            return integer;
        if (YamlStyleFloat.IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return (Kind.Float, number);
        return (Kind.String, text);
    }

    /// <summary>strconv.ParseInt(s, 0, 64), then ParseUint(s, 0, 64): sign, base prefix (0x, 0o, 0b, or 0 for octal), range.</summary>
    private static (Kind, object?)? GoParseInt(string s)
    {
        if (s.Length == 0)
            return null;
        var negative = s[0] == '-';
        var signed = s[0] is '-' or '+';
        var body = signed ? s[1..] : s;
        if (body.Length == 0)
            return null;
        int radix = 10;
        var digits = body;
        if (body.Length >= 2 && body[0] == '0')
        {
            switch (body[1])
            {
                case 'x' or 'X': radix = 16; digits = body[2..]; break;
                case 'o' or 'O': radix = 8; digits = body[2..]; break;
                case 'b' or 'B': radix = 2; digits = body[2..]; break;
                default: radix = 8; digits = body[1..]; break;
            }
        }
        if (digits.Length == 0)
            return null;
        System.Numerics.BigInteger value = 0;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
                return null;
            value = value * radix + digit;
        }
        if (negative)
            value = -value;
        if (value >= long.MinValue && value <= long.MaxValue)
            return (Kind.Int, (long)value);
        if (!signed && value <= ulong.MaxValue)
            return (Kind.Uint, (ulong)value);
        return null;
    }

    /// <summary>A scalar as yaml.v2 decodes it into interface{}: quoted and block scalars are text; tags decide where given.</summary>
    public static (Kind Kind, object? Value) Decode(Scalar scalar, string path)
    {
        var tag = scalar.Tag is { } t && t.StartsWith("!!", StringComparison.Ordinal) ? "tag:yaml.org,2002:" + t[2..] : scalar.Tag;
        if (tag is null or "!")
        {
            // yaml.v2: a scalar neither plain nor tagged is a string (its implicit flag is off).
            return scalar.Style is ScalarStyle.Plain && tag is null ? Resolve(scalar.Value) : (Kind.String, scalar.Value);
        }
        switch (tag)
        {
            case StrTag:
                return (Kind.String, scalar.Value);
            case BinaryTag:
                try
                {
                    return (Kind.String, Encoding.UTF8.GetString(Convert.FromBase64String(scalar.Value)));
                }
                catch (FormatException)
                {
                    throw Refused(scalar, path, "!!binary value contains invalid base64 data, as Pulumi's reader says and refuses");
                }
            case IntTag or FloatTag or BoolTag or NullTag or TimestampTag or MergeTag:
            {
                var resolved = Resolve(scalar.Value);
                var timestamp = tag == TimestampTag && resolved.Kind == Kind.String && LooksLikeTimestamp(scalar.Value);
                var fits = tag switch
                {
                    IntTag => resolved.Kind is Kind.Int or Kind.Uint,
                    FloatTag => resolved.Kind is Kind.Float or Kind.Int or Kind.Uint,
                    BoolTag => resolved.Kind == Kind.Bool,
                    NullTag => resolved.Kind == Kind.Null,
                    MergeTag => resolved.Kind == Kind.Merge,
                    _ => timestamp,
                };
                if (!fits)
                    throw Refused(scalar, path, $"cannot decode {ShortTag(resolved.Kind)} `{scalar.Value}` as a {tag.Replace("tag:yaml.org,2002:", "!!", StringComparison.Ordinal)}, as Pulumi's reader says and refuses; allowed: a value of that type, or no tag");
                if (tag == FloatTag && resolved.Kind is Kind.Int)
                    return (Kind.Float, (double)(long)resolved.Value!);
                if (tag == FloatTag && resolved.Kind is Kind.Uint)
                    return (Kind.Float, (double)(ulong)resolved.Value!);
                return timestamp ? (Kind.String, scalar.Value) : resolved;
            }
            default:
                // A tag of the author's own: yaml.v2 keeps the text.
                return (Kind.String, scalar.Value);
        }
    }

    private static bool LooksLikeTimestamp(string text)
        => text.Length >= 5 && text[..4].All(char.IsAsciiDigit) && text[4] == '-';

    private static string ShortTag(Kind kind) => kind switch
    {
        Kind.Null => "!!null",
        Kind.Bool => "!!bool",
        Kind.Int or Kind.Uint => "!!int",
        Kind.Float => "!!float",
        _ => "!!str",
    };

    /// <summary>A key as Pulumi names it: the key's value through fmt's %v (true, 8, 1e+06, &lt;nil&gt;, or the text).</summary>
    public static string KeyText(Node key, string path)
    {
        if (key is not Scalar scalar)
            throw Refused(key, path, "a key that is a mapping or a list: invalid map key, as Pulumi's reader says and refuses; allowed: keys that are plain names");
        var (kind, value) = Decode(scalar, path);
        return kind switch
        {
            Kind.Null => "<nil>",
            Kind.Bool => (bool)value! ? "true" : "false",
            Kind.Int => ((long)value!).ToString(CultureInfo.InvariantCulture),
            Kind.Uint => ((ulong)value!).ToString(CultureInfo.InvariantCulture),
            Kind.Float => GoFloat.FormatG((double)value!),
            _ => (string)value!,
        };
    }

    /// <summary>Whether a mapping entry's key is a merge key (plain &lt;&lt;, or tagged !!merge).</summary>
    public static bool IsMerge(Node key)
        => key is Scalar { Value: "<<" } scalar && (scalar.Tag is "!!merge" or MergeTag || (scalar.Tag is null && scalar.Style == ScalarStyle.Plain));

    /// <summary>
    /// A top-level config value as Pulumi hands it to the program: a scalar's text (yaml.v2 marshals it back, so 010
    /// arrives as 8 and yes as true), a mapping or a list as JSON; the secure flag when it is, or holds, {secure: text}.
    /// </summary>
    public static (string Text, bool Secure) ConfigValue(Node node, string path)
    {
        if (node is Scalar scalar)
        {
            var (kind, value) = Decode(scalar, path);
            return (kind switch
            {
                Kind.Null => "",
                Kind.Bool => (bool)value! ? "true" : "false",
                Kind.Int => ((long)value!).ToString(CultureInfo.InvariantCulture),
                Kind.Uint => ((ulong)value!).ToString(CultureInfo.InvariantCulture),
                Kind.Float => GoFloat.FormatYaml((double)value!),
                _ => (string)value!,
            }, false);
        }
        var json = ToJson(node, path, depth: 0);
        return (json!.ToJsonString(), HoldsSecure(json));
    }

    /// <summary>Whether a value is {secure: text} or holds one: Pulumi then passes the whole key as a secret.</summary>
    public static bool IsSecure(JsonNode? node) => node is JsonObject { Count: 1 } obj && obj["secure"] is JsonValue v && v.TryGetValue<string>(out _);

    private static bool HoldsSecure(JsonNode? node) => node switch
    {
        JsonObject obj => IsSecure(obj) || obj.Any(kv => HoldsSecure(kv.Value)),
        JsonArray array => array.Any(HoldsSecure),
        _ => false,
    };

    /// <summary>A structured value as the JSON Pulumi writes for it (encoding/json over yaml.v2's values, merges applied).</summary>
    public static JsonNode? ToJson(Node node, string path, int depth)
    {
        if (depth > 64)
            throw Refused(node, path, "nested too deep; allowed: the config's own shape");
        switch (node)
        {
            case Scalar scalar:
            {
                var (kind, value) = Decode(scalar, path);
                return kind switch
                {
                    Kind.Null => null,
                    Kind.Bool => JsonValue.Create((bool)value!),
                    Kind.Int => JsonValue.Create((long)value!),
                    Kind.Uint => JsonValue.Create((ulong)value!),
                    Kind.Float when !double.IsFinite((double)value!) => throw Refused(scalar, path,
                        $"{scalar.Value} is {((double)value!).ToString(CultureInfo.InvariantCulture)} to Pulumi's reader, and Pulumi refuses it in a structured value (json: unsupported value): JSON has no NaN or infinity; allowed: a number, or the text quoted (\"{scalar.Value}\")"),
                    Kind.Float => JsonNode.Parse(GoFloat.FormatJson((double)value!)),
                    Kind.Merge => JsonValue.Create("<<"),
                    _ => JsonValue.Create((string)value!),
                };
            }
            case Sequence sequence:
                return new JsonArray(sequence.Items.Select((item, i) => ToJson(item, $"{path}[{i}]", depth + 1)).ToArray());
            case Mapping mapping:
                return new JsonObject(Entries(mapping, path, depth)
                    .Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value, $"{path}.{e.Key}", depth + 1))));
            default:
                return null;
        }
    }

    /// <summary>
    /// A mapping's entries as yaml.v2 sets them: each key as Pulumi names it, merges applied where they stand (a later
    /// key overwrites an earlier one), a sequence of merges from its last mapping back to its first. A key written
    /// twice and keys that differ only in case are refused: Pulumi would drop one without a word, the program's
    /// configuration could not tell them apart.
    /// </summary>
    public static List<(string Key, Node KeyNode, Node Value)> Entries(Mapping mapping, string path, int depth = 0)
    {
        if (depth > 64)
            throw Refused(mapping, path, "nested too deep; allowed: the config's own shape");
        var entries = new List<(string Key, Node KeyNode, Node Value)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var explicitKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Set(string key, Node keyNode, Node value)
        {
            if (index.TryGetValue(key, out var at))
                entries[at] = (key, keyNode, value);
            else
            {
                index[key] = entries.Count;
                entries.Add((key, keyNode, value));
            }
        }
        foreach (var (keyNode, valueNode) in mapping.Entries)
        {
            if (IsMerge(keyNode))
            {
                IEnumerable<Node> sources = valueNode switch
                {
                    Mapping => new[] { valueNode },
                    Sequence sequence when sequence.Items.All(i => i is Mapping) => Enumerable.Reverse(sequence.Items),
                    _ => throw Refused(keyNode, path, "map merge requires map or sequence of maps as the value, as Pulumi's reader says and refuses; allowed: <<: *anchor of a mapping, or a list of them"),
                };
                foreach (var source in sources)
                    foreach (var merged in Entries((Mapping)source, path, depth + 1))
                        Set(merged.Key, merged.KeyNode, merged.Value);
                continue;
            }
            var keyText = KeyText(keyNode, path);
            if (explicitKeys.TryGetValue(keyText, out var first))
            {
                throw Refused(keyNode, path, first == keyText
                    ? $"key \"{keyText}\" appears twice under {Under(path)}: Pulumi's reader keeps the last and drops the first without a word; allowed: each key once"
                    : $"key \"{keyText}\" under {Under(path)} is \"{first}\" again when case is ignored, as the program's configuration reads keys; allowed: each key once, spelled as documented");
            }
            explicitKeys[keyText] = keyText;
            Set(keyText, keyNode, valueNode);
        }
        // A key merged in whose spelling differs from another's only in case: the program cannot tell them apart.
        var byCase = entries.GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (byCase is not null)
        {
            var names = byCase.Select(e => e.Key).ToList();
            throw Refused(mapping, path, $"keys \"{names[0]}\" and \"{names[1]}\" under {Under(path)} (one of them merged in with <<) are one key when case is ignored, as the program's configuration reads keys; allowed: each key once, spelled as documented");
        }
        return entries;
    }

    private static string Under(string path) => path.Length == 0 ? "the top level" : path;

    private static StackFileException Refused(Node node, string path, string problem)
        => new(DiagnosticCatalogue.StackFileInvalid, $"{CurrentPath}: line {node.Start.Line}, column {node.Start.Column}: {problem}");

    [ThreadStatic]
    private static string? _currentPath;

    /// <summary>The file's name in messages, for the conversion under way on this thread.</summary>
    public static string CurrentPath
    {
        get => _currentPath ?? "the stack file";
        set => _currentPath = value;
    }
}

/// <summary>
/// Go's formatting of a float64, as Pulumi's values reach the program: strconv.FormatFloat(f, 'g', -1, 64) for YAML
/// and fmt's %v (an exponent from 1e+06 up and below 1e-04, two exponent digits at least), and encoding/json's
/// (plain digits from 1e-6 to 1e21, otherwise an exponent, "e-07" written "e-7").
/// </summary>
public static class GoFloat
{
    /// <summary>The shortest digits that read back as the value, and the exponent of its first digit.</summary>
    private static (string Digits, int Exponent) Shortest(double value)
    {
        var r = Math.Abs(value).ToString("E16", CultureInfo.InvariantCulture);
        // Find the shortest round-tripping digit count.
        for (var precision = 1; precision <= 17; precision++)
        {
            var candidate = Math.Abs(value).ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
            if (double.Parse(candidate, CultureInfo.InvariantCulture) == Math.Abs(value))
            {
                r = candidate;
                break;
            }
        }
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = r[..e].Replace(".", "", StringComparison.Ordinal).TrimEnd('0');
        if (mantissa.Length == 0)
            mantissa = "0";
        return (mantissa, int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture));
    }

    private static string Sign(double value) => value < 0 || (value == 0 && double.IsNegative(value)) ? "-" : "";

    private static string Exponential(string digits, int exponent, bool twoDigits)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        if (twoDigits && magnitude.Length < 2)
            magnitude = "0" + magnitude;
        return $"{mantissa}e{(exponent < 0 ? "-" : "+")}{magnitude}";
    }

    private static string Plain(string digits, int exponent)
    {
        if (exponent >= digits.Length - 1)
            return digits + new string('0', exponent - digits.Length + 1);
        if (exponent >= 0)
            return digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
        return "0." + new string('0', -exponent - 1) + digits;
    }

    /// <summary>strconv.FormatFloat(f, 'g', -1, 64), which fmt's %v also prints.</summary>
    public static string FormatG(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "+Inf";
        if (double.IsNegativeInfinity(value)) return "-Inf";
        if (value == 0) return Sign(value) + "0";
        var (digits, exponent) = Shortest(value);
        // strconv's formatDigits: %e when the exponent is below -4 or at least 6 ("if precision was the shortest
        // possible, use precision 6 for this decision"), so 1e6 is "1e+06" and 123456 "123456".
        const int eprec = 6;
        return Sign(value) + (exponent < -4 || exponent >= eprec ? Exponential(digits, exponent, twoDigits: true) : Plain(digits, exponent));
    }

    /// <summary>yaml.v2's marshalling of a float: FormatFloat 'g' with .inf, -.inf and .nan for the special values.</summary>
    public static string FormatYaml(double value)
        => double.IsNaN(value) ? ".nan" : double.IsPositiveInfinity(value) ? ".inf" : double.IsNegativeInfinity(value) ? "-.inf" : FormatG(value);

    /// <summary>encoding/json's float64: plain digits for 1e-6 &lt;= |f| &lt; 1e21, otherwise an exponent ("1e+21", "1e-7").</summary>
    public static string FormatJson(double value)
    {
        if (value == 0) return Sign(value) + "0";
        var (digits, exponent) = Shortest(value);
        var abs = Math.Abs(value);
        if (abs < 1e-6 || abs >= 1e21)
            return Sign(value) + Exponential(digits, exponent, twoDigits: false);
        return Sign(value) + Plain(digits, exponent);
    }
}
