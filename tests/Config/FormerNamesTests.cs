using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// `formerNames`: how a user says a pool or the cluster had another name, so its resources are found
/// under it (Pulumi aliases) instead of deleted and created; each checked before anything is declared.
/// </summary>
public class FormerNamesTests
{
    private static string Stack(string cluster, string pools)
        => $$"""
           config:
             blink-infra:cluster:
               name: blink-t
               region: cn-hangzhou
           {{cluster}}
             blink-infra:network:
               zones: [{id: cn-hangzhou-h}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]
             blink-infra:compute:
               highAvailability: false
               workerPools:
           {{pools}}
           """;

    private const string Pools = "      - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2, formerNames: [general]}\n      - {name: batch, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2}";

    private static string[] Errors(string yaml)
        => SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public void Former_names_reach_the_spec()
    {
        var spec = StackRunner.Spec(Stack("    formerNames: [blink-old, blink-older]", Pools));

        Assert.That(spec.Cluster.FormerNames, Is.EqualTo(new[] { "blink-old", "blink-older" }));
        Assert.That(spec.Compute.WorkerPools.Single(p => p.Name == "cpu").FormerNames, Is.EqualTo(new[] { "general" }));
        Assert.That(spec.Compute.WorkerPools.Single(p => p.Name == "batch").FormerNames, Is.Empty);
    }

    [Test]
    public async Task A_pool_declares_its_node_pool_under_each_former_name_and_the_cluster_every_component()
    {
        var plan = await Planner.PlanAsync(StackRunner.Spec(Stack("    formerNames: [blink-old]", Pools)), "dev");

        Assert.That(plan.Resources.Single(r => r.Name == "blink-t-pool-cpu").Aliases, Is.EqualTo(new[] { new PlannedAlias(Name: "blink-t-pool-general") }));
        Assert.That(plan.Resources.Single(r => r.Name == "blink-t-pool-batch").Aliases, Is.Empty);
        // The cluster's name: each component, and the stack's provider, which is no component's child.
        Assert.That(plan.Resources.Where(r => r.Type.StartsWith("blink:", System.StringComparison.Ordinal)).Select(r => r.Aliases),
            Has.All.EqualTo(new[] { new PlannedAlias(Name: "blink-old") }));
        Assert.That(plan.Resources.Single(r => r.Name == "blink-t-alicloud").Aliases, Is.EqualTo(new[] { new PlannedAlias(Name: "blink-old-alicloud") }));
        // Written into the plan's JSON and read back.
        var json = System.Text.Json.Nodes.JsonNode.Parse(plan.ToJson())!;
        Assert.That(json["resources"]!.AsArray().Single(r => (string?)r!["name"] == "blink-t-pool-cpu")!["aliases"]!.ToJsonString(), Is.EqualTo("""[{"name":"blink-t-pool-general"}]"""));
        var back = System.Text.Json.JsonSerializer.Deserialize<StackPlan>(plan.ToJson(), StackPlan.JsonOptions)!;
        Assert.That(back.Resources.Single(r => r.Name == "blink-t-pool-cpu").Aliases, Is.EqualTo(new[] { new PlannedAlias(Name: "blink-t-pool-general") }));
    }

    [Test]
    public void A_former_pool_name_is_a_pool_name_never_its_own_nor_another_pools()
    {
        Assert.That(Errors(Stack("", "      - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2, formerNames: [Not_A_Name, masters, cpu]}")), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].formerNames[0] = \"Not_A_Name\": not a name a pool could have had; allowed: lower-case letters, digits and '-', starting with a letter, at most 63 characters (less when its session cluster's name needs the room), not \"masters\"",
            "blink-infra:compute.workerPools[0].formerNames[1] = \"masters\": not a name a pool could have had; allowed: lower-case letters, digits and '-', starting with a letter, at most 63 characters (less when its session cluster's name needs the room), not \"masters\"",
            "blink-infra:compute.workerPools[0].formerNames[2] = \"cpu\": the pool's name now; allowed: names it had before, not its current one",
        }));
        Assert.That(Errors(Stack("", "      - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2, formerNames: [batch]}\n      - {name: batch, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2}")), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].formerNames[0] = \"batch\": the name of another pool now; allowed: names no pool has now",
        }));
        Assert.That(Errors(Stack("", "      - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2, formerNames: [old]}\n      - {name: batch, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2, formerNames: [old]}")), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[1].formerNames[0] = \"old\": already a former name of a pool; allowed: each former name once, for the pool that had it",
        }));
    }

    [Test]
    public void A_former_cluster_name_is_a_cluster_name_other_than_the_current_one_given_once()
    {
        var errors = Errors(Stack("    formerNames: [blink-t, Old, blink-x, blink-x]", Pools));

        Assert.That(errors, Does.Contain("blink-infra:cluster.formerNames[0] = \"blink-t\": the cluster's name now; allowed: names it had before, not its current one"));
        Assert.That(errors, Has.Some.StartsWith("blink-infra:cluster.formerNames[1] = \"Old\": not a name the cluster could have had; allowed: lower-case letters"));
        Assert.That(errors, Does.Contain("blink-infra:cluster.formerNames[2] = \"blink-x\": given twice; allowed: each former name once"));
    }
}
