using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Facts;
using BlinkInfra.Plan;
using BlinkInfra.State;
using NUnit.Framework;
using Spectre.Console;

namespace BlinkInfra.Tests;

/// <summary>
/// The `diff` verb: every op, replacement from the provider's table, secrets masked, saved plans and
/// state exports as the old side, the text and JSON forms and the exit codes; `plan --graph`; `bench`.
/// </summary>
public class DiffTests
{
    private static string DevStackFile => TestPaths.ExampleStack("dev");

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private static string TempFile(string suffix) => Path.Combine(Path.GetTempPath(), $"blink-diff-{Guid.NewGuid():N}{suffix}");

    private static Task<StackPlan> DevPlan() => BlinkCli.PlanStackAsync(StackFile.Load(DevStackFile));

    /// <summary>The dev stack's plan as JSON, edited by the test to stand for what was deployed before.</summary>
    private static async Task<JsonObject> DevPlanJson()
        => JsonNode.Parse((await DevPlan()).ToJson())!.AsObject();

    /// <summary>An edited plan, read back as `diff` reads a saved plan.</summary>
    private static StackPlan AsPlan(JsonObject json) => json.Deserialize<StackPlan>(StackPlan.JsonOptions)!;

    private static JsonObject Resource(JsonObject plan, string name)
        => plan["resources"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);

    private static async Task<string> Save(JsonObject plan)
    {
        var path = TempFile(".json");
        await File.WriteAllTextAsync(path, plan.ToJsonString());
        return path;
    }

    [Test]
    public async Task Planning_the_same_stack_twice_and_diffing_gives_no_changes_and_exit_0()
    {
        var planPath = TempFile(".json");
        Assert.That((await Run("plan", "--stack", "dev", "--json", planPath)).Exit, Is.EqualTo(0));

        var (exit, output, errors) = await Run("diff", "--stack", "dev", "--against", planPath);

        Assert.That(errors, Is.Empty);
        Assert.That(exit, Is.EqualTo(BlinkCli.NoChanges));
        Assert.That(output, Is.EqualTo("No changes: 89 resources unchanged\n"));
        File.Delete(planPath);
    }

    [Test]
    public async Task Every_op_is_found_and_printed_like_pulumi_preview_diff()
    {
        var old = await DevPlanJson();
        // Update: a description the provider changes in place.
        Resource(old, "blink-dev-vpc")["inputs"]!["description"] = "the old description";
        // Replace: a port range the provider cannot change on a rule.
        Resource(old, "blink-dev-sgr-workers-from-masters-tcp-6121-6122")["inputs"]!["portRange"] = "6121/6121";
        // Create: the old plan did not have the endpoints ConfigMap.
        var resources = old["resources"]!.AsArray();
        resources.Remove(Resource(old, "blink-dev-endpoints"));
        // Delete: the old plan had a rule the stack no longer declares.
        var extra = Resource(old, "blink-dev-sgr-workers-from-masters-tcp-6121-6122").DeepClone().AsObject();
        extra["name"] = "blink-dev-sgr-workers-from-masters-tcp-8080-8080";
        extra["inputs"]!["portRange"] = "8080/8080";
        extra["inputs"]!["description"] = "from masters: retired web UI";
        resources.Add(extra);
        var against = await Save(old);

        var (exit, output, errors) = await Run("diff", "--stack", "dev", "--against", against);

        Assert.That(errors, Is.Empty);
        Assert.That(exit, Is.EqualTo(BlinkCli.Changes));
        Assert.That(output, Does.Contain(
            "~ alicloud:vpc/network:Network blink-dev-vpc (update) [diff: ~description]\n" +
            "    ~ description: \"the old description\" => \"BlinkInfra cluster blink-dev\"\n"));
        Assert.That(output, Does.Contain(
            "+- alicloud:ecs/securityGroupRule:SecurityGroupRule blink-dev-sgr-workers-from-masters-tcp-6121-6122 (replace) [diff: ~portRange]\n" +
            "    ~ portRange: \"6121/6121\" => \"6121/6122\" (forces replacement)\n"));
        Assert.That(output, Does.Contain(
            "+ kubernetes:core/v1:ConfigMap blink-dev-endpoints (create)\n" +
            "    + apiVersion: \"v1\"\n"));
        Assert.That(output, Does.Contain(
            "- alicloud:ecs/securityGroupRule:SecurityGroupRule blink-dev-sgr-workers-from-masters-tcp-8080-8080 (delete)\n" +
            "    - description: \"from masters: retired web UI\"\n"));
        Assert.That(output, Does.EndWith("Resources: + 1 to create, ~ 1 to update, +- 1 to replace, - 1 to delete, 86 unchanged\n"));
        Assert.That(output, Does.Not.Contain("blink-dev-vsw-cn-hangzhou-h"), "unchanged resources are not listed");
        File.Delete(against);
    }

    [Test]
    public async Task Resources_are_matched_by_urn_so_a_resource_moved_to_another_parent_is_deleted_and_created()
    {
        var old = await DevPlanJson();
        // Before, the Kubernetes provider sat at the top of the stack; now the engine component owns it.
        Resource(old, "blink-dev-k8s")["parent"] = new JsonObject { ["type"] = "pulumi:pulumi:Stack", ["name"] = "blink-infra-dev" };
        var oldPlan = AsPlan(old);
        var now = await DevPlan();

        var steps = PlanDiff.Compare(oldPlan, now).Where(s => s.Name == "blink-dev-k8s").ToList();

        Assert.That(steps.Select(s => (s.Op, s.Urn)), Is.EqualTo(new[]
        {
            (DiffOp.Create, "urn:pulumi:dev::blink-infra::blink:engine:FlinkEngine$pulumi:providers:kubernetes::blink-dev-k8s"),
            (DiffOp.Delete, "urn:pulumi:dev::blink-infra::pulumi:providers:kubernetes::blink-dev-k8s"),
        }));
    }

    [Test]
    public async Task Diff_json_steps_carry_the_dependencies_the_engine_records_with_the_service_account_on_its_role()
    {
        var old = await DevPlanJson();
        Resource(old, "blink-dev-sa-flink-cpu")["inputs"]!["metadata"]!["annotations"] = new JsonObject { ["pod-identity.alibabacloud.com/role-name"] = "before" };
        var now = await DevPlan();

        var step = PlanDiff.Compare(AsPlan(old), now).Single(s => s.Name == "blink-dev-sa-flink-cpu");
        var json = DiffJson.Of(ImmutableArray.Create(step))["steps"]![0]!;

        const string role = "urn:pulumi:dev::blink-infra::blink:engine:FlinkEngine$alicloud:ram/role:Role::blink-dev-flink-cpu-role";
        const string jobsNamespace = "urn:pulumi:dev::blink-infra::blink:engine:FlinkEngine$kubernetes:core/v1:Namespace::blink-dev-ns-jobs";
        Assert.That(step.Op, Is.EqualTo(DiffOp.Update));
        // In the resource's new record, as the engine records it in the state.
        Assert.That(json["newState"]!["propertyDependencies"]!.ToJsonString(), Is.EqualTo($$"""{"metadata":["{{role}}"]}"""));
        Assert.That(json["newState"]!["dependencies"]!.AsArray().Select(d => (string?)d), Does.Contain(role).And.Contain(jobsNamespace));
    }

    [Test]
    public async Task Replacement_comes_from_the_providers_table_and_cascades_only_through_inputs_that_force_it()
    {
        Assert.That(ReplacementInputs.Of("alicloud:vpc/switch:Switch"), Does.Contain("cidrBlock"));
        Assert.That(ReplacementInputs.Of("alicloud:vpc/switch:Switch"), Does.Not.Contain("description"));
        Assert.That(ReplacementInputs.Of("alicloud:cs/managedKubernetes:ManagedKubernetes"), Does.Contain("serviceCidr"));
        Assert.That(ReplacementInputs.Source, Does.StartWith("aliyun/terraform-provider-alicloud v1.285.0"));

        var old = await DevPlanJson();
        Resource(old, "blink-dev-vsw-cn-hangzhou-h")["inputs"]!["cidrBlock"] = "10.10.240.0/20";
        Resource(old, "blink-dev-ack")["inputs"]!["serviceCidr"] = "172.22.0.0/20";
        var oldPlan = AsPlan(old);
        var now = await DevPlan();

        var steps = PlanDiff.Compare(oldPlan, now);
        var text = DiffText.Of(steps);

        var vswitch = steps.Single(s => s.Name == "blink-dev-vsw-cn-hangzhou-h");
        Assert.That(vswitch.Op, Is.EqualTo(DiffOp.Replace));
        Assert.That(vswitch.ReplaceReasons, Is.EqualTo(new[] { "cidrBlock" }));
        Assert.That(text, Does.Contain("    ~ cidrBlock: \"10.10.240.0/20\" => \"10.10.64.0/20\" (forces replacement)\n"));
        Assert.That(steps.Single(s => s.Name == "blink-dev-ack").ReplaceReasons, Is.EqualTo(new[] { "serviceCidr" }));

        // The master machines' pool sits in the replaced vSwitch and the replaced cluster: its vswitchIds
        // change in place (vswitch_ids is not ForceNew), its clusterId forces a new pool.
        Assert.That(ReplacementInputs.Of("alicloud:cs/nodePool:NodePool"), Does.Not.Contain("vswitchIds").And.Contain("clusterId"));
        var master = steps.Single(s => s.Name == "blink-dev-pool-masters");
        Assert.That(master.Op, Is.EqualTo(DiffOp.Replace));
        Assert.That(master.ReplaceReasons, Is.EqualTo(new[] { "clusterId" }));
        var vswitchIds = master.Changes.Single(c => c.Key == "vswitchIds");
        Assert.That(vswitchIds.KnownAfterApply, Is.True);
        Assert.That(vswitchIds.ForcesReplacement, Is.False);

        // A resource that only refers to kept resources does not change.
        Assert.That(steps.Single(s => s.Name == "blink-dev-vsw-cn-hangzhou-i").Op, Is.EqualTo(DiffOp.Same));
        Assert.That(steps.Single(s => s.Name == "blink-dev-vpc").Op, Is.EqualTo(DiffOp.Same));
    }

    [Test]
    public async Task A_nested_input_in_the_table_forces_replacement_only_when_that_field_changes()
    {
        const string master = "blink-dev-master-cn-hangzhou-h";
        var table = ReplacementInputs.Of("alicloud:ecs/instance:Instance");
        Assert.That(table, Does.Contain("dataDisks.size"));
        Assert.That(table, Does.Not.Contain("dataDisks").And.Not.Contain("dataDisks.performanceLevel"));

        static JsonArray Disks(int size, string level) => new(new JsonObject { ["category"] = "cloud_essd", ["performanceLevel"] = level, ["size"] = size });
        // No stack declares an ECS instance any more: one is added to both sides, as a live stack's state may hold one.
        async Task<StackPlan> WithDisks(JsonArray disks)
        {
            var json = await DevPlanJson();
            var instance = Resource(json, "blink-dev-pool-masters").DeepClone().AsObject();
            instance["type"] = "alicloud:ecs/instance:Instance";
            instance["name"] = master;
            instance["inputs"] = new JsonObject { ["instanceType"] = "ecs.g7.xlarge", ["dataDisks"] = disks };
            json["resources"]!.AsArray().Add(instance);
            return AsPlan(json);
        }
        var now = await WithDisks(Disks(200, "PL1"));

        var resized = PlanDiff.Compare(await WithDisks(Disks(100, "PL1")), now).Single(s => s.Name == master);
        Assert.That(resized.Op, Is.EqualTo(DiffOp.Replace));
        Assert.That(resized.ReplaceReasons, Is.EqualTo(new[] { "dataDisks" }));

        var faster = PlanDiff.Compare(await WithDisks(Disks(200, "PL0")), now).Single(s => s.Name == master);
        Assert.That(faster.Op, Is.EqualTo(DiffOp.Update), "the disk's performance level changes in place");
        Assert.That(faster.ReplaceReasons, Is.Empty);
    }

    [Test]
    public async Task Kubernetes_objects_are_replaced_as_pulumi_kubernetes_decides()
    {
        Assert.That(ReplacementInputs.Of("kubernetes:core/v1:ConfigMap"), Is.EqualTo(new[] { "metadata.name", "metadata.namespace", "binaryData", "data" }));
        Assert.That(ReplacementInputs.Of("kubernetes:core/v1:Namespace"), Is.EqualTo(new[] { "metadata.name", "metadata.namespace" }));
        Assert.That(ReplacementInputs.Of("kubernetes:helm.sh/v3:Release"), Is.EqualTo(new[] { "name", "namespace" }));

        var old = await DevPlanJson();
        Resource(old, "blink-dev-endpoints")["inputs"]!["data"] = new JsonObject { ["kafka"] = "old:9092" };
        Resource(old, "blink-dev-sa-flink-cpu")["inputs"]!["metadata"]!["labels"] = new JsonObject { ["team"] = "old" };
        var oldPlan = AsPlan(old);
        var now = await DevPlan();

        var steps = PlanDiff.Compare(oldPlan, now);

        var endpoints = steps.Single(s => s.Name == "blink-dev-endpoints");
        Assert.That(endpoints.Op, Is.EqualTo(DiffOp.Replace), "a ConfigMap's data is replaced, not patched");
        Assert.That(DiffText.Of(steps), Does.Contain("    - data.kafka: \"old:9092\" (forces replacement)\n"));
        var serviceAccount = steps.Single(s => s.Name == "blink-dev-sa-flink-cpu");
        Assert.That(serviceAccount.Op, Is.EqualTo(DiffOp.Update), "metadata changed, but not the name or namespace");
        Assert.That(serviceAccount.ReplaceReasons, Is.Empty);
    }

    [Test]
    public async Task Secrets_are_masked_on_both_sides_in_text_and_json()
    {
        var old = await DevPlanJson();
        // The old kubeconfig was stored in plaintext; it is secret now.
        Resource(old, "blink-dev-k8s")["inputs"]!["kubeconfig"] = "apiVersion: v1\nusers: [{name: admin, user: {token: hunter2}}]";
        var against = await Save(old);
        var stepsPath = TempFile(".steps.json");

        var (exit, output, _) = await Run("diff", "--stack", "dev", "--against", against, "--json", stepsPath);

        Assert.That(exit, Is.EqualTo(BlinkCli.Changes));
        Assert.That(output, Does.Contain(
            "~ pulumi:providers:kubernetes blink-dev-k8s (update) [diff: ~kubeconfig]\n" +
            "    ~ kubeconfig: \"[secret]\" => \"[secret]\"\n"));
        var stepsJson = await File.ReadAllTextAsync(stepsPath);
        Assert.That(output + stepsJson, Does.Not.Contain("hunter2"));
        var step = JsonNode.Parse(stepsJson)!["steps"]!.AsArray().Single(s => ((string?)s!["urn"])!.EndsWith("::blink-dev-k8s", StringComparison.Ordinal))!;
        Assert.That((string?)step["oldState"]!["inputs"]!["kubeconfig"], Is.EqualTo("[secret]"));
        Assert.That((string?)step["newState"]!["inputs"]!["kubeconfig"], Is.EqualTo("[secret]"));

        // Both sides secret: the values cannot be compared, and are not reported as a change.
        var unchanged = await Save(await DevPlanJson());
        Assert.That((await Run("diff", "--stack", "dev", "--against", unchanged)).Exit, Is.EqualTo(BlinkCli.NoChanges));
        File.Delete(against);
        File.Delete(unchanged);
        File.Delete(stepsPath);
    }

    [Test]
    public async Task A_pulumi_stack_export_is_diffed_by_inputs_only_with_its_secrets_masked()
    {
        var stepsPath = TempFile(".steps.json");

        var (exit, output, errors) = await Run("diff", "--stack", "dev", "--against", TestPaths.Fixture("dev-stack-export.json"), "--json", stepsPath, "--show-sames");

        Assert.That(errors, Is.Empty);
        Assert.That(exit, Is.EqualTo(BlinkCli.Changes));
        Assert.That(output, Does.Contain(
            "- alicloud:ecs/securityGroupRule:SecurityGroupRule blink-dev-sgr-masters-from-anywhere-ssh (delete)\n" +
            "    - cidrIp: \"0.0.0.0/0\"\n"));
        Assert.That(output, Does.EndWith("Resources: + 81 to create, ~ 0 to update, +- 1 to replace, - 1 to delete, 7 unchanged\n"));
        // The kubeconfig comes from a cluster created in this update: unknown until apply, so pulumi-kubernetes
        // replaces the provider (provider.go DiffConfig), which the state's ciphertext cannot hide.
        Assert.That(output, Does.Contain("+- pulumi:providers:kubernetes blink-dev-k8s (replace) [diff: ~kubeconfig]\n    ~ kubeconfig: \"[secret]\" => [unknown] (forces replacement)\n"));

        var steps = JsonNode.Parse(await File.ReadAllTextAsync(stepsPath))!["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        string? Op(string name) => (string?)steps.Single(s => ((string?)s["urn"])!.EndsWith("::" + name, StringComparison.Ordinal))["op"];
        // The VPC's outputs in the state (its id, route table, router) are not inputs: no change.
        Assert.That(Op("blink-dev-vpc"), Is.EqualTo("same"));
        Assert.That(Op("blink-dev-k8s"), Is.EqualTo("replace"));
        Assert.That(Op("blink-dev-vsw-cn-hangzhou-i"), Is.EqualTo("create"));
        Assert.That(Op("blink-dev-sgr-masters-from-anywhere-ssh"), Is.EqualTo("delete"));
        Assert.That(stepsJson(steps), Does.Not.Contain("cGxhaW4gdGV4dCB3b3VsZCBiZSBoZXJl"), "the ciphertext is not copied out");
        File.Delete(stepsPath);

        static string stepsJson(System.Collections.Generic.List<JsonObject> steps) => string.Join("\n", steps.Select(s => s.ToJsonString()));
    }

    private static JsonObject Step(JsonObject digest, string name)
        => digest["steps"]!.AsArray().Select(s => s!.AsObject()).Single(s => ((string?)s["urn"])!.EndsWith("::" + name, StringComparison.Ordinal));

    [Test]
    public async Task Json_steps_are_written_as_pulumi_preview_json_writes_them()
    {
        var old = await DevPlanJson();
        Resource(old, "blink-dev-vsw-cn-hangzhou-h")["inputs"]!["cidrBlock"] = "10.10.240.0/20";
        Resource(old, "blink-dev-vsw-cn-hangzhou-h")["inputs"]!["description"] = "old";
        Resource(old, "blink-dev-vpc")["inputs"]!["tags"]!["env"] = "staging";
        Resource(old, "blink-dev-vpc")["inputs"]!["tags"]!["blink.io/stack"] = "qa";
        var oldPlan = AsPlan(old);
        var now = await DevPlan();

        var json = DiffJson.Of(PlanDiff.Compare(oldPlan, now));

        var step = Step(json, "blink-dev-vsw-cn-hangzhou-h");
        Assert.That(step.Select(p => p.Key), Is.EqualTo(new[] { "op", "urn", "provider", "oldState", "newState", "diffReasons", "replaceReasons", "detailedDiff" }));
        Assert.That((string?)step["op"], Is.EqualTo("replace"));
        Assert.That((string?)step["urn"], Is.EqualTo("urn:pulumi:dev::blink-infra::blink:network:ClusterNetwork$alicloud:vpc/switch:Switch::blink-dev-vsw-cn-hangzhou-h"));
        Assert.That((string?)step["provider"], Is.EqualTo($"urn:pulumi:dev::blink-infra::pulumi:providers:alicloud::blink-dev-alicloud::{StateValues.Unknown}"),
            "a plan does not know the provider's id");
        var oldState = step["oldState"]!.AsObject();
        Assert.That(oldState.Select(p => p.Key), Is.EqualTo(new[] { "urn", "custom", "type", "inputs", "parent", "dependencies", "provider", "propertyDependencies" }));
        Assert.That((string?)oldState["parent"], Is.EqualTo("urn:pulumi:dev::blink-infra::blink:network:ClusterNetwork::blink-dev"));
        Assert.That((string?)oldState["inputs"]!["cidrBlock"], Is.EqualTo("10.10.240.0/20"));
        Assert.That((string?)step["newState"]!["inputs"]!["cidrBlock"], Is.EqualTo("10.10.64.0/20"));
        Assert.That(step["diffReasons"]!.ToJsonString(), Is.EqualTo("""["cidrBlock","description"]"""));
        Assert.That(step["replaceReasons"]!.ToJsonString(), Is.EqualTo("""["cidrBlock"]"""));
        Assert.That(step["detailedDiff"]!.ToJsonString(), Is.EqualTo("""{"cidrBlock":{"kind":"update-replace","inputDiff":true},"description":{"kind":"update","inputDiff":true}}"""));

        // Nested changes are property paths; a key that is no identifier is quoted.
        var vpc = Step(json, "blink-dev-vpc");
        Assert.That(vpc["detailedDiff"]!.ToJsonString(), Is.EqualTo("""{"tags[\u0022blink.io/stack\u0022]":{"kind":"update","inputDiff":true},"tags.env":{"kind":"update","inputDiff":true}}"""));
        Assert.That(vpc["replaceReasons"], Is.Null, "empty fields are left out");

        // A reference to the replaced vSwitch is unknown until apply, written as Pulumi's unknown value.
        var masters = Step(json, "blink-dev-pool-masters");
        Assert.That((string?)masters["newState"]!["inputs"]!["vswitchIds"]![0], Is.EqualTo(StateValues.Unknown));
        Assert.That((string?)masters["oldState"]!["inputs"]!["vswitchIds"]![0], Is.EqualTo("${blink-dev-vsw-cn-hangzhou-h.id}"));

        // Unchanged resources are counted, not listed, the stack resource excepted (as Pulumi lists it).
        var listed = json["steps"]!.AsArray().Select(s => (string?)s!["op"]).ToList();
        Assert.That(listed.Count(op => op == "same"), Is.EqualTo(1));
        Assert.That((string?)Step(json, "blink-infra-dev")["op"], Is.EqualTo("same"));
        Assert.That(Step(json, "blink-infra-dev")["detailedDiff"], Is.Null);
        Assert.That(Step(json, "blink-infra-dev").ContainsKey("detailedDiff"), "detailedDiff is always written, as Pulumi writes it");
        Assert.That((int?)json["changeSummary"]!["same"], Is.EqualTo(PlanDiff.Compare(oldPlan, now).Count(s => s.Op == DiffOp.Same)).And.GreaterThan(30));
        Assert.That(json["changeSummary"]!["delete"], Is.Null, "only ops that occur are counted");
        var everything = DiffJson.Of(PlanDiff.Compare(oldPlan, now), showSames: true);
        Assert.That(everything["steps"]!.AsArray().Count, Is.EqualTo(now.Resources.Length), "--show-sames lists every step");
    }

    [Test]
    public async Task Json_steps_have_the_shape_of_a_pulumi_preview_json_fixture()
    {
        // The fixture is written in the shape `pulumi preview --json` gives (Pulumi v3.2xx), one step per op.
        var preview = JsonNode.Parse(await File.ReadAllTextAsync(TestPaths.Fixture("preview/preview-json-shape.json")))!.AsObject();
        var old = await DevPlanJson();
        Resource(old, "blink-dev-vsw-cn-hangzhou-h")["inputs"]!["cidrBlock"] = "10.10.240.0/20";
        Resource(old, "blink-dev-vpc")["inputs"]!["tags"]!["env"] = "staging";
        var resources = old["resources"]!.AsArray();
        resources.Remove(Resource(old, "blink-dev-endpoints"));
        var extra = Resource(old, "blink-dev-sgr-workers-from-masters-tcp-6121-6122").DeepClone().AsObject();
        extra["name"] = "blink-dev-sgr-retired";
        resources.Add(extra);
        var ours = DiffJson.Of(PlanDiff.Compare(AsPlan(old), await DevPlan()));

        // Pulumi's fields in Pulumi's order, and BlinkInfra's one addition, the losses (before the summary).
        Assert.That(ours.Select(p => p.Key).Where(k => k != "losses"), Is.SubsetOf(preview.Select(p => p.Key).Append("diagnostics")));
        Assert.That(ours.Select(p => p.Key).ToList(), Is.EqualTo(new[] { "steps", "diagnostics", "losses", "changeSummary" }), "in Pulumi's order");
        var recordFields = preview["steps"]!.AsArray().SelectMany(s => new[] { s!["oldState"], s["newState"] }).OfType<JsonObject>().SelectMany(r => r.Select(p => p.Key)).ToHashSet();
        foreach (var op in new[] { "same", "create", "update", "replace", "delete" })
        {
            var theirs = preview["steps"]!.AsArray().Select(s => s!.AsObject()).First(s => (string?)s["op"] == op);
            var mine = ours["steps"]!.AsArray().Select(s => s!.AsObject()).First(s => (string?)s["op"] == op);
            var expected = theirs.Select(p => p.Key).Where(k => k != "provider" || mine.ContainsKey("provider")).ToList();
            Assert.That(mine.Select(p => p.Key).ToList(), Is.EqualTo(expected), $"the fields of a {op} step");
            foreach (var state in new[] { mine["oldState"], mine["newState"] }.OfType<JsonObject>())
                Assert.That(state.Select(p => p.Key), Is.SubsetOf(recordFields), $"the fields of a {op} step's resource records");
            if (theirs["detailedDiff"] is JsonObject diffs)
                foreach (var (_, entry) in mine["detailedDiff"]!.AsObject())
                    Assert.That(entry!.AsObject().Select(p => p.Key), Is.EqualTo(diffs.First().Value!.AsObject().Select(p => p.Key)));
        }
        Assert.That(Step(ours, "blink-dev-vpc")["detailedDiff"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "tags.env" }));
    }

    [Test]
    public async Task Errors_exit_1()
    {
        var (exit, _, errors) = await Run("diff", "--stack", "dev");
        Assert.That(exit, Is.EqualTo(BlinkCli.DiffError));
        Assert.That(errors, Is.EqualTo("error BLINK5006: --against FILE is required: a plan written by `plan --json`, a `pulumi stack export` file or a local backend's state file\n"));

        var missing = TempFile(".json");
        (exit, _, errors) = await Run("diff", "--stack", "dev", "--against", missing);
        Assert.That(exit, Is.EqualTo(BlinkCli.DiffError));
        Assert.That(errors, Is.EqualTo($"error BLINK5008: {missing}: no such file; allowed: a plan or a Pulumi state, a regular file\n"));

        var notJson = TempFile(".json");
        await File.WriteAllTextAsync(notJson, "resources: [");
        (exit, _, errors) = await Run("diff", "--stack", "dev", "--against", notJson);
        Assert.That(exit, Is.EqualTo(BlinkCli.DiffError));
        Assert.That(errors, Does.StartWith($"error BLINK5002: {notJson}: cannot be read: "));

        var badStack = Path.Combine(Path.GetTempPath(), $"blink-{Guid.NewGuid():N}", "Pulumi.bad.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(badStack)!);
        await File.WriteAllTextAsync(badStack, "config:\n  blink-infra:cluster: {region: mars}\n");
        (exit, _, errors) = await Run("diff", "--config", badStack, "--against", TestPaths.Fixture("dev-stack-export.json"));
        Assert.That(exit, Is.EqualTo(BlinkCli.DiffError));
        Assert.That(errors, Does.Contain("blink-infra:cluster.region = \"mars\""));
        Assert.That(errors, Does.Not.Contain("   at "), "no stack trace");
        File.Delete(notJson);
    }

    [Test]
    public async Task Plan_graph_draws_components_as_boxes_around_their_children_with_many_of_a_kind_as_one_node()
    {
        var graphPath = TempFile(".mmd");

        var (exit, output, _) = await Run("plan", "--stack", "dev", "--graph", graphPath);

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain($"Dependency graph (Mermaid, resources) written to {graphPath}"));
        var graph = await File.ReadAllLinesAsync(graphPath);
        Assert.That(graph[0], Is.EqualTo("flowchart LR"));
        Assert.That(graph, Does.Contain("  classDef alicloud fill:#ff6a00,stroke:#b34a00,color:#fff"), "colour by provider");
        string Node(string label) => graph.Single(l => l.Contains($"[\"{label}\"]", StringComparison.Ordinal)).Trim().Split('[')[0];
        var vpc = Node("Network<br/>blink-dev-vpc");
        var vswitches = Node("Switch × 6");
        var rules = Node("SecurityGroupRule × 38");
        var ack = Node("ManagedKubernetes<br/>blink-dev-ack");
        // The network's box holds its VPC and its vSwitches, drawn as one node.
        var box = Array.IndexOf(graph, "  subgraph c2 [\"ClusterNetwork blink-dev\"]");
        Assert.That(box, Is.GreaterThan(0));
        Assert.That(graph[box + 1], Is.EqualTo($"    {vpc}[\"Network<br/>blink-dev-vpc\"]:::alicloud"));
        Assert.That(graph[box + 2], Is.EqualTo($"    {vswitches}[\"Switch × 6\"]:::alicloud"));
        Assert.That(graph[box + 3], Is.EqualTo("  end"));
        Assert.That(graph.Count(l => l.TrimStart().StartsWith("subgraph ", StringComparison.Ordinal)), Is.EqualTo(6), "one box per component");
        Assert.That(graph, Does.Contain($"  {vpc} --> {vswitches}"), "input dependency");
        Assert.That(graph, Does.Contain($"  {vswitches} --> {ack}"));
        Assert.That(graph, Does.Contain($"  {Node("SecurityGroup<br/>blink-dev-sg-masters")} --> {rules}"));
        Assert.That(graph, Does.Contain($"  {Node("NodePool<br/>blink-dev-pool-cpu")} --> {Node("provider kubernetes<br/>blink-dev-k8s")}"), "explicit dependsOn");
        Assert.That(graph.Count(l => l.Contains("[\"", StringComparison.Ordinal) && !l.Contains("subgraph", StringComparison.Ordinal)), Is.EqualTo(35), "89 resources: 6 components as boxes, the stack as none, 3 add-ons as one node, the priority class, two Terway configs, 6 vSwitches, 38 rules and 4 alert rules as three nodes, the logs' project, logstores and collection configs as five");
        var edges = graph.Where(l => l.Contains(" --> ", StringComparison.Ordinal)).ToList();
        Assert.That(edges, Is.Unique, "each arrow once");
        Assert.That(graph.Where(l => l.Contains("-.->", StringComparison.Ordinal)), Is.Empty, "no parent arrows: boxes say it");
        File.Delete(graphPath);
    }

    [Test]
    public async Task Plan_graph_level_components_draws_only_the_components_and_the_dependencies_between_them()
    {
        var graphPath = TempFile(".mmd");

        var (exit, output, _) = await Run("plan", "--stack", "prod-hangzhou", "--graph", graphPath, "--graph-level", "components");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain($"Dependency graph (Mermaid, components) written to {graphPath}"));
        var graph = (await File.ReadAllLinesAsync(graphPath)).Where(l => !l.TrimStart().StartsWith("classDef ", StringComparison.Ordinal)).ToArray();
        Assert.That(graph, Is.EqualTo(new[]
        {
            "flowchart LR",
            "  c2[\"ClusterNetwork<br/>blink-prod<br/>6 resources\"]:::component",
            "  c9[\"ClusterSecurity<br/>blink-prod<br/>49 resources\"]:::component",
            "  c59[\"ClusterKey<br/>blink-prod<br/>1 resource\"]:::component",
            "  c61[\"ClusterLogs<br/>blink-prod<br/>3 resources\"]:::component",
            "  c65[\"ClusterCompute<br/>blink-prod<br/>10 resources\"]:::component",
            "  c76[\"InternetEgress<br/>blink-prod<br/>13 resources\"]:::component",
            "  c90[\"FlinkEngine<br/>blink-prod<br/>27 resources\"]:::component",
            "  c118[\"ClusterObservability<br/>blink-prod<br/>10 resources\"]:::component",
            "  c2 -->|18| c65",
            "  c2 -->|21| c76",
            "  c9 -->|4| c65",
            "  c59 -->|3| c65",
            "  c59 -->|3| c90",
            "  c61 -->|2| c65",
            "  c61 -->|4| c118",
            "  c65 -->|7| c90",
            "  c65 -->|10| c118",
            "  c76 -->|6| c90",
        }));

        var (badExit, _, badErrors) = await Run("plan", "--stack", "dev", "--graph", graphPath, "--graph-level", "everything");
        Assert.That(badExit, Is.EqualTo(2));
        Assert.That(badErrors, Does.StartWith("error BLINK5006: "));
        File.Delete(graphPath);
    }

    [Test]
    public async Task Bench_plans_the_stack_repeatedly_and_reports_its_figures()
    {
        var stackFile = StackFile.Load(DevStackFile);
        var report = await PlanBenchmark.RunAsync(stackFile.StackName, () => BlinkCli.PlanStackAsync(stackFile), runs: 3);

        Assert.That(report.Stack, Is.EqualTo("dev"));
        Assert.That(report.Resources, Is.EqualTo(89));
        Assert.That(report.Runs, Is.EqualTo(3));
        Assert.That(report.FastestMs, Is.LessThanOrEqualTo(report.MedianMs));
        Assert.That(report.MedianMs, Is.LessThanOrEqualTo(report.P90Ms));
        Assert.That(report.PeakWorkingSetMiB, Is.GreaterThan(0));
        Assert.That(report.Text(), Does.StartWith("bench: stack dev, 89 resources, 3 plans (after one warm-up)\nwall time per plan: median "));
        Assert.That(report.Text(), Does.Contain("memory: peak working set "));

        var (largestExit, largest, _) = await Run("bench", "--runs", "1");
        Assert.That(largestExit, Is.EqualTo(0));
        Assert.That(largest, Does.StartWith("bench: stack prod-hangzhou, 129 resources, 1 plans"), "by default the example stack with the most resources");

        var (exit, _, errors) = await Run("bench", "--runs", "0");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Is.EqualTo("error BLINK5006: --runs must be 1 or more\n"));
    }
}
