namespace BlinkInfra.Config;

/// <summary>
/// A pool's state disk: one per machine, formatted and mounted at <see cref="Facts.DataDisks.MountPath"/>,
/// where RocksDB keeps its working files. <see cref="PerformanceLevel"/> is null for categories without levels.
/// </summary>
public sealed record DataDiskSpec(string Category, int SizeGiB, string? PerformanceLevel, bool Encrypted);
