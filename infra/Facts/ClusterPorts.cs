using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>
/// The ports Flink listens on between masters and workers, pinned: every session cluster's Flink
/// configuration sets each (infra/Engine FlinkResources), and the security group rules are derived
/// from the same values (<see cref="ClusterPorts"/>), so the rules and the cluster cannot disagree.
/// Sources, read 2026-11-27: Flink 1.20's options: taskmanager.data.port defaults to 0, a random port
/// (NettyShuffleEnvironmentOptions; its bind port taskmanager.data.bind-port falls back to it);
/// taskmanager.rpc.port and blob.server.port default to "0" (TaskManagerOptions, BlobServerOptions);
/// jobmanager.rpc.port defaults to 6123, rest.port to 8081 (its deprecated key web.port; rest.bind-port
/// falls back to it, deprecated keys web.port and jobmanager.web.port); each *.bind-port falls back
/// to its port. Flink's native Kubernetes deployment (KubernetesClusterDescriptor) pins only the
/// TaskManager RPC, blob and REST ports (to 6122, 6124, 8081) and, with HA,
/// high-availability.jobmanager.port; the Flink Kubernetes Operator pins none (its FlinkConfigBuilder
/// and chart configuration), so the data port, which carries the shuffle, was random.
/// Every other name Flink reads for each port is in <see cref="FlinkOptionNames"/>.
/// </summary>
public static class FlinkPorts
{
    /// <summary>A port Flink listens on: the setting the program writes, its number, and the other names Flink reads for it.</summary>
    public sealed record Port(string Setting, int Number, string Purpose)
    {
        /// <summary>The other names Flink reads for the port (<see cref="FlinkOptionNames"/>).</summary>
        public ImmutableArray<string> OtherNames => FlinkOptionNames.OtherNamesOf(Setting);
    }

    public static readonly Port TaskManagerData = new("taskmanager.data.port", 6121, "Flink TaskManager data");
    public static readonly Port TaskManagerRpc = new("taskmanager.rpc.port", 6122, "Flink TaskManager RPC");
    public static readonly Port JobManagerRpc = new("jobmanager.rpc.port", 6123, "Flink JobManager RPC");
    public static readonly Port BlobServer = new("blob.server.port", 6124, "Flink blob server");
    public static readonly Port Rest = new("rest.port", 8081, "Flink REST");

    /// <summary>
    /// Flink's Prometheus reporter on every JobManager and TaskManager (metrics.reporter.prom.port, default 9249: Flink
    /// 1.20's PrometheusReporterFactory, its plugin in the image's plugins/metrics-prometheus), scraped by the managed
    /// Prometheus agent, which runs on the workers.
    /// </summary>
    public static readonly Port PrometheusReporter = new("metrics.reporter.prom.port", 9249, "Flink metrics (Prometheus reporter)");

    /// <summary>
    /// The metric query service every JobManager and TaskManager starts (MetricUtils.startRemoteMetricsRpcService), which
    /// the JobManager's MetricFetcherImpl asks for the TaskManagers' metrics: the REST API's subtask and TaskManager metrics,
    /// what the web UI shows and the operator's autoscaler reads (RestApiMetricsCollector). MetricOptions.QUERY_SERVICE_PORT,
    /// metrics.internal.query-service.port, defaults to "0", a random port, which the masters' egress rules drop (read
    /// 2026-12-05, Flink 1.20 MetricOptions; the fetcher logs its failures at DEBUG only). Pinned, and open from the masters
    /// to the workers.
    /// </summary>
    public static readonly Port MetricQueryService = new("metrics.internal.query-service.port", 50100, "Flink metric query service");

    public static readonly ImmutableArray<Port> All = ImmutableArray.Create(TaskManagerData, TaskManagerRpc, JobManagerRpc, BlobServer, Rest, PrometheusReporter, MetricQueryService);

    /// <summary>
    /// The operator's own Prometheus port, on the masters: the Flink Kubernetes Operator's metrics documentation
    /// (kubernetes.operator.metrics.reporter.prom.factory.class and .port 9999, with the chart's metrics.port to expose it).
    /// </summary>
    public static readonly Port OperatorMetrics = new("kubernetes.operator.metrics.reporter.prom.port", 9999, "Flink operator metrics (Prometheus reporter)");

    /// <summary>The Prometheus reporter's factory, set with its port wherever a reporter runs.</summary>
    public const string PrometheusReporterFactory = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";
    public const string PrometheusReporterFactorySetting = "metrics.reporter.prom.factory.class";

    /// <summary>With HA, the JobManager's RPC listens on this setting instead of jobmanager.rpc.port (HighAvailabilityOptions, default "0").</summary>
    public const string HighAvailabilityJobManagerPort = "high-availability.jobmanager.port";

    /// <summary>TCP traffic to these ports: one rule per run of consecutive port numbers.</summary>
    public static IEnumerable<ClusterPorts.Traffic> Tcp(string purpose, params Port[] ports)
    {
        var numbers = ports.Select(p => p.Number).OrderBy(n => n).ToList();
        var start = 0;
        for (var i = 1; i <= numbers.Count; i++)
        {
            if (i < numbers.Count && numbers[i] == numbers[i - 1] + 1)
                continue;
            yield return new ClusterPorts.Traffic("tcp", $"{numbers[start]}/{numbers[i - 1]}", purpose);
            start = i;
        }
    }
}

/// <summary>
/// The ports the cluster and the engine use between masters and workers, and no more.
/// Sources: Flink's ports as <see cref="FlinkPorts"/> pins them; ACK (kubelet 10250, API server
/// 6443) and cluster DNS (53). No rule for the Flink Kubernetes Operator's admission webhook (9443):
/// the stack switches it off (infra/Engine OperatorValues), so nothing listens there.
/// </summary>
public static class ClusterPorts
{
    /// <summary>One rule's traffic: protocol as the provider takes it (lower case) and port range "from/to".</summary>
    public sealed record Traffic(string Protocol, string PortRange, string Purpose);

    /// <summary>What workers (TaskManagers, kubelets, the API server's ENIs, CoreDNS) accept from masters.</summary>
    public static readonly ImmutableArray<Traffic> WorkersFromMasters = FlinkPorts.Tcp("Flink TaskManager data and RPC", FlinkPorts.TaskManagerData, FlinkPorts.TaskManagerRpc)
        .Concat(FlinkPorts.Tcp("Flink metric query service (the JobManager fetches the TaskManagers' metrics)", FlinkPorts.MetricQueryService))
        .Concat(new[]
        {
            new Traffic("tcp", "6443/6443", "Kubernetes API server"),
            new Traffic("tcp", "10250/10250", "kubelet"),
            new Traffic("tcp", "53/53", "cluster DNS"),
            new Traffic("udp", "53/53", "cluster DNS"),
            new Traffic("icmp", "-1/-1", "path MTU discovery and diagnostics"),
        }).ToImmutableArray();

    /// <summary>What masters (JobManagers, the operator, kubelets) accept from workers and the control plane.</summary>
    public static readonly ImmutableArray<Traffic> MastersFromWorkers = FlinkPorts.Tcp("Flink JobManager RPC and blob server", FlinkPorts.JobManagerRpc, FlinkPorts.BlobServer)
        .Concat(FlinkPorts.Tcp("Flink REST (the web UI, through the API server's proxy)", FlinkPorts.Rest))
        .Concat(FlinkPorts.Tcp("Flink and operator metrics (scraped by the managed Prometheus agent on the workers)", FlinkPorts.PrometheusReporter))
        .Concat(FlinkPorts.Tcp("Flink and operator metrics (scraped by the managed Prometheus agent on the workers)", FlinkPorts.OperatorMetrics))
        .Concat(new[]
        {
            new Traffic("tcp", "10250/10250", "kubelet"),
            new Traffic("icmp", "-1/-1", "path MTU discovery and diagnostics"),
        }).ToImmutableArray();

    /// <summary>Every port range some rule between the cluster's groups opens: the only ports a pod's group may open to anyone.</summary>
    public static readonly ImmutableArray<Traffic> All = WorkersFromMasters.Concat(MastersFromWorkers).ToImmutableArray();

    /// <summary>The web UI's port range, which only the other cluster group (the API server's proxy) and declared peers may reach.</summary>
    public static string WebUiPortRange => $"{FlinkPorts.Rest.Number}/{FlinkPorts.Rest.Number}";

    /// <summary>
    /// The protocols a security group rule takes. Source: terraform-provider-alicloud,
    /// resource_alicloud_security_group_rule.go, ip_protocol's validation: tcp, udp, icmp, icmpv6,
    /// gre, all (read 2026-11-27).
    /// </summary>
    public static readonly ImmutableArray<string> Protocols = ImmutableArray.Create("tcp", "udp", "icmp", "icmpv6", "gre", "all");

    /// <summary>Protocols without ports, whose port range is "-1/-1" (the provider: only tcp and udp take ports).</summary>
    public static bool IsPortless(string protocol) => protocol is "icmp" or "icmpv6" or "gre" or "all";
}

/// <summary>A kind of source or sink the cluster's jobs reach, with its usual port.</summary>
public sealed record DataEndpointKind(string Name, string Product, int DefaultPort);

/// <summary>
/// The sources and sinks exclusive mode connected to, by kind, with the port of their endpoint in a
/// VPC. Sources: each product's documentation of its VPC endpoint: ApsaraMQ for Kafka 9092; DataHub,
/// Log Service and Tablestore VPC endpoints over HTTP 80; ApsaraMQ for RocketMQ TCP 8080; AnalyticDB
/// for MySQL, RDS and DRDS (PolarDB-X) MySQL protocol 3306; HiTSDB (TSDB) HTTP 8242; HybridDB for
/// MySQL 3306; ApsaraDB for HBase through ZooKeeper 2181; Elasticsearch 9200.
/// </summary>
public static class DataEndpointKinds
{
    public static readonly ImmutableArray<DataEndpointKind> All = ImmutableArray.Create(
        new DataEndpointKind("kafka", "ApsaraMQ for Kafka", 9092),
        new DataEndpointKind("datahub", "DataHub", 80),
        new DataEndpointKind("log-service", "Log Service", 80),
        new DataEndpointKind("mq", "ApsaraMQ for RocketMQ", 8080),
        new DataEndpointKind("analyticdb", "AnalyticDB for MySQL", 3306),
        new DataEndpointKind("rds", "RDS / DRDS", 3306),
        new DataEndpointKind("tablestore", "Tablestore", 80),
        new DataEndpointKind("hitsdb", "HiTSDB", 8242),
        new DataEndpointKind("hybriddb-mysql", "HybridDB for MySQL", 3306),
        new DataEndpointKind("hbase", "ApsaraDB for HBase", 2181),
        new DataEndpointKind("elasticsearch", "Elasticsearch", 9200));

    public static DataEndpointKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>
    /// What a user would write for a kind, by the engine or the product's other names, and the kind it is (with the
    /// port when the kind's usual one does not fit). Sources, read 2026-12-05: ApsaraDB RDS ("RDS for MySQL,
    /// PostgreSQL, SQL Server, MariaDB": default ports 3306, 5432, 1433, 3306); PolarDB-X (formerly DRDS, MySQL
    /// protocol, 3306); PolarDB for MySQL (3306) and for PostgreSQL (5432), reached as RDS is; Simple Log Service
    /// (SLS, formerly Log Service, LogHub); Tablestore (formerly OTS); ApsaraMQ for RocketMQ (formerly ONS);
    /// Elasticsearch and OpenSearch; TSDB (formerly HiTSDB); AnalyticDB (ADB); HBase through ZooKeeper.
    /// </summary>
    public static readonly ImmutableDictionary<string, (string Kind, string Note)> Aliases = new (string Alias, string Kind, string Note)[]
    {
        ("mysql", "rds", "MySQL (RDS for MySQL) is kind rds"),
        ("mariadb", "rds", "MariaDB (RDS for MariaDB) is kind rds"),
        ("postgres", "rds", "PostgreSQL (RDS for PostgreSQL) is kind rds with port: 5432"),
        ("postgresql", "rds", "PostgreSQL (RDS for PostgreSQL) is kind rds with port: 5432"),
        ("pgsql", "rds", "PostgreSQL (RDS for PostgreSQL) is kind rds with port: 5432"),
        ("sqlserver", "rds", "SQL Server (RDS for SQL Server) is kind rds with port: 1433"),
        ("mssql", "rds", "SQL Server (RDS for SQL Server) is kind rds with port: 1433"),
        ("polardb", "rds", "PolarDB for MySQL is reached as kind rds (port 3306; for PostgreSQL, port: 5432)"),
        ("drds", "rds", "DRDS (PolarDB-X) is kind rds"),
        ("polardb-x", "rds", "PolarDB-X (DRDS) is kind rds"),
        ("polardbx", "rds", "PolarDB-X (DRDS) is kind rds"),
        ("adb", "analyticdb", "AnalyticDB for MySQL is kind analyticdb"),
        ("adb-mysql", "analyticdb", "AnalyticDB for MySQL is kind analyticdb"),
        ("sls", "log-service", "Simple Log Service (SLS) is kind log-service"),
        ("log", "log-service", "Simple Log Service (SLS) is kind log-service"),
        ("loghub", "log-service", "Simple Log Service (LogHub) is kind log-service"),
        ("logservice", "log-service", "Simple Log Service is kind log-service"),
        ("ots", "tablestore", "Tablestore (OTS) is kind tablestore"),
        ("rocketmq", "mq", "ApsaraMQ for RocketMQ is kind mq"),
        ("ons", "mq", "ApsaraMQ for RocketMQ (ONS) is kind mq"),
        ("es", "elasticsearch", "Elasticsearch is kind elasticsearch"),
        ("opensearch", "elasticsearch", "OpenSearch is reached as kind elasticsearch"),
        ("tsdb", "hitsdb", "TSDB (HiTSDB) is kind hitsdb"),
        ("zookeeper", "hbase", "HBase through ZooKeeper is kind hbase"),
        ("alikafka", "kafka", "ApsaraMQ for Kafka is kind kafka"),
    }.ToImmutableDictionary(a => a.Alias, a => (a.Kind, a.Note), System.StringComparer.OrdinalIgnoreCase);


    public static string Names => string.Join(", ", All.Select(k => k.Name));
}
