using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// .ci/run's count of the C# tests, on a copy of the script with stand-ins: a ./blink that prints
/// dotnet test's summary lines as given (one per test assembly), and npm and apt-get that answer at
/// once. So the sum over every assembly, and the verdict when one fails or never reports, are seen
/// without running a test.
/// </summary>
[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class CiRunTests
{
    private const string Model = "Passed!  - Failed:     0, Passed:   127, Skipped:     0, Total:   127, Duration: 2 s - BlinkInfra.Model.Tests.dll (net10.0)";
    private const string Policies = "Passed!  - Failed:     0, Passed:    54, Skipped:     0, Total:    54, Duration: 202 ms - BlinkInfra.Policies.Tests.dll (net10.0)";
    private const string PoliciesFailed = "Failed!  - Failed:     2, Passed:    52, Skipped:     0, Total:    54, Duration: 202 ms - BlinkInfra.Policies.Tests.dll (net10.0)";
    private const string Rest = "Passed!  - Failed:     0, Passed:   924, Skipped:    15, Total:   939, Duration: 1 m 45 s - BlinkInfra.Tests.dll (net10.0)";

    private string _root = "";

    [SetUp]
    public void CopyTheScript()
    {
        _root = Path.Combine(Path.GetTempPath(), $"blink-ci-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_root, ".ci"));
        Directory.CreateDirectory(Path.Combine(_root, "tests"));
        Directory.CreateDirectory(Path.Combine(_root, "standins"));
        Directory.CreateDirectory(Path.Combine(_root, "policies", "crossguard"));
        Directory.CreateDirectory(Path.Combine(_root, "tools", "PlanPage", "web"));
        File.Copy(Path.Combine(TestPaths.ProjectRoot, ".ci", "run"), Path.Combine(_root, ".ci", "run"));
        File.Copy(Path.Combine(TestPaths.ProjectRoot, "tests", "BlinkInfra.slnx"), Path.Combine(_root, "tests", "BlinkInfra.slnx"));
        // npm: its test prints node's counts; apt-get fails (no package is ever installed by a test).
        Script("standins/npm", "#!/usr/bin/env bash\n[[ \"$1\" == test ]] && printf '# pass 5\\n# fail 0\\n'\nexit 0\n");
        Script("standins/apt-get", "#!/usr/bin/env bash\nexit 1\n");
        Script("standins/node", "#!/usr/bin/env bash\nexit 0\n");
    }

    [TearDown]
    public void RemoveTheCopy() => Directory.Delete(_root, recursive: true);

    private void Script(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Runs .ci/run with a ./blink that prints the summaries and exits with the code given.</summary>
    private (int Exit, string Output, string Errors) Run(int blinkExit, params string[] summaries)
    {
        Script("blink", "#!/usr/bin/env bash\n" + string.Concat(summaries.Select(s => $"echo '{s}'\n")) + $"exit {blinkExit}\n");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(_root, ".ci", "run"));
        start.Environment["PATH"] = $"{Path.Combine(_root, "standins")}:/usr/bin:/bin";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), "finished");
        return (process.ExitCode, output.Result, errors.Result);
    }

    private static string CSharpLine(string output) => output.Split('\n').Single(line => line.StartsWith("C# (", StringComparison.Ordinal));

    [Test]
    public void Sums_the_tests_of_every_test_assembly()
    {
        var (_, output, errors) = Run(0, Model, Policies, Rest);

        Assert.That(CSharpLine(output), Does.StartWith("C# (3 test assemblies): 1105 passed, 0 failed; policy pack (node): 5 passed, 0 failed;"));
        Assert.That(errors, Does.Not.Contain("C# test"));
    }

    [Test]
    public void One_assembly_failing_fails_ci_whatever_the_exit_code()
    {
        var (exit, output, errors) = Run(0, Model, PoliciesFailed, Rest);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(CSharpLine(output), Does.StartWith("C# (3 test assemblies): 1103 passed, 2 failed;"));
        Assert.That(errors, Does.Contain("error: 1 of 3 C# test assemblies failed (2 tests)\n"));
        // The closing line adds node's counts (the plan page's depend on whether Chromium is installed).
        Assert.That(output, Does.Match(@"\ntests: \d+ passed, 2 failed\n"));
    }

    [Test]
    public void An_assembly_that_never_reports_fails_ci()
    {
        var (exit, output, errors) = Run(0, Model, Rest);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(CSharpLine(output), Does.StartWith("C# (2 test assemblies): 1051 passed, 0 failed;"));
        Assert.That(errors, Does.Contain("error: 2 of the 3 C# test assemblies (tests/BlinkInfra.slnx) reported their tests\n"));
    }

    [Test]
    public void The_test_run_s_own_failure_is_kept()
    {
        var (exit, _, errors) = Run(3, Model, PoliciesFailed, Rest);

        Assert.That(exit, Is.EqualTo(3));
        Assert.That(errors, Does.Contain("error: 1 of 3 C# test assemblies failed (2 tests)\n"));
    }
}
