using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>
/// The Flink engine's pinned versions and defaults, in one place.
/// Sources: the Apache Flink Kubernetes Operator 1.15.0 Helm chart (../shared/flink-operator-1.15.0:
/// Chart.yaml version and appVersion 1.15.0; its CRDs' flinkVersion enum, which ends at v2_2); the
/// Flink 1.20 documentation (the OSS filesystem plugin flink-oss-fs-hadoop, Kubernetes HA services,
/// checkpoint and savepoint directories); ACK RRSA (the ack-pod-identity-webhook add-on, the
/// pod-identity.alibabacloud.com annotations, the OIDC trust policy).
/// </summary>
public static class FlinkDefaults
{
    public const string OperatorChart = "flink-kubernetes-operator";
    public const string OperatorVersion = "1.15.0";
    public const string OperatorNamespace = "flink-operator";
    /// <summary>The chart's operatorServiceAccount.name.</summary>
    public const string OperatorServiceAccount = "flink-operator";

    /// <summary>
    /// The chart's own defaultConfiguration."flink-conf.yaml" overrides (values.yaml of 1.15.0): setting
    /// that key replaces the chart's text, so the operator's OSS settings are appended to these lines.
    /// </summary>
    public static readonly ImmutableArray<string> OperatorChartConfiguration = ImmutableArray.Create(
        "kubernetes.operator.metrics.reporter.slf4j.factory.class: org.apache.flink.metrics.slf4j.Slf4jReporterFactory",
        "kubernetes.operator.metrics.reporter.slf4j.interval: 5 MINUTE",
        "kubernetes.operator.reconcile.interval: 15 s",
        "kubernetes.operator.observer.progress-check.interval: 5 s");

    /// <summary>The CRDs the operator serves: group/version, and the kinds BlinkInfra declares.</summary>
    public const string ApiVersion = "flink.apache.org/v1beta1";
    public const string DeploymentKind = "FlinkDeployment";
    public const string SessionJobKind = "FlinkSessionJob";

    /// <summary>The type tokens of the operator's custom resources, as Pulumi registers them: "kubernetes:&lt;apiVersion&gt;:&lt;kind&gt;".</summary>
    public const string DeploymentType = "kubernetes:" + ApiVersion + ":" + DeploymentKind;

    public const string SessionJobType = "kubernetes:" + ApiVersion + ":" + SessionJobKind;

    /// <summary>The Flink the session clusters run: the CRD's flinkVersion, the image, the OSS plugin jar.</summary>
    public const string FlinkVersion = "v1_20";
    public const string ImageTag = "1.20.1-scala_2.12-java17";
    public const string Image = "flink:" + ImageTag;
    /// <summary>The image's repository name, under a registry such as the default (infra/Facts ImageSources).</summary>
    public const string ImageName = "flink";
    /// <summary>The operator image's repository name (the chart's image.repository ends with it).</summary>
    public const string OperatorImageName = "flink-kubernetes-operator";
    public const string OssPluginJar = "flink-oss-fs-hadoop-1.20.1.jar";

    // Flink 1.20's names for the settings the program writes; every other name Flink reads for each is in
    // FlinkOptionNames (one list, with the option class that declares it). Every HA option sits under
    // high-availability. (its old name under recovery.), so the HA setting is guarded by those prefixes too.
    public const string CheckpointsDir = "execution.checkpointing.dir";
    public const string SavepointsDir = "execution.checkpointing.savepoint-dir";
    public const string CheckpointInterval = "execution.checkpointing.interval";
    public const string TaskSlots = "taskmanager.numberOfTaskSlots";
    public const string OssEndpoint = "fs.oss.endpoint";
    public const string HighAvailabilityType = "high-availability.type";
    public const string HighAvailabilityStorageDir = "high-availability.storageDir";

    // The state backend (hashmap or rocksdb), incremental checkpoints and where RocksDB keeps its working
    // files on the TaskManager; their classes and old names in FlinkOptionNames.
    public const string StateBackendType = "state.backend.type";
    public const string IncrementalCheckpoints = "execution.checkpointing.incremental";
    public const string RocksDbLocalDir = "state.backend.rocksdb.localdir";
    public static readonly ImmutableArray<string> StateBackends = ImmutableArray.Create("rocksdb", "hashmap");
    public const string DefaultStateBackend = "rocksdb";

    /// <summary>The user the Flink image runs its processes as (the image's flink user), who must own RocksDB's directory.</summary>
    public const string FlinkUserId = "9999";

    /// <summary>
    /// A Flink setting the program derives from the spec: the name it writes, every other name Flink
    /// reads for the same setting (deprecated keys, fallbacks), name prefixes that belong to it, and
    /// where its value comes from.
    /// </summary>
    public sealed record DerivedSetting(string Key, string Source, ImmutableArray<string> OtherNames, ImmutableArray<string> Prefixes)
    {
        /// <summary>Every full name Flink reads for the setting.</summary>
        public IEnumerable<string> Names => OtherNames.Prepend(Key);

        /// <summary>Whether Flink reads this name for the setting.</summary>
        public bool IsReadAs(string name)
            => name == Key || OtherNames.Contains(name) || Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// The settings the program derives, each under every name Flink reads for it: a stack's
    /// `engine.flinkConfiguration` may set none of them, in any spelling.
    /// </summary>
    public static readonly ImmutableArray<DerivedSetting> SettingsFromSpec = ImmutableArray.Create(
        Derived(TaskSlots, "the pool's instance types"),
        Derived(CheckpointsDir, "blink-infra:engine.bucket"),
        Derived(SavepointsDir, "blink-infra:engine.bucket"),
        Derived(CheckpointInterval, "blink-infra:engine.checkpointIntervalSeconds"),
        Derived(TolerableFailedCheckpointsSetting, "blink-infra:engine.tolerableFailedCheckpoints"),
        Derived(OssEndpoint, "blink-infra:cluster.region"),
        Derived(ServiceAccountSetting, $"the session cluster's service account ({ServiceAccount}-<pool>, the one the Role binds and the session's RAM role trusts)"),
        Derived(StateBackendType, "blink-infra:engine.stateBackend"),
        Derived(IncrementalCheckpoints, "blink-infra:engine.stateBackend"),
        // metrics.reporters (MetricOptions.REPORTERS_LIST, Flink 1.20: "If configured, only reporters whose name
        // matches any of the names in the list will be started") would decide whether the prom reporter starts;
        // without it every configured reporter starts, so another reporter needs no list.
        new DerivedSetting(FlinkPorts.PrometheusReporterFactorySetting, "blink-infra:observability.metrics (the Prometheus reporter every session cluster runs)",
            ImmutableArray.Create("metrics.reporters"), ImmutableArray.Create("metrics.reporter.prom.")),
        Derived(PeriodicSavepointInterval, "blink-infra:engine.savepoints.intervalMinutes"),
        Derived(SavepointHistoryMaxCount, "blink-infra:engine.savepoints.maxCount"),
        Derived(SavepointHistoryMaxAge, "blink-infra:engine.savepoints.maxAgeDays"),
        Derived(SavepointDisposeOnDelete, "blink-infra:engine.savepoints.disposeOnDelete"),
        Derived(RocksDbLocalDir, "the pool's data disk (blink-infra:compute.workerPools[i].dataDisk)"),
        new DerivedSetting(JobAutoscaling.Enabled, "blink-infra:engine.jobs[i].autoscaler", ImmutableArray<string>.Empty, JobAutoscaling.Prefixes),
        Derived(JobAutoscaling.Scheduler, "blink-infra:engine.jobs[i].autoscaler (the adaptive scheduler of a session cluster whose jobs autoscale)"),
        // Every HA option (high-availability.jobmanager.port, which the program pins, among them) and its old name.
        new DerivedSetting(HighAvailabilityType, "blink-infra:compute.highAvailability",
            FlinkOptionNames.OtherNamesOf(HighAvailabilityType), ImmutableArray.Create("high-availability.", "recovery.")))
        .AddRange(FlinkPorts.All.Select(port => new DerivedSetting(port.Setting, PortsSource, port.OtherNames, ImmutableArray<string>.Empty)));

    /// <summary>A derived setting under its other names from <see cref="FlinkOptionNames"/> (the operator's own kubernetes.operator.* keys have none).</summary>
    private static DerivedSetting Derived(string key, string source)
        => new(key, source, FlinkOptionNames.OtherNamesOf(key), ImmutableArray<string>.Empty);

    /// <summary>Where the pinned ports come from: the rules that let the cluster's traffic through.</summary>
    public const string PortsSource = "the cluster's security group rules (infra/Facts/ClusterPorts.cs)";

    /// <summary>The derived setting Flink reads this name for, or null when a stack may set it.</summary>
    public static DerivedSetting? DerivedSettingReadAs(string name) => SettingsFromSpec.FirstOrDefault(setting => setting.IsReadAs(name));

    /// <summary>
    /// A Flink setting that would expose a service beyond what the stack's security design opens,
    /// with the values that stay safe (none: any value is refused) and why; refused under every name
    /// Flink reads for it (<see cref="FlinkOptionNames"/>).
    /// </summary>
    public sealed record ExposingSetting(string Key, ImmutableArray<string> SafeValues, string Reason)
    {
        public ImmutableArray<string> OtherNames => FlinkOptionNames.OtherNamesOf(Key);

        public bool IsReadAs(string name) => name == Key || OtherNames.Contains(name);
    }

    // Why each exposes: Flink 1.20's option descriptions (the classes in FlinkOptionNames) and ACK's cloud
    // controller manager (a LoadBalancer Service gets an SLB instance). jmx.server.port starts a JMX
    // registry (JMXServerOptions), which takes no credentials unless the JVM is configured for them.
    public static readonly ImmutableArray<ExposingSetting> ExposingSettings = ImmutableArray.Create(
        new ExposingSetting("kubernetes.rest-service.exposed.type", ImmutableArray.Create("ClusterIP", "Headless_ClusterIP"),
            "NodePort or LoadBalancer exposes Flink's REST endpoint (which submits and cancels jobs) outside the cluster, a LoadBalancer through an SLB instance ACK creates"),
        new ExposingSetting("kubernetes.hostnetwork.enabled", ImmutableArray.Create("false"),
            "Flink's pods on their nodes' network listen on the nodes' addresses, outside what the security group rules were derived for"),
        new ExposingSetting("queryable-state.enable", ImmutableArray.Create("false"),
            "the queryable state proxy and server listen on ports no security group rule was derived for"),
        new ExposingSetting("jmx.server.port", ImmutableArray<string>.Empty,
            "starts a JMX server, which reads and changes the JVM without credentials, on a port no security group rule was derived for"),
        new ExposingSetting("rest.bind-address", ImmutableArray<string>.Empty,
            "where the REST endpoint listens, which Flink's Kubernetes integration sets for its ClusterIP service"),
        new ExposingSetting("rest.address", ImmutableArray<string>.Empty,
            "where clients find the REST endpoint, which Flink's Kubernetes integration sets to its service"),
        new ExposingSetting("jobmanager.rpc.address", ImmutableArray<string>.Empty,
            "where the JobManager's RPC is announced, which Flink's Kubernetes integration sets to its service"),
        new ExposingSetting("jobmanager.bind-host", ImmutableArray<string>.Empty,
            "where the JobManager listens, which Flink's Kubernetes integration sets"),
        new ExposingSetting("taskmanager.bind-host", ImmutableArray<string>.Empty,
            "where the TaskManagers listen, which Flink's Kubernetes integration sets"),
        new ExposingSetting("taskmanager.host", ImmutableArray<string>.Empty,
            "the address the TaskManagers announce, which Flink's Kubernetes integration sets to the pod's"),
        new ExposingSetting("kubernetes.pod-template-file.default", ImmutableArray<string>.Empty,
            "a pod template file replaces the one BlinkInfra sets (placement, tolerations, the OSS plugin) and can run pods on the host network"),
        new ExposingSetting("kubernetes.pod-template-file.jobmanager", ImmutableArray<string>.Empty,
            "a pod template file replaces the one BlinkInfra sets and can run pods on the host network"),
        new ExposingSetting("kubernetes.pod-template-file.taskmanager", ImmutableArray<string>.Empty,
            "a pod template file replaces the one BlinkInfra sets and can run pods on the host network"));

    public const string JobsNamespace = "flink";
    public const string ServiceAccount = "blink-flink";
    /// <summary>The Flink setting the operator writes the FlinkDeployment's spec.serviceAccount into.</summary>
    public const string ServiceAccountSetting = "kubernetes.service-account";
    public const string MainContainer = "flink-main-container";

    public const double JobManagerCpu = 1;
    public const string JobManagerMemory = "2048m";
    /// <summary>What a JobManager pod requests (the operator sets the pod's requests from cpu and memory).</summary>
    public static readonly NodeRequests JobManagerRequests = new(1000, 2048);
    public const int HighAvailabilityJobManagers = 2;

    // A session cluster that hosts session jobs runs one JobManager. Read 2026-12-05: every JobManager serves REST, not
    // only the leader (Flink 1.20 DefaultDispatcherResourceManagerComponentFactory starts the web endpoint in each), and the
    // rest Service selects every JobManager pod; the operator 1.15 submits a session job in two requests through that
    // Service (AbstractFlinkService.submitJobToSessionCluster: uploadJar, then runJar with the returned jar id, then
    // deleteJar); the jar is kept in the local upload directory of the JobManager that received it, and a run request that
    // reaches the other fails with "Jar file ... does not exist" (JarHandlerUtils.JarHandlerContext.toPackagedProgram).
    // A shared web.upload.dir would need a ReadWriteMany volume (NAS) per session cluster, and each JobManager deletes its
    // upload directory when it stops (Flink's web monitor logs "Removing web dashboard jar upload directory" on shutdown), so one JobManager it is: Kubernetes HA restarts it from the
    // bucket (its Deployment recreates the pod; the jobs recover from their latest checkpoint).
    public const bool SessionJobsNeedOneJobManager = true;
    public const int CheckpointIntervalSeconds = 60;

    // Flink 1.20 CheckpointingOptions.TOLERABLE_FAILURE_NUMBER (execution.checkpointing.tolerable-failed-checkpoints,
    // read 2026-12-05): the consecutive checkpoint failures tolerated before the job fails over; unset, 0, so one OSS
    // timeout restarts the job. 3 rides out a short object-storage hiccup while a persistent failure still surfaces
    // (and the flink-checkpoint-failures alert fires at the first).
    public const string TolerableFailedCheckpointsSetting = "execution.checkpointing.tolerable-failed-checkpoints";
    public const int TolerableFailedCheckpoints = 3;
    public const int MaxTolerableFailedCheckpoints = 100;
    /// <summary>A day: longer intervals are no checkpointing worth the name (and the bound keeps the value's arithmetic small).</summary>
    public const int MaxCheckpointIntervalSeconds = 86_400;

    /// <summary>Flink's largest (max) parallelism, 2^15 (KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM).</summary>
    public const int MaxParallelism = 32_768;

    // The operator's savepoint settings, per resource in a FlinkSessionJob's flinkConfiguration. Sources, read
    // 2026-11-27: Flink Kubernetes Operator 1.15 KubernetesOperatorConfigOptions (kubernetes.operator.periodic.savepoint.interval,
    // a Duration, 0 for none; kubernetes.operator.savepoint.history.max.count and .max.age, the operator's own bound
    // winning when lower, FLINK-27913; kubernetes.operator.savepoint.dispose-on-delete, default false, for the
    // FlinkStateSnapshot resources of upgrade and periodic savepoints, FLINK-35493/PR #821); the FlinkSessionJob CRD
    // (../shared/flink-operator-1.15.0: job.state running or suspended, job.initialSavepointPath, job.savepointRedeployNonce).
    public const string PeriodicSavepointInterval = "kubernetes.operator.periodic.savepoint.interval";
    public const string SavepointHistoryMaxCount = "kubernetes.operator.savepoint.history.max.count";
    public const string SavepointHistoryMaxAge = "kubernetes.operator.savepoint.history.max.age";
    public const string SavepointDisposeOnDelete = "kubernetes.operator.savepoint.dispose-on-delete";

    // Disposal (read 2026-12-05, apache/flink-kubernetes-operator): SnapshotObserver.cleanupSavepointHistory deletes only
    // the FlinkStateSnapshot objects history drops; StateSnapshotReconciler.cleanup disposes a savepoint's data only when
    // the snapshot's spec.savepoint.disposeOnDelete is true (and its job still runs: a job that is gone or not running
    // leaves the data); kubernetes.operator.savepoint.dispose-on-delete sets it on every snapshot the operator creates for
    // upgrade, periodic and nonce-triggered savepoints (KubernetesOperatorConfigOptions; docs/custom-resource/snapshots:
    // "To also dispose of the savepoint data during cleanup, ... dispose-on-delete: true"). So it is on by default, and
    // the bucket's savepoints/ prefix expires after stateRetention.savepointDays for what the operator could not dispose.
    /// <summary>Every job's savepoints unless the stack says otherwise: every 6 hours, the last 5 within 7 days kept, each disposed of when history drops it.</summary>
    public const int SavepointIntervalMinutes = 360;
    public const int SavepointMaxCount = 5;
    public const int SavepointMaxAgeDays = 7;
    public const int MaxSavepointIntervalMinutes = 10_080;
    public const int MaxSavepointCount = 1_000;
    public const int MaxSavepointAgeDays = 3_650;
    public const bool SavepointDisposeOnDeleteDefault = true;

    /// <summary>The bucket's prefix of savepoints (each session cluster's savepoint directory lies under it).</summary>
    public const string SavepointsPrefix = "savepoints/";

    /// <summary>The bucket's prefixes of checkpoints and of Kubernetes HA's metadata (each session cluster's directory lies under each).</summary>
    public const string CheckpointsPrefix = "checkpoints/";
    public const string HighAvailabilityPrefix = "ha/";

    /// <summary>The prefixes under which each session cluster keeps its state, in a directory of its own name: what its role may write.</summary>
    public static readonly ImmutableArray<string> StatePrefixes = ImmutableArray.Create(CheckpointsPrefix, SavepointsPrefix, HighAvailabilityPrefix);

    /// <summary>A session cluster's own directory under one of <see cref="StatePrefixes"/>, as an object key prefix ("checkpoints/session-cpu/").</summary>
    public static string SessionStateKey(string prefix, string session) => $"{prefix}{session}/";

    /// <summary>
    /// The Kubernetes service account of one session cluster's JobManagers and TaskManagers: one per session, each trusted by
    /// a RAM role of its own that reaches only that session's state (Documents.SessionStateAccess).
    /// </summary>
    public static string SessionServiceAccount(string pool) => $"{ServiceAccount}-{pool}";

    /// <summary>The lifecycle rule that expires what stays under <see cref="SavepointsPrefix"/>, and its default age.</summary>
    public const string SavepointsLifecycleRule = "blink-savepoints-expiry";
    public const int SavepointExpiryDays = 30;

    /// <summary>
    /// The pod annotations the managed Prometheus (ACK's arms-prometheus add-on) discovers scrape targets by: the
    /// Prometheus community's prometheus.io/scrape and prometheus.io/port convention.
    /// </summary>
    public const string ScrapeAnnotation = "prometheus.io/scrape";
    public const string ScrapePortAnnotation = "prometheus.io/port";

    /// <summary>The states a session job may be asked for (the FlinkSessionJob CRD's enum).</summary>
    public static readonly ImmutableArray<string> JobStates = ImmutableArray.Create("running", "suspended");

    /// <summary>Upgrade modes a session job may use (the FlinkSessionJob CRD's enum).</summary>
    public static readonly ImmutableArray<string> UpgradeModes = ImmutableArray.Create("stateless", "savepoint", "last-state");

    // ACK RRSA: the add-on that injects credentials, and the labels and annotations it reads.
    public const string PodIdentityAddon = "ack-pod-identity-webhook";
    public const string PodIdentityInjectionLabel = "pod-identity.alibabacloud.com/injection";
    public const string PodIdentityRoleAnnotation = "pod-identity.alibabacloud.com/role-name";

    // The state bucket's lifecycle. Flink deletes a checkpoint once a newer one completes
    // (state.checkpoints.num-retained, 1 by default, Flink 1.20 CheckpointingOptions), so on a versioned
    // bucket every checkpoint interval leaves noncurrent versions behind: kept a week, an undo window for
    // an accidental delete or overwrite, then expired. A TaskManager stopped in the middle of a multipart
    // upload (Hadoop's AliyunOSS output stream uploads large files in parts) leaves parts billed until the
    // upload is aborted: a day, longer than any checkpoint or savepoint takes. OSS lifecycle rules count
    // in whole days, at least 1 (terraform-provider-alicloud v1.285.0, alicloud_oss_bucket lifecycle_rule
    // noncurrent_version_expiration.days, abort_multipart_upload.days).
    public const string StateLifecycleRule = "blink-state-retention";
    public const int StateNoncurrentVersionDays = 7;
    public const int StateIncompleteUploadDays = 1;
    /// <summary>Ten years: longer keeps everything, which is what the rules exist to prevent.</summary>
    public const int StateRetentionMaxDays = 3650;

    /// <summary>The bucket's prefix for the jars of user-defined functions and jobs.</summary>
    public const string UdfPrefix = "udf/";

    /// <summary>The label Kubernetes puts on nodes with their zone, for spreading JobManagers.</summary>
    public const string ZoneTopologyKey = "topology.kubernetes.io/zone";

    /// <summary>The extended resource GPU machines offer on ACK.</summary>
    public const string GpuResource = "nvidia.com/gpu";

    /// <summary>The Flink setting that names the OSS filesystem's credentials provider class.</summary>
    public const string OssCredentialsProvider = "fs.oss.credentials.provider";

    /// <summary>
    /// Whether an image is stock Flink (Docker Hub's official image, or a mirror of it that keeps its
    /// tag): its OSS filesystem reads access keys only, not RRSA's OIDC token (FLINK-38987, apache/flink
    /// PR #27529 closed unmerged as of 2026-11-27). An image of a stack's own carries a tag of its own.
    /// </summary>
    public static bool IsStockImage(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var reference = at >= 0 ? image[..at] : image;
        var colon = reference.LastIndexOf(':');
        var slash = reference.LastIndexOf('/');
        var (repository, tag) = colon > slash ? (reference[..colon], reference[(colon + 1)..]) : (reference, "latest");
        var name = repository[(repository.LastIndexOf('/') + 1)..];
        return name == "flink" && (repository is "flink" or "library/flink" or "docker.io/library/flink" || tag == ImageTag);
    }

    /// <summary>
    /// Whether an operator image is the stock one (the chart's ghcr.io image, Docker Hub's
    /// apache/flink-kubernetes-operator, or a mirror of either that keeps the release's tag): it carries
    /// no filesystem plugin, so it cannot download jars from oss:// (FLINK-30851).
    /// </summary>
    public static bool IsStockOperatorImage(string repository, string? tag)
    {
        var name = repository[(repository.LastIndexOf('/') + 1)..];
        return name == OperatorImageName
            && (repository is ImageSources.OperatorChartImage or "apache/" + OperatorImageName or "docker.io/apache/" + OperatorImageName
                || tag is null || tag == OperatorVersion);
    }

    /// <summary>The OSS endpoint inside a region's VPCs.</summary>
    public static string OssInternalEndpoint(string region) => $"oss-{region}-internal.aliyuncs.com";
}
