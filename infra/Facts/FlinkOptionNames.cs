using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>
/// Every Flink option the config's checks know by name, in one list: the name Flink 1.20 documents and
/// every other name it reads for the same option (deprecated keys, then fallback keys, as the option
/// class declares them with withDeprecatedKeys and withFallbackKeys). The settings the program derives
/// (<see cref="FlinkDefaults.SettingsFromSpec"/>, <see cref="FlinkPorts"/>) and the settings that would
/// expose a service (<see cref="FlinkDefaults.ExposingSettings"/>) take their other names from here.
/// </summary>
public static class FlinkOptionNames
{
    /// <summary>One Flink option: its key, the option class (and field) that declares it, the other names Flink reads for it.</summary>
    public sealed record Option(string Key, string DeclaredIn, ImmutableArray<string> OtherNames)
    {
        public IEnumerable<string> Names => OtherNames.Prepend(Key);
    }

    private static Option Of(string key, string declaredIn, params string[] otherNames) => new(key, declaredIn, otherNames.ToImmutableArray());

    // Sources: apache/flink, the option classes of Flink 1.20 (flink-core org.apache.flink.configuration
    // unless named otherwise), read 2026-11-27 through the stored copies of the repository:
    // CheckpointingOptions in its 1.20 form (execution.checkpointing.* with the state.* keys deprecated);
    // RestOptions, WebOptions, TaskManagerOptions, JobManagerOptions, NettyShuffleEnvironmentOptions,
    // HighAvailabilityOptions, JMXServerOptions, MetricOptions as stored (their keys unchanged up to 1.20;
    // deprecated keys are removed only in 2.0, FLIP-382); KubernetesConfigOptions (flink-kubernetes) and its
    // test KubernetesConfigOptionsTest (kubernetes.pod-template-file.default over the deprecated
    // kubernetes.pod-template-file); RocksDBOptions (flink-statebackend-rocksdb); QueryableStateOptions.
    // A bind port (taskmanager.data.bind-port, *.rpc.bind-port) is read instead of its port when set
    // (the option's description: "If not configured, the external port ... will be used"), so it counts
    // as another name of the port.
    public static readonly ImmutableArray<Option> All = ImmutableArray.Create(
        // Derived by the program.
        Of("taskmanager.numberOfTaskSlots", "TaskManagerOptions.NUM_TASK_SLOTS"),
        Of("execution.checkpointing.dir", "CheckpointingOptions.CHECKPOINTS_DIRECTORY", "state.checkpoints.dir", "state.backend.fs.checkpointdir"),
        Of("execution.checkpointing.savepoint-dir", "CheckpointingOptions.SAVEPOINT_DIRECTORY", "state.savepoints.dir", "savepoints.state.backend.fs.dir"),
        Of("execution.checkpointing.interval", "CheckpointingOptions.CHECKPOINTING_INTERVAL"),
        Of("execution.checkpointing.incremental", "CheckpointingOptions.INCREMENTAL_CHECKPOINTS", "state.backend.incremental"),
        Of("state.backend.type", "StateBackendOptions.STATE_BACKEND (CheckpointingOptions.STATE_BACKEND, deprecated)", "state.backend"),
        Of("state.backend.rocksdb.localdir", "RocksDBOptions.LOCAL_DIRECTORIES", "state.backend.rocksdb.checkpointdir"),
        Of("high-availability.type", "HighAvailabilityOptions.HA_MODE", "recovery.mode", "high-availability"),
        Of("high-availability.jobmanager.port", "HighAvailabilityOptions.HA_JOB_MANAGER_PORT_RANGE", "recovery.jobmanager.port"),
        // The operator writes kubernetes.service-account from the FlinkDeployment's spec.serviceAccount
        // (flink-kubernetes-operator FlinkConfigBuilder.applyServiceAccount, read 2026-11-27); the
        // JobManager's and TaskManagers' own keys win over it (it is their fallback key), so they are its other names.
        Of("kubernetes.service-account", "KubernetesConfigOptions.KUBERNETES_SERVICE_ACCOUNT (fallback of JOB_MANAGER_SERVICE_ACCOUNT and TASK_MANAGER_SERVICE_ACCOUNT)",
            "kubernetes.jobmanager.service-account", "kubernetes.taskmanager.service-account"),
        // Set by the program on a session cluster whose jobs autoscale (no deprecated key in 1.20).
        Of("jobmanager.scheduler", "JobManagerOptions.SCHEDULER"),
        Of("fs.oss.endpoint", "flink-oss-fs-hadoop (OSSFileSystemFactory: fs.oss.* handed to Hadoop's AliyunOSSFileSystem)"),
        Of("taskmanager.data.port", "NettyShuffleEnvironmentOptions.DATA_PORT", "taskmanager.data.bind-port"),
        Of("taskmanager.rpc.port", "TaskManagerOptions.RPC_PORT", "taskmanager.rpc.bind-port"),
        Of("jobmanager.rpc.port", "JobManagerOptions.PORT", "jobmanager.rpc.bind-port"),
        Of("blob.server.port", "BlobServerOptions.PORT"),
        // rest.port: deprecated key web.port; the server binds rest.bind-port, which falls back to rest.port
        // and has the deprecated keys web.port and jobmanager.web.port (WebOptions.PORT's own deprecated key).
        Of("rest.port", "RestOptions.PORT and RestOptions.BIND_PORT", "rest.bind-port", "web.port", "jobmanager.web.port"),
        Of("metrics.reporter.prom.port", "MetricOptions (metrics.reporter.<name>.*), PrometheusReporterFactory's port"),
        Of("metrics.internal.query-service.port", "MetricOptions.QUERY_SERVICE_PORT"),
        Of("execution.checkpointing.tolerable-failed-checkpoints", "CheckpointingOptions.TOLERABLE_FAILURE_NUMBER (1.20; ExecutionCheckpointingOptions before)"),
        // Exposing a service.
        Of("rest.bind-address", "RestOptions.BIND_ADDRESS", "web.address", "jobmanager.web.address"),
        Of("rest.address", "RestOptions.ADDRESS (falls back to jobmanager.rpc.address, listed on its own)"),
        Of("jobmanager.rpc.address", "JobManagerOptions.ADDRESS"),
        Of("jobmanager.bind-host", "JobManagerOptions.BIND_HOST"),
        Of("taskmanager.bind-host", "TaskManagerOptions.BIND_HOST"),
        Of("taskmanager.host", "TaskManagerOptions.HOST"),
        Of("jmx.server.port", "JMXServerOptions.JMX_SERVER_PORT"),
        Of("queryable-state.enable", "QueryableStateOptions.ENABLE_QUERYABLE_STATE_PROXY_SERVER"),
        Of("kubernetes.rest-service.exposed.type", "KubernetesConfigOptions.REST_SERVICE_EXPOSED_TYPE"),
        Of("kubernetes.hostnetwork.enabled", "KubernetesConfigOptions.KUBERNETES_HOSTNETWORK_ENABLED"),
        Of("kubernetes.pod-template-file.default", "KubernetesConfigOptions.KUBERNETES_POD_TEMPLATE", "kubernetes.pod-template-file"),
        Of("kubernetes.pod-template-file.jobmanager", "KubernetesConfigOptions.JOB_MANAGER_POD_TEMPLATE (falls back to .default and its deprecated key)"),
        Of("kubernetes.pod-template-file.taskmanager", "KubernetesConfigOptions.TASK_MANAGER_POD_TEMPLATE (falls back to .default and its deprecated key)"));

    private static readonly ImmutableDictionary<string, Option> ByKey = All.ToImmutableDictionary(o => o.Key, StringComparer.Ordinal);

    /// <summary>The option whose documented key this is; every key the checks name is in the list.</summary>
    public static Option Named(string key)
        => ByKey.TryGetValue(key, out var option) ? option : throw new ArgumentException($"{key} is not in FlinkOptionNames.All", nameof(key));

    /// <summary>
    /// The other names Flink reads for the option of this key; none for the operator's own
    /// kubernetes.operator.* options (KubernetesOperatorConfigOptions, outside Flink's classes).
    /// </summary>
    public static ImmutableArray<string> OtherNamesOf(string key)
        => key.StartsWith(OperatorPrefix, StringComparison.Ordinal) ? ImmutableArray<string>.Empty : Named(key).OtherNames;

    private const string OperatorPrefix = "kubernetes.operator.";
}
