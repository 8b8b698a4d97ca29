using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// What a config key allows and defaults to, written once beside the property that binds it: docs/config.md is
/// generated from these by reflection over <see cref="StackConfig"/> (tests/Docs/DocsTests.cs), so the reference
/// cannot drift from the schema. A property left without one is a child its parent's text describes. A number or list
/// the code holds is named, not copied: `{=AlibabaCloud.VswitchMinPrefixLength}` stands for the value of that constant
/// (<see cref="Render"/>), so the reference says what the rules check.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ConfigDocAttribute(string allowed) : Attribute
{
    /// <summary>What the key allows and means, in the reference's words (Markdown).</summary>
    public string Allowed { get; } = allowed;

    /// <summary>The default, or "(required)", as the reference says it (Markdown).</summary>
    public string Default { get; init; } = "none";
}

/// <summary>How <see cref="ConfigDocAttribute"/>'s texts name the code's values.</summary>
public static class ConfigDocText
{
    private static readonly Regex Token = new(@"\{=(?<type>[A-Za-z]+)\.(?<member>[A-Za-z]+)\}", RegexOptions.CultureInvariant);

    /// <summary>The classes whose constants a text may name: the facts and the model's own limits and defaults.</summary>
    private static readonly IReadOnlyDictionary<string, Type> Sources = new[]
    {
        typeof(AlibabaCloud), typeof(ClusterDefaults), typeof(ComputeUnits), typeof(DataDisks), typeof(EgressFirewall),
        typeof(SpecDefaults), typeof(ConfigLimits), typeof(OwnTags),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>
    /// The text with each `{=Class.Member}` replaced by the member's value: a number as written in code, a text as it is,
    /// a list as its items in backticks, joined by ", ". A name that is not one of <see cref="Sources"/>' public static
    /// members is refused, so the reference cannot name what is not there.
    /// </summary>
    public static string Render(string text)
        => Token.Replace(text, match =>
        {
            var name = $"{match.Groups["type"].Value}.{match.Groups["member"].Value}";
            if (!Sources.TryGetValue(match.Groups["type"].Value, out var type))
                throw new InvalidOperationException($"[ConfigDoc] names {name}, whose class is not among the ones a text may name ({string.Join(", ", Sources.Keys)})");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
            var member = (MemberInfo?)type.GetField(match.Groups["member"].Value, flags) ?? type.GetProperty(match.Groups["member"].Value, flags)
                ?? throw new InvalidOperationException($"[ConfigDoc] names {name}, which is no public static member");
            var value = member is FieldInfo field ? field.GetValue(null) : ((PropertyInfo)member).GetValue(null);
            return value switch
            {
                string single => single,
                IEnumerable items => string.Join(", ", items.Cast<object>().Select(item => $"`{Convert.ToString(item, CultureInfo.InvariantCulture)}`")),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
        });
}
