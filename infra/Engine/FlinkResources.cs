using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace BlinkInfra.Engine;

/// <summary>
/// The FlinkDeployment and FlinkSessionJob objects, built as the operator's CRDs define them
/// (../shared/flink-operator-1.15.0; the tests check each against the CRD's schema).
/// </summary>
public static class FlinkResources
{
    private static ImmutableDictionary<string, object> Map(params (string Key, object? Value)[] entries)
        => entries.Where(e => e.Value != null).ToImmutableDictionary(e => e.Key, e => e.Value!);

    private static ImmutableArray<object> List(params object[] items) => ImmutableArray.Create(items);

    /// <summary>The session cluster's name in Kubernetes: one per worker pool.</summary>
    public static string SessionName(string pool) => DerivedNames.SessionCluster(pool);

    /// <summary>
    /// The TaskManager of a pool: one per machine, requesting what each of its machines offers after
    /// the system's share (the same model the pool's CU come from, infra/Facts WorkerResources), a
    /// slot per CU. A pool of types BlinkInfra does not know gets one CU's worth.
    /// </summary>
    public static (double Cpu, string Memory, int Slots, int Gpus) TaskManagerOf(WorkerPoolSpec pool)
    {
        var usable = pool.UsablePerNode ?? new UsableResources(ComputeUnits.CoresPerCu, ComputeUnits.MemoryGiBPerCu);
        var gpus = pool.Kind == MachineKind.Gpu
            ? pool.InstanceTypes.Select(InstanceCatalog.Type).Where(t => t != null).Select(t => t!.Accelerators).DefaultIfEmpty(1).Min()
            : 0;
        return (usable.Cores, $"{usable.MemoryGiB * 1024}m", usable.ComputeUnitCount, gpus);
    }

    public static KubernetesCustomResource SessionCluster(string resourceName, WorkerPoolSpec pool, EngineSpec engine, string region, CustomResourceOptions options)
    {
        var name = SessionName(pool.Name);
        var taskManager = TaskManagerOf(pool);
        // Flink 1.20's current names (infra/Facts FlinkDefaults), not the deprecated ones it falls back to.
        var configuration = new Dictionary<string, object>
        {
            [FlinkDefaults.TaskSlots] = taskManager.Slots.ToString(CultureInfo.InvariantCulture),
            [FlinkDefaults.CheckpointsDir] = $"oss://{engine.Bucket}/{FlinkDefaults.CheckpointsPrefix}{name}",
            [FlinkDefaults.SavepointsDir] = $"oss://{engine.Bucket}/{FlinkDefaults.SavepointsPrefix}{name}",
            [FlinkDefaults.OssEndpoint] = FlinkDefaults.OssInternalEndpoint(region),
        };
        if (engine.CheckpointIntervalSeconds > 0)
        {
            configuration[FlinkDefaults.CheckpointInterval] = $"{engine.CheckpointIntervalSeconds}s";
            // A failed checkpoint (an OSS timeout) does not fail the job over until this many in a row.
            configuration[FlinkDefaults.TolerableFailedCheckpointsSetting] = engine.TolerableFailedCheckpoints.ToString(CultureInfo.InvariantCulture);
        }
        // Working state in RocksDB on the pool's data disk, checkpoints incremental (only the new SST files
        // go to the bucket); checkpoints, savepoints and HA metadata stay on the bucket (above).
        configuration[FlinkDefaults.StateBackendType] = engine.StateBackend;
        var rocksDb = engine.StateBackend == "rocksdb";
        if (rocksDb)
            configuration[FlinkDefaults.IncrementalCheckpoints] = "true";
        var stateDisk = rocksDb && pool.DataDisk != null;
        if (stateDisk)
            configuration[FlinkDefaults.RocksDbLocalDir] = DataDisks.RocksDbDirectory;
        // Every port the security group rules open, pinned to the number they open (Flink's data port
        // is random otherwise), so the rules and the cluster cannot disagree.
        foreach (var port in FlinkPorts.All)
            configuration[port.Setting] = port.Number.ToString(CultureInfo.InvariantCulture);
        // A session cluster whose jobs autoscale runs the adaptive scheduler, which in-place rescaling needs (JobAutoscaling).
        if (engine.Jobs.Any(job => job.Pool == pool.Name && job.Autoscaler != null))
            configuration[JobAutoscaling.Scheduler] = JobAutoscaling.AdaptiveScheduler;
        // Every JobManager and TaskManager reports its metrics on the Prometheus port above.
        configuration[FlinkPorts.PrometheusReporterFactorySetting] = FlinkPorts.PrometheusReporterFactory;
        if (engine.HighAvailability)
        {
            configuration[FlinkDefaults.HighAvailabilityType] = "kubernetes";
            configuration[FlinkDefaults.HighAvailabilityStorageDir] = $"oss://{engine.Bucket}/{FlinkDefaults.HighAvailabilityPrefix}{name}";
            configuration[FlinkPorts.HighAvailabilityJobManagerPort] = FlinkPorts.JobManagerRpc.Number.ToString(CultureInfo.InvariantCulture);
        }
        // The stack's own settings; validation keeps them off the keys above.
        foreach (var (setting, value) in engine.FlinkConfiguration)
            configuration[setting] = value;

        // Every Flink container loads the OSS filesystem plugin, so state can live on the bucket: the stock image links
        // it from opt/ at start (ENABLE_BUILT_IN_PLUGINS, Flink's docker-entrypoint.sh); an image of the stack's own
        // carries it under plugins/ with its credentials provider beside it (images/flink-rrsa/), where a second copy
        // would register the oss:// scheme twice. Every Flink container asks STS for its RRSA credentials at the
        // region's VPC endpoint, not at the library's public default, which only internet egress reaches (StsEndpoints).
        var environment = StsEndpoints.Environment(region).Select(variable => (object)Map(("name", variable.Name), ("value", variable.Value))).ToList();
        if (FlinkDefaults.IsStockImage(engine.Image))
            environment.Insert(0, Map(("name", "ENABLE_BUILT_IN_PLUGINS"), ("value", FlinkDefaults.OssPluginJar)));
        // Every Flink pod runs as the image's flink user, with nothing to escalate to, above batch work (PodHardening).
        var podTemplate = Map(("spec", Map(
            ("priorityClassName", PodHardening.FlinkPriorityClass),
            ("securityContext", Map(("runAsUser", PodHardening.FlinkUser), ("runAsGroup", PodHardening.FlinkUser), ("runAsNonRoot", true),
                ("fsGroup", PodHardening.FlinkUser), ("seccompProfile", Map(("type", "RuntimeDefault"))))),
            ("containers", List(Map(("name", FlinkDefaults.MainContainer),
                ("env", environment.ToImmutableArray()),
                ("securityContext", NoEscalation())))))));

        var jobManagerPod = Map(
            ("nodeSelector", MasterPlacement.NodeSelector()),
            ("tolerations", MasterPlacement.Tolerations()),
            ("affinity", engine.HighAvailability
                ? Map(("podAntiAffinity", Map(("requiredDuringSchedulingIgnoredDuringExecution", List(Map(
                    ("labelSelector", Map(("matchLabels", Map(("app", name), ("component", "jobmanager"))))),
                    ("topologyKey", FlinkDefaults.ZoneTopologyKey)))))))
                : null));

        var taskManagerContainer = Map(("name", FlinkDefaults.MainContainer),
            ("resources", taskManager.Gpus > 0 ? Map(("limits", Map((FlinkDefaults.GpuResource, taskManager.Gpus.ToString(CultureInfo.InvariantCulture))))) : null),
            ("volumeMounts", stateDisk ? List(Map(("name", StateVolume), ("mountPath", DataDisks.MountPath))) : null));
        var taskManagerPod = Map(
            ("nodeSelector", Map((NodeRoles.PoolLabel, pool.Name))),
            ("tolerations", pool.Kind == MachineKind.Cpu ? null : List(MasterPlacement.Toleration(NodeRoles.AcceleratorLabel, NodeRoles.AcceleratorName(pool.Kind)))),
            ("volumes", stateDisk ? List(Map(("name", StateVolume), ("hostPath", Map(("path", DataDisks.MountPath), ("type", "Directory"))))) : null),
            ("initContainers", stateDisk ? List(StateDirectoryOwner(engine.Image)) : null),
            ("containers", taskManager.Gpus > 0 || stateDisk ? List(taskManagerContainer) : null));

        var spec = Map(
            ("image", engine.Image),
            ("flinkVersion", FlinkDefaults.FlinkVersion),
            // The session's own service account, whose RAM role reaches only this session's state (Documents.SessionStateAccess).
            ("serviceAccount", FlinkDefaults.SessionServiceAccount(pool.Name)),
            ("mode", "native"),
            ("flinkConfiguration", configuration.ToImmutableDictionary()),
            ("podTemplate", podTemplate),
            ("jobManager", Map(
                // One JobManager where the session hosts session jobs (EngineSpec.JobManagersOf).
                ("replicas", engine.JobManagersOf(pool.Name)),
                ("resource", Map(("cpu", FlinkDefaults.JobManagerCpu), ("memory", FlinkDefaults.JobManagerMemory))),
                ("podTemplate", Map(("metadata", ScrapedMetadata()), ("spec", jobManagerPod))))),
            ("taskManager", Map(
                ("resource", Map(("cpu", taskManager.Cpu), ("memory", taskManager.Memory))),
                ("podTemplate", Map(("metadata", ScrapedMetadata()), ("spec", taskManagerPod))))));

        return new KubernetesCustomResource(resourceName, new FlinkResourceArgs(FlinkDefaults.DeploymentKind)
        {
            Metadata = new ObjectMetaArgs { Name = name, Namespace = engine.Namespace, Labels = { { NodeRoles.PoolLabel, pool.Name } } },
            Spec = spec,
        }, options);
    }

    /// <summary>A Flink pod's metadata: annotated for the managed Prometheus to scrape its reporter's port.</summary>
    private static ImmutableDictionary<string, object> ScrapedMetadata()
        => Map(("annotations", Map((FlinkDefaults.ScrapeAnnotation, "true"),
            (FlinkDefaults.ScrapePortAnnotation, FlinkPorts.PrometheusReporter.Number.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>The TaskManager pod's volume of the node's state disk.</summary>
    public const string StateVolume = "blink-state";

    /// <summary>A container that cannot gain privileges: no escalation (setuid), no capabilities.</summary>
    private static ImmutableDictionary<string, object> NoEscalation()
        => Map(("allowPrivilegeEscalation", false), ("capabilities", Map(("drop", List("ALL")))));

    /// <summary>
    /// Empties RocksDB's directory on the node's state disk at every TaskManager start, as the Flink user (uid 9999), with
    /// nothing to escalate to: the node made the directory that user's (the pool's user data, DataDisks.StateDirectoryScript),
    /// since fsGroup never applies to a hostPath and ACK mounts the disk owned by root. A TaskManager killed without its
    /// shutdown (OOM, node pressure) leaves its RocksDB instances on the host path, which outlives the pod, and nothing else
    /// removes them: the directory is emptied at every pod start, which is safe because a TaskManager requests its whole
    /// machine (one per node, see ClusterCompute) and restores from the checkpoint, never from these files. The node's
    /// script runs beside the node becoming Ready, so the container waits for it (up to five minutes) and fails saying
    /// why if it never comes. It runs the session cluster's own image (already pulled for the TaskManager).
    /// </summary>
    private static ImmutableDictionary<string, object> StateDirectoryOwner(string image)
        => Map(("name", "blink-state-owner"),
            ("image", image),
            ("command", List("sh", "-c",
                $"d={DataDisks.RocksDbDirectory}; for i in $(seq 60); do [ -d $d ] && [ -w $d ] && break; sleep 5; done; "
                + $"[ -w $d ] || {{ echo \"$d is not the Flink user's (uid {PodHardening.FlinkUser}): the node pool's user data did not make it; see README, The state disk's mount\" >&2; exit 1; }}; "
                + "find $d -mindepth 1 -delete")),
            ("securityContext", NoEscalation()),
            ("volumeMounts", List(Map(("name", StateVolume), ("mountPath", DataDisks.MountPath)))));

    /// <summary>
    /// The operator's savepoint settings for one job, as its FlinkSessionJob's flinkConfiguration carries them
    /// (see <see cref="FlinkDefaults.PeriodicSavepointInterval"/>): Flink durations, "360min" and "7d".
    /// </summary>
    public static IEnumerable<(string Key, string Value)> SavepointSettings(SavepointsSpec savepoints)
    {
        yield return (FlinkDefaults.PeriodicSavepointInterval, savepoints.IntervalMinutes == 0 ? "0" : $"{savepoints.IntervalMinutes}min");
        yield return (FlinkDefaults.SavepointHistoryMaxCount, savepoints.MaxCount.ToString(CultureInfo.InvariantCulture));
        yield return (FlinkDefaults.SavepointHistoryMaxAge, $"{savepoints.MaxAgeDays}d");
        yield return (FlinkDefaults.SavepointDisposeOnDelete, savepoints.DisposeOnDelete ? "true" : "false");
    }

    /// <summary>
    /// The operator's autoscaler settings for one job, as its FlinkSessionJob's flinkConfiguration carries them
    /// (see <see cref="JobAutoscaling"/>): Flink durations in minutes, fractions as decimals.
    /// </summary>
    public static IEnumerable<(string Key, string Value)> AutoscalerSettings(AutoscalerSpec autoscaler)
    {
        yield return (JobAutoscaling.Enabled, "true");
        yield return (JobAutoscaling.TargetUtilization, autoscaler.TargetUtilization.ToString(CultureInfo.InvariantCulture));
        yield return (JobAutoscaling.StabilizationInterval, $"{autoscaler.StabilizationMinutes}min");
        yield return (JobAutoscaling.MetricsWindow, $"{autoscaler.MetricsWindowMinutes}min");
        yield return (JobAutoscaling.ScaleDownMaxFactor, autoscaler.ScaleDownMaxFactor.ToString(CultureInfo.InvariantCulture));
        yield return (JobAutoscaling.VertexMaxParallelism, autoscaler.MaxParallelism.ToString(CultureInfo.InvariantCulture));
    }

    public static KubernetesCustomResource SessionJob(string resourceName, JobSpec job, EngineSpec engine, CustomResourceOptions options)
    {
        // The job's own settings, then the savepoints' and the autoscaler's (validation keeps the job's off those keys).
        var configuration = job.Config.ToDictionary(kv => kv.Key, kv => (object)kv.Value);
        foreach (var (key, value) in SavepointSettings(job.Savepoints))
            configuration[key] = value;
        if (job.Autoscaler is { } autoscaler)
        {
            foreach (var (key, value) in AutoscalerSettings(autoscaler))
                configuration[key] = value;
        }
        var spec = Map(
            ("deploymentName", SessionName(job.Pool)),
            ("job", Map(
                ("jarURI", $"oss://{engine.Bucket}/{job.JarPath}"),
                ("entryClass", job.EntryClass),
                ("args", job.Args.IsEmpty ? null : job.Args.Cast<object>().ToImmutableArray()),
                ("parallelism", job.Parallelism),
                ("upgradeMode", job.UpgradeMode),
                ("state", job.State),
                ("initialSavepointPath", job.InitialSavepointPath),
                ("savepointRedeployNonce", job.SavepointRedeployNonce))),
            ("flinkConfiguration", configuration.ToImmutableDictionary()));

        return new KubernetesCustomResource(resourceName, new FlinkResourceArgs(FlinkDefaults.SessionJobKind)
        {
            Metadata = new ObjectMetaArgs { Name = job.Name, Namespace = engine.Namespace },
            Spec = spec,
        }, options);
    }
}
