namespace BlinkInfra.Config;

/// <summary>`blink-infra:compute.workerPools[i].dataDisk`: the disk each machine of the pool gets for Flink's local state.</summary>
public sealed class DataDiskConfig
{
    public bool? Enabled { get; set; }
    public string? Category { get; set; }
    public int? SizeGiB { get; set; }
    public string? PerformanceLevel { get; set; }
    public bool? Encrypted { get; set; }
    public int? RuntimeSizeGiB { get; set; }
}
