using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace BlinkInfra.Cli;

/// <summary>
/// The fleet's benchmark (`bench --fleet N`): N tenant stacks made from the examples (<see cref="FleetCopies"/>)
/// in a temporary folder, and `./blink fleet FOLDER` timed as a user runs it (whole processes, warm: one
/// run first), for a quarter, half and all of them, so the memory a stack adds can be read off. A
/// benchmark, not a test: the goal (README, Speed) is read by a person, never asserted.
/// </summary>
internal static class FleetBenchmark
{
    /// <summary>The README's goal: 200 stacks answered in at most this many seconds on 2 cores, warm.</summary>
    public const double GoalSeconds = 5.0;
    public const int GoalStacks = 200;

    public static string Run(string root, int stacks, int runs, IReadOnlyList<string> examples)
    {
        var folder = Directory.CreateTempSubdirectory("blink-fleet-bench-");
        // BLINKINFRA_BENCH_KEEP=1 leaves the stacks, to run `./blink fleet` on them again.
        var keep = Environment.GetEnvironmentVariable("BLINKINFRA_BENCH_KEEP") == "1";
        try
        {
            var sizes = new[] { stacks / 4, stacks / 2, stacks }.Where(n => n > 0).Distinct().ToList();
            var commands = new List<ProcessBenchmark.Command>();
            foreach (var size in sizes)
            {
                var dir = Path.Combine(folder.FullName, size.ToString(CultureInfo.InvariantCulture));
                FleetCopies.Write(dir, size, examples);
                commands.Add(new ProcessBenchmark.Command($"{BlinkCli.CommandName} fleet <{size} stacks>", Path.Combine(root, "blink"), ["fleet", dir]));
            }
            IReadOnlyList<ProcessBenchmark.Figures> figures;
            try
            {
                figures = ProcessBenchmark.Measure(commands, runs);
            }
            catch (InvalidOperationException e)
            {
                // Left in place, to run it alone and see why.
                keep = true;
                throw new InvalidOperationException($"{e.Message.Replace("run it alone", $"the stacks are kept in {folder.FullName}: run it alone", StringComparison.Ordinal)}", e);
            }
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"bench --fleet: copies of {string.Join(", ", examples.Select(Path.GetFileName))} with other names, regions and HA, in {folder.FullName}{(keep ? " (kept)" : "")}; {Environment.ProcessorCount} cores\n");
            text.Append(ProcessBenchmark.Text(figures));
            // Memory per stack: the slope between the smallest and the largest fleet (what one more stack adds).
            if (figures.Count > 1)
            {
                var (small, large) = (figures[0], figures[^1]);
                var (n0, n1) = (sizes[0], sizes[^1]);
                var perStack = (large.PeakMiB - small.PeakMiB) / (n1 - n0);
                var fixedPart = small.PeakMiB - perStack * n0;
                text.Append(CultureInfo.InvariantCulture, $"memory: {perStack * 1024:F1} KiB per stack over {fixedPart:F0} MiB (a line through {n0} and {n1} stacks; ");
                text.Append(string.Join(", ", figures.Zip(sizes).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Second} stacks {p.First.PeakMiB:F0} MiB, {fixedPart + perStack * p.Second:F0} on the line"))));
                text.Append(")\n");
                text.Append(CultureInfo.InvariantCulture, $"time: {(large.WallMedian - small.WallMedian) / (n1 - n0) * 1000:F1} ms per stack over {small.WallMedian - (large.WallMedian - small.WallMedian) / (n1 - n0) * n0:F2} s\n");
            }
            if (stacks == GoalStacks)
            {
                var wall = figures[^1].WallMedian;
                text.Append(CultureInfo.InvariantCulture, $"goal: {GoalStacks} stacks in at most {GoalSeconds:F1} s: {wall:F2} s, {(wall <= GoalSeconds ? "met" : "NOT met")}\n");
            }
            return text.ToString();
        }
        finally
        {
            if (!keep)
                folder.Delete(recursive: true);
        }
    }
}
