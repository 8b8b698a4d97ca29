using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace BlinkInfra.Tests.Conformance;

/// <summary>
/// A simple name that two imported namespaces of the real packages share cannot be used unqualified:
/// against the real packages that is error CS0104. Probes are compiled here against the Pulumi
/// assemblies this build uses, so offline the placeholders (offline-sdk/Placeholders.g.cs) must make
/// the compiler refuse them too; remove a placeholder behind such a name and a test here fails.
/// </summary>
public class AmbiguousNameTests
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(new[] { typeof(Pulumi.Deployment), typeof(Pulumi.AliCloud.Provider), typeof(Pulumi.Kubernetes.Provider) }.Select(t => t.Assembly.Location))
            .Where(path => path.Length > 0)
            .DistinctBy(Path.GetFileName);
        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    });

    /// <summary>The errors of compiling each probe, by probe.</summary>
    private static List<string[]> Compile(IReadOnlyList<string> probes)
    {
        var trees = probes.Select(p => CSharpSyntaxTree.ParseText(p)).ToList();
        var compilation = CSharpCompilation.Create("Probes", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return trees.Select(tree => errors.Where(e => e.Location.SourceTree == tree).Select(e => $"{e.Id}: {e.GetMessage()}").ToArray()).ToList();
    }

    private static string Probe(int index, IEnumerable<string> usings, string typeName)
        => string.Concat(usings.Select(u => $"using {u};\n"))
           + $"namespace Probe{index} {{ internal static class P {{ internal static System.Type T() => typeof({typeName}); }} }}\n";

    [Test]
    public void BucketVersioningArgs_with_both_oss_namespaces_imported_is_ambiguous()
    {
        var errors = Compile(new[] { Probe(0, new[] { "Pulumi.AliCloud.Oss", "Pulumi.AliCloud.Oss.Inputs" }, "BucketVersioningArgs") }).Single();

        Assert.That(errors, Has.Length.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("CS0104: 'BucketVersioningArgs' is an ambiguous reference between 'Pulumi.AliCloud.Oss.Inputs.BucketVersioningArgs' and 'Pulumi.AliCloud.Oss.BucketVersioningArgs'")
            .Or.StartWith("CS0104: 'BucketVersioningArgs' is an ambiguous reference between 'Pulumi.AliCloud.Oss.BucketVersioningArgs' and 'Pulumi.AliCloud.Oss.Inputs.BucketVersioningArgs'"));
    }

    [Test]
    public void The_same_name_compiles_with_one_of_the_namespaces_imported_or_qualified()
    {
        var errors = Compile(new[]
        {
            Probe(0, new[] { "Pulumi.AliCloud.Oss.Inputs" }, "BucketVersioningArgs"),
            Probe(1, new[] { "Pulumi.AliCloud.Oss", "Pulumi.AliCloud.Oss.Inputs" }, "Pulumi.AliCloud.Oss.Inputs.BucketVersioningArgs"),
        });

        Assert.That(errors.SelectMany(e => e), Is.Empty);
    }

    [Test, NeedsShared("pulumi-api", "the shared names are read from it where it is")]
    public void Every_simple_name_two_imported_namespaces_share_is_ambiguous()
    {
        // Every (name, arity) the real packages have in more than one namespace the code imports.
        var imported = PlaceholderGenerator.ImportedNamespaces(TestPaths.ProjectRoot);
        var shared = PlaceholderGenerator.ListingFiles
            .SelectMany(file => File.ReadLines(Path.Combine(ConformanceTests.SharedListingDirectory, file)))
            .Where(line => line.StartsWith("type ", StringComparison.Ordinal))
            .Select(PlaceholderGenerator.ParseTypeLine)
            .Where(t => !t.IsNested && imported.Contains(t.Namespace))
            .GroupBy(t => (t.SimpleName, t.TypeParameters.Length))
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key.SimpleName, StringComparer.Ordinal)
            .ToList();
        var probes = shared.Select((g, i) => Probe(i, g.Select(t => t.Namespace),
            g.Key.SimpleName + (g.Key.Length == 0 ? "" : "<" + new string(',', g.Key.Length - 1) + ">"))).ToList();

        var errors = Compile(probes);

        Assert.That(shared, Has.Count.GreaterThanOrEqualTo(10), "BucketVersioningArgs, Role, RoleArgs, Alias, CustomResource, ... are shared");
        var notAmbiguous = shared.Where((g, i) => !errors[i].Any(e => e.StartsWith("CS0104: ", StringComparison.Ordinal)))
            .Select(g => $"{g.Key.SimpleName} ({string.Join(", ", g.Select(t => t.Namespace))})")
            .ToList();
        Assert.That(notAmbiguous, Is.Empty, "names the real packages make ambiguous but this build does not (a missing placeholder?)");
    }
}
