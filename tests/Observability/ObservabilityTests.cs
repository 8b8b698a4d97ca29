using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>Metrics and alerts: the Prometheus reporters, their ports in the rules, the managed Prometheus add-on, the default alerts.</summary>
public class ObservabilityTests
{
    private const string AlertType = "alicloud:arms/prometheusAlertRule:PrometheusAlertRule";
    private const string RuleType = "alicloud:ecs/securityGroupRule:SecurityGroupRule";

    /// <summary>A small stack of three zones without HA, with the given observability section (LogsTests use it too).</summary>
    internal static string Stack(string observability = "")
        => $$"""
            {{TestStacks.SmallClusterAndNetwork}}
              blink-infra:compute:
                highAvailability: false
                workerPools:
                  - {name: cpu, family: g7, instanceTypes: [ecs.g7.2xlarge], nodes: 3}
            {{observability}}
            """;

    [Test]
    public async Task Every_session_cluster_reports_to_prometheus_on_a_pinned_port_its_pods_annotated_for_scraping()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));

        var session = plan.Resources.Single(r => r.Type == "kubernetes:flink.apache.org/v1beta1:FlinkDeployment").Inputs["spec"]!;
        Assert.That(session["flinkConfiguration"]!["metrics.reporter.prom.factory.class"]!.GetValue<string>(), Is.EqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory"));
        Assert.That(session["flinkConfiguration"]!["metrics.reporter.prom.port"]!.GetValue<string>(), Is.EqualTo("9249"));
        foreach (var role in new[] { "jobManager", "taskManager" })
            Assert.That(session[role]!["podTemplate"]!["metadata"]!.ToJsonString(), Is.EqualTo("""{"annotations":{"prometheus.io/port":"9249","prometheus.io/scrape":"true"}}"""), role);
    }

    [Test]
    public async Task The_metrics_ports_join_the_rules_between_the_groups()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));

        var rules = plan.Resources.Where(r => r.Type == RuleType).Select(r => r.Name).ToList();
        Assert.That(rules, Does.Contain("blink-t-sgr-masters-from-workers-tcp-9249-9249").And.Contain("blink-t-sgr-workers-to-masters-tcp-9249-9249"),
            "the managed Prometheus agent on the workers scrapes the JobManagers");
        Assert.That(rules, Does.Contain("blink-t-sgr-masters-from-workers-tcp-9999-9999").And.Contain("blink-t-sgr-workers-to-masters-tcp-9999-9999"),
            "and the operator");
        var report = PolicyEngine.Check(plan);
        Assert.That(report.Violations.Where(v => v.Policy == "pod-ports-only-cluster"), Is.Empty);
    }

    [Test]
    public async Task The_managed_prometheus_add_on_and_four_default_alerts_are_declared_by_default()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack());

        var alerts = mocks.OfType(AlertType).ToList();
        Assert.That(alerts.Select(a => a.Inputs["prometheusAlertRuleName"]), Is.EqualTo(new[]
        {
            "blink-t-flink-job-down", "blink-t-flink-job-restarts", "blink-t-flink-checkpoint-failures", "blink-t-flink-backpressure",
        }));
        Assert.That(alerts.Select(a => a.Inputs["clusterId"]).Distinct(), Is.EqualTo(new[] { "blink-t-ack-id" }), "the cluster's own Prometheus instance");
        Assert.That(alerts[2].Inputs["expression"], Is.EqualTo("increase(flink_jobmanager_job_numberOfFailedCheckpoints{namespace=\"flink\"}[10m]) > 0"));
        Assert.That((alerts[3].Inputs["duration"], alerts[3].Inputs["notifyType"]), Is.EqualTo(("10", "ALERT_MANAGER")));
        Assert.That(alerts.Select(a => int.Parse((string)a.Inputs["duration"], System.Globalization.CultureInfo.InvariantCulture)),
            Has.All.InRange(Facts.Alerts.MinDurationMinutes, Facts.Alerts.MaxDurationMinutes), "bare minutes, as ARMS takes a rule's duration");
    }

    [Test]
    public async Task Metrics_and_alerts_can_be_turned_off_and_alerts_need_metrics()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("  blink-infra:observability:\n    metrics: {enabled: false}"));
        Assert.That(mocks.OfType(AlertType), Is.Empty);
        var addons = ((ImmutableArray<object>)mocks.Single("alicloud:cs/managedKubernetes:ManagedKubernetes", "blink-t-ack").Inputs["addons"])
            .Cast<ImmutableDictionary<string, object>>().Select(a => a["name"]);
        Assert.That(addons, Has.None.EqualTo("arms-prometheus"));

        (_, mocks) = await StackRunner.RunAsync(Stack("  blink-infra:observability:\n    metrics: {alerts: false}"));
        Assert.That(mocks.OfType(AlertType), Is.Empty);

        var errors = SpecLoader.TryLoad(StackRunner.Stack(Stack("  blink-infra:observability:\n    metrics: {enabled: false, alerts: true}")).ToRaw(), PolicyEngine.PolicyNames).Errors;
        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            "blink-infra:observability.metrics.alerts = \"True\": the alert rules are evaluated by the managed Prometheus, which metrics.enabled: false leaves out; allowed: alerts: false, or metrics.enabled: true",
        }));
    }
}
