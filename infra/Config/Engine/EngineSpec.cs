using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>The Flink engine: where it runs, its state bucket, HA, and the jobs it runs.</summary>
public sealed record EngineSpec(
    string Namespace,
    string Bucket,
    bool HighAvailability,
    int JobManagerReplicas,
    int CheckpointIntervalSeconds,
    string Image,
    string? OperatorImage,
    string StateBackend,
    ImmutableSortedDictionary<string, string> FlinkConfiguration,
    ImmutableArray<JobSpec> Jobs);
