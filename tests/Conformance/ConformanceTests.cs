using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using BlinkInfra.Plan;
using NUnit.Framework;

namespace BlinkInfra.Tests.Conformance;

/// <summary>
/// Keeps the offline SDK honest: every public line it has must be a line of the real packages' API
/// (offline-sdk/real-api.golden.txt, taken from ../shared/pulumi-api/), so code that compiles
/// against it compiles against the real packages.
/// </summary>
public class ConformanceTests
{
    public static string GoldenPath => Path.Combine(TestPaths.ProjectRoot, "offline-sdk", "real-api.golden.txt");

    /// <summary>../shared/pulumi-api beside the repository, where this workplace keeps the full listing.</summary>
    public static string SharedListingDirectory => TestPaths.Shared("pulumi-api");

    private static readonly string[] ListingFiles = { "Pulumi.api.txt", "Pulumi.AliCloud.api.txt", "Pulumi.Kubernetes.api.txt" };

    public static Assembly OfflineAssembly => typeof(Pulumi.Deployment).Assembly;

    /// <summary>Why the offline SDK's own checks do not run against the real packages.</summary>
    public const string NotInThisBuild = "it checks the offline SDK's own assembly, which a build against the real packages does not hold";

    public static HashSet<string> GoldenLines()
        => File.ReadLines(GoldenPath).Where(line => line.Length > 0 && !line.StartsWith('#')).ToHashSet(StringComparer.Ordinal);

    /// <summary>The offline lines the golden file lacks: each one a name, signature or token the real packages do not have.</summary>
    public static List<string> Offending(IEnumerable<string> offlineLines, HashSet<string> golden)
        => offlineLines.Where(line => !golden.Contains(line)).OrderBy(line => line, StringComparer.Ordinal).ToList();

    [Test, OfflineSdkOnly(NotInThisBuild)]
    public void Every_public_line_of_the_offline_sdk_is_a_line_of_the_real_api()
    {
        var offending = Offending(ApiListing.Lines(OfflineAssembly.GetExportedTypes()), GoldenLines());

        Assert.That(offending, Is.Empty,
            "The offline SDK has lines the real Pulumi API does not (misspelt input, wrong type token, extra member or wrong signature):\n  "
            + string.Join("\n  ", offending));
    }

    [Test, OfflineSdkOnly(NotInThisBuild)]
    public void Every_type_the_offline_sdk_mirrors_is_in_the_golden_file()
    {
        var goldenOwners = GoldenLines().Select(ListingLine.OwnerOf).ToHashSet(StringComparer.Ordinal);
        var missing = ApiListing.Lines(OfflineAssembly.GetExportedTypes())
            .Where(line => line.StartsWith("type ", StringComparison.Ordinal))
            .Select(ListingLine.OwnerOf)
            .Where(owner => !goldenOwners.Contains(owner))
            .ToList();

        Assert.That(missing, Is.Empty, "Regenerate the golden file (see offline-sdk/README.md) for: " + string.Join(", ", missing));
    }

    [Test, NeedsShared("pulumi-api", "the golden file is checked against it where it is")]
    public void Every_golden_line_is_in_the_full_listing_of_the_real_packages()
    {
        var listing = ListingFiles.SelectMany(file => File.ReadLines(Path.Combine(SharedListingDirectory, file))).ToHashSet(StringComparer.Ordinal);
        var unknown = GoldenLines().Where(line => !listing.Contains(line)).OrderBy(line => line, StringComparer.Ordinal).ToList();

        Assert.That(unknown, Is.Empty, "Golden lines the real listing does not have:\n  " + string.Join("\n  ", unknown));
    }

    /// <summary>
    /// Rewrites offline-sdk/real-api.golden.txt from ../shared/pulumi-api: every real line of every
    /// type the offline SDK mirrors, and the lines each placeholder declares. Run it after mirroring a new type:
    /// BLINKINFRA_UPDATE_GOLDEN=1 ./blink --sdk offline test --filter UpdateGolden
    /// </summary>
    [Test, Explicit("rewrites offline-sdk/real-api.golden.txt"), Category("UpdateGolden")]
    [NeedsVariable("BLINKINFRA_UPDATE_GOLDEN", "1", "set it to rewrite the golden file"), OfflineSdkOnly("the golden file lists what the offline SDK mirrors")]
    public void UpdateGolden()
    {
        var types = OfflineAssembly.GetExportedTypes();
        var mirrored = ApiListing.Lines(types.Where(t => !PlaceholderTests.IsPlaceholder(t)))
            .Where(line => line.StartsWith("type ", StringComparison.Ordinal))
            .Select(ListingLine.OwnerOf)
            .ToHashSet(StringComparer.Ordinal);
        // A placeholder (offline-sdk/Placeholders.g.cs) declares a name, not an API: only its own lines.
        var placeholderLines = ApiListing.Lines(types.Where(PlaceholderTests.IsPlaceholder)).ToHashSet(StringComparer.Ordinal);
        var sections = ListingFiles.Select(file => (file, lines: File.ReadLines(Path.Combine(SharedListingDirectory, file))
            .Where(line => mirrored.Contains(ListingLine.OwnerOf(line)) || placeholderLines.Contains(line))
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList())).ToList();

        using var writer = new StreamWriter(GoldenPath) { NewLine = "\n" };
        writer.WriteLine("# The real public API of every type BlinkInfra's offline SDK mirrors: facts taken line by line from");
        writer.WriteLine("# ../shared/pulumi-api/ (Pulumi 3.112.1, Pulumi.AliCloud 3.105.0, Pulumi.Kubernetes 4.32.0), in its format;");
        writer.WriteLine("# of each placeholder (Placeholders.g.cs) only the lines it declares.");
        writer.WriteLine("# Written by ConformanceTests.UpdateGolden; see offline-sdk/README.md.");
        foreach (var (file, lines) in sections.Where(s => s.lines.Count > 0))
        {
            writer.WriteLine($"# {file}");
            foreach (var line in lines)
                writer.WriteLine(line);
        }
    }
}
