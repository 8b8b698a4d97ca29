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
    // Verified 2026-11-27: terraform-provider-alicloud website/docs/r/cs_managed_kubernetes.html.markdown (commit
    // 0039b1f6) installs `addons { name = "loongcollector" }` in its current example (the older one, "logtail-ds").
    public const string Addon = "loongcollector";

    // Source: terraform-provider-alicloud website/docs/r/cs_managed_kubernetes.html.markdown (commit 0039b1f6, read
    // 2026-11-27), `addons`: "`logtail-ds` - You can specify `IngressDashboardEnabled` and `sls_project_name` in
    // config", its example config {"IngressDashboardEnabled":"true","sls_project_name":"your-sls-project-name"}; ACK
    // InstallClusterAddons' sample request passes the same key. The project the add-on's agents and ACK's log centre
    // use instead of creating k8s-log-<cluster id>. Still unverified for "loongcollector": the provider's loongcollector
    // example sets only IngressDashboardEnabled, and no source read documents the add-on's own keys (no
    // `IngestionProject` anywhere); the key is the one logtail-ds, which loongcollector replaces, takes (README, Known
    // limits). The collection CRs name the project themselves (spec.project.name), so Flink's and the operator's logs
    // reach it whichever project the add-on settles on.
    public const string AddonProjectKey = "sls_project_name";

    // Source: SLS, "AliyunPipelineConfig parameter description" (help.aliyun.com/zh/sls/kubernetes-cr-parameter-description,
    // read 2026-11-27): the cluster-scoped CR that loongcollector-operator watches, telemetry.alibabacloud.com/v1alpha1
    // ClusterAliyunPipelineConfig, whose spec.project.name names the project (not changeable once the CR exists: a new
    // project needs a new CR), spec.logstores the logstores, spec.config the pipeline: inputs input_container_stdio with
    // IgnoringStdout/IgnoringStderr, ContainerFilters.K8sNamespaceRegex and Multiline {Mode: custom, StartPattern};
    // flushers flusher_sls with Logstore (its Endpoint and Region only for another region's project, so not set here).
    // Confirmed against SLS's multi-line and "collect container stdout" CR samples of the same date. What the CR sets
    // wins over the console: the config stays declared here.
    public const string PipelineApiVersion = "telemetry.alibabacloud.com/v1alpha1";
    public const string PipelineKind = "ClusterAliyunPipelineConfig";
    public const string StdioInput = "input_container_stdio";
    public const string SlsFlusher = "flusher_sls";

    // A log entry starts at a line that begins with its date: Flink's log4j-console.properties writes
    // "%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p ..."; the operator's (helm/flink-kubernetes-operator/conf/log4j-operator.properties,
    // apache/flink-kubernetes-operator, read 2026-11-27) writes "%style{%d}{yellow} ...", so its lines begin with an ANSI
    // colour escape (ESC[33m) before the date, which a pattern anchored on the date never matches: every line of the
    // operator would then be an entry of its own, stack traces torn apart. The optional run of non-blank characters
    // before the date takes the escape (ESC, '[', digits, 'm'), and a stack trace's lines ("\tat ...",
    // "Caused by: ...") still never match.
    public const string EntryStartPattern = @"\S*\d{4}-\d{2}-\d{2}.*";
    public const string MultilineMode = "custom";

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
    // starting and ending with a lower-case letter or digit, unique in the region across all accounts (SLS,
    // "LoongCollector installation (Kubernetes)", help.aliyun.com/zh/sls/loongcollector-installation-kubernetes, read
    // 2026-11-27: the name is globally unique within the region and cannot be changed once created).
    public const string ProjectNamePattern = "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\\z";

    /// <summary>
    /// The project's name unless the stack gives one: the cluster's name with "-logs". Deterministic, as every name here
    /// is; nothing offline knows the account id that would make it unique (ACK's own default, k8s-log-&lt;cluster id&gt;,
    /// needs the cluster first), so `check` reminds a stack that keeps it that another account may hold the name.
    /// </summary>
    public static string DefaultProject(string clusterName) => $"{clusterName}-logs";

    // The agents reach SLS over the region's internal endpoint (<region>-intranet.log.aliyuncs.com), whose
    // addresses lie in 100.64.0.0/10 (ACK, "Configure and manage cluster security groups": least-privilege
    // outbound rules accept 100.64.0.0/10, "the CIDR block of Alibaba Cloud resources"), which
    // PodNetworking.AlibabaServiceBlock already accepts: no rule of its own.
}
