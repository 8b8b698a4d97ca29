using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Facts;
using BlinkInfra.Plan;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Every TaskManager and JobManager of the example stacks fits what its pool's smallest machine gives
/// pods on ACK (allocatable less the DaemonSets and, for TaskManagers, the system Deployments:
/// infra/Facts/NodeAllocatable.cs), so none stays Pending.
/// </summary>
public class PodsFitTheirNodesTests
{
    private const string DeploymentType = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";
    private const string NodePoolType = "alicloud:cs/nodePool:NodePool";

    public static IEnumerable<string> Stacks() => TestPaths.ExampleStacks().Select(StackFile.StackNameOf);

    private static NodeRequests RequestsOf(JsonNode resource)
    {
        var memory = resource["memory"]!.GetValue<string>();
        Assert.That(memory, Does.EndWith("m"), "Flink's MiB");
        return new NodeRequests((long)Math.Round(double.Parse(resource["cpu"]!.ToJsonString(), CultureInfo.InvariantCulture) * 1000), long.Parse(memory[..^1], CultureInfo.InvariantCulture));
    }

    /// <summary>What a pool's smallest machine gives pods: the least CPU and the least memory among its types.</summary>
    private static NodeRequests RoomOf(PlannedResource pool, bool besideSystemDeployments = false)
    {
        var types = pool.Inputs["instanceTypes"]!.AsArray().Select(t => InstanceCatalog.Type(t!.GetValue<string>())!).ToList();
        var rooms = types.Select(t => besideSystemDeployments ? NodeAllocatable.ForTaskManager(t.Cores, t.MemoryGiB) : NodeAllocatable.ForPods(t.Cores, t.MemoryGiB)).ToList();
        return new NodeRequests(rooms.Min(r => r.MilliCpu), rooms.Min(r => r.MemoryMiB));
    }

    [TestCaseSource(nameof(Stacks))]
    public async Task Every_taskmanager_and_jobmanager_fits_its_pools_smallest_machine(string stack)
    {
        var plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack(stack)));
        var pools = plan.Resources.Where(r => r.Type == NodePoolType).ToDictionary(r => r.Inputs["nodePoolName"]!.GetValue<string>());
        var sessions = plan.Resources.Where(r => r.Type == DeploymentType).ToList();
        Assert.That(sessions, Is.Not.Empty);

        foreach (var session in sessions)
        {
            var pool = session.Inputs["metadata"]!["labels"]![NodeRoles.PoolLabel]!.GetValue<string>();
            var taskManager = RequestsOf(session.Inputs["spec"]!["taskManager"]!["resource"]!);
            // Beside every DaemonSet (the stack's add-ons' too) and the system Deployments the tainted masters push onto the workers.
            var room = RoomOf(pools[pool], besideSystemDeployments: true);
            Assert.That(taskManager.FitsIn(room), Is.True, $"{stack} {session.Name}: a TaskManager of {taskManager} on {room}");
        }

        // One JobManager of each session cluster may share a master machine (HA spreads a session's over
        // the zones; without HA they all sit on the one master), beside the operator and a run of the checkpoint cleaner,
        // each as the plan asks (issue 29.14: the operator had no requests, so the model left it out).
        var jobManagers = sessions.Select(s => RequestsOf(s.Inputs["spec"]!["jobManager"]!["resource"]!)).ToList();
        static NodeRequests Kubernetes(JsonNode? requests) => requests is null ? new NodeRequests(0, 0) : new NodeRequests(
            long.Parse(requests["cpu"]!.GetValue<string>().TrimEnd('m'), CultureInfo.InvariantCulture),
            long.Parse(requests["memory"]!.GetValue<string>().Replace("Mi", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
        var operatorRequests = Kubernetes(plan.Resources.Single(r => r.Type == "kubernetes:helm.sh/v3:Release").Inputs["values"]!["operatorPod"]!["resources"]!["requests"]);
        Assert.That(operatorRequests.MilliCpu, Is.GreaterThan(0), "the operator requests what it needs, or it is evicted first");
        var cleaner = plan.Resources.SingleOrDefault(r => r.Type == "kubernetes:batch/v1:CronJob");
        var cleanerRequests = Kubernetes(cleaner?.Inputs["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!["requests"]);
        var onOneMaster = new NodeRequests(jobManagers.Sum(j => j.MilliCpu), jobManagers.Sum(j => j.MemoryMiB)).Plus(operatorRequests).Plus(cleanerRequests);
        var masterRoom = RoomOf(pools[NodeRoles.MastersPoolName]);
        Assert.That(onOneMaster.FitsIn(masterRoom), Is.True, $"{stack}: JobManagers of {onOneMaster} on a master of {masterRoom}");
    }
}
