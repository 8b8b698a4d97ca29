using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace BlinkInfra.Tests.Architecture;

/// <summary>
/// The rings the build keeps (Directory.Build.targets, README Layout), seen from the outside: the table
/// as the build reads it, the assemblies as they were built, and probes compiled with Roslyn against
/// what each ring's project can see, so a reference against the direction is shown to fail to compile.
/// The build itself refuses a ProjectReference against the table (BLINK0002); these tests say what
/// that table means and that the built assemblies keep it.
/// </summary>
public class RingTests
{
    /// <summary>A project of the table: the projects it may reference and whether it compiles against Pulumi.</summary>
    public sealed record Ring(string Project, string Name, ImmutableArray<string> MayReference, bool UsesPulumi);

    /// <summary>The ring table, read from Directory.Build.targets as MSBuild would expand it.</summary>
    public static readonly Lazy<ImmutableDictionary<string, Ring>> Table = new(() =>
    {
        var document = XDocument.Load(Path.Combine(TestPaths.ProjectRoot, "Directory.Build.targets"));
        var groups = document.Root!.Elements("PropertyGroup").ToList();
        var shared = groups.First(g => g.Attribute("Condition") is null).Elements().ToDictionary(e => e.Name.LocalName, e => e.Value.Trim());
        string Expand(string value) => Regex.Replace(value, @"\$\((\w+)\)", m => shared.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        var rings = ImmutableDictionary.CreateBuilder<string, Ring>();
        foreach (var group in groups)
        {
            var condition = group.Attribute("Condition")?.Value;
            if (condition is null || Regex.Match(condition, @"^'\$\(MSBuildProjectName\)' == '([\w.]+)'$") is not { Success: true } match)
                continue;
            var project = match.Groups[1].Value;
            string Value(string name) => Expand(group.Element(name)?.Value.Trim() ?? "");
            rings[project] = new Ring(project, Value("BlinkRing"),
                Value("BlinkMayReference").Split(';', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray(),
                Value("BlinkUsesPulumi") == "true");
        }
        return rings.ToImmutable();
    });

    /// <summary>Every project the ring may reference, directly or through the projects it references.</summary>
    public static ImmutableHashSet<string> Below(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Table.Value[project].MayReference);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
                foreach (var further in Table.Value[next].MayReference)
                    pending.Push(further);
        }
        return seen.ToImmutableHashSet();
    }

    /// <summary>Whether the project sees the Pulumi SDK: its own, or a project's below it.</summary>
    private static bool SeesPulumi(string project) => Table.Value[project].UsesPulumi || Below(project).Any(p => Table.Value[p].UsesPulumi);

    private static bool IsPulumi(string assembly) => assembly == "Pulumi" || assembly.StartsWith("Pulumi.", StringComparison.Ordinal);

    /// <summary>The assemblies of the program and its rings, as built beside the tests.</summary>
    private static readonly string[] ProgramAssemblies =
        ["BlinkInfra.Facts", "BlinkInfra.Config", "BlinkInfra.Stacks", "BlinkInfra.Program", "BlinkInfra.Plan", "BlinkInfra.State", "BlinkInfra.Diff", "BlinkInfra.Policies", "BlinkInfra.Tools", "BlinkInfra"];

    [Test]
    public void The_table_knows_every_assembly_and_its_references_point_one_way()
    {
        Assert.That(Table.Value.Keys, Is.SupersetOf(ProgramAssemblies));
        Assert.That(Table.Value.Values.Select(r => r.Name).Distinct(), Is.EquivalentTo(new[] { "model", "program", "records", "policies", "tools", "host", "sdk", "tests" }));
        var cycles = Table.Value.Keys.Where(p => Below(p).Contains(p)).ToList();
        Assert.That(cycles, Is.Empty, "a project that may reference itself through others");
        Assert.That(Table.Value.Values.Where(r => r.MayReference.Any(m => !Table.Value.ContainsKey(m))).Select(r => r.Project), Is.Empty, "a reference to a project the table does not know");
    }

    [TestCase("BlinkInfra.Facts", new string[0])]
    [TestCase("BlinkInfra.Config", new[] { "BlinkInfra.Facts" })]
    [TestCase("BlinkInfra.Program", new[] { "BlinkInfra.Facts", "BlinkInfra.Config" })]
    [TestCase("BlinkInfra.Policies", new[] { "BlinkInfra.Facts", "BlinkInfra.Config", "BlinkInfra.Plan", "BlinkInfra.State", "BlinkInfra.Diff" })]
    public void What_a_ring_may_reference(string project, string[] below)
    {
        Assert.That(Below(project), Is.EquivalentTo(below));
    }

    [Test]
    public void Only_the_program_the_tools_and_the_host_see_the_pulumi_sdk()
    {
        Assert.That(ProgramAssemblies.Where(SeesPulumi), Is.EquivalentTo(new[] { "BlinkInfra.Program", "BlinkInfra.Tools", "BlinkInfra" }));
        Assert.That(SeesPulumi("BlinkInfra.Model.Tests"), Is.False, "the model's tests cannot reach Pulumi");
    }

    [Test]
    public void Each_built_assembly_references_only_what_its_ring_may()
    {
        var wrong = new List<string>();
        foreach (var name in ProgramAssemblies)
        {
            var allowed = Below(name);
            var references = Assembly.Load(new AssemblyName(name)).GetReferencedAssemblies().Select(r => r.Name!).ToList();
            wrong.AddRange(references.Where(r => r.StartsWith("BlinkInfra", StringComparison.Ordinal) && !allowed.Contains(r)).Select(r => $"{name} references {r}"));
            if (!SeesPulumi(name))
                wrong.AddRange(references.Where(IsPulumi).Select(r => $"{name} references the Pulumi SDK ({r})"));
        }

        Assert.That(wrong, Is.Empty);
    }

    /// <summary>Every project file of BlinkInfra's, relative to the root (build outputs and Node's packages left out).</summary>
    private static List<string> ProjectFiles()
        => Directory.GetFiles(TestPaths.ProjectRoot, "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.ProjectRoot, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or ".git"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The items of one kind a project file names, with their conditions (the ItemGroup's).</summary>
    private static List<(string Include, string Condition)> Items(string projectFile, string kind)
        => XDocument.Load(Path.Combine(TestPaths.ProjectRoot, projectFile)).Root!.Elements("ItemGroup")
            .SelectMany(group => group.Elements(kind).Select(item => (item.Attribute("Include")?.Value ?? "", group.Attribute("Condition")?.Value ?? "")))
            .ToList();

    // The project files as written, before any build: the same table the build's check (BLINK0001 to
    // BLINK0003) applies, so a reference against the direction shows here by name without building.
    [Test]
    public void Each_project_file_references_only_what_its_ring_may()
    {
        var files = ProjectFiles();
        Assert.That(files, Is.SupersetOf(new[] { "BlinkInfra.csproj", "infra/BlinkInfra.Program.csproj", "infra/Config/BlinkInfra.Config.csproj", "policies/BlinkInfra.Policies.csproj", "tools/BlinkInfra.Tools.csproj" }));

        var wrong = new List<string>();
        foreach (var file in files)
        {
            var project = Path.GetFileNameWithoutExtension(file);
            if (!Table.Value.TryGetValue(project, out var ring))
            {
                wrong.Add($"{file}: in no ring of Directory.Build.targets");
                continue;
            }
            foreach (var (include, _) in Items(file, "ProjectReference"))
            {
                var referenced = Path.GetFileNameWithoutExtension(include.Replace('\\', '/'));
                if (!ring.MayReference.Contains(referenced))
                    wrong.Add($"{file} ({ring.Name}) references {referenced}; it may reference {string.Join(", ", ring.MayReference.DefaultIfEmpty("nothing of BlinkInfra"))}");
            }
            // The SDK is given by Directory.Build.targets alone, to the projects that set BlinkUsesPulumi.
            foreach (var (include, _) in Items(file, "PackageReference").Where(item => IsPulumi(item.Include)))
                wrong.Add($"{file} names the Pulumi package {include}: Directory.Build.targets gives the SDK to the rings on it");
        }

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void The_solution_the_tests_run_lists_every_project_but_the_offline_sdk()
    {
        var solution = XDocument.Load(Path.Combine(TestPaths.ProjectRoot, "tests", "BlinkInfra.slnx"));
        var listed = solution.Descendants("Project")
            .Select(p => Path.GetRelativePath(TestPaths.ProjectRoot, Path.GetFullPath(Path.Combine(TestPaths.ProjectRoot, "tests", p.Attribute("Path")!.Value))).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        // The offline SDK is referenced by the projects on Pulumi when BlinkSdk=offline, and of no use against the real packages.
        Assert.That(listed, Is.EqualTo(ProjectFiles().Where(f => f != "offline-sdk/Pulumi.Offline.csproj")));
    }

    [Test]
    public void The_native_build_keeps_every_assembly_of_the_rings_whole()
    {
        // Native AOT trims what it cannot see used; the program's reflection ([Input] members, output
        // types, configuration binding, YamlDotNet) reaches into every ring, so each assembly is a root.
        var roots = Items("BlinkInfra.csproj", "TrimmerRootAssembly")
            .Where(item => item.Condition.Contains("BlinkCliAot", StringComparison.Ordinal))
            .SelectMany(item => item.Include.Split(';', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var rings = Table.Value.Values.Where(r => r.Name is not ("tests" or "sdk")).Select(r => r.Project);

        Assert.That(roots, Is.SupersetOf(rings.Append("Pulumi.Offline")));
        Assert.That(ProgramAssemblies, Is.EquivalentTo(rings), "the assemblies the tests load are the rings'");
    }

    /// <summary>
    /// What a project of the ring compiles against: the framework, the packages beside the tests (none
    /// of which declares a BlinkInfra or Pulumi namespace), its own assembly and those below it, and the
    /// Pulumi SDK's when it may see it.
    /// </summary>
    private static ImmutableArray<MetadataReference> ReferencesOf(string project)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var frameworkAssemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == framework);
        var visible = Below(project).Add(project);
        // The offline SDK's assembly is "Pulumi.Offline"; the real SDK's are "Pulumi", "Pulumi.AliCloud", ...
        var beside = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => Path.GetFileNameWithoutExtension(path) is var name
                           && (name.StartsWith("BlinkInfra", StringComparison.Ordinal) ? visible.Contains(name) : !IsPulumi(name) || SeesPulumi(project)));
        return frameworkAssemblies.Concat(beside)
            .DistinctBy(Path.GetFileName)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    /// <summary>The errors of compiling one probe as a file of <paramref name="project"/>.</summary>
    private static string[] Compile(string project, string probe)
    {
        var compilation = CSharpCompilation.Create("Probe", new[] { CSharpSyntaxTree.ParseText(probe) }, ReferencesOf(project),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{d.Id}: {d.GetMessage()}").ToArray();
    }

    private static string Probe(string use) => $"{use}\nnamespace Probe {{ internal static class P {{ }} }}\n";

    private static string TypeProbe(string typeName) => $"namespace Probe {{ internal static class P {{ internal static System.Type T() => typeof({typeName}); }} }}\n";

    // Each ring with a name from a ring it may not see (a using, and a fully qualified name, which the
    // regex test that came before missed) and one it may (the control: the probe compiles).
    [TestCase("BlinkInfra.Config", "using BlinkInfra.Network;", "The type or namespace name 'Network' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Config", "using BlinkInfra.Plan;", "The type or namespace name 'Plan' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Facts", "using BlinkInfra.Config;", "The type or namespace name 'Config' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Config", "using Pulumi;", "The type or namespace name 'Pulumi' could not be found")]
    [TestCase("BlinkInfra.Program", "using BlinkInfra.Policies;", "The type or namespace name 'Policies' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Program", "using BlinkInfra.Plan;", "The type or namespace name 'Plan' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Plan", "using BlinkInfra.Compute;", "The type or namespace name 'Compute' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Plan", "using BlinkInfra.Diff;", "The type or namespace name 'Diff' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Policies", "using BlinkInfra.Compute;", "The type or namespace name 'Compute' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Policies", "using BlinkInfra.Engine;", "The type or namespace name 'Engine' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Policies", "using BlinkInfra.Cli;", "The type or namespace name 'Cli' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Policies", "using Pulumi.AliCloud.Vpc;", "The type or namespace name 'Pulumi' could not be found")]
    [TestCase("BlinkInfra.Tools", "using BlinkInfra.Host;", null)]
    [TestCase("BlinkInfra.Policies", "using BlinkInfra.Diff;", null)]
    [TestCase("BlinkInfra.Program", "using Pulumi.AliCloud.Vpc;", null)]
    public void A_using_of_a_ring_the_project_may_not_see_fails_to_compile(string project, string use, string? error)
    {
        var errors = Compile(project, Probe(use));

        if (error is null)
            Assert.That(errors, Is.Empty);
        else
            Assert.That(errors, Has.Some.Contains(error), string.Join("\n", errors));
    }

    [TestCase("BlinkInfra.Policies", "BlinkInfra.Engine.FlinkResources", "'Engine' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Config", "BlinkInfra.BlinkStack", "'BlinkStack' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Diff", "BlinkInfra.Policies.PolicyEngine", "'Policies' does not exist in the namespace 'BlinkInfra'")]
    [TestCase("BlinkInfra.Policies", "BlinkInfra.Policies.PolicyEngine", null)]
    [TestCase("BlinkInfra.Policies", "BlinkInfra.Facts.TypeTokens.AliCloud.Vpc", null)]
    public void A_qualified_name_from_a_ring_the_project_may_not_see_fails_to_compile(string project, string typeName, string? error)
    {
        var errors = Compile(project, TypeProbe(typeName));

        if (error is null)
            Assert.That(errors, Is.Empty);
        else
            Assert.That(errors, Has.Some.Contains(error), string.Join("\n", errors));
    }
}
