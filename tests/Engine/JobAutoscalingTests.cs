using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>Job autoscaling: the operator's autoscaler per job, the adaptive scheduler on its session cluster, the checks on its options.</summary>
public class JobAutoscalingTests
{
    private const string DeploymentType = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";
    private const string SessionJobType = "kubernetes:flink.apache.org/v1beta1:FlinkSessionJob";

    private static string Stack(string autoscaler, string parallelism = "4")
        => $$"""
            {{TestStacks.SmallClusterAndNetwork}}
              blink-infra:compute:
                highAvailability: false
                workerPools:
                  - {name: cpu, family: g7, instanceTypes: [ecs.g7.2xlarge], nodes: 3}
                  - {name: batch, family: g7, instanceTypes: [ecs.g7.2xlarge], nodes: 2}
              blink-infra:engine:
                jobs:
                  - name: enrich
                    pool: cpu
                    jarPath: udf/enrich.jar
                    parallelism: {{parallelism}}
            {{autoscaler}}
                  - {name: nightly, pool: batch, jarPath: udf/nightly.jar}
            """;

    private static string[] Errors(string autoscaler, string parallelism = "4")
        => SpecLoader.TryLoad(StackRunner.Stack(Stack(autoscaler, parallelism)).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public async Task An_autoscaling_job_carries_the_operators_settings_and_its_session_cluster_the_adaptive_scheduler()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack("        autoscaler: {enabled: true, targetUtilization: 0.6, metricsWindowMinutes: 10, maxParallelism: 18}")));

        var job = plan.Resources.Single(r => r.Type == SessionJobType && r.Name == "blink-t-job-enrich").Inputs["spec"]!["flinkConfiguration"]!.AsObject();
        Assert.That(job.Where(kv => kv.Key.StartsWith("job.autoscaler.", System.StringComparison.Ordinal)).Select(kv => $"{kv.Key}={kv.Value}"), Is.EquivalentTo(new[]
        {
            "job.autoscaler.enabled=true", "job.autoscaler.utilization.target=0.6", "job.autoscaler.stabilization.interval=5min",
            "job.autoscaler.metrics.window=10min", "job.autoscaler.scale-down.max-factor=0.6", "job.autoscaler.vertex.max-parallelism=18",
        }));
        string? Scheduler(string session) => plan.Resources.Single(r => r.Type == DeploymentType && r.Name == session)
            .Inputs["spec"]!["flinkConfiguration"]!["jobmanager.scheduler"]?.GetValue<string>();
        Assert.That((Scheduler("blink-t-flink-cpu"), Scheduler("blink-t-flink-batch")), Is.EqualTo(("adaptive", (string?)null)),
            "only the session cluster of an autoscaling job changes scheduler");
        var nightly = plan.Resources.Single(r => r.Name == "blink-t-job-nightly").Inputs["spec"]!["flinkConfiguration"]!.AsObject();
        Assert.That(nightly.Select(kv => kv.Key), Has.None.StartWith("job.autoscaler."));
    }

    [Test]
    public async Task Off_by_default_and_when_disabled()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack("        autoscaler: {enabled: false}")));

        Assert.That(plan.Resources.Where(r => r.Type == SessionJobType).SelectMany(r => r.Inputs["spec"]!["flinkConfiguration"]!.AsObject().Select(kv => kv.Key)),
            Has.None.StartWith("job.autoscaler."));
        Assert.That(plan.Resources.Where(r => r.Type == DeploymentType).Select(r => r.Inputs["spec"]!["flinkConfiguration"]!["jobmanager.scheduler"]), Has.All.Null);
    }

    [Test]
    public void Options_out_of_bounds_are_refused_naming_the_key_the_value_and_the_bounds()
    {
        Assert.That(Errors("        autoscaler: {enabled: true, targetUtilization: 1.5, stabilizationMinutes: -1, metricsWindowMinutes: 0, scaleDownMaxFactor: 0, maxParallelism: 40000}"), Is.EqualTo(new[]
        {
            "blink-infra:engine.jobs[0].autoscaler.targetUtilization = \"1.5\": allowed: 0.1 to 0.95, how busy each vertex is kept (the operator's default 0.7; close to 1 leaves no headroom)",
            "blink-infra:engine.jobs[0].autoscaler.stabilizationMinutes = \"-1\": allowed: 0 to 1440 minutes after a (re)start without measuring or scaling",
            "blink-infra:engine.jobs[0].autoscaler.metricsWindowMinutes = \"0\": allowed: 1 to 1440 minutes of metrics each decision averages (the operator suggests 3 to 60)",
            "blink-infra:engine.jobs[0].autoscaler.scaleDownMaxFactor = \"0\": allowed: more than 0 and at most 1, the largest share of a vertex's parallelism one scale-down removes (1: no limit)",
            "blink-infra:engine.jobs[0].autoscaler.maxParallelism = \"40000\": allowed: 1 to 32768, the most parallel the autoscaler makes a vertex",
        }));
    }

    [Test]
    public void A_limit_below_the_jobs_parallelism_and_options_without_enabled_are_refused()
    {
        Assert.That(Errors("        autoscaler: {enabled: true, maxParallelism: 8}", parallelism: "16"), Is.EqualTo(new[]
        {
            "blink-infra:engine.jobs[0].autoscaler.maxParallelism = \"8\": below the job's parallelism 16, where it starts; allowed: 16 to 32768",
        }));
        Assert.That(Errors("        autoscaler: {targetUtilization: 0.5}"), Is.EqualTo(new[]
        {
            "blink-infra:engine.jobs[0].autoscaler.enabled is missing; the autoscaler's options without enabled: true, and it is off by default; allowed: enabled: true with them, or no options",
        }));
    }
}
