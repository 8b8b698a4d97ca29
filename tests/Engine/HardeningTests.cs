using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Plan;
using NUnit.Framework;
using Pulumi;
using Pulumi.Testing;

namespace BlinkInfra.Tests.Engine;

/// <summary>
/// Issue 29.14: JobManagers with a standby had no disruption budget, the operator no requests (BestEffort, evicted first),
/// the Flink pods and their init container ran as root (the init container explicitly), and nothing ranked Flink above
/// batch work.
/// </summary>
public class HardeningTests
{
    private const string FlinkDeployment = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";

    private static async Task<StackPlan> Plan(string stack) => await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack(stack)));

    [TestCase("dev")]
    [TestCase("prod-hangzhou")]
    [TestCase("gpu-shanghai")]
    public async Task Every_flink_pod_runs_as_the_flink_user_with_nothing_to_escalate_above_batch_work(string stack)
    {
        var plan = await Plan(stack);

        var priority = plan.Resources.Single(r => r.Type == "kubernetes:scheduling.k8s.io/v1:PriorityClass");
        Assert.That(priority.Inputs.ToJsonString(), Is.EqualTo("""{"apiVersion":"scheduling.k8s.io/v1","description":"BlinkInfra: the Flink JobManagers, TaskManagers and operator, above batch work","globalDefault":false,"kind":"PriorityClass","metadata":{"name":"blink-flink"},"preemptionPolicy":"PreemptLowerPriority","value":100000}"""));
        foreach (var session in plan.Resources.Where(r => r.Type == FlinkDeployment))
        {
            var pod = session.Inputs["spec"]!["podTemplate"]!["spec"]!;
            Assert.That(pod["priorityClassName"]!.GetValue<string>(), Is.EqualTo("blink-flink"), session.Name);
            Assert.That(pod["securityContext"]!.ToJsonString(), Is.EqualTo("""{"fsGroup":9999,"runAsGroup":9999,"runAsNonRoot":true,"runAsUser":9999,"seccompProfile":{"type":"RuntimeDefault"}}"""), session.Name);
            Assert.That(pod["containers"]![0]!["securityContext"]!.ToJsonString(), Is.EqualTo("""{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}"""), session.Name);
            Assert.That(session.Inputs["spec"]!.ToJsonString(), Does.Not.Contain("\"runAsUser\":0").And.Not.Contain("\"privileged\":true"), session.Name + ": no container as root anywhere");
            Assert.That(session.DependsOn, Does.Contain(priority.Ref), "the class exists before the pods name it");
        }
        var operatorPod = plan.Resources.Single(r => r.Type == "kubernetes:helm.sh/v3:Release").Inputs["values"]!["operatorPod"]!;
        Assert.That((operatorPod["resources"]!.ToJsonString(), operatorPod["priorityClassName"]!.GetValue<string>()),
            Is.EqualTo(("""{"limits":{"memory":"1Gi"},"requests":{"cpu":"500m","memory":"1024Mi"}}""", "blink-flink")), "Burstable with requests, never BestEffort");
    }

    [Test]
    public async Task A_session_cluster_with_a_standby_jobmanager_has_a_disruption_budget_and_one_with_a_single_jobmanager_none()
    {
        // gpu-shanghai: session-cpu (no jobs) keeps 2 JobManagers, session-gpu (a job) runs 1.
        var plan = await Plan("gpu-shanghai");

        var budgets = plan.Resources.Where(r => r.Type == "kubernetes:policy/v1:PodDisruptionBudget").ToList();
        Assert.That(budgets.Select(b => b.Name), Is.EqualTo(new[] { "blink-gpu-pdb-cpu" }), "a budget on a single JobManager would refuse every drain");
        Assert.That(budgets[0].Inputs.ToJsonString(), Is.EqualTo("""{"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"session-cpu-jobmanager","namespace":"flink"},"spec":{"maxUnavailable":1,"selector":{"matchLabels":{"app":"session-cpu","component":"jobmanager"}}}}"""));
        Assert.That(budgets[0].DependsOn, Does.Contain(new ResourceRef(FlinkDeployment, "blink-gpu-flink-cpu")));
        var anti = plan.Resources.Single(r => r.Name == "blink-gpu-flink-cpu").Inputs["spec"]!["jobManager"]!["podTemplate"]!["spec"]!["affinity"]!.ToJsonString();
        Assert.That(anti, Does.Contain("""{"app":"session-cpu","component":"jobmanager"}"""), "the budget selects the pods the anti-affinity spreads");
    }

    [Test]
    public async Task A_pool_with_a_state_disk_makes_rocksdbs_directory_the_flink_users_on_the_node()
    {
        var plan = await Plan("prod-hangzhou");

        var pool = plan.Resources.Single(r => r.Name == "blink-prod-pool-cpu");
        var script = Encoding.UTF8.GetString(Convert.FromBase64String(pool.Inputs["userData"]!.GetValue<string>()));
        Assert.That(script, Is.EqualTo("#!/bin/bash\n# BlinkInfra: RocksDB's directory on the state disk, owned by the Flink user, for its non-root TaskManagers.\n"
            + "for i in $(seq 60); do mountpoint -q /mnt/blink-state && break; sleep 5; done\ninstall -d -o 9999 -g 9999 -m 0750 /mnt/blink-state/rocksdb\n"));
        Assert.That(plan.Resources.Single(r => r.Name == "blink-prod-pool-masters").Inputs.AsObject().ContainsKey("userData"), Is.False, "the masters keep no state");
    }

    [Test]
    [NeedsProgram("sh", "the init container's command is a POSIX shell script")]
    public async Task The_init_container_empties_rocksdbs_directory_without_removing_it()
    {
        var plan = await Plan("prod-hangzhou");
        var command = plan.Resources.Single(r => r.Type == FlinkDeployment).Inputs["spec"]!["taskManager"]!["podTemplate"]!["spec"]!["initContainers"]![0]!["command"]![2]!.GetValue<string>();
        var directory = Directory.CreateTempSubdirectory("blink-rocksdb-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "job_1_op_2", "db"));
        await File.WriteAllTextAsync(Path.Combine(directory, "job_1_op_2", "db", "000001.sst"), "x");

        using var process = Process.Start(new ProcessStartInfo(NeedsProgramAttribute.Find("sh")!) { ArgumentList = { "-c", command.Replace("/mnt/blink-state/rocksdb", directory, StringComparison.Ordinal) }, RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.That((process.ExitCode, errors), Is.EqualTo((0, "")));
        Assert.That(Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any(), Is.True, "the directory stays (it is the node's, made the Flink user's), emptied");
        Directory.Delete(directory);
    }

    [Test]
    public async Task A_union_input_sends_the_value_it_holds()
    {
        // The PodDisruptionBudget's maxUnavailable is an InputUnion of an int and a string, as in the real SDK.
        var mocks = new RecordingMocks();
        var percent = Union<int, string>.FromT1("50%");
        Assert.That((percent.IsT0, percent.IsT1, percent.Value), Is.EqualTo((false, true, (object)"50%")));
        Assert.That(Union<int, string>.FromT0(1).Value, Is.EqualTo(1));
        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () =>
        {
            new Pulumi.Kubernetes.Policy.V1.PodDisruptionBudget("as-count", new Pulumi.Kubernetes.Types.Inputs.Policy.V1.PodDisruptionBudgetArgs
            {
                Spec = new Pulumi.Kubernetes.Types.Inputs.Policy.V1.PodDisruptionBudgetSpecArgs { MaxUnavailable = 1 },
            });
            new Pulumi.Kubernetes.Policy.V1.PodDisruptionBudget("as-percent", new Pulumi.Kubernetes.Types.Inputs.Policy.V1.PodDisruptionBudgetArgs
            {
                Spec = new Pulumi.Kubernetes.Types.Inputs.Policy.V1.PodDisruptionBudgetSpecArgs { MaxUnavailable = percent },
            });
            new Pulumi.Kubernetes.Policy.V1.PodDisruptionBudget("none", new Pulumi.Kubernetes.Types.Inputs.Policy.V1.PodDisruptionBudgetArgs
            {
                Spec = new Pulumi.Kubernetes.Types.Inputs.Policy.V1.PodDisruptionBudgetSpecArgs { MaxUnavailable = new InputUnion<int, string>() },
            });
            return new System.Collections.Generic.Dictionary<string, object?>();
        });

        object? MaxUnavailable(string name) => ((System.Collections.Immutable.ImmutableDictionary<string, object>)mocks.Single("kubernetes:policy/v1:PodDisruptionBudget", name).Inputs["spec"])["maxUnavailable"];
        Assert.That(MaxUnavailable("as-count"), Is.EqualTo(1.0), "numbers arrive as double");
        Assert.That(MaxUnavailable("as-percent"), Is.EqualTo("50%"));
        Assert.That(MaxUnavailable("none"), Is.EqualTo(0.0), "a default union holds its first type's default, as the real struct does");
    }
}
