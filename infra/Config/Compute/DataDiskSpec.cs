namespace BlinkInfra.Config;

/// <summary>
/// A pool's state disk: one per machine, formatted and mounted at <see cref="Facts.DataDisks.MountPath"/>,
/// where RocksDB keeps its working files, and the container runtime's disk after it (<see cref="RuntimeSizeGiB"/>), which
/// ACK takes as the last data disk (<see cref="Facts.DataDisks"/>). <see cref="PerformanceLevel"/> is null for categories
/// without levels.
/// </summary>
public sealed record DataDiskSpec(string Category, int SizeGiB, string? PerformanceLevel, bool Encrypted, int RuntimeSizeGiB = Facts.DataDisks.DefaultRuntimeSizeGiB);
