using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// The ./blink script's decisions, on a copy of the project with a stand-in dotnet first on PATH:
/// the stand-in logs each call, answers the SDK probe as a feed without Pulumi does, and "publishes"
/// by writing the output. So the tests see when the script restores, builds and runs, in a second
/// each, without a real build.
/// </summary>
[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class BlinkScriptTests
{
    private const string StandInDotnet = """
        #!/usr/bin/env bash
        # Logs the call; restore fails as a feed without the Pulumi packages does; publish writes the output.
        echo "$*" >>"$STANDIN_LOG"
        case "$1" in
          restore)
            echo "error NU1101: Unable to find package Pulumi. No packages exist with this id in source(s): nuget.org"
            exit 1 ;;
          publish)
            [[ -n "${STANDIN_FAIL:-}" ]] && { echo "error CS1002: ; expected"; exit 1; }
            native=false
            while [[ $# -gt 0 ]]; do [[ "$1" == -o ]] && out="$2"; [[ "$1" == -p:BlinkCliAot=true ]] && native=true; shift; done
            mkdir -p "$out"
            if [[ "$native" == true ]]; then
              printf '#!/usr/bin/env bash\necho "native $*" >>"$STANDIN_LOG"\n' >"$out/BlinkInfra" && chmod +x "$out/BlinkInfra"
            else
              echo program >"$out/BlinkInfra.dll"
            fi ;;
          test|build) ;;
          *.dll) echo "ran $*" ;;
        esac
        """;

    private string _project = "";
    private string _log = "";
    private string _bin = "";

    [SetUp]
    public void CopyTheProject()
    {
        var temp = Path.Combine(Path.GetTempPath(), $"blink-script-{Guid.NewGuid():N}");
        _project = Path.Combine(temp, "project");
        _bin = Path.Combine(temp, "bin");
        _log = Path.Combine(temp, "dotnet.log");
        CopyTree(TestPaths.ProjectRoot, _project);
        Directory.CreateDirectory(_bin);
        File.WriteAllText(Path.Combine(_bin, "dotnet"), StandInDotnet.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(Path.Combine(_bin, "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(Path.Combine(_project, "blink"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [TearDown]
    public void RemoveTheCopy() => Directory.Delete(Path.GetDirectoryName(_project)!, recursive: true);

    /// <summary>The project as a fresh clone has it: no outputs, no remembered SDK, no stamps.</summary>
    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is ".git" or ".blink" or "bin" or "obj" or "node_modules" or "TestResults" or "BenchmarkDotNet.Artifacts")
                continue;
            CopyTree(dir, Path.Combine(to, name));
        }
    }

    /// <summary>Runs ./blink in the copy; returns its exit code, what it printed, and the stand-in's calls.</summary>
    private (int Exit, string Output, List<string> Calls) Blink(params string[] args) => Blink(aot: false, args);

    /// <param name="aot">Whether the script may build and run the native CLI (BLINKINFRA_AOT); off in
    /// the other tests, whose background build would log its calls into theirs.</param>
    private (int Exit, string Output, List<string> Calls) Blink(bool aot, params string[] args)
    {
        File.WriteAllText(_log, "");
        var start = new ProcessStartInfo(Path.Combine(_project, "blink"))
        {
            WorkingDirectory = _project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["PATH"] = $"{_bin}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["STANDIN_LOG"] = _log;
        start.Environment.Remove("BLINKINFRA_SDK");
        start.Environment["BLINKINFRA_AOT"] = aot ? "on" : "off";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), "./blink finished");
        var calls = File.ReadAllLines(_log).Select(line => line.Split(' ')[0] switch
        {
            var dll when dll.EndsWith(".dll", StringComparison.Ordinal) => "run " + Path.GetRelativePath(_project, dll),
            "native" => line,
            var verb => verb,
        }).ToList();
        return (process.ExitCode, output.Result + errors.Result, calls);
    }

    private void Edit(string relativePath, Func<string, string> change)
    {
        var path = Path.Combine(_project, relativePath);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    private static readonly string[] Plan = ["plan", "--stack", "dev"];
    private static readonly string OfflineCli = Path.Combine("bin", "offline", "cli", "BlinkInfra.dll");

    [Test]
    public void A_fresh_clone_probes_the_sdk_builds_and_runs_then_an_unchanged_tree_only_runs()
    {
        var first = Blink(Plan);
        Assert.That(first.Exit, Is.EqualTo(0), first.Output);
        Assert.That(first.Calls, Is.EqualTo(new[] { "restore", "publish", $"run {OfflineCli}" }));
        Assert.That(first.Output, Does.Contain("blink: building the CLI with the offline Pulumi SDK (no build yet)"));
        Assert.That(File.ReadAllText(Path.Combine(_project, ".blink", "sdk")).Trim(), Is.EqualTo("offline"));

        var second = Blink(Plan);
        Assert.That(second.Exit, Is.EqualTo(0), second.Output);
        Assert.That(second.Calls, Is.EqualTo(new[] { $"run {OfflineCli}" }), "neither a probe nor a build");
        Assert.That(second.Output, Does.Not.Contain("building"));
    }

    [Test]
    public void A_changed_source_file_rebuilds_once()
    {
        Blink(Plan);

        Edit("infra/BlinkStack.cs", text => text + "// a change\n");
        var changed = Blink(Plan);
        Assert.That(changed.Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }));
        Assert.That(changed.Output, Does.Contain("blink: building the CLI with the offline Pulumi SDK (its inputs changed since its last build)"));

        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { $"run {OfflineCli}" }), "built once for that change");
    }

    [Test]
    public void Touching_a_file_without_changing_it_does_not_rebuild()
    {
        Blink(Plan);
        Edit("infra/BlinkStack.cs", text => text);
        File.SetLastWriteTimeUtc(Path.Combine(_project, "Program.cs"), DateTime.UtcNow);

        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { $"run {OfflineCli}" }));
    }

    [TestCase("tools/Cli/Added.cs", TestName = "Adding a source file rebuilds")]
    [TestCase("Directory.Packages.props", TestName = "Adding a project file at the top rebuilds")]
    [TestCase("tools/Recorder/Added.cs", TestName = "Adding a source file to the tools' ring rebuilds")]
    [TestCase("policies/Packs/Added.cs", TestName = "Adding a source file to the policies' ring rebuilds")]
    [TestCase("tools/Plan/Added.cs", TestName = "Adding a source file to the records' ring rebuilds")]
    [TestCase("infra/Config/Added.cs", TestName = "Adding a source file to the model's ring rebuilds")]
    public void Adding_an_input_rebuilds(string relativePath)
    {
        Blink(Plan);
        File.WriteAllText(Path.Combine(_project, relativePath), "// new\n");

        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }));
    }

    [Test]
    public void Deleting_or_renaming_a_source_file_rebuilds()
    {
        Blink(Plan);
        File.Delete(Path.Combine(_project, "tools", "Cli", "ZonesBlock.cs"));
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }), "deleted");

        File.Move(Path.Combine(_project, "tools", "Cli", "PlanFiles.cs"), Path.Combine(_project, "tools", "Cli", "PlanFiles2.cs"));
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }), "renamed");
    }

    /// <summary>Every project file the CLI is built from: the host's and each ring's below it (not the tests').</summary>
    public static IEnumerable<string> ProgramProjectFiles()
        => Directory.GetFiles(TestPaths.ProjectRoot, "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.ProjectRoot, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("tests/", StringComparison.Ordinal) && !path.Split('/').Any(part => part is "bin" or "obj" or "node_modules"))
            .Order(StringComparer.Ordinal);

    [Test]
    public void Every_project_the_cli_is_built_from_is_an_input([ValueSource(nameof(ProgramProjectFiles))] string relativePath)
    {
        Blink(Plan);
        Edit(relativePath, text => text + "\n");

        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }));
    }

    [TestCase("Directory.Build.props")]
    [TestCase("Directory.Build.targets")]
    [TestCase("infra/Config/Network/Cidr.cs")]
    [TestCase("policies/Packs/IsolationPack.cs")]
    [TestCase("tools/Diff/PlanDiff.cs")]
    [TestCase("tools/Fleet/fleet-page.html")]
    [TestCase("infra/Facts/alicloud-replacement-inputs.json")]
    [TestCase("tools/PlanPage/web/dist/plan-page.js")]
    [TestCase("tools/PlanPage/web/src/page.html")]
    public void Changing_a_project_file_or_embedded_data_rebuilds(string relativePath)
    {
        Blink(Plan);
        Edit(relativePath, text => text + "\n");

        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }));
    }

    [TestCase("tests/Cli/CliTests.cs")]
    [TestCase("tests/Model/Config/ConfigTests.cs")]
    [TestCase("tests/BlinkInfra.slnx")]
    [TestCase("stacks/Pulumi.dev.yaml")]
    [TestCase("README.md")]
    [TestCase("docs/config.md")]
    [TestCase("offline-sdk/README.md")]
    [TestCase(".ci/run")]
    [TestCase("policies/crossguard/index.js")]
    [TestCase("tools/PlanPage/web/test/page.test.mjs")]
    [TestCase("tools/PlanPage/web/src/page.js")]
    [TestCase("tools/PlanPage/web/package.json")]
    [TestCase("offline-sdk/real-api.golden.txt")]
    public void Changing_what_the_program_is_not_built_from_does_not_rebuild(string relativePath)
    {
        Blink(Plan);
        Edit(relativePath, text => text + "\n# a change\n");

        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { $"run {OfflineCli}" }));
    }

    // What a user writes into the project: plans, pages, graphs, scratch files, in new folders or the
    // program's own. Only the build's inputs (the project files' Compile and EmbeddedResource items) count.
    [TestCase("plans/prod.json")]
    [TestCase("work/plan.html")]
    [TestCase("graph.mmd")]
    [TestCase("stacks/Pulumi.trial.yaml")]
    [TestCase("tools/Cli/notes.txt")]
    [TestCase("infra/Facts/scratch.json")]
    [TestCase("tools/PlanPage/web/dist/page.html")]
    [TestCase("policies/crossguard/test/fixtures/trial.json")]
    public void Writing_a_file_that_is_no_build_input_into_the_project_does_not_rebuild(string relativePath)
    {
        Blink(Plan);
        var path = Path.Combine(_project, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}\n");

        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { $"run {OfflineCli}" }));
        File.WriteAllText(path, "{\"changed\": true}\n");
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { $"run {OfflineCli}" }), "changed again");
    }

    [Test]
    public void An_item_the_project_file_adds_is_an_input_from_then_on()
    {
        Directory.CreateDirectory(Path.Combine(_project, "data"));
        File.WriteAllText(Path.Combine(_project, "data", "zones.json"), "{}\n");
        Blink(Plan);
        Edit("data/zones.json", text => text + "\n");
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { $"run {OfflineCli}" }), "not an item yet");

        Edit("BlinkInfra.csproj", text => text.Replace("    <Compile Include=\"Program.cs", "    <EmbeddedResource Include=\"data/*.json\" />\n    <Compile Include=\"Program.cs"));
        Assert.That(File.ReadAllText(Path.Combine(_project, "BlinkInfra.csproj")), Does.Contain("data/*.json"));
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }), "the project file changed");
        Edit("data/zones.json", text => text + "\n");
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }), "now an item");
        File.WriteAllText(Path.Combine(_project, "data", "regions.json"), "{}\n");
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }), "a new file its glob matches");
        File.WriteAllText(Path.Combine(_project, "data", "notes.txt"), "\n");
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { $"run {OfflineCli}" }), "a file its glob does not match");
    }

    [Test]
    public void The_sdk_choice_is_an_input_and_each_sdk_keeps_its_own_build()
    {
        Blink(Plan);

        var real = Blink(["--sdk", "real", .. Plan]);
        Assert.That(real.Calls, Is.EqualTo(new[] { "publish", $"run {Path.Combine("bin", "real", "cli", "BlinkInfra.dll")}" }), "forced: no probe, its own build");
        Assert.That(Blink(["--sdk", "offline", .. Plan]).Calls, Is.EqualTo(new[] { $"run {OfflineCli}" }), "the offline build is still up to date");

        // The offline SDK's sources are inputs of the offline build only.
        Edit("offline-sdk/Deployment/Serializer.cs", text => text + "// a change\n");
        Assert.That(Blink(["--sdk", "real", .. Plan]).Calls, Is.EqualTo(new[] { $"run {Path.Combine("bin", "real", "cli", "BlinkInfra.dll")}" }));
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }));
    }

    [Test]
    public void The_remembered_sdk_is_probed_again_on_request()
    {
        Blink(Plan);

        Assert.That(Blink(["--reprobe", .. Plan]).Calls, Is.EqualTo(new[] { "restore", $"run {OfflineCli}" }), "--reprobe");
        File.Delete(Path.Combine(_project, ".blink", "sdk"));
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "restore", $"run {OfflineCli}" }), "the file deleted");
    }

    [Test]
    public void A_missing_output_or_a_failed_build_is_never_taken_as_built()
    {
        Blink(Plan);
        File.Delete(Path.Combine(_project, OfflineCli));
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }), "output deleted");

        Edit("infra/BlinkStack.cs", text => text + "// a change\n");
        Environment.SetEnvironmentVariable("STANDIN_FAIL", "1");
        try
        {
            var failed = Blink(Plan);
            Assert.That(failed.Exit, Is.EqualTo(1));
            Assert.That(failed.Calls, Is.EqualTo(new[] { "publish" }), "nothing runs after a failed build");
            Assert.That(failed.Output, Does.Contain("error CS1002: ; expected")
                .And.Contain("error: building BlinkInfra.csproj with the offline Pulumi SDK failed (the offline SDK is the choice remembered in .blink/sdk: --reprobe asks the NuGet feed again)"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("STANDIN_FAIL", null);
        }
        Assert.That(Blink(Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }), "the same inputs build again after the failure");
    }

    private static readonly string OfflineAot = Path.Combine("bin", "offline", "aot", "BlinkInfra");

    private string AotStamp => Path.Combine(_project, ".blink", "aot-offline.stamp");

    private DateTime AotStampTime => File.Exists(AotStamp) ? File.GetLastWriteTimeUtc(AotStamp) : DateTime.MinValue;

    /// <summary>Waits for the native CLI's background build to finish: a stamp newer than <paramref name="before"/>, its lock let go.</summary>
    private void WaitForTheBackgroundBuild(DateTime before)
    {
        var log = Path.Combine(_project, ".blink", "aot.log");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (AotStampTime <= before && DateTime.UtcNow < deadline)
            System.Threading.Thread.Sleep(100);
        Assert.That(AotStampTime, Is.GreaterThan(before), "the background build finished; its log: " + (File.Exists(log) ? File.ReadAllText(log) : "none"));
        using var waited = Process.Start(new ProcessStartInfo("flock", new[] { Path.Combine(_project, ".blink", "aot-background.lock"), "true" }))!;
        Assert.That(waited.WaitForExit(TimeSpan.FromMinutes(1)), "the background build let go of its lock");
    }

    [Test]
    public void The_native_cli_is_built_in_the_background_then_run_until_an_input_changes()
    {
        var first = Blink(aot: true, Plan);
        Assert.That(first.Exit, Is.EqualTo(0), first.Output);
        // The background build's publish may log before or after the run.
        Assert.That(first.Calls.Where(c => c != "publish"), Is.EqualTo(new[] { "restore", $"run {OfflineCli}" }), "the ReadyToRun build answers the first call");
        Assert.That(first.Calls[1], Is.EqualTo("publish"), "built first");
        WaitForTheBackgroundBuild(DateTime.MinValue);
        Assert.That(File.ReadAllText(Path.Combine(_project, ".blink", "aot.log")), Does.Contain("blink: building the native (ahead-of-time) CLI with the offline Pulumi SDK (no build yet)"));

        Assert.That(Blink(aot: true, Plan).Calls, Is.EqualTo(new[] { "native plan --stack dev" }), "then the native one, with no build");

        var built = AotStampTime;
        Edit("infra/BlinkStack.cs", text => text + "// a change\n");
        var changed = Blink(aot: true, Plan);
        Assert.That(changed.Calls.Where(c => c != "publish"), Is.EqualTo(new[] { $"run {OfflineCli}" }), "a stale native CLI is never run");
        Assert.That(changed.Calls[0], Is.EqualTo("publish"), "the ReadyToRun build rebuilt first");
        WaitForTheBackgroundBuild(built);
        Assert.That(Blink(aot: true, Plan).Calls, Is.EqualTo(new[] { "native plan --stack dev" }));
    }

    [Test]
    public void Where_the_native_cli_takes_over_the_fallback_build_skips_ready_to_run()
    {
        Blink(aot: true, Plan);
        WaitForTheBackgroundBuild(DateTime.MinValue);
        Edit("infra/BlinkStack.cs", text => text + "// a change\n");
        var built = AotStampTime;
        Blink(aot: true, Plan);
        var fallback = File.ReadAllLines(_log).First(line => line.StartsWith("publish", StringComparison.Ordinal));
        WaitForTheBackgroundBuild(built);
        Assert.That(fallback, Does.Contain("-p:BlinkCli=true").And.Contain("-p:PublishReadyToRun=false").And.Not.Contain("-p:BlinkCliAot=true"),
            "the build that answers until the native one is there is the quicker one to build");

        Blink(aot: false, Plan);
        Assert.That(File.ReadAllLines(_log).Single(line => line.StartsWith("publish", StringComparison.Ordinal)), Does.Not.Contain("PublishReadyToRun=false"),
            "without the native CLI (BLINKINFRA_AOT=off, or the real SDK) the CLI is the ReadyToRun build: a change of recipe, so it rebuilds");
    }

    [Test]
    public void Build_builds_the_native_cli_at_once_and_only_for_the_offline_sdk()
    {
        var built = Blink(aot: true, "build");
        Assert.That(built.Calls, Is.EqualTo(new[] { "restore", "publish", "publish", "build" }), built.Output);
        Assert.That(File.Exists(Path.Combine(_project, OfflineAot)));
        Assert.That(Blink(aot: true, Plan).Calls, Is.EqualTo(new[] { "native plan --stack dev" }));

        Assert.That(Blink(aot: true, ["--sdk", "real", .. Plan]).Calls, Is.EqualTo(new[] { "publish", $"run {Path.Combine("bin", "real", "cli", "BlinkInfra.dll")}" }),
            "the real SDK's CLI is the ReadyToRun build only");
        Assert.That(Blink(aot: false, Plan).Calls, Is.EqualTo(new[] { "publish", $"run {OfflineCli}" }),
            "BLINKINFRA_AOT=off: the ReadyToRun build, a recipe of its own (the build beside the native CLI skips ReadyToRun)");
        Assert.That(Blink(aot: false, Plan).Calls, Is.EqualTo(new[] { $"run {OfflineCli}" }), "built once");
    }

    [Test]
    public void Test_always_runs_dotnet_test_which_builds_what_changed()
    {
        Blink(Plan);

        Assert.That(Blink("test").Calls, Is.EqualTo(new[] { "test" }));
        Assert.That(Blink("test").Calls, Is.EqualTo(new[] { "test" }), "never skipped: CI's one command builds and tests every time");
    }
}
