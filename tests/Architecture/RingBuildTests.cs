using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace BlinkInfra.Tests.Architecture;

/// <summary>
/// A reference against the rings fails to build, shown with the real build: `dotnet build` on a copy of
/// the model's and the records' projects (infra/Facts, infra/Config, tools/Plan, with the root's
/// Directory.Build.props and .targets) in a temporary folder, each test adding one wrong reference to
/// the copy. Slow for a unit test: the copy's first build restores and compiles three projects (about
/// 15 to 30 s on two cores), the others about 5 s each; nothing of the working tree is written.
/// RingTests says the same faster, against the built assemblies and the project files; these are in the
/// category "Build" (`--filter TestCategory!=Build` leaves them out of a quick run, never out of CI's).
/// </summary>
[NonParallelizable]
[Category("Build")]
public class RingBuildTests
{
    private string _copy = "";

    [OneTimeSetUp]
    public void CopyTheModelAndTheRecords()
    {
        _copy = Path.Combine(Path.GetTempPath(), $"blink-rings-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_copy);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "global.json", "nuget.config", "NuGet.config" })
        {
            if (File.Exists(Path.Combine(TestPaths.ProjectRoot, file)))
                File.Copy(Path.Combine(TestPaths.ProjectRoot, file), Path.Combine(_copy, file));
        }
        foreach (var folder in new[] { "infra/Facts", "infra/Config", "tools/Plan" })
            CopyTree(Path.Combine(TestPaths.ProjectRoot, folder), Path.Combine(_copy, folder));

        // The copy as it is builds: what fails below fails for the reference each test adds.
        var (exit, output) = Build("tools/Plan/BlinkInfra.Plan.csproj");
        Assert.That(exit, Is.EqualTo(0), output);
    }

    [OneTimeTearDown]
    public void RemoveTheCopy()
    {
        if (Directory.Exists(_copy))
            Directory.Delete(_copy, recursive: true);
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    /// <summary>dotnet build on a project of the copy: its exit code and what it printed.</summary>
    private (int Exit, string Output) Build(string project)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _copy, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "build", project, "-p:BlinkSdk=offline", "-nologo", "-clp:NoSummary", "--disable-build-servers" })
            start.ArgumentList.Add(arg);
        // The test host's MSBuild settings (dotnet test's own) must not steer this build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment.Remove("BLINKINFRA_SDK");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet build finished");
        return (process.ExitCode, output.Result + errors.Result);
    }

    /// <summary>Builds the project with one file added (or one project file changed), then puts the copy back.</summary>
    private (int Exit, string Output) BuildWith(string project, string path, Func<string?, string> content)
    {
        var full = Path.Combine(_copy, path);
        var before = File.Exists(full) ? File.ReadAllText(full) : null;
        var after = content(before);
        Assert.That(after, Is.Not.EqualTo(before), "the change applies to the copy");
        File.WriteAllText(full, after);
        try
        {
            return Build(project);
        }
        finally
        {
            if (before is null)
                File.Delete(full);
            else
                File.WriteAllText(full, before);
        }
    }

    [Test]
    public void A_record_naming_the_program_or_the_sdk_fails_to_compile()
    {
        // Partially qualified, as tools/Plan/OfflineAnswers.cs once reached into the program: inside
        // namespace BlinkInfra.Plan, "Engine." is looked up as BlinkInfra.Engine, which the records cannot see.
        var (exit, output) = BuildWith("tools/Plan/BlinkInfra.Plan.csproj", "tools/Plan/RingProbe.cs", _ => """
            namespace BlinkInfra.Plan;

            internal static class RingProbe
            {
                internal static System.Type Program() => typeof(Engine.FlinkResources);

                internal static System.Type Sdk() => typeof(Pulumi.CustomResource);
            }
            """);

        Assert.That(exit, Is.Not.EqualTo(0), output);
        Assert.That(Errors(output), Is.EquivalentTo(new[]
        {
            "RingProbe.cs(5): error CS0246: The type or namespace name 'Engine' could not be found (are you missing a using directive or an assembly reference?)",
            "RingProbe.cs(7): error CS0246: The type or namespace name 'Pulumi' could not be found (are you missing a using directive or an assembly reference?)",
        }), output);
    }

    [Test]
    public void The_model_naming_the_sdk_or_a_ring_above_fails_to_compile()
    {
        var (exit, output) = BuildWith("infra/Config/BlinkInfra.Config.csproj", "infra/Config/RingProbe.cs", _ => """
            using Pulumi;

            namespace BlinkInfra.Config;

            internal static class RingProbe
            {
                internal static BlinkInfra.Plan.PlannedResource? Recorded;
            }
            """);

        Assert.That(exit, Is.Not.EqualTo(0), output);
        Assert.That(Errors(output), Is.EquivalentTo(new[]
        {
            "RingProbe.cs(1): error CS0246: The type or namespace name 'Pulumi' could not be found (are you missing a using directive or an assembly reference?)",
            "RingProbe.cs(7): error CS0234: The type or namespace name 'Plan' does not exist in the namespace 'BlinkInfra' (are you missing an assembly reference?)",
        }), output);
    }

    [Test]
    public void A_project_reference_against_the_rings_is_refused_before_anything_compiles()
    {
        // The records referencing the program (above them, beside the policies): the reference that would
        // let tools/Plan see a component. The program's project file is enough: the build stops before it.
        File.Copy(Path.Combine(TestPaths.ProjectRoot, "infra", "BlinkInfra.Program.csproj"), Path.Combine(_copy, "infra", "BlinkInfra.Program.csproj"), overwrite: true);
        var (exit, output) = BuildWith("tools/Plan/BlinkInfra.Plan.csproj", "tools/Plan/BlinkInfra.Plan.csproj",
            text => text!.Replace("<ProjectReference Include=\"../../infra/Config/BlinkInfra.Config.csproj\" />",
                "<ProjectReference Include=\"../../infra/Config/BlinkInfra.Config.csproj\" />\n    <ProjectReference Include=\"../../infra/BlinkInfra.Program.csproj\" />", StringComparison.Ordinal));

        Assert.That(exit, Is.Not.EqualTo(0), output);
        Assert.That(output, Does.Contain("error BLINK0002: BlinkInfra.Plan (records) references BlinkInfra.Program, against the rings: it may reference BlinkInfra.Facts, BlinkInfra.Config (Directory.Build.targets; README, Layout)."));
    }

    [Test]
    public void A_pulumi_package_in_the_model_is_refused()
    {
        var (exit, output) = BuildWith("infra/Config/BlinkInfra.Config.csproj", "infra/Config/BlinkInfra.Config.csproj",
            text => text!.Replace("<PackageReference Include=\"YamlDotNet\"", "<PackageReference Include=\"Pulumi\" Version=\"3.112.1\" />\n    <PackageReference Include=\"YamlDotNet\"", StringComparison.Ordinal));

        Assert.That(exit, Is.Not.EqualTo(0), output);
        Assert.That(output, Does.Contain("error BLINK0003: BlinkInfra.Config (model) references the Pulumi SDK (Pulumi)"));
    }

    /// <summary>The compiler's errors, each once as "File.cs(line): error CSnnnn: message", its column and project left out.</summary>
    private static string[] Errors(string output)
        => output.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line.Trim(), @"([^/\\]+\.cs)\((\d+),\d+\): (error CS\d+: .*?)(?: \[[^\]]*\])?$"))
            .Where(match => match.Success)
            .Select(match => $"{match.Groups[1].Value}({match.Groups[2].Value}): {match.Groups[3].Value}")
            .Distinct()
            .ToArray();
}
