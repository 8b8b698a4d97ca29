using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace BlinkInfra.Cli;

/// <summary>
/// Times whole processes as a user sees them: each command run to its exit, its wall time, its CPU
/// time and its peak resident memory as the kernel accounts them for the process and every process
/// it waited for (wait4's rusage: a script's build steps and the program it execs count too).
/// The commands take turns, run after run, so the machine's load falls on each alike.
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

    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

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
    /// Starts the command with its output sent to /dev/null and waits for it with wait4, whose rusage
    /// holds the peak memory that .NET's Process cannot give once the process has exited.
    /// </summary>
    private static Run RunOnce(Command command)
    {
        var argv = new string?[command.Arguments.Count + 2];
        argv[0] = command.File;
        for (var i = 0; i < command.Arguments.Count; i++)
            argv[i + 1] = command.Arguments[i];
        var envp = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => $"{e.Key}={e.Value}").Append(null).ToArray();

        // posix_spawn_file_actions_t is 80 bytes on glibc and a pointer on macOS: room for either.
        var actions = Marshal.AllocHGlobal(256);
        try
        {
            Check(Native.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(Native.posix_spawn_file_actions_addopen(actions, 1, "/dev/null", Native.O_WRONLY, 0), "posix_spawn_file_actions_addopen");
            Check(Native.posix_spawn_file_actions_adddup2(actions, 1, 2), "posix_spawn_file_actions_adddup2");
            var watch = Stopwatch.StartNew();
            Check(Native.posix_spawnp(out var pid, command.File, actions, IntPtr.Zero, argv, envp), $"starting {command.File}");
            int status;
            Native.RUsage usage;
            while (Native.wait4(pid, out status, 0, out usage) < 0)
            {
                if (Marshal.GetLastPInvokeError() != Native.EINTR)
                    throw new InvalidOperationException($"wait4 failed: errno {Marshal.GetLastPInvokeError()}");
            }
            var wall = watch.Elapsed.TotalSeconds;
            var exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            var cpu = usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
            // Linux counts ru_maxrss in KiB, macOS in bytes.
            var peakMiB = OperatingSystem.IsMacOS() ? usage.MaxRss / 1024.0 / 1024.0 : usage.MaxRss / 1024.0;
            return new Run(wall, cpu, peakMiB, exitCode);
        }
        finally
        {
            Native.posix_spawn_file_actions_destroy(actions);
            Marshal.FreeHGlobal(actions);
        }
    }

    private static void Check(int result, string what)
    {
        if (result != 0)
            throw new InvalidOperationException($"{what} failed: errno {result}");
    }

    private static class Native
    {
        public const int O_WRONLY = 1;
        public const int EINTR = 4;

        /// <summary>struct rusage on 64-bit Linux and macOS: two timevals, ru_maxrss, then 13 more longs (144 bytes).</summary>
        [StructLayout(LayoutKind.Sequential, Size = 144)]
        public struct RUsage
        {
            public long UserSeconds;
            public long UserMicroseconds;
            public long SystemSeconds;
            public long SystemMicroseconds;
            public long MaxRss;
        }

        [DllImport("libc", SetLastError = true)]
        public static extern int posix_spawn_file_actions_init(IntPtr actions);

        [DllImport("libc", SetLastError = true)]
        public static extern int posix_spawn_file_actions_destroy(IntPtr actions);

        [DllImport("libc", SetLastError = true)]
        public static extern int posix_spawn_file_actions_addopen(IntPtr actions, int fd, string path, int flags, int mode);

        [DllImport("libc", SetLastError = true)]
        public static extern int posix_spawn_file_actions_adddup2(IntPtr actions, int fd, int newFd);

        [DllImport("libc", SetLastError = true)]
        public static extern int posix_spawnp(out int pid, string file, IntPtr actions, IntPtr attributes, string?[] argv, string?[] envp);

        [DllImport("libc", SetLastError = true)]
        public static extern int wait4(int pid, out int status, int options, out RUsage usage);
    }
}
