using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>
/// Where the cluster's logs go: a Log Service (SLS) project of the stack's own, its logstores, ACK's log add-on and the
/// collection configs it reads, and ACK's control-plane and audit logs.
/// </summary>
public static class Logging
{
    // Source: SLS, "LoongCollector installation (Kubernetes)" and "Logtail and LoongCollector compatibility" (read
    // 2026-11-27): LoongCollector (3.0 and later) is the successor of Logtail 2.x, the log add-on ACK installs on new
    // clusters (kube-system/loongcollector-ds, a DaemonSet on every node, and loongcollector-operator, which turns the
    // collection CRs into SLS configs); RAM's AliyunAdcpManagedLogRolePolicy lets ACK install either add-on by name,
    // "logtail-ds" (older clusters) or "loongcollector". The pinned Kubernetes 1.35 is a new cluster: loongcollector.
    public const string Addon = "loongcollector";

    // Source: terraform-provider-alicloud v1.285.0, alicloud_cs_managed_kubernetes `addons.config` (JSON text; the
    // log add-on's example sets sls_project_name, the project the add-on's agents and ACK's log centre use instead
    // of creating k8s-log-<cluster id>).
    public const string AddonProjectKey = "sls_project_name";

    // Source: SLS, "AliyunPipelineConfig parameter description" (read 2026-11-27): the cluster-scoped CR that
    // loongcollector-operator watches, telemetry.alibabacloud.com/v1alpha1 ClusterAliyunPipelineConfig, whose
    // spec.project.name names the project, spec.logstores the logstores, spec.config the pipeline (inputs
    // input_container_stdio with ContainerFilters.K8sNamespaceRegex, flushers flusher_sls with Logstore). What the
    // CR sets wins over the console: the config stays declared here.
    public const string PipelineApiVersion = "telemetry.alibabacloud.com/v1alpha1";
    public const string PipelineKind = "ClusterAliyunPipelineConfig";
    public const string StdioInput = "input_container_stdio";
    public const string SlsFlusher = "flusher_sls";

    /// <summary>The logstore of the Flink pods (JobManagers, TaskManagers: Flink's image logs to the console).</summary>
    public const string FlinkStore = "flink";

    /// <summary>The logstore of the operator's pods.</summary>
    public const string OperatorStore = "flink-operator";

    // Source: terraform-provider-alicloud v1.285.0, alicloud_log_store: retention_period 1 to 3650 days (3650 keeps
    // the data for ever), shard_count default 2, auto_split with max_split_shard_count 1 to 256 (64 by default).
    // The control plane's TTL (ACK UpdateControlPlaneLog log_ttl) is 1 to 3000 days: one bound serves both.
    public const int MinRetentionDays = 1;
    public const int MaxRetentionDays = 3000;
    public const int DefaultRetentionDays = 30;
    public const int ShardCount = 2;
    public const int MaxSplitShardCount = 16;

    // Source: ACK UpdateControlPlaneLog (read 2026-11-27): components apiserver, kcm (kube-controller-manager),
    // scheduler, ccm (cloud-controller-manager), among others; these four are the core ones. ACK writes each to a
    // logstore of its own in controlPlaneLogProject (alicloud_cs_managed_kubernetes control_plane_log_project,
    // control_plane_log_ttl, control_plane_log_components).
    public static readonly ImmutableArray<string> ControlPlaneComponents = ImmutableArray.Create("apiserver", "kcm", "scheduler", "ccm");

    // Source: SLS, "Manage a project" naming rules: 3 to 63 characters, lower-case letters, digits and '-',
    // starting and ending with a lower-case letter or digit, unique in the region across all accounts.
    public const string ProjectNamePattern = "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$";

    /// <summary>The project's name unless the stack gives one: the cluster's name with "-logs".</summary>
    public static string DefaultProject(string clusterName) => $"{clusterName}-logs";

    // The agents reach SLS over the region's internal endpoint (<region>-intranet.log.aliyuncs.com), whose
    // addresses lie in 100.64.0.0/10 (ACK, "Configure and manage cluster security groups": least-privilege
    // outbound rules accept 100.64.0.0/10, "the CIDR block of Alibaba Cloud resources"), which
    // PodNetworking.AlibabaServiceBlock already accepts: no rule of its own.
}
