using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Facts;
using BlinkInfra.PlanPage;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// The engine's rules `diff` mirrors, each on a plan edited to need it: aliases collapsed to URNs as
/// step_generator.go does (a name, no parent, a whole URN, one inherited from a renamed parent),
/// ignoreChanges, delete-first (the option, the Kubernetes provider's own), DiffSuppressFunc conditions,
/// the Info column, URNs in the text, create-only changes on the page.
/// </summary>
public class EngineRulesTests
{
    private static Task<StackPlan> DevPlan() => BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("dev")));

    private static async Task<JsonObject> DevPlanJson() => JsonNode.Parse((await DevPlan()).ToJson())!.AsObject();

    private static JsonObject Resource(JsonObject plan, string name)
        => plan["resources"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);

    private static StackPlan AsPlan(JsonObject json) => json.Deserialize<StackPlan>(StackPlan.JsonOptions)!;

    private static DiffStep Step(ImmutableArray<DiffStep> steps, string name) => steps.Single(s => s.Name == name);

    [Test]
    public async Task An_alias_by_name_finds_the_old_resource_and_an_old_urn_is_claimed_once()
    {
        var old = await DevPlanJson();
        Resource(old, "blink-dev-pool-cpu")["name"] = "blink-dev-pool-general";
        var now = await DevPlanJson();
        Resource(now, "blink-dev-pool-cpu")["aliases"] = new JsonArray(new JsonObject { ["name"] = "blink-dev-pool-general" });

        var steps = PlanDiff.Compare(AsPlan(old), AsPlan(now));

        var pool = Step(steps, "blink-dev-pool-cpu");
        Assert.That(pool.Op, Is.EqualTo(DiffOp.Same), "found, and nothing else changed");
        Assert.That(pool.OldUrn, Is.EqualTo("urn:pulumi:dev::blink-infra::blink:compute:ClusterCompute$alicloud:cs/nodePool:NodePool::blink-dev-pool-general"));
        Assert.That(steps.Any(s => s.Op == DiffOp.Delete), Is.False);
        Assert.That(pool.NewState!["aliases"]!.ToJsonString(), Is.EqualTo($"[\"{pool.OldUrn}\"]"), "the state records the alias it matched");
    }

    [Test]
    public async Task An_alias_with_no_parent_or_a_whole_urn_is_collapsed_as_the_engine_collapses_it()
    {
        var old = await DevPlanJson();
        // Before, the Kubernetes provider sat at the top of the stack, and the endpoints ConfigMap had another name.
        Resource(old, "blink-dev-k8s")["parent"] = new JsonObject { ["type"] = "pulumi:pulumi:Stack", ["name"] = "blink-infra-dev" };
        Resource(old, "blink-dev-endpoints")["name"] = "blink-dev-data";
        var now = await DevPlanJson();
        Resource(now, "blink-dev-k8s")["aliases"] = new JsonArray(new JsonObject { ["noParent"] = true });
        Resource(now, "blink-dev-endpoints")["aliases"] = new JsonArray(new JsonObject { ["urn"] = "urn:pulumi:dev::blink-infra::blink:engine:FlinkEngine$kubernetes:core/v1:ConfigMap::blink-dev-data" });

        var steps = PlanDiff.Compare(AsPlan(old), AsPlan(now));

        Assert.That(Step(steps, "blink-dev-k8s").OldUrn, Is.EqualTo("urn:pulumi:dev::blink-infra::pulumi:providers:kubernetes::blink-dev-k8s"));
        Assert.That(Step(steps, "blink-dev-k8s").Op, Is.EqualTo(DiffOp.Same));
        Assert.That(Step(steps, "blink-dev-endpoints").OldName, Is.EqualTo("blink-dev-data"));
        Assert.That(steps.Where(s => s.Op is DiffOp.Create or DiffOp.Delete), Is.Empty, "nothing under the provider is replaced: it was found");
    }

    [Test]
    public async Task A_renamed_components_children_inherit_its_alias_with_its_old_name_in_theirs()
    {
        // The whole stack was a cluster named blink-old: every name began with it, and every reference.
        var old = JsonNode.Parse((await DevPlan()).ToJson().Replace("\"blink-dev-", "\"blink-old-", StringComparison.Ordinal)
            .Replace("\"name\": \"blink-dev\"", "\"name\": \"blink-old\"", StringComparison.Ordinal)
            .Replace("${blink-dev-", "${blink-old-", StringComparison.Ordinal))!.AsObject();
        var now = await DevPlanJson();
        foreach (var component in now["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => ((string)r["type"]!).StartsWith("blink:", StringComparison.Ordinal)))
            component["aliases"] = new JsonArray(new JsonObject { ["name"] = "blink-old" });
        Resource(now, "blink-dev-alicloud")["aliases"] = new JsonArray(new JsonObject { ["name"] = "blink-old-alicloud" });

        var steps = PlanDiff.Compare(AsPlan(old), AsPlan(now));

        Assert.That(steps.Where(s => s.Op is DiffOp.Create or DiffOp.Delete).Select(s => s.Name), Is.Empty);
        Assert.That(Step(steps, "blink-dev-vsw-cn-hangzhou-h").OldName, Is.EqualTo("blink-old-vsw-cn-hangzhou-h"));
        // Its name changes in place; its VPC, referred to under the VPC's new name, is the same resource.
        Assert.That(Step(steps, "blink-dev-vsw-cn-hangzhou-h").Changes.Select(c => c.Key), Is.EqualTo(new[] { "vswitchName" }));
    }

    [Test]
    public async Task Ignored_inputs_keep_their_old_values()
    {
        var old = await DevPlanJson();
        Resource(old, "blink-dev-vpc")["inputs"]!["tags"]!["env"] = "staging";
        Resource(old, "blink-dev-vpc")["inputs"]!["description"] = "before";
        var now = await DevPlanJson();
        Resource(now, "blink-dev-vpc")["ignoreChanges"] = new JsonArray("tags.env", "description");

        var vpc = Step(PlanDiff.Compare(AsPlan(old), AsPlan(now)), "blink-dev-vpc");

        Assert.That(vpc.Op, Is.EqualTo(DiffOp.Same));
        Assert.That(vpc.NewState!["ignoreChanges"]!.ToJsonString(), Is.EqualTo("""["tags.env","description"]"""));
    }

    [Test]
    public async Task An_ignored_input_that_refers_to_a_replaced_resource_is_no_change_against_a_saved_plan()
    {
        // The cluster ignores podVswitchIds (ACK takes it at create only). Against a saved plan its old value is a
        // reference to the pod vSwitch, which is replaced here; the engine keeps the state's value (a plain id), so the
        // path is no change at all, never an unknown one (nor a create-only update to refuse).
        var old = await DevPlanJson();
        Resource(old, "blink-dev-pod-vsw-cn-hangzhou-h")["inputs"]!["cidrBlock"] = "10.10.240.0/20";

        var steps = PlanDiff.Compare(AsPlan(old), await DevPlan());

        Assert.That(Step(steps, "blink-dev-pod-vsw-cn-hangzhou-h").Op, Is.EqualTo(DiffOp.Replace));
        Assert.That(Step(steps, "blink-dev-ack").Changes.Select(c => c.Key), Does.Not.Contain("podVswitchIds"));
        Assert.That(Step(steps, "blink-dev-ack").Op, Is.EqualTo(DiffOp.Same));
    }

    [Test]
    public async Task A_kubernetes_object_that_keeps_its_name_is_deleted_before_it_is_replaced_by_its_provider()
    {
        var old = await DevPlanJson();
        Resource(old, "blink-dev-endpoints")["inputs"]!["data"] = new JsonObject { ["kafka"] = "old:9092" };

        var steps = PlanDiff.Compare(AsPlan(old), await DevPlan());

        var endpoints = Step(steps, "blink-dev-endpoints");
        Assert.That(endpoints.Op, Is.EqualTo(DiffOp.Replace));
        Assert.That(endpoints.DeleteBeforeReplace, Is.True);
        Assert.That(DiffText.Of(steps), Does.Contain("+- kubernetes:core/v1:ConfigMap blink-dev-endpoints (replace; deleted before it is replaced: the Kubernetes provider deletes an object that keeps its name before creating it again) [diff: ~data]\n"));
        Assert.That((bool?)DiffJson.Of(steps)["steps"]!.AsArray().Single(s => (string?)s!["urn"] == endpoints.Urn)!["deleteBeforeReplace"], Is.True);
    }

    [Test]
    public async Task A_providers_diff_suppression_decides_where_the_facts_say_when_and_is_said_where_they_do_not()
    {
        // A security group rule's portRange is ignored for tcp when the new range is -1/-1 (the facts' notes).
        const string rule = "blink-dev-sgr-workers-from-masters-tcp-6121-6122";
        var old = await DevPlanJson();
        Resource(old, rule)["inputs"]!["portRange"] = "6121/6122";
        var now = await DevPlanJson();
        Resource(now, rule)["inputs"]!["portRange"] = "-1/-1";
        Assert.That(Step(PlanDiff.Compare(AsPlan(old), AsPlan(now)), rule).Op, Is.EqualTo(DiffOp.Same), "suppressed: nothing happens");
        Assert.That(ReplacementInputs.Suppresses(ReplacementInputs.SecurityGroupRuleType, "portRange",
            new JsonObject { ["ipProtocol"] = "icmp", ["portRange"] = "8/8" }, new JsonObject { ["ipProtocol"] = "icmp", ["portRange"] = "-1/-1" }), Is.False);

        // A logstore's shardCount: the facts say a DiffSuppressFunc can hide it, not when. Still replace, said so.
        var prod = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("prod-hangzhou")));
        var before = JsonNode.Parse(prod.ToJson())!.AsObject();
        Resource(before, "blink-prod-logstore-flink")["inputs"]!["shardCount"] = 4;
        var steps = PlanDiff.Compare(AsPlan(before), prod);
        var store = Step(steps, "blink-prod-logstore-flink");
        Assert.That(store.Op, Is.EqualTo(DiffOp.Replace));
        Assert.That(store.Changes.Single().Suppressible, Is.True);
        Assert.That(DiffText.Of(steps), Does.Contain("    ~ shardCount: 4 => 2 (forces replacement, unless the provider suppresses the change)\n"));
        Assert.That(LossWarnings.Messages(steps)[0], Does.StartWith("the logstore blink-prod-logstore-flink is replaced (shardCount cannot change in place, unless the provider's DiffSuppressFunc hides the change); the old one is deleted before the new one is created"));
    }

    [Test]
    public async Task The_text_names_resources_by_urn_on_request_and_the_page_says_a_change_has_no_effect()
    {
        var old = await DevPlanJson();
        Resource(old, "blink-dev-vpc")["inputs"]!["description"] = "before";
        Resource(old, "blink-dev-ack")["inputs"]!["slbInternetEnabled"] = true;
        var now = await DevPlan();
        var steps = PlanDiff.Compare(AsPlan(old), now);

        var text = DiffText.Of(steps, showUrns: true);

        Assert.That(text, Does.Contain("~ urn:pulumi:dev::blink-infra::blink:network:ClusterNetwork$alicloud:vpc/network:Network::blink-dev-vpc (update) [diff: ~description]\n"));
        Assert.That(text, Does.Contain("~ urn:pulumi:dev::blink-infra::blink:compute:ClusterCompute$alicloud:cs/managedKubernetes:ManagedKubernetes::blink-dev-ack (update; no effect: slbInternetEnabled is applied only when the resource is created) [diff: ~slbInternetEnabled]\n"
                                      + "    ~ slbInternetEnabled: true => false (no effect after create)\n"));
        var page = PlanPageModel.Of(now, PolicyReport.Of(Array.Empty<string>(), ChangePolicies.Check(steps).Violations), steps);
        var cluster = page["resources"]!.AsArray().Single(r => (string?)r!["name"] == "blink-dev-ack")!;
        Assert.That(cluster["createOnly"]!.ToJsonString(), Is.EqualTo("""["slbInternetEnabled"]"""));
        Assert.That(page["findings"]!.AsArray().Select(f => (string?)f!["policy"]), Does.Contain(ChangePolicies.CreateOnlyInputsUnchanged));
        var json = DiffJson.Of(steps)["steps"]!.AsArray().Single(s => ((string?)s!["urn"])!.EndsWith("::blink-dev-ack", StringComparison.Ordinal))!;
        Assert.That(json["createOnlyReasons"]!.ToJsonString(), Is.EqualTo("""["slbInternetEnabled"]"""));
        Assert.That((bool?)json["detailedDiff"]!["slbInternetEnabled"]!["createOnly"], Is.True);
    }

    [Test]
    public async Task The_change_policies_levels_are_the_stacks_to_set()
    {
        var yaml = System.IO.File.ReadAllText(TestPaths.ExampleStack("dev")) + "  blink-infra:policy:\n    levels:\n      create-only-inputs-unchanged: advisory\n";
        var spec = SpecLoader.Load(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.LevelNames);
        Assert.That(spec.Policy.Levels["create-only-inputs-unchanged"], Is.EqualTo(EnforcementLevel.Advisory));
        Assert.That(SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors, Is.Not.Empty, "a name only diff evaluates is a level name, not a pack's policy");

        var old = await DevPlanJson();
        Resource(old, "blink-dev-ack")["inputs"]!["slbInternetEnabled"] = true;
        var now = await Planner.PlanAsync(spec, "dev");
        var report = ChangePolicies.Check(PlanDiff.Compare(AsPlan(old), now), now);

        Assert.That(report.Violations.Single().Level, Is.EqualTo(EnforcementLevel.Advisory));
        Assert.That(report.HasMandatory, Is.False);
    }
}
