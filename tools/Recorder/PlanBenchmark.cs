using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Plan;

namespace BlinkInfra.Recorder;

/// <summary>Times planning a stack: wall time per plan (median, 90th percentile, fastest) and the process's peak memory.</summary>
public static class PlanBenchmark
{
    public sealed record Report(string Stack, int Resources, int Runs, double MedianMs, double P90Ms, double FastestMs, double PeakWorkingSetMiB, double AllocatedMiBPerPlan)
    {
        public string Text()
            => string.Create(CultureInfo.InvariantCulture,
                $"bench: stack {Stack}, {Resources} resources, {Runs} plans (after one warm-up)\n" +
                $"wall time per plan: median {MedianMs:F1} ms, p90 {P90Ms:F1} ms, fastest {FastestMs:F1} ms\n" +
                $"memory: peak working set {PeakWorkingSetMiB:F1} MiB, {AllocatedMiBPerPlan:F1} MiB allocated per plan\n");
    }

    /// <summary>Times <paramref name="plan"/>, which loads and plans the stack as the plan verb does.</summary>
    public static async Task<Report> RunAsync(string stackName, Func<Task<StackPlan>> plan, int runs)
    {
        var warmUp = await plan();
        var times = new List<double>(runs);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await plan();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)runs;
        times.Sort();
        double At(double quantile) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(quantile * times.Count) - 1)];
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new Report(stackName, warmUp.Resources.Length, runs, At(0.5), At(0.9), times[0],
            process.PeakWorkingSet64 / 1024.0 / 1024.0, allocated / 1024.0 / 1024.0);
    }
}
