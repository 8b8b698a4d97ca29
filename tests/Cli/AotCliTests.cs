using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// The native CLI (Native AOT, bin/offline/aot/BlinkInfra, which ./blink runs once built: README,
/// Speed) answers as the program run by dotnet does, byte for byte: its plans equal the pinned ones,
/// and for each command its output, errors and exit code equal those of the BlinkInfra.dll these
/// tests are built with. It reaches the program's types by reflection without a JIT, so a value type
/// it was not compiled for fails here, not at a user. `./blink test` builds it first (offline SDK);
/// where it cannot exist, or was not built for these sources, every test here is skipped with the
/// reason before anything runs (<see cref="NeedsNativeCliAttribute"/>).
/// </summary>
[Platform(Exclude = "Win")]
[NeedsNativeCli]
public class AotCliTests
{
    private static string NativeCli => NeedsNativeCliAttribute.NativeCli;

    private string _temp = "";

    [SetUp]
    public void MakeTheTemp()
    {
        _temp = Path.Combine(Path.GetTempPath(), $"blink-aot-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_temp);
    }

    [TearDown]
    public void RemoveTheTemp()
    {
        if (_temp != "")
            Directory.Delete(_temp, recursive: true);
    }

    private static (int Exit, string Out, string Err) Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = TestPaths.ProjectRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{program} finished");
        return (process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Runs the command with both programs, each writing its files into its own folder; returns their folders.</summary>
    private (string Native, string Managed) AssertSameAnswer(params string[] args) => AssertSameAnswerWith(null, args);

    /// <summary><see cref="AssertSameAnswer"/> with these environment variables set for both programs.</summary>
    private (string Native, string Managed) AssertSameAnswerWith(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var native = Directory.CreateDirectory(Path.Combine(_temp, "native")).FullName;
        var managed = Directory.CreateDirectory(Path.Combine(_temp, "managed")).FullName;
        var nativeRun = Run(NativeCli, args.Select(a => a.Replace("{out}", native)), environment);
        var managedRun = Run("dotnet", new[] { Path.Combine(AppContext.BaseDirectory, "BlinkInfra.dll") }.Concat(args.Select(a => a.Replace("{out}", managed))), environment);
        Assert.That(nativeRun.Err.Replace(native, "{out}"), Is.EqualTo(managedRun.Err.Replace(managed, "{out}")), "standard error");
        Assert.That(nativeRun.Out.Replace(native, "{out}"), Is.EqualTo(managedRun.Out.Replace(managed, "{out}")), "standard output");
        Assert.That(nativeRun.Exit, Is.EqualTo(managedRun.Exit), "exit code");
        foreach (var file in Directory.GetFiles(managed))
            Assert.That(File.ReadAllText(Path.Combine(native, Path.GetFileName(file))), Is.EqualTo(File.ReadAllText(file)), Path.GetFileName(file));
        return (native, managed);
    }

    private static IEnumerable<string> Stacks() => TestPaths.ExampleStacks().Select(StackFile.StackNameOf);

    [TestCaseSource(nameof(Stacks))]
    public void Plans_the_example_stack_as_pinned(string stack)
    {
        var (native, _) = AssertSameAnswer("plan", "--stack", stack, "--details", "--json", "{out}/plan.json", "--graph", "{out}/graph.mmd");
        Assert.That(File.ReadAllText(Path.Combine(native, "plan.json")), Is.EqualTo(File.ReadAllText(TestPaths.FixtureSource(Path.Combine("plans", $"{stack}.json")))));
    }

    [TestCaseSource(nameof(Stacks))]
    public void Plans_the_example_stack_short_on_a_narrow_console_as_dotnet_does(string stack)
    {
        // The default text fitted to COLUMNS (the tree's cells cut, the prose wrapped), and the zones block alone.
        AssertSameAnswerWith(new Dictionary<string, string> { ["COLUMNS"] = "80" }, "plan", "--stack", stack, "--prices", TestPaths.Fixture("prices/example.yaml"));
        AssertSameAnswerWith(new Dictionary<string, string> { ["COLUMNS"] = "52" }, "plan", "--stack", stack);
        AssertSameAnswer("plan", "--stack", stack, "--zones");
    }

    [TestCaseSource(nameof(Stacks))]
    public void Checks_and_diffs_the_example_stack_as_dotnet_does(string stack)
    {
        AssertSameAnswer("check", "--stack", stack, "--json", "{out}/report.json");
        AssertSameAnswer("check", "--plan", TestPaths.FixtureSource(Path.Combine("plans", $"{stack}.json")));
        AssertSameAnswer("diff", "--stack", stack, "--against", TestPaths.Fixture("dev-stack-export.json"), "--json", "{out}/steps.json");
        AssertSameAnswer("diff", "--stack", stack, "--against", TestPaths.FixtureSource(Path.Combine("plans", "dev.json")));
    }

    [Test]
    public void Plans_and_checks_the_fleet_as_dotnet_does()
    {
        // The table, its JSON with estimates, the fleet page and each stack's plan page, the CI workflow, the saved plans.
        AssertSameAnswer("fleet", "--json", "{out}/fleet.json", "--html", "{out}/fleet.html", "--ci", "{out}/ci.yml", "--prices", TestPaths.Fixture("prices/example.yaml"));
        AssertSameAnswer("fleet", "--plans", "{out}/saved");
        // Against one folder of saved plans, the same for both.
        var saved = Path.Combine(_temp, "saved");
        Assert.That(Run(NativeCli, ["fleet", "--plans", saved]).Exit, Is.EqualTo(0));
        File.Delete(Path.Combine(saved, "dev.json"));
        AssertSameAnswer("fleet", "--against", saved, "--json", "-");
    }

    [Test]
    public void Checks_state_files_as_dotnet_does()
    {
        foreach (var state in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "state")).Order(StringComparer.Ordinal))
            AssertSameAnswer("check", "--state", state);
    }

    [Test]
    public void Answers_the_crossguard_pack_as_dotnet_does()
    {
        // What the pack asks: the policies under the stack's config (its levels, or their error), and a stack's resources.
        AssertSameAnswerWith(new Dictionary<string, string> { ["PULUMI_CONFIG"] = """{"blink-infra:policy":"{\"levels\":{\"no-public-ip\":\"advisory\"}}"}""" }, "policies", "--json", "--pulumi-config");
        AssertSameAnswerWith(new Dictionary<string, string> { ["PULUMI_CONFIG"] = """{"blink-infra:policy":"{\"levels\":{\"no-public-ip\":\"loud\"}}"}""" }, "policies", "--json", "--pulumi-config");
        AssertSameAnswer("policies");
        foreach (var stack in Stacks())
            AssertSameAnswer("check", "--resources", TestPaths.CrossGuard("test", "fixtures", $"{stack}.json"), "--json", "{out}/report.json");
    }

    [Test]
    public void Refuses_bad_input_as_dotnet_does()
    {
        var bad = Path.Combine(_temp, "Pulumi.bad.yaml");
        File.WriteAllText(bad, File.ReadAllText(TestPaths.ExampleStack("dev")).Replace("  blink-infra:cluster:", "  blink-infra:no-such-key: 1\n  blink-infra:cluster:"));
        AssertSameAnswer("plan", "--config", bad);
        AssertSameAnswer("plan", "--stack", "no-such-stack");
        AssertSameAnswer("--help");
        AssertSameAnswer("catalog");
        // Every error of every phase in one run, a secret under an unknown key among them (masked).
        var phases = Path.Combine(_temp, "Pulumi.phases.yaml");
        File.WriteAllText(phases, File.ReadAllText(TestPaths.ExampleStack("dev")).Replace("cidrBlock: 10.10.0.0/16", "cidrBlock: 10.0.0.0/33")
            + "  blink-infra:bogus: 1\n  blink-infra:bogus2:\n    secure: AAAbbb\n");
        AssertSameAnswer("check", "--config", phases);
    }

    [Test]
    public void Imports_availability_answers_as_dotnet_does()
    {
        // JSON read and written through System.Text.Json.Nodes, and the table embedded in the program, without a JIT.
        var answer = TestPaths.Fixture("availability/cn-shanghai-PostPaid.json");
        AssertSameAnswer("availability", "import", answer, "--charge-type", "PostPaid", "--read", "2027-01-10", "--all-types", "--write", "--to", "{out}/availability.json");
        AssertSameAnswer("availability", "import", answer, answer, "--charge-type", "PostPaid");
        AssertSameAnswer("availability", "import", TestPaths.Fixture("availability/README.md"), "--charge-type", "PrePaid");
    }

    [Test]
    public void Explains_codes_as_dotnet_does()
    {
        AssertSameAnswer("explain");
        AssertSameAnswerWith(new Dictionary<string, string> { ["COLUMNS"] = "80" }, "explain", "BLINK2005");
        AssertSameAnswer("explain", "BLINK0000");
        AssertSameAnswer("explain", "nope");
    }
}
