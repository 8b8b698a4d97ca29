using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.Configuration;
using NUnit.Framework;

namespace BlinkInfra.Tests.Config;

/// <summary>
/// The sections' configuration is laid out from the documents the front door parsed (ParsedConfiguration), never
/// from their text again: the layout must be the one Microsoft.Extensions.Configuration's JSON provider gives the
/// same text (paths, nulls, empty objects and lists, numbers as written, true and false), on which the typed read's
/// rules (a null as not given, an empty item refused) were written.
/// </summary>
public class ParsedConfigurationTests
{
    private static readonly Gen<string> Key = Gen.OneOfConst("a", "A", "b", "zones", "0", "1", "x y", "é", "nodes");

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.OneOfConst("null", "true", "false", "\"\"", "1.50", "-0", "1e3", "0.1"),
        Gen.Int[-5, 1000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.String[Gen.Char.AlphaNumeric, 0, 6].Select(s => JsonSerializer.Serialize(s)));

    private static Gen<string> Value(int depth)
        => depth == 0 ? Scalar : Gen.OneOf(Scalar, Object(depth - 1), List(depth - 1));

    private static Gen<string> List(int depth)
        => Value(depth).Array[0, 3].Select(items => "[" + string.Join(",", items) + "]");

    // Keys once per object, case ignored: the front door refuses a repeated one before any layout.
    private static Gen<string> Object(int depth)
        => Gen.Select(Key, Value(depth)).Array[0, 4].Select(properties => "{" + string.Join(",", properties
            .DistinctBy(p => p.Item1.ToUpperInvariant()).Select(p => JsonSerializer.Serialize(p.Item1) + ":" + p.Item2)) + "}");

    private static (string Key, string? Value, bool Held)[] Layout(IConfigurationRoot configuration)
    {
        var provider = configuration.Providers.Single();
        return configuration.AsEnumerable().OrderBy(kv => kv.Key, System.StringComparer.Ordinal)
            .Select(kv => (kv.Key, kv.Value, provider.TryGet(kv.Key, out _))).ToArray();
    }

    private static void AssertSameLayout(string section, string json)
    {
        var wrapped = $"{{{JsonSerializer.Serialize(section)}:{json}}}";
        var fromText = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(wrapped))).Build();
        using var document = JsonDocument.Parse(json);
        var fromDocument = new ConfigurationBuilder().Add(new ParsedConfiguration([(section, document.RootElement.Clone())])).Build();

        Assert.That(Layout(fromDocument), Is.EqualTo(Layout(fromText)), json);
    }

    [Test]
    public void A_parsed_document_is_laid_out_as_the_JSON_provider_lays_out_its_text()
    {
        Object(3).Sample(json => AssertSameLayout("network", json), iter: 2000);
    }

    [TestCase("dev")]
    [TestCase("gpu-shanghai")]
    [TestCase("prod-hangzhou")]
    public void An_example_stacks_sections_are_laid_out_as_the_JSON_provider_lays_them_out(string stack)
    {
        var raw = StackFile.Load(TestPaths.ExampleStack(stack)).ToRaw();
        var sections = ConfigKeys.BoundSections.Where(s => raw.Values.ContainsKey(ConfigKeys.Section(s))).ToList();

        Assert.That(sections, Does.Contain("network").And.Contain("compute"));
        foreach (var section in sections)
            AssertSameLayout(section, raw.Values[ConfigKeys.Section(section)]);
    }

    /// <summary>
    /// The typed read fills a list or map where the config class's initialiser made it (ConfigShape.Read): the native
    /// CLI keeps no parameterless constructor of a generic collection for reflection to call, so each must start made.
    /// </summary>
    [Test]
    public void Every_list_and_map_of_the_config_starts_empty_for_the_read_to_fill()
    {
        var unmade = typeof(StackConfig).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(StackConfig).Namespace && t.Name.EndsWith("Config", System.StringComparison.Ordinal) && t.GetConstructor(System.Type.EmptyTypes) is not null)
            .SelectMany(t => t.GetProperties().Where(p => (typeof(System.Collections.IList).IsAssignableFrom(p.PropertyType) || typeof(System.Collections.IDictionary).IsAssignableFrom(p.PropertyType)) && p.CanWrite)
                .Where(p => p.GetValue(System.Activator.CreateInstance(t)) is null)
                .Select(p => $"{t.Name}.{p.Name}"));

        Assert.That(unmade, Is.Empty);
    }
}
