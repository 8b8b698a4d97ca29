using System;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>bench --process's measurement: whole processes, their CPU and peak memory as the kernel accounts them. No timing assertions.</summary>
[Platform(Include = "Linux")]
public class ProcessBenchmarkTests
{
    private static ProcessBenchmark.Command Shell(string label, string line) => new(label, "/bin/sh", ["-c", line]);

    [Test]
    public void Each_command_is_run_the_given_number_of_times_after_a_warm_up_with_its_own_peak_memory()
    {
        // The shell keeps the 40 MB its command substitution read; the other does nothing.
        var figures = ProcessBenchmark.Measure(
        [
            Shell("holds 40 MB", "x=$(head -c 40000000 /dev/zero | tr '\\0' a); test ${#x} -eq 40000000"),
            Shell("does nothing", "true"),
        ], runs: 2);

        Assert.That(figures, Has.Count.EqualTo(2));
        Assert.That(figures[0].Runs, Has.Count.EqualTo(2));
        Assert.That(figures[1].Runs, Has.Count.EqualTo(2));
        Assert.That(figures[0].PeakMiB, Is.GreaterThan(38), "the process's own peak, from wait4");
        Assert.That(figures[1].PeakMiB, Is.LessThan(20), "not the other command's, nor the benchmark's own");
        Assert.That(figures[0].WallMin, Is.GreaterThan(0).And.LessThanOrEqualTo(figures[0].WallMedian));
        Assert.That(figures[0].WallMedian, Is.LessThanOrEqualTo(figures[0].WallMax));
        Assert.That(figures[0].CpuMedian, Is.GreaterThan(0), "the pipeline's CPU time counts: the shell waited for it");
    }

    [Test]
    public void The_report_has_a_line_per_command_with_median_spread_cpu_and_peak()
    {
        var figures = ProcessBenchmark.Measure([Shell("./blink plan --stack dev", "true"), Shell("direct", "true")], runs: 3);

        var text = ProcessBenchmark.Text(figures);

        Assert.That(text, Does.StartWith("whole process: 3 runs of each command after one warm-up, in turns; wall median (min-max), CPU median, peak memory\n"));
        Assert.That(text, Does.Match(@"\n  \./blink plan --stack dev  wall \d+\.\d\d s \(\d+\.\d\d-\d+\.\d\d\)  CPU \d+\.\d\d s  peak \d+ MiB\n"));
        Assert.That(text, Does.Match(@"\n  direct                    wall \d+\.\d\d s"), "labels padded to one column");
    }

    [Test]
    public void A_command_that_fails_stops_the_benchmark_naming_it()
    {
        var failing = () => ProcessBenchmark.Measure([Shell("exits 3", "exit 3")], runs: 1);

        Assert.That(failing, Throws.InvalidOperationException.With.Message.EqualTo("`exits 3` exited with code 3; run it alone to see why"));
    }

    [Test]
    public async System.Threading.Tasks.Task Vs_without_process_is_refused()
    {
        var (exit, _, errors) = await CliRunner.Run("bench", "--vs", "true");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Is.EqualTo("error BLINK5006: --vs times a command beside the whole process: give --process too\n"));
    }
}
