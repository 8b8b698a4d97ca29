using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace BlinkInfra.Config;

/// <summary>
/// Reads the configuration tree into <see cref="StackConfig"/> in one pass that checks each value's shape as it
/// reads it, the one typed parse of the config: unknown keys, a value where an object or list belongs (or the
/// reverse), and values that are not numbers or booleans where those are expected, each named by its key; every
/// value converted to its type once (a whole number read from the text is the number the spec holds). A section
/// with any of these errors is left out (null), so nothing later judges or builds on a half-read section.
/// </summary>
public static class ConfigShape
{
    private static readonly ConcurrentDictionary<string, int> ConversionsByKey = new(StringComparer.Ordinal);

    /// <summary>How many times this process has converted a config key's text to its value (a number, a boolean, an <see cref="IConfigValue"/>): once per load (the tests count).</summary>
    internal static int ConversionsOf(string key) => ConversionsByKey.GetValueOrDefault(key);

    /// <summary>Every key converted so far, with its count (the tests compare before and after a run).</summary>
    internal static IReadOnlyDictionary<string, int> Conversions => new Dictionary<string, int>(ConversionsByKey, StringComparer.Ordinal);

    private static void Count(string key) => ConversionsByKey.AddOrUpdate(key, 1, (_, count) => count + 1);

    /// <summary>The config's sections, read; errors are added to <paramref name="errors"/>.</summary>
    public static StackConfig Read(IConfiguration configuration, List<SpecError> errors)
    {
        var config = new StackConfig();
        foreach (var property in typeof(StackConfig).GetProperties())
        {
            var section = configuration.GetSection(property.Name);
            if (!section.Exists())
                continue;
            var before = errors.Count;
            var value = ReadValue(section, property.PropertyType, ConfigKeys.Section(ConfigKeys.Camel(property.Name)), errors);
            if (errors.Count == before)
                property.SetValue(config, value);
        }
        return config;
    }

    /// <summary>
    /// Top-level keys of the namespace that BlinkInfra does not read, secrets among them (one that could not be
    /// decrypted here is among <see cref="RawStackConfig.SecretKeys"/> only): a secret's value is never shown.
    /// </summary>
    public static IEnumerable<SpecError> CheckSections(RawStackConfig raw)
        => raw.Values.Keys.Concat(raw.SecretKeys).Distinct(StringComparer.Ordinal)
            .Where(key => key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal)
                          && !ConfigKeys.Sections.Contains(key[(ConfigKeys.Namespace.Length + 1)..]))
            .OrderBy(key => key, StringComparer.Ordinal)
            .Select(key => new SpecError(DiagnosticCatalogue.UnknownKey, key,
                raw.SecretKeys.Contains(key) ? Secrets.Mask : Shorten(raw.Values[key]),
                $"unknown key; {Suggestions.DidYouMean(key[(ConfigKeys.Namespace.Length + 1)..], ConfigKeys.Sections)}allowed keys under {ConfigKeys.Namespace}: {string.Join(", ", ConfigKeys.Sections)}"));

    /// <summary>The allowed keys of a section, for messages.</summary>
    public static string AllowedKeys(string section)
        => string.Join(", ", typeof(StackConfig).GetProperty(section, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!
            .PropertyType.GetProperties().Select(p => ConfigKeys.Camel(p.Name)));

    private static string Shorten(string value) => ConfigFrontDoor.Shorten(value);

    /// <summary>
    /// One value of <paramref name="type"/> read from its section, with its shape's errors; null where the section
    /// gives none (a JSON null, an empty object), as not given.
    /// </summary>
    private static object? ReadValue(IConfigurationSection section, Type type, string key, List<SpecError> errors, object? collection = null)
    {
        var children = section.GetChildren().ToList();
        var underlying = Nullable.GetUnderlyingType(type) ?? type;

        if (IsScalar(underlying))
        {
            if (children.Count > 0)
            {
                errors.Add(new SpecError(DiagnosticCatalogue.WrongShape, key, "{…}", $"a single value belongs here; allowed: {Describe(underlying)}"));
                return null;
            }
            if (underlying == typeof(string))
                return section.Value;
            // A value of a format of its own, even an empty one, is parsed as given, by its type; the section's validator
            // reports what it is not.
            if (ValueParsers.TryGetValue(underlying, out var parse))
            {
                if (section.Value is not { } given)
                    return null;
                Count(key);
                return parse(given);
            }
            // An empty value is no value, as for a key left out.
            if (section.Value is not { Length: > 0 } text)
                return null;
            Count(key);
            if (ScalarOf(text, underlying) is { } converted)
                return converted;
            errors.Add(new SpecError(DiagnosticCatalogue.WrongType, key, text, $"not {Describe(underlying)}; allowed: {Describe(underlying)}"));
            return null;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            if (children.Count == 0 && !string.IsNullOrEmpty(section.Value))
            {
                errors.Add(new SpecError(DiagnosticCatalogue.WrongShape, key, section.Value, "a map of names to values belongs here"));
                return null;
            }
            var valueType = underlying.GetGenericArguments()[1];
            var map = (IDictionary)(collection ?? Activator.CreateInstance(underlying)!);
            foreach (var child in children)
            {
                var childKey = $"{key}[\"{child.Key}\"]";
                // Microsoft.Extensions.Configuration splits keys at ':', so "a:b" arrives as a map "a" holding "b".
                if (child.GetChildren().Any())
                {
                    errors.Add(new SpecError(DiagnosticCatalogue.WrongShape, childKey, "{…}", $"a single value belongs here, and a key cannot contain ':'; allowed: {Describe(valueType)}"));
                    continue;
                }
                if (child.Value is null)
                {
                    errors.Add(new SpecError(DiagnosticCatalogue.WrongShape, childKey, "null", $"an empty value; allowed: {Describe(valueType)}"));
                    continue;
                }
                map[child.Key] = ReadValue(child, valueType, childKey, errors);
            }
            return map;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (children.Count == 0 && !string.IsNullOrEmpty(section.Value))
            {
                errors.Add(new SpecError(DiagnosticCatalogue.WrongShape, key, section.Value, "a list belongs here"));
                return null;
            }
            var elementType = underlying.GetGenericArguments()[0];
            var list = (IList)(collection ?? Activator.CreateInstance(underlying)!);
            foreach (var child in children.OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
            {
                if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    errors.Add(new SpecError(DiagnosticCatalogue.WrongShape, $"{key}.{child.Key}", child.Value ?? "{…}", "a list belongs here, not a map"));
                    continue;
                }
                // A null or empty item where an object belongs reads as nothing the validators could name.
                if (!IsScalar(Nullable.GetUnderlyingType(elementType) ?? elementType) && !child.GetChildren().Any())
                {
                    errors.Add(new SpecError(DiagnosticCatalogue.WrongShape, $"{key}[{index}]", child.Value ?? "null", $"an empty item; allowed: an object with keys {string.Join(", ", elementType.GetProperties().Select(p => ConfigKeys.Camel(p.Name)))}"));
                    continue;
                }
                if (IsScalar(elementType) && child.Value is null)
                {
                    errors.Add(new SpecError(DiagnosticCatalogue.WrongShape, $"{key}[{index}]", "null", $"an empty item; allowed: {Describe(elementType)}"));
                    continue;
                }
                list.Add(ReadValue(child, elementType, $"{key}[{index}]", errors));
            }
            return list;
        }

        var properties = underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var allowed = string.Join(", ", properties.Select(p => ConfigKeys.Camel(p.Name)));
        if (children.Count == 0)
        {
            if (!string.IsNullOrEmpty(section.Value))
                errors.Add(new SpecError(DiagnosticCatalogue.WrongShape, key, section.Value, $"an object belongs here; allowed keys: {allowed}"));
            return null;
        }

        var item = Activator.CreateInstance(underlying)!;
        foreach (var child in children)
        {
            // Keys are spelled as documented: Microsoft.Extensions.Configuration ignores case, but a stack's keys
            // are case-sensitive everywhere else (Pulumi, the docs, the messages).
            var property = properties.FirstOrDefault(p => ConfigKeys.Camel(p.Name) == child.Key);
            if (property == null)
            {
                var names = properties.Select(p => ConfigKeys.Camel(p.Name));
                errors.Add(new SpecError(DiagnosticCatalogue.UnknownKey, $"{key}.{child.Key}", child.Value ?? "{…}", $"unknown key; {Suggestions.DidYouMean(child.Key, names)}allowed keys under {key}: {allowed}"));
                continue;
            }
            // A key given as null (or an empty object) is as if left out: the property keeps its default.
            if (!child.Exists())
                continue;
            // A list or map is filled where the class's initialiser made it: the native build keeps no parameterless
            // constructor of a generic collection for reflection to call.
            var current = property.GetValue(item);
            var made = current is IList or IDictionary ? current : null;
            property.SetValue(item, ReadValue(child, property.PropertyType, $"{key}.{ConfigKeys.Camel(property.Name)}", errors, made));
        }
        return item;
    }

    /// <summary>
    /// The config's values of a format of their own (<see cref="IConfigValue"/>), each parsed by its type's Parse: named
    /// here, not found by reflection, so the native build keeps each Parse as it is called.
    /// </summary>
    private static readonly Dictionary<Type, Func<string, IConfigValue>> ValueParsers = new()
    {
        [typeof(CidrValue)] = CidrValue.Parse,
        [typeof(HostPortValue)] = HostPortValue.Parse,
        [typeof(PortRangeValue)] = PortRangeValue.Parse,
        [typeof(HostValue)] = HostValue.Parse,
        [typeof(RoleArnValue)] = RoleArnValue.Parse,
        [typeof(KubernetesVersionValue)] = KubernetesVersionValue.Parse,
        [typeof(StartTimeValue)] = StartTimeValue.Parse,
        [typeof(BillingValue)] = BillingValue.Parse,
        [typeof(EnforcementLevelValue)] = EnforcementLevelValue.Parse,
        [typeof(MachineKindValue)] = MachineKindValue.Parse,
    };

    /// <summary>The types of <see cref="IConfigValue"/> the read parses (a test holds every such type to a row here).</summary>
    internal static IReadOnlyCollection<Type> ValueTypes => ValueParsers.Keys;

    private static bool IsScalar(Type type)
        => type == typeof(string) || type == typeof(int) || type == typeof(bool) || type == typeof(double) || ValueParsers.ContainsKey(type);

    /// <summary>The value of a scalar's text, or null where it is not one.</summary>
    private static object? ScalarOf(string value, Type type)
        => type == typeof(int) ? (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : null)
            : type == typeof(bool) ? (bool.TryParse(value, out var flag) ? flag : null)
            : type == typeof(double) ? (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null)
            : value;

    private static string Describe(Type type)
        => type == typeof(int) ? "a whole number"
            : type == typeof(bool) ? "true or false"
            : type == typeof(double) ? "a number"
            : "a string";
}
