using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>The diff's text: a changed property per line by its path, unknowns once, a loud warning before replacing what the cluster runs on.</summary>
public class DiffTextTests
{
    private static Task<StackPlan> DevPlan() => BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("dev")));

    private static async Task<JsonObject> DevPlanJson() => JsonNode.Parse((await DevPlan()).ToJson())!.AsObject();

    private static JsonObject Resource(JsonObject plan, string name)
        => plan["resources"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);

    private static StackPlan AsPlan(JsonObject json) => json.Deserialize<StackPlan>(StackPlan.JsonOptions)!;

    private static async Task<string> Save(JsonObject plan)
    {
        var path = Path.Combine(Path.GetTempPath(), $"blink-difftext-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, plan.ToJsonString());
        return path;
    }

    [Test]
    public async Task A_nested_change_is_one_line_by_its_path_not_the_whole_spec()
    {
        var old = await DevPlanJson();
        Resource(old, "blink-dev-flink-cpu")["inputs"]!["spec"]!["taskManager"]!["resource"]!["memory"] = "9000m";
        Resource(old, "blink-dev-flink-cpu")["inputs"]!["spec"]!["flinkConfiguration"]!["rest.port"] = "8082";

        var text = DiffText.Of(PlanDiff.Compare(AsPlan(old), await DevPlan()));

        Assert.That(text, Is.EqualTo(
            "~ kubernetes:flink.apache.org/v1beta1:FlinkDeployment blink-dev-flink-cpu (update) [diff: ~spec]\n" +
            "    ~ spec.flinkConfiguration[\"rest.port\"]: \"8082\" => \"8081\"\n" +
            "    ~ spec.taskManager.resource.memory: \"9000m\" => \"9216m\"\n" +
            "Resources: + 0 to create, ~ 1 to update, +- 0 to replace, - 0 to delete, 88 unchanged\n"));
    }

    [Test]
    public async Task A_value_known_only_after_apply_is_said_once_without_reference_noise()
    {
        var old = await DevPlanJson();
        Resource(old, "blink-dev-vsw-cn-hangzhou-h")["inputs"]!["cidrBlock"] = "10.10.240.0/20";

        var text = DiffText.Of(PlanDiff.Compare(AsPlan(old), await DevPlan()));

        // Both plans hold the same reference: no "${x.id}" => "${x.id}" line, only the unknown.
        // As pulumi preview prints an unknown value (pkg/backend/display/object_diff.go): [unknown].
        Assert.That(text, Does.Contain("~ alicloud:cs/nodePool:NodePool blink-dev-pool-masters (update) [diff: ~vswitchIds]\n    ~ vswitchIds[0]: [unknown]\n"));
        Assert.That(text, Does.Not.Contain("${"));
        Assert.That(text, Does.Not.Contain("known after apply"));
        Assert.That(text.Split('\n').Count(l => l.Contains(DiffText.Unknown, StringComparison.Ordinal) && l.IndexOf(DiffText.Unknown, StringComparison.Ordinal) != l.LastIndexOf(DiffText.Unknown, StringComparison.Ordinal)), Is.Zero);
    }

    [Test]
    public async Task Replacing_a_vswitch_the_cluster_a_node_pool_or_the_state_bucket_is_warned_loudly_first()
    {
        var old = await DevPlanJson();
        Resource(old, "blink-dev-vsw-cn-hangzhou-h")["inputs"]!["cidrBlock"] = "10.10.240.0/20";
        Resource(old, "blink-dev-ack")["inputs"]!["serviceCidr"] = "172.22.0.0/20";
        Resource(old, "blink-dev-state")["inputs"]!["bucket"] = "blink-dev-old-state";
        var steps = PlanDiff.Compare(AsPlan(old), await DevPlan());

        var text = DiffText.Of(steps);

        var lines = text.Split('\n');
        Assert.That(lines[0], Is.EqualTo("WARNING BLINK3002: this change deletes or replaces what the cluster runs on or keeps its state in:"));
        Assert.That(lines[1], Does.StartWith("  ! vSwitch blink-dev-vsw-cn-hangzhou-h is replaced (cidrBlock cannot change in place): ").And.Contain("every machine and pod address in it"));
        Assert.That(lines[2], Does.StartWith("  ! the ACK cluster blink-dev-ack is replaced (serviceCidr cannot change in place): ").And.Contain("every node pool's machines, the operator, every session cluster and job"));
        Assert.That(lines[3], Does.StartWith("  ! the node pool blink-dev-pool-masters is replaced (clusterId cannot change in place): ").And.Contain("its machines are released"));
        Assert.That(lines[4], Does.StartWith("  ! the node pool blink-dev-pool-cpu is replaced"));
        Assert.That(lines[5], Does.StartWith("  ! the state bucket blink-dev-state is replaced (bucket cannot change in place); the old one is deleted before the new one is created (its deleteBeforeReplace option): ").And.Contain("checkpoints, savepoints, HA metadata and UDF jars"));
        // The session cluster on the replaced cluster goes with it (its provider's kubeconfig is unknown).
        Assert.That(lines.Skip(6).TakeWhile(l => l.Length > 0).Last(), Is.EqualTo("  ! " + LossWarnings.JobsRestart));

        // The same warnings in the JSON steps' diagnostics, and on stderr when the JSON takes stdout.
        var (exit, output, errors) = await CliRunner.Run("diff", "--stack", "dev", "--against", await Save(old), "--json", "-");
        Assert.That(exit, Is.EqualTo(BlinkCli.Changes));
        var diagnostics = JsonNode.Parse(output)!["diagnostics"]!.AsArray().Select(d => (string?)d!["message"]).ToList();
        Assert.That(diagnostics, Has.Some.StartsWith("vSwitch blink-dev-vsw-cn-hangzhou-h is replaced"));
        Assert.That(diagnostics, Has.Member(LossWarnings.JobsRestart));
        Assert.That(errors, Does.Contain("warning BLINK3002: the state bucket blink-dev-state is replaced"));
    }

    [Test]
    public async Task An_update_in_place_gives_no_warning_and_colour_only_when_asked()
    {
        var old = await DevPlanJson();
        Resource(old, "blink-dev-vpc")["inputs"]!["description"] = "before";
        var steps = PlanDiff.Compare(AsPlan(old), await DevPlan());

        Assert.That(LossWarnings.Of(steps), Is.Empty);
        Assert.That(DiffText.Of(steps), Does.StartWith("~ alicloud:vpc/network:Network blink-dev-vpc (update) [diff: ~description]\n    ~ description: \"before\" => \"BlinkInfra cluster blink-dev\"\n"));
        Assert.That(DiffText.Of(steps).Contains('\u001b'), Is.False);
        Assert.That(DiffText.Of(steps, new Colours(true)), Does.StartWith("\u001b[33m~\u001b[0m alicloud:vpc/network:Network blink-dev-vpc (update) \u001b[90m[diff: ~description]\u001b[0m\n    \u001b[33m~\u001b[0m description:"));
    }
}
