using System;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>
/// The Flink setting families the config judges by what they do, not by a key list: JVM options, the containers'
/// environment, the entrypoint's arguments, metrics reporters, scheduling, pod labels and annotations, and listening
/// ports. Each family names the option class (Flink 1.20) that declares it. Sources, read 2026-12-05 through the
/// stored copies of apache/flink: docs/layouts/shortcodes/generated/environment_configuration.html (CoreOptions:
/// env.java.opts.all with its deprecated key env.java.opts, env.java.opts.jobmanager, .taskmanager, .client,
/// .historyserver, .sql-gateway; env.java.default-opts.all, .jobmanager, .taskmanager);
/// flink-kubernetes KubernetesConfigOptions (kubernetes.jobmanager.node-selector and .taskmanager.node-selector,
/// .jobmanager.tolerations and .taskmanager.tolerations, .jobmanager.labels and .annotations, .taskmanager.labels and
/// .annotations, kubernetes.rest-service.annotations, kubernetes.jobmanager.replicas, kubernetes.entry.path,
/// kubernetes.jobmanager.entrypoint.args and .taskmanager.entrypoint.args, kubernetes.env.secretKeyRef);
/// ResourceManagerOptions (containerized.master.env. and containerized.taskmanager.env., environment variables of
/// the JobManager's and TaskManagers' containers); docs/layouts/shortcodes/generated/metric_reporters_section.html
/// (MetricOptions: metrics.reporter.&lt;name&gt;.factory.class and .class, and &lt;parameter&gt; for the reporter's own
/// settings); Flink 1.20's metric reporters documentation (JMX: "port - (optional) the port on which JMX listens for
/// connections ... If you don't specify a port no extra JMX server will be started"; Prometheus: serves on its port,
/// 9249 by default; PrometheusPushGateway, Datadog, InfluxDB, Graphite, StatsD, Slf4j and OpenTelemetry push or log);
/// TraceOptions (traces.reporter.&lt;name&gt;.factory.class); flink-dist bin/config.sh (FLINK_ENV_JAVA_OPTS,
/// FLINK_ENV_JAVA_OPTS_JM and FLINK_ENV_JAVA_OPTS_TM, when set in the environment, replace the env.java.opts keys);
/// the Flink image's docker-entrypoint.sh (FLINK_PROPERTIES is appended to the configuration file); the JDK's
/// launcher (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS and _JAVA_OPTIONS are read as options; @argfiles; -agentlib,
/// -agentpath, -javaagent, -Xrunjdwp, -Xdebug; com.sun.management.jmxremote starts the JMX agent on its port).
/// </summary>
public static class FlinkEffects
{
    /// <summary>The prefixes whose keys are JVM options for Flink's processes.</summary>
    public static readonly ImmutableArray<string> JvmOptionPrefixes = ImmutableArray.Create("env.java.opts", "env.java.default-opts");

    /// <summary>
    /// JVM options that open a port or run code BlinkInfra cannot see, matched case-insensitively at the start of
    /// an option: a debugger (JDWP), native and Java agents, the JMX agent's remote port, and options read from a file.
    /// </summary>
    public static readonly ImmutableArray<(string Option, string Effect)> JvmOptionsRefused = ImmutableArray.Create(
        ("-agentlib:jdwp", "starts the JDWP debugger, which runs any code in the JVM for whoever reaches its port"),
        ("-Xrunjdwp", "starts the JDWP debugger, which runs any code in the JVM for whoever reaches its port"),
        ("-Xdebug", "starts the JVM in debug mode (with -Xrunjdwp, a debugger on a port)"),
        ("-agentlib:", "loads a native agent into the JVM, which can open ports and read its memory"),
        ("-agentpath:", "loads a native agent into the JVM, which can open ports and read its memory"),
        ("-javaagent:", "loads a Java agent into the JVM, which can open ports and rewrite the job's code"),
        ("-Dcom.sun.management.jmxremote", "starts the JMX agent, which reads and changes the JVM remotely on its port"),
        ("-XX:VMOptionsFile", "reads more JVM options from a file, which no check sees"),
        ("-XX:Flags", "reads more JVM options from a file, which no check sees"),
        ("@", "reads more JVM options from an argument file, which no check sees"));

    /// <summary>Prefixes of settings that set environment variables of Flink's containers.</summary>
    public static readonly ImmutableArray<string> EnvironmentPrefixes = ImmutableArray.Create("containerized.master.env.", "containerized.taskmanager.env.");

    /// <summary>The setting that sets environment variables from Kubernetes Secrets (env:NAME,secret:...,key:...;...).</summary>
    public const string EnvironmentFromSecrets = "kubernetes.env.secretKeyRef";

    /// <summary>Environment variables whose value the JVM or Flink's start script reads as JVM options.</summary>
    public static readonly ImmutableArray<string> JvmOptionVariables = ImmutableArray.Create(
        "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "FLINK_ENV_JAVA_OPTS", "FLINK_ENV_JAVA_OPTS_JM", "FLINK_ENV_JAVA_OPTS_TM");

    /// <summary>Environment variables that carry Flink settings past every check (the image's entrypoint appends them to the configuration).</summary>
    public static readonly ImmutableArray<string> SettingVariables = ImmutableArray.Create("FLINK_PROPERTIES");

    /// <summary>Settings that hand the image's entrypoint arguments or another command, where -Dkey=value sets any setting.</summary>
    public static readonly ImmutableArray<(string Key, string Effect)> EntrypointSettings = ImmutableArray.Create(
        ("kubernetes.jobmanager.entrypoint.args", "extra arguments to the JobManager's entrypoint, where -Dkey=value sets any Flink setting past these checks"),
        ("kubernetes.taskmanager.entrypoint.args", "extra arguments to the TaskManagers' entrypoint, where -Dkey=value sets any Flink setting past these checks"),
        ("kubernetes.entry.path", "runs another program as the Flink containers' command instead of the image's entrypoint"));

    /// <summary>The reporter families: metrics, and (Flink 1.19+, TraceOptions) traces.</summary>
    public static readonly ImmutableArray<string> ReporterPrefixes = ImmutableArray.Create("metrics.reporter.", "traces.reporter.");

    /// <summary>A reporter's class key suffixes (MetricOptions: factory.class, and the older class).</summary>
    public static readonly ImmutableArray<string> ReporterClassKeys = ImmutableArray.Create("factory.class", "class");

    /// <summary>The reporter the stack runs and relies on (its settings are derived: FlinkDefaults.SettingsFromSpec).</summary>
    public const string StackReporterName = "prom";

    /// <summary>Reporters that open a port of their own, by class (factory and older reporter class).</summary>
    public static readonly ImmutableArray<(string Class, string Name, string Effect)> PortReporters = ImmutableArray.Create(
        ("org.apache.flink.metrics.jmx.JMXReporterFactory", "JMX", "with a port (metrics.reporter.<name>.port) it starts a JMX server that reads and changes the JVM without credentials, on a port no security group rule was derived for, and without one nothing outside the JVM reads it"),
        ("org.apache.flink.metrics.jmx.JMXReporter", "JMX", "with a port (metrics.reporter.<name>.port) it starts a JMX server that reads and changes the JVM without credentials, on a port no security group rule was derived for, and without one nothing outside the JVM reads it"),
        ("org.apache.flink.metrics.prometheus.PrometheusReporterFactory", "Prometheus", "it serves metrics on a port of its own (9249 unless its port says otherwise: the port the stack's prom reporter takes), which no security group rule was derived for"),
        ("org.apache.flink.metrics.prometheus.PrometheusReporter", "Prometheus", "it serves metrics on a port of its own (9249 unless its port says otherwise: the port the stack's prom reporter takes), which no security group rule was derived for"));

    /// <summary>Reporters that push (or log) and listen on nothing: their port and host settings name where they send.</summary>
    public static readonly ImmutableArray<string> PushReporters = ImmutableArray.Create(
        "org.apache.flink.metrics.slf4j.Slf4jReporterFactory", "org.apache.flink.metrics.slf4j.Slf4jReporter",
        "org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporterFactory", "org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporter",
        "org.apache.flink.metrics.datadog.DatadogHttpReporterFactory", "org.apache.flink.metrics.datadog.DatadogHttpReporter",
        "org.apache.flink.metrics.influxdb.InfluxdbReporterFactory", "org.apache.flink.metrics.influxdb.InfluxdbReporter",
        "org.apache.flink.metrics.graphite.GraphiteReporterFactory", "org.apache.flink.metrics.graphite.GraphiteReporter",
        "org.apache.flink.metrics.statsd.StatsDReporterFactory", "org.apache.flink.metrics.statsd.StatsDReporter",
        "org.apache.flink.metrics.otel.OpenTelemetryMetricReporterFactory", "org.apache.flink.traces.otel.OpenTelemetryTraceReporterFactory",
        "org.apache.flink.traces.slf4j.Slf4jTraceReporterFactory");

    /// <summary>What the scheduling settings do to the pods BlinkInfra places (the pool's label, the masters' taint: NodeRoles).</summary>
    public static readonly ImmutableArray<(string Key, string Effect)> SchedulingSettings = ImmutableArray.Create(
        ("kubernetes.taskmanager.node-selector", $"a node selector on the TaskManagers, which BlinkInfra places on their pool's nodes ({NodeRoles.PoolLabel}): another selector moves them off their pool, onto the master machines or nowhere"),
        ("kubernetes.jobmanager.node-selector", $"a node selector on the JobManagers, which BlinkInfra places on the master machines ({NodeRoles.RoleLabel}={NodeRoles.MasterRole}): another selector moves them off the masters"),
        ("kubernetes.taskmanager.tolerations", $"tolerations on the TaskManagers, which let them onto tainted nodes: the master machines ({NodeRoles.RoleLabel}={NodeRoles.MasterRole}) and the accelerator pools, which are kept for the JobManagers and for the jobs that ask for them"),
        ("kubernetes.jobmanager.tolerations", "tolerations on the JobManagers, which BlinkInfra sets to the masters' taint only: more let them onto the accelerator pools"));

    /// <summary>The setting that decides how many JobManagers run: BlinkInfra's, from high availability (the operator's spec.jobManager.replicas).</summary>
    public const string JobManagerReplicas = "kubernetes.jobmanager.replicas";

    /// <summary>Settings that add labels or annotations to Flink's pods or its REST Service.</summary>
    public static readonly ImmutableArray<string> MetadataSettings = ImmutableArray.Create(
        "kubernetes.jobmanager.labels", "kubernetes.taskmanager.labels", "kubernetes.jobmanager.annotations", "kubernetes.taskmanager.annotations", "kubernetes.rest-service.annotations");

    /// <summary>
    /// Label and annotation keys others read, which a setting may not set: the managed Prometheus's scrape annotations
    /// (the metrics the stack relies on), ACK's RRSA webhook (the RAM role a pod assumes), Terway's per-pod networking
    /// (the pod's vSwitch and security groups), Alibaba Cloud's load balancer annotations, and the labels Flink and
    /// BlinkInfra select pods by. Sources: FlinkDefaults (prometheus.io/scrape and /port; pod-identity.alibabacloud.com);
    /// ACK "Configure a static IP address, a separate vSwitch and a separate security group for each pod" (Terway's
    /// k8s.aliyun.com/ and network.alibabacloud.com/ pod annotations); ACK "Use annotations to configure load balancing"
    /// (service.beta.kubernetes.io/alibaba-cloud-loadbalancer-*); Flink's native Kubernetes labels (app, component, type).
    /// </summary>
    public static readonly ImmutableArray<string> ReservedMetadataPrefixes = ImmutableArray.Create(
        "prometheus.io/", "pod-identity.alibabacloud.com/", "k8s.aliyun.com/", "network.alibabacloud.com/",
        "service.beta.kubernetes.io/alibaba-cloud-loadbalancer", "blink.io/");

    public static readonly ImmutableArray<string> ReservedMetadataKeys = ImmutableArray.Create("app", "component", "type");

    /// <summary>
    /// Option families whose keys ending in port, ports or port-range open a listening port (the server's own
    /// options: RestOptions, WebOptions, JobManagerOptions, TaskManagerOptions, BlobServerOptions, QueryableStateOptions,
    /// JMXServerOptions, HistoryServerOptions, SqlGatewayRestOptions, MetricOptions' query service, the RPC systems'
    /// pekko.* and akka.*, HighAvailabilityOptions).
    /// </summary>
    public static readonly ImmutableArray<string> ServerOptionPrefixes = ImmutableArray.Create(
        "rest.", "web.", "jobmanager.", "taskmanager.", "blob.", "queryable-state.", "jmx.", "historyserver.", "sql-gateway.",
        "metrics.internal.", "pekko.", "akka.", "high-availability.");

    public static readonly ImmutableArray<string> PortKeyEndings = ImmutableArray.Create(".port", ".ports", ".port-range", "-port", "-ports");

    /// <summary>Whether a key is a JVM options key (any env.java.opts*, env.java.default-opts*).</summary>
    public static bool IsJvmOptions(string key) => JvmOptionPrefixes.Any(prefix => key == prefix || key.StartsWith(prefix + ".", StringComparison.Ordinal));
}
