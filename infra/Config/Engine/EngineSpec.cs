using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>The Flink engine: where it runs, its state bucket, HA, and the jobs it runs.</summary>
public sealed record EngineSpec(
    string Namespace,
    StateBucketSpec StateBucket,
    bool HighAvailability,
    int JobManagerReplicas,
    int CheckpointIntervalSeconds,
    string Image,
    string OperatorImage,
    string OperatorChartRepository,
    string StateBackend,
    ImmutableSortedDictionary<string, string> FlinkConfiguration,
    ImmutableArray<JobSpec> Jobs,
    int TolerableFailedCheckpoints = Facts.FlinkDefaults.TolerableFailedCheckpoints)
{
    /// <summary>The state bucket's name.</summary>
    public string Bucket => StateBucket.Name;
}
