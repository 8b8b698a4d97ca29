using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace BlinkInfra.Config;

/// <summary>
/// Checks the configuration tree against the shape of <see cref="StackConfig"/> before binding:
/// unknown keys, a value where an object or list belongs (or the reverse), and values that are not
/// numbers or booleans where those are expected. The binder would ignore the first and throw on the
/// last without naming the key; this names it.
/// </summary>
public static class ConfigShape
{
    public static IEnumerable<SpecError> Check(IConfiguration configuration)
    {
        foreach (var property in typeof(StackConfig).GetProperties())
        {
            var section = configuration.GetSection(property.Name);
            if (section.Exists())
            {
                foreach (var error in CheckValue(section, property.PropertyType, ConfigKeys.Section(ConfigKeys.Camel(property.Name))))
                    yield return error;
            }
        }
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

    private static IEnumerable<SpecError> CheckValue(IConfigurationSection section, Type type, string key)
    {
        var children = section.GetChildren().ToList();
        var underlying = Nullable.GetUnderlyingType(type) ?? type;

        if (IsScalar(underlying))
        {
            if (children.Count > 0)
                yield return new SpecError(DiagnosticCatalogue.WrongShape, key, "{…}", $"a single value belongs here; allowed: {Describe(underlying)}");
            else if (section.Value is { Length: > 0 } value && !Converts(value, underlying))
                yield return new SpecError(DiagnosticCatalogue.WrongType, key, value, $"not {Describe(underlying)}; allowed: {Describe(underlying)}");
            yield break;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            if (children.Count == 0 && !string.IsNullOrEmpty(section.Value))
            {
                yield return new SpecError(DiagnosticCatalogue.WrongShape, key, section.Value, "a map of names to values belongs here");
                yield break;
            }
            var valueType = underlying.GetGenericArguments()[1];
            foreach (var child in children)
            {
                // Microsoft.Extensions.Configuration splits keys at ':', so "a:b" arrives as a map "a" holding "b".
                if (child.GetChildren().Any())
                {
                    yield return new SpecError(DiagnosticCatalogue.WrongShape, $"{key}[\"{child.Key}\"]", "{…}", $"a single value belongs here, and a key cannot contain ':'; allowed: {Describe(valueType)}");
                    continue;
                }
                if (child.Value is null)
                {
                    yield return new SpecError(DiagnosticCatalogue.WrongShape, $"{key}[\"{child.Key}\"]", "null", $"an empty value; allowed: {Describe(valueType)}");
                    continue;
                }
                foreach (var error in CheckValue(child, valueType, $"{key}[\"{child.Key}\"]"))
                    yield return error;
            }
            yield break;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (children.Count == 0 && !string.IsNullOrEmpty(section.Value))
            {
                yield return new SpecError(DiagnosticCatalogue.WrongShape, key, section.Value, "a list belongs here");
                yield break;
            }
            var elementType = underlying.GetGenericArguments()[0];
            foreach (var child in children.OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
            {
                if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    yield return new SpecError(DiagnosticCatalogue.WrongShape, $"{key}.{child.Key}", child.Value ?? "{…}", "a list belongs here, not a map");
                    continue;
                }
                // A null or empty item where an object belongs binds to nothing the validators could name.
                if (!IsScalar(Nullable.GetUnderlyingType(elementType) ?? elementType) && !child.GetChildren().Any())
                {
                    yield return new SpecError(DiagnosticCatalogue.WrongShape, $"{key}[{index}]", child.Value ?? "null", $"an empty item; allowed: an object with keys {string.Join(", ", elementType.GetProperties().Select(p => ConfigKeys.Camel(p.Name)))}");
                    continue;
                }
                if (IsScalar(elementType) && child.Value is null)
                {
                    yield return new SpecError(DiagnosticCatalogue.WrongShape, $"{key}[{index}]", "null", $"an empty item; allowed: {Describe(elementType)}");
                    continue;
                }
                foreach (var error in CheckValue(child, elementType, $"{key}[{index}]"))
                    yield return error;
            }
            yield break;
        }

        var properties = underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var allowed = string.Join(", ", properties.Select(p => ConfigKeys.Camel(p.Name)));
        if (children.Count == 0 && !string.IsNullOrEmpty(section.Value))
        {
            yield return new SpecError(DiagnosticCatalogue.WrongShape, key, section.Value, $"an object belongs here; allowed keys: {allowed}");
            yield break;
        }

        foreach (var child in children)
        {
            // Keys are spelled as documented: the binder would take "Region" for "region", but a
            // stack's keys are case-sensitive everywhere else (Pulumi, the docs, the messages).
            var property = properties.FirstOrDefault(p => ConfigKeys.Camel(p.Name) == child.Key);
            if (property == null)
            {
                var names = properties.Select(p => ConfigKeys.Camel(p.Name));
                yield return new SpecError(DiagnosticCatalogue.UnknownKey, $"{key}.{child.Key}", child.Value ?? "{…}", $"unknown key; {Suggestions.DidYouMean(child.Key, names)}allowed keys under {key}: {allowed}");
                continue;
            }
            foreach (var error in CheckValue(child, property.PropertyType, $"{key}.{ConfigKeys.Camel(property.Name)}"))
                yield return error;
        }
    }

    private static bool IsScalar(Type type)
        => type == typeof(string) || type == typeof(int) || type == typeof(bool) || type == typeof(double);

    private static bool Converts(string value, Type type)
        => type == typeof(string)
           || (type == typeof(int) && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
           || (type == typeof(bool) && bool.TryParse(value, out _))
           || (type == typeof(double) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    private static string Describe(Type type)
        => type == typeof(int) ? "a whole number"
            : type == typeof(bool) ? "true or false"
            : type == typeof(double) ? "a number"
            : "a string";
}
