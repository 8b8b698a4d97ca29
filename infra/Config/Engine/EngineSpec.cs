using System.Collections.Immutable;
using System.Linq;

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
    int TolerableFailedCheckpoints = Facts.FlinkDefaults.TolerableFailedCheckpoints,
    CheckpointCleanupSpec? CheckpointCleanup = null)
{
    /// <summary>The state bucket's name.</summary>
    public string Bucket => StateBucket.Name;

    /// <summary>Whether the session cluster of this worker pool hosts session jobs of the stack.</summary>
    public bool HostsJobs(string pool) => Jobs.Any(job => job.Pool == pool);

    /// <summary>
    /// The JobManagers of a pool's session cluster: exactly one where it hosts session jobs (the operator uploads a job's
    /// jar and runs it in two requests through the cluster's one rest Service, and only the JobManager that received the
    /// jar has it: Facts FlinkDefaults.SessionJobsNeedOneJobManager), <see cref="JobManagerReplicas"/> otherwise.
    /// </summary>
    public int JobManagersOf(string pool) => HostsJobs(pool) ? 1 : JobManagerReplicas;
}
