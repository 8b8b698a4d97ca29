using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Config;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>Logs: the Log Service project and logstores, ACK's log add-on, control-plane and audit logs, the collection CRs.</summary>
public class LogsTests
{
    private const string ClusterType = "alicloud:cs/managedKubernetes:ManagedKubernetes";
    private const string ProjectType = "alicloud:log/project:Project";
    private const string StoreType = "alicloud:log/store:Store";
    private const string PipelineType = "kubernetes:telemetry.alibabacloud.com/v1alpha1:ClusterAliyunPipelineConfig";

    private static string Stack(string observability = "") => ObservabilityTests.Stack(observability);

    private static ImmutableDictionary<string, object> Map(object value) => (ImmutableDictionary<string, object>)value;

    private static string[] Errors(string observability)
        => SpecLoader.TryLoad(StackRunner.Stack(Stack(observability)).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public async Task By_default_a_project_of_the_clusters_name_holds_two_logstores_kept_30_days()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack());

        var project = mocks.Single(ProjectType, "blink-t-logs");
        Assert.That(project.Inputs["projectName"], Is.EqualTo("blink-t-logs"));
        var stores = mocks.OfType(StoreType).ToList();
        Assert.That(stores.Select(s => (s.Name, s.Inputs["logstoreName"], s.Inputs["projectName"], s.Inputs["retentionPeriod"])), Is.EqualTo(new[]
        {
            ("blink-t-logstore-flink", (object)"flink", (object)"blink-t-logs", (object)30.0),
            ("blink-t-logstore-flink-operator", "flink-operator", "blink-t-logs", 30.0),
        }));
        Assert.That((stores[0].Inputs["shardCount"], stores[0].Inputs["autoSplit"], stores[0].Inputs["maxSplitShardCount"]), Is.EqualTo((2.0, true, 16.0)));
    }

    [Test]
    public async Task The_cluster_runs_the_log_add_on_and_sends_control_plane_and_audit_logs_to_the_project()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack());

        var cluster = mocks.Single(ClusterType, "blink-t-ack").Inputs;
        var addon = mocks.Single("alicloud:cs/kubernetesAddon:KubernetesAddon", "blink-t-addon-loongcollector").Inputs;
        Assert.That(addon["config"], Is.EqualTo("""{"sls_project_name":"blink-t-logs"}"""));
        Assert.That(cluster["controlPlaneLogProject"], Is.EqualTo("blink-t-logs"));
        Assert.That(cluster["controlPlaneLogTtl"], Is.EqualTo("30"));
        Assert.That((ImmutableArray<object>)cluster["controlPlaneLogComponents"], Is.EqualTo(new[] { "apiserver", "kcm", "scheduler", "ccm" }));
        Assert.That(Map(cluster["auditLogConfig"]), Is.EqualTo(new[] { ("enabled", (object)true), ("slsProjectName", "blink-t-logs") }
            .ToImmutableDictionary(p => p.Item1, p => p.Item2)));
    }

    [Test]
    public async Task The_flink_and_operator_pods_console_output_is_collected_into_their_logstores_through_the_engines_provider()
    {
        var plan = await Cli.BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));

        var pipelines = plan.Resources.Where(r => r.Type == PipelineType).ToList();
        Assert.That(pipelines.Select(p => p.Name), Is.EqualTo(new[] { "blink-t-logs-flink", "blink-t-logs-flink-operator" }));
        var spec = pipelines[0].Inputs["spec"]!;
        Assert.That(spec.ToJsonString(), Is.EqualTo(
            """{"config":{"flushers":[{"Logstore":"flink","Type":"flusher_sls"}],"inputs":[{"ContainerFilters":{"K8sNamespaceRegex":"^flink$"},"IgnoringStderr":false,"IgnoringStdout":false,"Multiline":{"Mode":"custom","StartPattern":"\\S*\\d{4}-\\d{2}-\\d{2}.*"},"Type":"input_container_stdio"}]},"project":{"name":"blink-t-logs"}}"""));
        Assert.That(pipelines[1].Inputs["spec"]!["config"]!["inputs"]![0]!["ContainerFilters"]!["K8sNamespaceRegex"]!.GetValue<string>(), Is.EqualTo("^flink-operator$"));
        Assert.That(pipelines.Select(p => p.Provider?.Name).Distinct(), Is.EqualTo(new[] { "blink-t-k8s" }), "the engine's provider, which waits for the node pools");
    }

    [TestCase("2026-11-27 10:00:00,123 INFO  org.apache.flink.runtime.taskexecutor.TaskExecutor           [] - started", true)]
    [TestCase("\u001b[33m2026-11-27 10:00:00,123\u001b[m \u001b[36mo.a.f.k.o.c.FlinkDeploymentController\u001b[m \u001b[32m[INFO ] reconciling", true)]
    [TestCase("\tat org.apache.flink.runtime.taskexecutor.TaskExecutor.start(TaskExecutor.java:42)", false)]
    [TestCase("Caused by: java.io.IOException: 2026-11-27 no space left", false)]
    [TestCase("java.lang.IllegalStateException: checkpoint 2026-11-27 declined", false)]
    public void A_log_entry_starts_at_a_dated_line_of_flink_or_of_the_operator_behind_its_colour_escape(string line, bool starts)
    {
        // SLS matches a multi-line start pattern against the whole line.
        var pattern = new System.Text.RegularExpressions.Regex($"^(?:{Facts.Logging.EntryStartPattern})$");

        Assert.That(pattern.IsMatch(line), Is.EqualTo(starts));
    }

    [Test]
    public async Task The_cluster_waits_for_the_project_and_each_collection_config_for_its_logstore()
    {
        var plan = await Cli.BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));

        var project = plan.Resources.Single(r => r.Type == ProjectType).Ref;
        var cluster = plan.Resources.Single(r => r.Type == ClusterType);
        foreach (var input in new[] { "controlPlaneLogProject", "auditLogConfig" })
            Assert.That(cluster.PropertyDependencies[input], Does.Contain(project), input + ": ACK would otherwise create the project itself");
        var addon = plan.Resources.Single(r => r.Name == "blink-t-addon-loongcollector");
        Assert.That(addon.PropertyDependencies["config"], Does.Contain(project));
        var store = plan.Resources.Single(r => r.Name == "blink-t-logstore-flink-operator").Ref;
        var pipeline = plan.Resources.Single(r => r.Name == "blink-t-logs-flink-operator");
        Assert.That(pipeline.PropertyDependencies["spec"], Does.Contain(store).And.Contain(project));
        Assert.That(pipeline.DependsOn, Does.Contain(addon.Ref), "the pipeline's CRD is the log collector's: it waits for the add-on");
        Assert.That(plan.Resources.Where(r => r.Type == "alicloud:arms/prometheusAlertRule:PrometheusAlertRule").Select(r => r.DependsOn),
            Has.All.Contains(new ResourceRef("alicloud:cs/kubernetesAddon:KubernetesAddon", "blink-t-addon-arms-prometheus")),
            "an alert rule needs the Prometheus instance the add-on creates");
    }

    [Test]
    public async Task Project_retention_control_plane_and_audit_follow_the_config_and_logs_can_be_turned_off()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("  blink-infra:observability:\n    logs: {project: team-flink-logs, retentionDays: 7, controlPlane: false, audit: false}"));
        Assert.That(mocks.Single(ProjectType, "blink-t-logs").Inputs["projectName"], Is.EqualTo("team-flink-logs"));
        Assert.That(mocks.OfType(StoreType).Select(s => s.Inputs["retentionPeriod"]).Distinct(), Is.EqualTo(new[] { 7.0 }));
        var cluster = mocks.Single(ClusterType, "blink-t-ack").Inputs;
        Assert.That(cluster.Keys, Has.None.StartsWith("controlPlaneLog").And.None.EqualTo("auditLogConfig"));

        (_, mocks) = await StackRunner.RunAsync(Stack("  blink-infra:observability:\n    logs: {enabled: false}"));
        Assert.That(mocks.OfType(ProjectType).Concat(mocks.OfType(StoreType)).Concat(mocks.OfType(PipelineType)), Is.Empty);
        Assert.That(mocks.OfType("alicloud:cs/kubernetesAddon:KubernetesAddon").Select(a => a.Inputs["name"]), Has.None.EqualTo("loongcollector"),
            "switching logs off uninstalls the add-on: a resource of its own, not the cluster's create-only addons");
    }

    [Test]
    public void Bad_log_settings_are_refused_naming_the_key()
    {
        Assert.That(Errors("  blink-infra:observability:\n    logs: {project: Flink_Logs, retentionDays: 3001}"), Is.EqualTo(new[]
        {
            "blink-infra:observability.logs.project = \"Flink_Logs\": not a Log Service project name; allowed: 3 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit, unique in the region across all accounts",
            "blink-infra:observability.logs.retentionDays = \"3001\": allowed: 1 to 3000 days the logstores and the control plane's logs keep a log",
        }));
        Assert.That(Errors("  blink-infra:observability:\n    logs: {enabled: false, controlPlane: true, audit: true}"), Is.EqualTo(new[]
        {
            "blink-infra:observability.logs.controlPlane = \"True\": the control plane's logs go to the stack's Log Service project, which logs.enabled: false leaves out; allowed: controlPlane: false, or logs.enabled: true",
            "blink-infra:observability.logs.audit = \"True\": the API server's audit log goes to the stack's Log Service project, which logs.enabled: false leaves out; allowed: audit: false, or logs.enabled: true",
        }));
    }
}
