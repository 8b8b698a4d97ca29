using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>Builds the engine spec: HA from the compute spec, and each job checked against its pool and the HA mode.</summary>
public static class EngineSpecBuilder
{
    private static string Key(string path) => $"{ConfigKeys.Section("engine")}.{path}";

    public static EngineSpec? Build(EngineConfig engine, SpecContext context)
    {
        if (context.Cluster is not { } cluster || context.Compute is not { } compute)
            return null;
        var errors = context.Errors;
        var errorCount = errors.Count;
        var highAvailability = compute.HighAvailability;
        var replicas = engine.JobManagerReplicas ?? (highAvailability ? FlinkDefaults.HighAvailabilityJobManagers : 1);
        if (!highAvailability && replicas > 1)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, Key("jobManagerReplicas"), replicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "more than one JobManager needs Kubernetes HA, which blink-infra:compute.highAvailability turns on; allowed: 1 without high availability"));
        }
        // jobManagerReplicas is the count of the session clusters that host no session job: one that does runs exactly one
        // JobManager (EngineSpec.JobManagersOf; FlinkDefaults.SessionJobsNeedOneJobManager), which Kubernetes HA restarts.
        var poolsWithJobs = engine.Jobs.Select(job => job.Pool).Where(pool => pool != null).ToHashSet(StringComparer.Ordinal);
        var poolsWithoutJobs = compute.WorkerPools.Where(pool => !poolsWithJobs.Contains(pool.Name)).Select(pool => pool.Name).ToList();
        if (highAvailability && replicas < 2 && poolsWithoutJobs.Count > 0)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, Key("jobManagerReplicas"), replicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"high availability keeps a standby JobManager in the session clusters without session jobs ({string.Join(", ", poolsWithoutJobs.Select(DerivedNames.SessionCluster))}); allowed: 2 or more with blink-infra:compute.highAvailability"));
        }
        if (highAvailability && engine.JobManagerReplicas is > 1 && poolsWithoutJobs.Count == 0 && compute.WorkerPools.Length > 0)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, Key("jobManagerReplicas"), replicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "every session cluster hosts session jobs, and each runs one JobManager: the operator uploads a job's jar and runs it in two requests through the session's rest Service, and a second JobManager would not have the jar (Kubernetes HA restarts the one from the bucket); allowed: no jobManagerReplicas, or 1"));
        }

        // JobManagers on the masters: one per session cluster (a worker pool) may share a master machine (HA spreads each
        // session's JobManagers over the zones, one per master; without HA all sit on the one master), beside the operator
        // (its requests, PodHardening) and, with jobs, a run of the checkpoint cleaner (CheckpointCleanup).
        if (InstanceCatalog.Type(compute.Masters.InstanceType) is { } masterType)
        {
            var room = NodeAllocatable.ForPods(masterType.Cores, masterType.MemoryGiB);
            var sessions = compute.WorkerPools.Length;
            var cleaner = engine.Jobs.Count > 0 && engine.CheckpointCleanup?.Enabled != false;
            var needed = FlinkDefaults.JobManagerRequests.Times(sessions).Plus(PodHardening.OperatorRequests)
                .Plus(cleaner ? CheckpointCleanup.Requests : new NodeRequests(0, 0));
            if (!needed.FitsIn(room))
            {
                errors.Add(new SpecError(DiagnosticCatalogue.OutOfRange, $"{ConfigKeys.Section("compute")}.masters.instanceType", masterType.Name,
                    $"{sessions} session clusters (one per worker pool) put up to {sessions} JobManagers of {FlinkDefaults.JobManagerRequests} each on one master machine, beside the operator ({PodHardening.OperatorRequests}){(cleaner ? $" and the checkpoint cleaner ({CheckpointCleanup.Requests})" : "")}: {needed}, and its pods have {room} (infra/Facts/NodeAllocatable.cs); allowed: a larger master type, or fewer worker pools"));
            }
        }

        var interval = engine.CheckpointIntervalSeconds ?? FlinkDefaults.CheckpointIntervalSeconds;
        var pools = compute.WorkerPools.ToDictionary(p => p.Name);
        var jobs = ImmutableArray.CreateBuilder<JobSpec>();
        for (var i = 0; i < engine.Jobs.Count; i++)
        {
            var job = engine.Jobs[i];
            var mode = job.UpgradeMode ?? "savepoint";
            if (!pools.TryGetValue(job.Pool!, out var pool))
            {
                errors.Add(new SpecError(DiagnosticCatalogue.UnknownValue, Key($"jobs[{i}].pool"), job.Pool,
                    $"job {job.Name} runs on a pool the cluster does not have; allowed: {string.Join(", ", pools.Keys)}"));
                continue;
            }
            if (mode == "last-state" && (!highAvailability || interval == 0))
            {
                errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, Key($"jobs[{i}].upgradeMode"), mode,
                    $"job {job.Name} restarts from its last checkpoint, which needs HA (blink-infra:compute.highAvailability{(highAvailability ? "" : ", off here")}) and checkpoints (blink-infra:engine.checkpointIntervalSeconds{(interval == 0 ? ", 0 here" : "")}); allowed: stateless or savepoint"));
                continue;
            }
            // A savepoint to start from lives on the stack's own bucket, where the role the jobs run as may read.
            var bucketPrefix = $"oss://{BucketOf(engine, cluster)}/";
            if (job.InitialSavepointPath is { } initial && (!initial.StartsWith(bucketPrefix, StringComparison.Ordinal) || initial.Length == bucketPrefix.Length
                || initial.Contains("..", StringComparison.Ordinal) || initial.Any(char.IsWhiteSpace)))
            {
                errors.Add(new SpecError(DiagnosticCatalogue.NotAllowed, Key($"jobs[{i}].initialSavepointPath"), initial,
                    $"job {job.Name} can start only from a savepoint on the state bucket, which its RAM role reads; allowed: a path under {bucketPrefix}, such as {bucketPrefix}savepoints/session-{pool.Name}/savepoint-0a1b2c-3d4e5f6a7b8c"));
                continue;
            }
            jobs.Add(new JobSpec(job.Name!, pool.Name, job.JarPath!, job.EntryClass, job.Parallelism ?? 1, mode,
                job.State ?? "running", job.InitialSavepointPath, job.SavepointRedeployNonce, SavepointsOf(engine.Savepoints, job.Savepoints),
                job.Args.ToImmutableArray(), job.Config.ToImmutableSortedDictionary(StringComparer.Ordinal), AutoscalerOf(job.Autoscaler)));
        }

        // ZRS where the region offers it (infra/Facts AlibabaCloud.OssZoneRedundantRegions); ForceNew, so
        // a bucket created as LRS keeps LRS only by saying so here.
        var redundancy = engine.StateRedundancy ?? AlibabaCloud.DefaultOssRedundancy(cluster.Region);
        if (redundancy == "ZRS" && !AlibabaCloud.OssZoneRedundantRegions.Contains(cluster.Region))
        {
            errors.Add(new SpecError(DiagnosticCatalogue.NotOffered, Key("stateRedundancy"), redundancy,
                $"OSS offers zone-redundant storage in {string.Join(", ", AlibabaCloud.OssZoneRedundantRegions)}, not in {cluster.Region}; allowed: LRS"));
        }
        // Images from the region's ACR VPC endpoint unless the stack names a registry or the images
        // themselves: the nodes reach it without internet egress (infra/Facts ImageSources).
        var registry = (engine.Registry ?? ImageSources.DefaultRegistry(cluster.Region)).TrimEnd('/');
        var stateBucket = new StateBucketSpec(engine.Bucket ?? DerivedNames.DefaultBucket(cluster.Name), redundancy,
            engine.StateRetention?.NoncurrentVersionDays ?? FlinkDefaults.StateNoncurrentVersionDays,
            engine.StateRetention?.IncompleteUploadDays ?? FlinkDefaults.StateIncompleteUploadDays,
            engine.StateRetention?.SavepointDays ?? FlinkDefaults.SavepointExpiryDays);
        // The bucket expires savepoints after savepointDays: a job's savepoint history must end before, or the operator would
        // keep (and restore from) savepoints the bucket already deleted; and a periodic savepoint must come more often.
        foreach (var job in jobs)
        {
            var (historyDays, intervalDays) = (job.Savepoints.MaxAgeDays, job.Savepoints.IntervalMinutes / 1440.0);
            if (historyDays < stateBucket.SavepointDays && intervalDays < stateBucket.SavepointDays)
                continue;
            errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, Key("stateRetention.savepointDays"), stateBucket.SavepointDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"the bucket would expire job {job.Name}'s savepoints while its history keeps them ({job.Savepoints.MaxAgeDays} days, blink-infra:engine.savepoints.maxAgeDays or the job's own) or before its next periodic one ({job.Savepoints.IntervalMinutes} minutes); allowed: more days than the savepoints' maxAgeDays and interval, up to {FlinkDefaults.StateRetentionMaxDays}"));
            break;
        }

        // The checkpoint cleaner, on by default with jobs: it cleans the session clusters that host them (Facts CheckpointCleanup).
        var cleanup = engine.CheckpointCleanup;
        CheckpointCleanupSpec? cleanupSpec = null;
        if (cleanup is not null && cleanup.Enabled != false && jobs.Count == 0 && engine.Jobs.Count == 0)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, Key("checkpointCleanup"), cleanup.Enabled == true ? "enabled: true" : "options",
                "the cleaner removes the checkpoint folders of session jobs the stack no longer runs, and the stack declares no job (blink-infra:engine.jobs); allowed: false, or jobs"));
        }
        else if (cleanup?.Enabled != false && jobs.Count > 0)
        {
            var sessions = compute.WorkerPools.Where(pool => jobs.Any(job => job.Pool == pool.Name)).Select(pool => DerivedNames.SessionCluster(pool.Name)).ToImmutableArray();
            cleanupSpec = new CheckpointCleanupSpec(cleanup?.Image ?? $"{registry}/{CheckpointCleanup.ImageName}:{CheckpointCleanup.ImageTag}",
                cleanup?.GraceHours ?? CheckpointCleanup.DefaultGraceHours, cleanup?.DryRun ?? false, sessions);
        }
        else if (cleanup is { Enabled: false } && (cleanup.Image ?? (object?)cleanup.GraceHours ?? cleanup.DryRun) is not null)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, Key("checkpointCleanup"), "enabled: false",
                "the cleaner's options with the cleaner off; allowed: enabled: false alone, or the options without it"));
        }

        return errors.Count > errorCount
            ? null
            : new EngineSpec(engine.Namespace ?? FlinkDefaults.JobsNamespace, stateBucket,
                highAvailability, replicas, interval,
                engine.Image ?? $"{registry}/{FlinkDefaults.ImageName}:{FlinkDefaults.ImageTag}",
                engine.OperatorImage ?? $"{registry}/{FlinkDefaults.OperatorImageName}:{FlinkDefaults.OperatorVersion}",
                engine.OperatorChartRepository ?? ImageSources.OperatorChartRepository,
                engine.StateBackend ?? FlinkDefaults.DefaultStateBackend,
                engine.FlinkConfiguration.ToImmutableSortedDictionary(StringComparer.Ordinal), jobs.ToImmutable(),
                engine.TolerableFailedCheckpoints ?? FlinkDefaults.TolerableFailedCheckpoints, cleanupSpec);
    }

    /// <summary>A job's autoscaler: none unless enabled, the operator's documented defaults for what it leaves out.</summary>
    public static AutoscalerSpec? AutoscalerOf(AutoscalerConfig? autoscaler)
        => autoscaler is { Enabled: true }
            ? new AutoscalerSpec(
                autoscaler.TargetUtilization ?? JobAutoscaling.DefaultTargetUtilization,
                autoscaler.StabilizationMinutes ?? JobAutoscaling.DefaultStabilizationMinutes,
                autoscaler.MetricsWindowMinutes ?? JobAutoscaling.DefaultMetricsWindowMinutes,
                autoscaler.ScaleDownMaxFactor ?? JobAutoscaling.DefaultScaleDownMaxFactor,
                autoscaler.MaxParallelism ?? JobAutoscaling.DefaultMaxParallelism)
            : null;

    private static string BucketOf(EngineConfig engine, ClusterSpec cluster) => engine.Bucket ?? DerivedNames.DefaultBucket(cluster.Name);

    /// <summary>A job's savepoints: its own keys over the engine's, over the defaults.</summary>
    public static SavepointsSpec SavepointsOf(SavepointsConfig? engine, SavepointsConfig? job)
        => new(
            job?.IntervalMinutes ?? engine?.IntervalMinutes ?? FlinkDefaults.SavepointIntervalMinutes,
            job?.MaxCount ?? engine?.MaxCount ?? FlinkDefaults.SavepointMaxCount,
            job?.MaxAgeDays ?? engine?.MaxAgeDays ?? FlinkDefaults.SavepointMaxAgeDays,
            job?.DisposeOnDelete ?? engine?.DisposeOnDelete ?? FlinkDefaults.SavepointDisposeOnDeleteDefault);
}
