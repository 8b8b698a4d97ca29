using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Threading;

namespace BlinkInfra.Config;

/// <summary>
/// The one door every config passes before it is bound, whoever read it (a stack file offline,
/// PULUMI_CONFIG under the engine): keys only in the project's namespace and the providers' (a
/// misspelt namespace would otherwise vanish), each value within <see cref="ConfigLimits"/>, no
/// key repeated at any level when case is ignored (Microsoft.Extensions.Configuration ignores case,
/// so "Region" and "region" would merge into one path), no nesting deeper than the config's.
/// </summary>
public static class ConfigFrontDoor
{
    /// <summary>
    /// Namespaces a stack may hold besides the project's: the providers the program uses (it pins its
    /// own AliCloud provider to the region, so `alicloud:` keys configure only the default provider)
    /// and Pulumi's own (`pulumi:tags`, `pulumi:disable-default-providers`).
    /// </summary>
    private static int _parses;

    /// <summary>How many JSON texts this process has parsed as config: each structured value once per load (the tests count).</summary>
    internal static int Parses => Volatile.Read(ref _parses);

    public static readonly ImmutableArray<string> ProviderNamespaces = ImmutableArray.Create("alicloud", "kubernetes", "pulumi");

    /// <summary>
    /// The config's problems, with every structured value's JSON text parsed here, once: the documents the
    /// configuration is layered from (<see cref="ParsedConfiguration"/>) and the secret keys' builders read.
    /// </summary>
    public static (ConfigDocuments Documents, IReadOnlyList<SpecError> Errors) Open(RawStackConfig raw)
    {
        var documents = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        var errors = Check(raw, documents).ToList();
        return (new ConfigDocuments(documents.ToImmutable()), errors);
    }

    private static IEnumerable<SpecError> Check(RawStackConfig raw, ImmutableSortedDictionary<string, JsonElement>.Builder documents)
    {
        var namespaces = ProviderNamespaces.Insert(0, ConfigKeys.Namespace);
        foreach (var (key, value) in raw.OtherNamespaces)
        {
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            var ns = colon < 0 ? key : key[..colon];
            if (ProviderNamespaces.Contains(ns))
                continue;
            yield return new SpecError(DiagnosticCatalogue.UnknownNamespace, key, Shorten(value),
                $"unknown namespace \"{ns}\", which the program does not read; {Suggestions.DidYouMean(ns, namespaces)}allowed: {ConfigKeys.Namespace}: keys, or a provider's ({string.Join(", ", ProviderNamespaces.Select(n => n + ":"))})");
        }

        foreach (var (key, value) in raw.Values)
        {
            if (value.Length > ConfigLimits.MaxValueChars)
            {
                yield return new SpecError(DiagnosticCatalogue.TooLarge, key, Mask(raw, key, Shorten(value)), $"a value of {value.Length} characters; allowed: at most {ConfigLimits.MaxValueChars}");
                continue;
            }
            foreach (var error in CheckJson(raw, key, value, documents))
                yield return error;
        }

        // BLINK_ variables: one per config path, whatever its case.
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in raw.Overrides)
        {
            var problems = UserText.Problems(value, isSecret: false).ToList();
            foreach (var problem in problems)
                yield return new SpecError(problem.Code, name, value, problem.Problem);
            if (problems.Count == 0 && value.Length > ConfigLimits.MaxScalarChars)
                yield return new SpecError(DiagnosticCatalogue.TooLarge, name, Shorten(value), $"a value of {value.Length} characters; allowed: at most {ConfigLimits.MaxScalarChars}");
            var path = name[ConfigKeys.EnvironmentPrefix.Length..];
            if (paths.TryGetValue(path, out var first))
                yield return new SpecError(DiagnosticCatalogue.DuplicateKey, name, Shorten(value), $"sets the same config path as {first} (case is ignored in config paths); allowed: one variable per path");
            else
                paths[path] = name;
        }
    }

    /// <summary>A structured value: no key twice in an object, case ignored; scalars and nesting bounded.</summary>
    private static IEnumerable<SpecError> CheckJson(RawStackConfig raw, string key, string text, ImmutableSortedDictionary<string, JsonElement>.Builder documents)
    {
        var start = text.AsSpan().TrimStart();
        if (start.IsEmpty || (start[0] != '{' && start[0] != '['))
        {
            var problems = ScalarProblems(raw, key, text).ToList();
            if (problems.Count > 0)
                return problems.Select(problem => new SpecError(problem.Code, key, Mask(raw, key, text), problem.Problem)).ToArray();
            if (text.Length > ConfigLimits.MaxScalarChars)
                return new[] { new SpecError(DiagnosticCatalogue.TooLarge, key, Mask(raw, key, Shorten(text)), $"a value of {text.Length} characters; allowed: at most {ConfigLimits.MaxScalarChars}") };
            return Array.Empty<SpecError>();
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = ConfigLimits.MaxDepth + 1 });
            Interlocked.Increment(ref _parses);
        }
        catch (JsonException e) when (e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            return new[] { new SpecError(DiagnosticCatalogue.TooLarge, key, "{…}", $"nested deeper than {ConfigLimits.MaxDepth} levels; allowed: the config's own shape") };
        }
        catch (JsonException)
        {
            // Not JSON: a plain value, bound as text and checked where it is used.
            return Array.Empty<SpecError>();
        }
        using (document)
        {
            var errors = new List<SpecError>();
            Walk(raw, key, document.RootElement, key, SectionType(key), errors);
            // A copy the document's disposal leaves intact (its bytes copied, not its text parsed again).
            documents[key] = document.RootElement.Clone();
            return errors;
        }
    }

    /// <summary>The type a section binds to (StackConfig's property), for paths spelled as ConfigShape spells them; null for other keys.</summary>
    private static Type? SectionType(string key)
        => key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal)
            ? typeof(StackConfig).GetProperties().FirstOrDefault(p => ConfigKeys.Camel(p.Name) == key[(ConfigKeys.Namespace.Length + 1)..])?.PropertyType
            : null;

    /// <summary>
    /// A child's path and type, following the config's shape: a map's entry as ["key"] (as ConfigShape names it),
    /// an object's property as .name, anything the shape does not know as .name or ["name"].
    /// </summary>
    private static (string Path, Type? Type) Child(string path, Type? type, string name)
    {
        var underlying = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (underlying is { IsGenericType: true } && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return ($"{path}[\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]", underlying.GetGenericArguments()[1]);
        var property = underlying?.GetProperties().FirstOrDefault(p => ConfigKeys.Camel(p.Name) == name);
        return (ChildPath(path, name), property?.PropertyType);
    }

    private static Type? ElementType(Type? type)
    {
        var underlying = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return underlying is { IsGenericType: true } && underlying.GetGenericTypeDefinition() == typeof(List<>) ? underlying.GetGenericArguments()[0] : null;
    }

    private static void Walk(RawStackConfig raw, string key, JsonElement element, string path, Type? type, List<SpecError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in element.EnumerateObject())
                {
                    var (childPath, childType) = Child(path, type, property.Name);
                    if (UserText.FirstControl(property.Name) is { } control)
                    {
                        errors.Add(new SpecError(DiagnosticCatalogue.ControlCharacter, childPath, Mask(raw, key, property.Value.ToString()),
                            $"the key's name holds the control character {UserText.Describe(control.Char)} at character {control.Index + 1}, which a terminal would act on and no setting takes; allowed: a key of printable characters, spelled as documented"));
                        continue;
                    }
                    if (seen.TryGetValue(property.Name, out var first))
                    {
                        errors.Add(new SpecError(DiagnosticCatalogue.DuplicateKey, childPath, Mask(raw, key, Shorten(property.Value.ToString())),
                            first == property.Name
                                ? "given twice; allowed: each key once"
                                : $"the same key as {first} when case is ignored, as the program's configuration reads keys; allowed: each key once, spelled as documented"));
                        continue;
                    }
                    seen[property.Name] = property.Name;
                    Walk(raw, key, property.Value, childPath, childType, errors);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    Walk(raw, key, item, $"{path}[{index++}]", ElementType(type), errors);
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                var problems = ScalarProblems(raw, key, text).ToList();
                if (problems.Count > 0)
                {
                    errors.AddRange(problems.Select(problem => new SpecError(problem.Code, path, Mask(raw, key, text), problem.Problem)));
                    break;
                }
                if (text.Length > ConfigLimits.MaxScalarChars)
                    errors.Add(new SpecError(DiagnosticCatalogue.TooLarge, path, Mask(raw, key, Shorten(text)), $"a value of {text.Length} characters; allowed: at most {ConfigLimits.MaxScalarChars}"));
                break;
        }
    }

    private static readonly System.Text.RegularExpressions.Regex PlainName = new("^[A-Za-z_][A-Za-z0-9_-]*\\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A key's path as `pulumi config set --path` takes it: `.name`, or `["a.b"]` for a name that is not a plain word.</summary>
    private static string ChildPath(string path, string name)
        => PlainName.IsMatch(name) ? $"{path}.{name}" : $"{path}[\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";

    /// <summary>
    /// A value's own problems, each its own error and before any length rule: a private key in a key that
    /// is not a secret, a control character (a secret's value is never inspected: it is never shown).
    /// </summary>
    private static IEnumerable<(DiagnosticEntry Code, string Problem)> ScalarProblems(RawStackConfig raw, string key, string text)
        => raw.SecretKeys.Contains(key) ? Array.Empty<(DiagnosticEntry, string)>() : UserText.Problems(text, isSecret: false);

    private static string Mask(RawStackConfig raw, string key, string value) => raw.SecretKeys.Contains(key) ? Secrets.Mask : value;

    /// <summary>A long value cut for a message.</summary>
    public static string Shorten(string value)
    {
        // Masked before it is cut: a cut would leave part of a key too short to be recognised.
        var masked = UserText.Mask(value);
        return masked.Length <= 60 ? masked : masked[..57] + "...";
    }
}
