using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:engine`.</summary>
public sealed class EngineConfig
{
    public string? Namespace { get; set; }
    public string? Bucket { get; set; }
    public string? StateRedundancy { get; set; }
    public StateRetentionConfig? StateRetention { get; set; }
    public int? JobManagerReplicas { get; set; }
    public int? CheckpointIntervalSeconds { get; set; }
    public int? TolerableFailedCheckpoints { get; set; }
    public string? Image { get; set; }
    public string? OperatorImage { get; set; }
    public string? Registry { get; set; }
    public string? OperatorChartRepository { get; set; }
    public string? StateBackend { get; set; }
    public SavepointsConfig? Savepoints { get; set; }
    public CheckpointCleanupConfig? CheckpointCleanup { get; set; }
    public Dictionary<string, string> FlinkConfiguration { get; set; } = new();
    public List<JobConfig> Jobs { get; set; } = new();
}
