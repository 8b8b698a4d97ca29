using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using BlinkInfra.Plan;
using NUnit.Framework;

namespace BlinkInfra.Tests.Conformance;

/// <summary>
/// offline-sdk/Placeholders.g.cs is what <see cref="PlaceholderGenerator"/> writes from the real listing
/// for the namespaces the code imports: a new <c>using Pulumi…;</c> line, a newly mirrored type or a
/// changed listing fails here until the file is regenerated.
/// </summary>
public class PlaceholderTests
{
    public const string PlaceholderAttributeName = "Pulumi.Offline.PlaceholderAttribute";

    public static bool IsPlaceholder(Type type)
        => type.GetCustomAttributesData().Any(a => a.AttributeType.FullName == PlaceholderAttributeName);

    /// <summary>The offline SDK's own types (not placeholders), named as the listing names them.</summary>
    private static HashSet<string> MirroredTypeNames()
        => ApiListing.Lines(ConformanceTests.OfflineAssembly.GetExportedTypes().Where(t => !IsPlaceholder(t)))
            .Where(line => line.StartsWith("type ", StringComparison.Ordinal))
            .Select(ListingLine.OwnerOf)
            .ToHashSet(StringComparer.Ordinal);

    private static string Generated()
    {
        var listing = PlaceholderGenerator.ListingFiles
            .SelectMany(file => File.ReadLines(Path.Combine(ConformanceTests.SharedListingDirectory, file)))
            .ToList();
        return PlaceholderGenerator.Generate(PlaceholderGenerator.ImportedNamespaces(TestPaths.ProjectRoot), listing, MirroredTypeNames());
    }

    [Test]
    public void Every_imported_pulumi_namespace_is_one_the_placeholder_file_covers()
    {
        var header = File.ReadLines(PlaceholderGenerator.FilePath).Single(l => l.StartsWith("// Imported namespaces: ", StringComparison.Ordinal));
        var covered = header["// Imported namespaces: ".Length..].Split(", ");

        Assert.That(PlaceholderGenerator.ImportedNamespaces(TestPaths.ProjectRoot), Is.EquivalentTo(covered),
            "a `using Pulumi...;` line was added or removed: regenerate offline-sdk/Placeholders.g.cs (see offline-sdk/README.md)");
    }

    [Test, OfflineSdkOnly(ConformanceTests.NotInThisBuild), NeedsShared("pulumi-api", "the placeholders are checked against it where it is")]
    public void The_placeholder_file_is_what_the_generator_writes_from_the_real_listing()
    {
        Assert.That(File.ReadAllText(PlaceholderGenerator.FilePath), Is.EqualTo(Generated()),
            "offline-sdk/Placeholders.g.cs is out of date: BLINKINFRA_UPDATE_PLACEHOLDERS=1 ./blink --sdk offline test --filter Category=UpdatePlaceholders");
    }

    [Test, OfflineSdkOnly(ConformanceTests.NotInThisBuild)]
    public void A_placeholder_has_no_public_member()
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var placeholders = ConformanceTests.OfflineAssembly.GetExportedTypes().Where(IsPlaceholder).ToList();
        var withMembers = placeholders
            .Where(t => !t.IsSubclassOf(typeof(Delegate)) && !t.IsSubclassOf(typeof(Attribute)) && !t.IsEnum)
            .Where(t => t.GetMembers(flags).Any())
            .Select(t => t.FullName)
            .ToList();

        Assert.That(placeholders, Is.Not.Empty);
        Assert.That(withMembers, Is.Empty, "placeholders are names only");
    }

    /// <summary>Rewrites offline-sdk/Placeholders.g.cs from ../shared/pulumi-api for the imported namespaces.</summary>
    [Test, Explicit("rewrites offline-sdk/Placeholders.g.cs"), Category("UpdatePlaceholders")]
    [NeedsVariable("BLINKINFRA_UPDATE_PLACEHOLDERS", "1", "set it to rewrite the placeholders"), OfflineSdkOnly("the placeholders are part of the offline SDK")]
    public void UpdatePlaceholders()
    {
        File.WriteAllText(PlaceholderGenerator.FilePath, Generated());
    }
}
