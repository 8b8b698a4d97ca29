using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>
/// The ports the cluster and the engine use between masters and workers, and no more.
/// Sources: Apache Flink configuration (jobmanager.rpc.port 6123, blob.server.port 6124, rest.port
/// 8081; the Flink Kubernetes Operator sets taskmanager.rpc.port 6122 and taskmanager.data.port
/// 6121), ACK (kubelet 10250, API server 6443), the Flink Kubernetes Operator's admission webhook
/// (9443) and cluster DNS (53).
/// </summary>
public static class ClusterPorts
{
    /// <summary>One rule's traffic: protocol as the provider takes it (lower case) and port range "from/to".</summary>
    public sealed record Traffic(string Protocol, string PortRange, string Purpose);

    /// <summary>What workers (TaskManagers, kubelets, the API server's ENIs, CoreDNS) accept from masters.</summary>
    public static readonly ImmutableArray<Traffic> WorkersFromMasters = ImmutableArray.Create(
        new Traffic("tcp", "6121/6122", "Flink TaskManager data and RPC"),
        new Traffic("tcp", "6443/6443", "Kubernetes API server"),
        new Traffic("tcp", "10250/10250", "kubelet"),
        new Traffic("tcp", "53/53", "cluster DNS"),
        new Traffic("udp", "53/53", "cluster DNS"),
        new Traffic("icmp", "-1/-1", "path MTU discovery and diagnostics"));

    /// <summary>What masters (JobManagers, the operator, kubelets) accept from workers and the control plane.</summary>
    public static readonly ImmutableArray<Traffic> MastersFromWorkers = ImmutableArray.Create(
        new Traffic("tcp", "6123/6124", "Flink JobManager RPC and blob server"),
        new Traffic("tcp", "8081/8081", "Flink REST"),
        new Traffic("tcp", "9443/9443", "Flink Kubernetes Operator webhook"),
        new Traffic("tcp", "10250/10250", "kubelet"),
        new Traffic("icmp", "-1/-1", "path MTU discovery and diagnostics"));

    /// <summary>The protocols a security group rule takes (source: SHARED facts, ip_protocol of alicloud_security_group_rule).</summary>
    public static readonly ImmutableArray<string> Protocols = ImmutableArray.Create("tcp", "udp", "icmp", "gre", "all");

    /// <summary>Protocols without ports, whose port range is "-1/-1".</summary>
    public static bool IsPortless(string protocol) => protocol is "icmp" or "gre" or "all";
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

    public static string Names => string.Join(", ", All.Select(k => k.Name));
}
