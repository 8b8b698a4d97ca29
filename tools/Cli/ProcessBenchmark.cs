using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace BlinkInfra.Cli;

/// <summary>
/// Times whole processes as a user sees them: each command run to its exit, its wall time, its CPU
/// time and its peak resident memory as the kernel accounts them for the process and every process
/// it waited for (wait4's rusage: a script's build steps and the program it execs count too).
/// The commands take turns, run after run, so the machine's load falls on each alike.
/// Linux only: a process started straight from this one would count this one's memory as its own
/// (posix_spawn shares the parent's memory until exec, and the kernel keeps the larger peak across
/// exec), so each command is started from a small shell that hands it to this process, its subreaper.
/// </summary>
public static class ProcessBenchmark
{
    /// <summary>A command line: what the report calls it, the file started (found on PATH) and its arguments.</summary>
    public sealed record Command(string Label, string File, IReadOnlyList<string> Arguments);

    /// <summary>One run: seconds from start to exit, user+system CPU seconds, peak resident MiB, exit code.</summary>
    public sealed record Run(double WallSeconds, double CpuSeconds, double PeakMiB, int ExitCode);

    /// <summary>A command's runs after its warm-up.</summary>
    public sealed record Figures(Command Command, IReadOnlyList<Run> Runs)
    {
        public double WallMedian => Median(Runs.Select(r => r.WallSeconds));
        public double WallMin => Runs.Min(r => r.WallSeconds);
        public double WallMax => Runs.Max(r => r.WallSeconds);
        public double CpuMedian => Median(Runs.Select(r => r.CpuSeconds));
        public double PeakMiB => Runs.Max(r => r.PeakMiB);
    }

    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>Runs every command once to warm up (a build it triggers is not timed), then <paramref name="runs"/> times each, in turns.</summary>
    public static IReadOnlyList<Figures> Measure(IReadOnlyList<Command> commands, int runs)
    {
        var results = commands.Select(_ => new List<Run>(runs)).ToArray();
        for (var round = -1; round < runs; round++)
        {
            for (var i = 0; i < commands.Count; i++)
            {
                var run = RunOnce(commands[i]);
                if (run.ExitCode != 0)
                    throw new InvalidOperationException($"`{commands[i].Label}` exited with code {run.ExitCode}; run it alone to see why");
                if (round >= 0)
                    results[i].Add(run);
            }
        }
        return commands.Select((c, i) => new Figures(c, results[i])).ToList();
    }

    /// <summary>The figures as a table, one command per line.</summary>
    public static string Text(IReadOnlyList<Figures> figures)
    {
        var labelWidth = figures.Max(f => f.Command.Label.Length);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"whole process: {figures[0].Runs.Count} runs of each command after one warm-up, in turns; wall median (min-max), CPU median, peak memory\n");
        foreach (var f in figures)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {f.Command.Label.PadRight(labelWidth)}  wall {f.WallMedian:F2} s ({f.WallMin:F2}-{f.WallMax:F2})  CPU {f.CpuMedian:F2} s  peak {f.PeakMiB:F0} MiB\n");
        }
        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// Starts the command through a shell that forks a waiting copy of itself and exits: the copy,
    /// orphaned, is handed to this process (a subreaper); released through a FIFO, it execs the
    /// command, which this process waits for with wait4. So the command's memory before exec is the
    /// small shell's, not this process's, and the shell cannot reap it first. The clock runs from the
    /// release to the exit; the output goes to /dev/null.
    /// </summary>
    private static Run RunOnce(Command command)
    {
        if (Native.prctl(Native.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
            throw new InvalidOperationException($"prctl(PR_SET_CHILD_SUBREAPER) failed: errno {Marshal.GetLastPInvokeError()}");
        var dir = Directory.CreateTempSubdirectory("blink-bench-");
        var release = Path.Combine(dir.FullName, "release");
        var pidFile = Path.Combine(dir.FullName, "pid");
        try
        {
            if (Native.mkfifo(release, Convert.ToInt32("600", 8)) != 0)
                throw new InvalidOperationException($"mkfifo failed: errno {Marshal.GetLastPInvokeError()}");
            const string Script = "release=$1 pid=$2; shift 2; { read _ <\"$release\"; exec \"$@\"; } </dev/null >/dev/null 2>&1 & echo $! >\"$pid\"";
            var argv = new List<string?> { "/bin/sh", "-c", Script, "sh", release, pidFile, command.File };
            argv.AddRange(command.Arguments);
            argv.Add(null);
            var envp = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
                .Select(e => $"{e.Key}={e.Value}").Append(null).ToArray();
            Check(Native.posix_spawn(out var shell, "/bin/sh", IntPtr.Zero, IntPtr.Zero, argv.ToArray(), envp), "starting /bin/sh");
            var (shellStatus, _) = Wait(shell);
            if (shellStatus != 0 || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                throw new InvalidOperationException($"/bin/sh could not start `{command.Label}`");
            var watch = Stopwatch.StartNew();
            File.WriteAllText(release, "go\n");
            var (exitCode, usage) = Wait(pid);
            var wall = watch.Elapsed.TotalSeconds;
            var cpu = usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
            // Linux counts ru_maxrss in KiB.
            return new Run(wall, cpu, usage.MaxRss / 1024.0, exitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (int ExitCode, Native.RUsage Usage) Wait(int pid)
    {
        int status;
        Native.RUsage usage;
        while (Native.wait4(pid, out status, 0, out usage) < 0)
        {
            if (Marshal.GetLastPInvokeError() != Native.EINTR)
                throw new InvalidOperationException($"wait4 failed: errno {Marshal.GetLastPInvokeError()}");
        }
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), usage);
    }

    private static void Check(int result, string what)
    {
        if (result != 0)
            throw new InvalidOperationException($"{what} failed: errno {result}");
    }

    private static class Native
    {
        public const int EINTR = 4;

        /// <summary>struct rusage on 64-bit Linux: two timevals, ru_maxrss, then 13 more longs (144 bytes).</summary>
        [StructLayout(LayoutKind.Sequential, Size = 144)]
        public struct RUsage
        {
            public long UserSeconds;
            public long UserMicroseconds;
            public long SystemSeconds;
            public long SystemMicroseconds;
            public long MaxRss;
        }

        public const int PR_SET_CHILD_SUBREAPER = 36;

        [DllImport("libc", SetLastError = true)]
        public static extern int prctl(int option, nint arg2, nint arg3, nint arg4, nint arg5);

        [DllImport("libc", SetLastError = true)]
        public static extern int mkfifo(string path, int mode);

        [DllImport("libc", SetLastError = true)]
        public static extern int posix_spawn(out int pid, string path, IntPtr actions, IntPtr attributes, string?[] argv, string?[] envp);

        [DllImport("libc", SetLastError = true)]
        public static extern int wait4(int pid, out int status, int options, out RUsage usage);
    }
}
