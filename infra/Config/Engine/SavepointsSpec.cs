namespace BlinkInfra.Config;

/// <summary>
/// A job's savepoints: one every <see cref="IntervalMinutes"/> (0 for none), at most <see cref="MaxCount"/> kept and none
/// older than <see cref="MaxAgeDays"/>, and whether the operator disposes of them when the job is deleted.
/// </summary>
public sealed record SavepointsSpec(int IntervalMinutes, int MaxCount, int MaxAgeDays, bool DisposeOnDelete);
