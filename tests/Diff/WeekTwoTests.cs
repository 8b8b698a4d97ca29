using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// The second week with a stack, as a platform engineer lives it: rename a worker pool, rename the Log
/// Service project, switch logs off, add a zone, change the tenant's address block, change the VPC block;
/// and any other edit of an example stack. Each change is planned before and after and diffed (the old
/// plan read back from its JSON, as `diff --against` reads it); every diff must hold
/// <see cref="DiffInvariants"/>, and each scenario says what the cloud will do with it.
/// </summary>
public class WeekTwoTests
{
    private static string Example(string stack) => File.ReadAllText(TestPaths.ExampleStack(stack));

    /// <summary>A text edit of a stack file that must apply: a scenario that silently changes nothing proves nothing.</summary>
    private static Func<string, string> Replace(string from, string to)
        => yaml => yaml.Contains(from, StringComparison.Ordinal) ? yaml.Replace(from, to, StringComparison.Ordinal) : throw new ArgumentException($"the stack has no \"{from}\"");

    private static async Task<StackPlan> Plan(string yaml, string stack)
        => await Planner.PlanAsync(StackRunner.Spec(yaml, stack), stack);

    /// <summary>The steps from a stack as it was to the stack edited, the old plan through its JSON as diff reads a saved plan.</summary>
    private static async Task<(ImmutableArray<DiffStep> Steps, StackPlan Now)> Change(string yaml, string stack, Func<string, string> edit)
    {
        var old = JsonSerializer.Deserialize<StackPlan>((await Plan(yaml, stack)).ToJson(), StackPlan.JsonOptions)!;
        var now = await Plan(edit(yaml), stack);
        return (PlanDiff.Compare(old, now), now);
    }

    private static DiffStep Step(ImmutableArray<DiffStep> steps, string name) => steps.Single(s => s.Name == name);

    private static string Warnings(ImmutableArray<DiffStep> steps) => string.Join("\n", LossWarnings.Messages(steps));

    [Test]
    public async Task A_pool_renamed_with_its_former_name_keeps_its_node_pool_and_machines_and_names_the_session_cluster_it_loses()
    {
        var (steps, now) = await Change(Example("prod-hangzhou"), "prod-hangzhou",
            yaml => Replace("      - name: cpu\n", "      - name: compute\n        formerNames: [cpu]\n")(Replace("        pool: cpu\n", "        pool: compute\n")(yaml)));

        Assert.That(DiffInvariants.Problems(steps, now), Is.Empty);
        // ACK renames a node pool in place (nodePoolName is not ForceNew): found under its old URN through the alias.
        var pool = Step(steps, "blink-prod-pool-compute");
        Assert.That(pool.Op, Is.EqualTo(DiffOp.Update));
        Assert.That(pool.OldName, Is.EqualTo("blink-prod-pool-cpu"));
        Assert.That(pool.Changes.Select(c => c.Key), Is.EqualTo(new[] { "labels", "nodePoolName" }));
        Assert.That(steps.Any(s => s.Name == "blink-prod-pool-cpu"), Is.False, "the old pool is not deleted");
        Assert.That(DiffText.Of(steps), Does.Contain("~ alicloud:cs/nodePool:NodePool blink-prod-pool-compute (update; renamed from blink-prod-pool-cpu) [diff: ~labels,nodePoolName]\n"));
        Assert.That((string?)DiffJson.Of(steps)["steps"]!.AsArray().Single(s => (string?)s!["urn"] == pool.Urn)!["oldState"]!["urn"], Does.EndWith("::blink-prod-pool-cpu"));
        // Kubernetes cannot rename a session cluster: the old one is deleted and the new one created, both named.
        Assert.That(Step(steps, "blink-prod-flink-cpu").Op, Is.EqualTo(DiffOp.Delete));
        Assert.That(Step(steps, "blink-prod-flink-compute").Op, Is.EqualTo(DiffOp.Create));
        Assert.That(Warnings(steps), Does.Contain("the session cluster blink-prod-flink-cpu is deleted and blink-prod-flink-compute created in its place (Kubernetes cannot rename an object)"));
        Assert.That(Warnings(steps), Does.Not.Contain("node pool"));
    }

    [Test]
    public async Task A_pool_renamed_without_its_former_name_is_a_deletion_of_its_machines_said_loudly()
    {
        var (steps, now) = await Change(Example("prod-hangzhou"), "prod-hangzhou",
            yaml => Replace("      - name: cpu\n", "      - name: compute\n")(Replace("        pool: cpu\n", "        pool: compute\n")(yaml)));

        Assert.That(DiffInvariants.Problems(steps, now), Is.Empty);
        Assert.That(Step(steps, "blink-prod-pool-cpu").Op, Is.EqualTo(DiffOp.Delete));
        Assert.That(Warnings(steps), Does.Contain("the node pool blink-prod-pool-cpu is deleted and blink-prod-pool-compute created in its place (a rename the stack does not declare is a deletion and a creation: docs/cli.md, \"Renaming\"): its machines are released"));
        Assert.That(Warnings(steps), Does.Contain(LossWarnings.JobsRestart));
    }

    [Test]
    public async Task A_renamed_log_project_is_replaced_with_its_logstores_the_old_project_deleted_first()
    {
        var (steps, now) = await Change(Example("prod-hangzhou"), "prod-hangzhou", Replace("project: blink-prod-logs,", "project: blink-prod-logs-v2,"));

        Assert.That(DiffInvariants.Problems(steps, now), Is.Empty);
        var project = Step(steps, "blink-prod-logs");
        Assert.That(project.Op, Is.EqualTo(DiffOp.Replace), "projectName is ForceNew");
        Assert.That(project.ReplaceReasons, Is.EqualTo(new[] { "projectName" }));
        Assert.That(project.DeleteBeforeReplace, Is.True, "a project's name is unique: the old one goes first");
        foreach (var store in new[] { "blink-prod-logstore-flink", "blink-prod-logstore-flink-operator" })
        {
            Assert.That(Step(steps, store).Op, Is.EqualTo(DiffOp.Replace), store);
            Assert.That(Step(steps, store).ReplaceReasons, Is.EqualTo(new[] { "projectName" }), store);
        }
        Assert.That(Warnings(steps), Does.Contain("the Log Service project blink-prod-logs is replaced (projectName cannot change in place); the old one is deleted before the new one is created (its deleteBeforeReplace option): every logstore in it and every log they hold"));
        Assert.That(DiffText.Of(steps), Does.Contain("+- alicloud:log/project:Project blink-prod-logs (replace; deleted before it is replaced: its deleteBeforeReplace option) [diff: ~projectName]\n"));
    }

    [Test]
    public async Task Logs_switched_off_delete_the_project_and_its_logstores_loudly()
    {
        var (steps, now) = await Change(Example("prod-hangzhou"), "prod-hangzhou",
            Replace("logs: {enabled: true, project: blink-prod-logs, retentionDays: 30, controlPlane: true, audit: true}", "logs: {enabled: false}"));

        Assert.That(DiffInvariants.Problems(steps, now), Is.Empty);
        foreach (var name in new[] { "blink-prod-logs", "blink-prod-logstore-flink", "blink-prod-logstore-flink-operator" })
        {
            Assert.That(Step(steps, name).Op, Is.EqualTo(DiffOp.Delete), name);
            Assert.That(Warnings(steps), Does.Contain($" {name} is deleted: "), name);
        }
        Assert.That((DiffJson.Of(steps)["losses"] as JsonArray)!.Select(l => (string?)l!["name"]), Is.SupersetOf(new[] { "blink-prod-logs", "blink-prod-logstore-flink" }));
    }

    [Test]
    public async Task A_zone_added_creates_its_vswitches_and_changes_nothing_create_only_without_saying_so()
    {
        var (steps, now) = await Change(Example("prod-hangzhou"), "prod-hangzhou", Replace("      - id: cn-hangzhou-j\n", "      - id: cn-hangzhou-j\n      - id: cn-hangzhou-k\n"));

        Assert.That(DiffInvariants.Problems(steps, now), Is.Empty);
        Assert.That(Step(steps, "blink-prod-vsw-cn-hangzhou-k").Op, Is.EqualTo(DiffOp.Create));
        Assert.That(Step(steps, "blink-prod-pod-vsw-cn-hangzhou-k").Op, Is.EqualTo(DiffOp.Create));
        // The other zones' vSwitches never move (their blocks are reserved per zone of the region).
        Assert.That(Step(steps, "blink-prod-vsw-cn-hangzhou-h").Op, Is.EqualTo(DiffOp.Same));
        // Nothing the cluster takes only at create changes: its pod vSwitches are ignored (the pools' Terway configs carry them).
        var cluster = Step(steps, "blink-prod-ack");
        Assert.That(cluster.Changes.Select(c => c.Key), Is.EqualTo(new[] { "vswitchIds" }));
        Assert.That(ChangePolicies.Check(steps).Violations, Is.Empty);
    }

    /// <summary>
    /// What a zone added to or removed from dev must diff as: the zone's vSwitches (and the API server rules to its block)
    /// created or deleted, the worker pool's Terway config and vSwitches changed, and on the cluster only its control
    /// plane's vSwitches (vswitchIds, which ACK updates in place). Its pod vSwitches, taken at create only, are ignored
    /// (ClusterDefaults.PodVswitchIdsInput), its addons (Terway alone) and zoneIds (never set) never change: no create-only
    /// update, so nothing for create-only-inputs-unchanged to refuse.
    /// </summary>
    private static void AssertAZoneChangeReachesTerwayThroughThePoolsConfigOnly(ImmutableArray<DiffStep> steps, StackPlan now, DiffOp vswitches, string zone)
    {
        Assert.That(DiffInvariants.Problems(steps, now), Is.Empty);
        Assert.That(steps.Where(s => s.Op != DiffOp.Same).Select(s => (s.Name, s.Op)), Is.EquivalentTo(new[]
        {
            ($"blink-dev-vsw-{zone}", vswitches),
            ($"blink-dev-pod-vsw-{zone}", vswitches),
            ($"blink-dev-sgr-masters-to-api-server-{(zone == "cn-hangzhou-k" ? "10.10.112.0-20" : "10.10.96.0-20")}", vswitches),
            ($"blink-dev-sgr-workers-to-api-server-{(zone == "cn-hangzhou-k" ? "10.10.112.0-20" : "10.10.96.0-20")}", vswitches),
            ("blink-dev-ack", DiffOp.Update),
            // A ConfigMap's data replaces it (pulumi-kubernetes without enableConfigMapMutable), keeping its name.
            ("blink-dev-eni-config-cpu", DiffOp.Replace),
            ("blink-dev-pool-cpu", DiffOp.Update),
        }));
        var cluster = Step(steps, "blink-dev-ack");
        Assert.That(cluster.Changes.Select(c => c.Key), Is.EqualTo(new[] { "vswitchIds" }), "only the control plane's vSwitches");
        Assert.That(cluster.CreateOnlyReasons, Is.Empty);
        Assert.That(steps.SelectMany(s => s.Changes).Where(c => c.CreateOnly), Is.Empty, "no update that does nothing");
        Assert.That(now.Resources.Single(r => r.Name == "blink-dev-ack").IgnoreChanges, Is.EqualTo(new[] { "podVswitchIds" }));
        Assert.That(now.Resources.Single(r => r.Name == "blink-dev-ack").Inputs.ContainsKey("zoneIds"), Is.False, "the control plane's zones are its vswitchIds");
        Assert.That(Step(steps, "blink-dev-pool-cpu").Changes.Select(c => c.Key), Is.EqualTo(new[] { "vswitchIds" }));
        Assert.That(Step(steps, "blink-dev-eni-config-cpu").Changes.Select(c => c.Key), Is.EqualTo(new[] { "data" }));
        Assert.That(ChangePolicies.Check(steps).Violations, Is.Empty, "nothing refused");
        Assert.That(DiffText.Of(steps), Does.Not.Contain(DiffText.NoEffect));
    }

    [Test]
    public async Task A_zone_added_to_dev_reaches_terway_through_the_pools_config_with_no_create_only_update_and_no_refusal()
    {
        var (steps, now) = await Change(Example("dev"), "dev", Replace("      - id: cn-hangzhou-j\n", "      - id: cn-hangzhou-j\n      - id: cn-hangzhou-k\n"));

        AssertAZoneChangeReachesTerwayThroughThePoolsConfigOnly(steps, now, DiffOp.Create, "cn-hangzhou-k");
        Assert.That(Step(steps, "blink-dev-ack").Changes.Single().New!.ToJsonString(), Does.Contain("${blink-dev-vsw-cn-hangzhou-k.id}"));
        // The masters stay in their zone: their config does not change.
        Assert.That(Step(steps, "blink-dev-eni-config-masters").Op, Is.EqualTo(DiffOp.Same));

        // Through the CLI: changes (exit 2), not refused, and the cluster's line names vswitchIds alone.
        var before = Path.Combine(Path.GetTempPath(), $"blink-week2-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(before, (await Plan(Example("dev"), "dev")).ToJson());
        var edited = Path.Combine(Path.GetTempPath(), $"blink-week2-{Guid.NewGuid():N}", "Pulumi.dev.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(edited)!);
        await File.WriteAllTextAsync(edited, Replace("      - id: cn-hangzhou-j\n", "      - id: cn-hangzhou-j\n      - id: cn-hangzhou-k\n")(Example("dev")));
        var (exit, output, errors) = await CliRunner.Run("diff", "--config", edited, "--against", before);
        Assert.That((exit, errors), Is.EqualTo((BlinkCli.Changes, "")));
        Assert.That(output, Does.Contain("~ alicloud:cs/managedKubernetes:ManagedKubernetes blink-dev-ack (update) [diff: ~vswitchIds]\n    + vswitchIds[3]: [unknown]\n"));
        Assert.That(output, Does.Not.Contain("podVswitchIds").And.Not.Contain("Policy packs:"));
        File.Delete(before);
        Directory.Delete(Path.GetDirectoryName(edited)!, recursive: true);
    }

    [Test]
    public async Task A_zone_removed_from_dev_reaches_terway_through_the_pools_config_with_no_create_only_update_and_no_refusal()
    {
        var (steps, now) = await Change(Example("dev"), "dev", Replace("      - id: cn-hangzhou-j\n", ""));

        AssertAZoneChangeReachesTerwayThroughThePoolsConfigOnly(steps, now, DiffOp.Delete, "cn-hangzhou-j");
        // The zone's vSwitches go last and say what must leave them first.
        Assert.That(Warnings(steps), Does.Contain("vSwitch blink-dev-pod-vsw-cn-hangzhou-j is deleted: every machine and pod address in it"));
        Assert.That(Step(steps, "blink-dev-eni-config-cpu").Changes.Single().New!.ToJsonString(), Does.Not.Contain("cn-hangzhou-j"));
    }

    [Test]
    public async Task A_new_tenant_address_block_replaces_the_route_to_it_deleting_the_old_route_first()
    {
        var yaml = TestStacks.EveryFeature;
        var (steps, now) = await Change(yaml, "every", Replace("      cidrBlock: 192.168.0.0/16\n", "      cidrBlock: 192.168.0.0/17\n"));

        Assert.That(DiffInvariants.Problems(steps, now), Is.Empty);
        var route = Step(steps, "blink-e-route-to-tenant");
        Assert.That(route.Op, Is.EqualTo(DiffOp.Replace), "destinationCidrblock is ForceNew");
        Assert.That(route.ReplaceReasons, Is.EqualTo(new[] { "destinationCidrblock" }));
        Assert.That(route.DeleteBeforeReplace, Is.True, "a route table holds one route per destination");
        Assert.That(DiffText.Of(steps), Does.Contain("+- alicloud:vpc/routeEntry:RouteEntry blink-e-route-to-tenant (replace; deleted before it is replaced: its deleteBeforeReplace option) [diff: ~destinationCidrblock]\n"));
    }

    [Test]
    public async Task A_new_vpc_block_that_leaves_the_vswitches_outside_is_refused_saying_what_it_needs()
    {
        var (steps, now) = await Change(Example("dev"), "dev", Replace("cidrBlock: 10.10.0.0/16", "cidrBlock: 10.20.0.0/16"));

        Assert.That(DiffInvariants.Problems(steps, now), Is.Empty);
        var vpc = Step(steps, "blink-dev-vpc");
        Assert.That(vpc.Op, Is.EqualTo(DiffOp.Update), "a VPC's block changes in place");
        Assert.That(Step(steps, "blink-dev-vsw-cn-hangzhou-h").Op, Is.EqualTo(DiffOp.Replace));
        var refusal = ChangePolicies.Check(steps).Violations.Single(v => v.Policy == ChangePolicies.VpcBlockHoldsItsVswitches);
        Assert.That(refusal.Level, Is.EqualTo(EnforcementLevel.Mandatory));
        Assert.That(refusal.ResourceName, Is.EqualTo("blink-dev-vpc"));
        Assert.That(refusal.Message, Does.StartWith("the VPC's block changes from 10.10.0.0/16 to 10.20.0.0/16, but its vSwitches blink-dev-vsw-cn-hangzhou-h (10.10.64.0/20), "));
        Assert.That(refusal.Message, Does.Contain("ModifyVpcAttribute").And.Contain("What it needs: a block that holds those vSwitches").And.Contain($"pulumi up --replace '{vpc.Urn}'"));

        // Through the CLI: the diff is written whole, then refused (exit 1).
        var before = Path.Combine(Path.GetTempPath(), $"blink-week2-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(before, (await Plan(Example("dev"), "dev")).ToJson());
        var edited = Path.Combine(Path.GetTempPath(), $"blink-week2-{Guid.NewGuid():N}", "Pulumi.dev.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(edited)!);
        await File.WriteAllTextAsync(edited, Example("dev").Replace("cidrBlock: 10.10.0.0/16", "cidrBlock: 10.20.0.0/16", StringComparison.Ordinal));
        var (exit, output, errors) = await CliRunner.Run("diff", "--config", edited, "--against", before);
        Assert.That(exit, Is.EqualTo(BlinkCli.DiffError));
        Assert.That(output, Does.StartWith("WARNING BLINK3002: this change deletes or replaces what the cluster runs on or keeps its state in:\n"));
        Assert.That(output, Does.Contain("[mandatory] BLINK4002 vpc-block-holds-its-vswitches (alicloud:vpc/network:Network: blink-dev-vpc)\n    blink-changes@1.0.0: the VPC's block changes"));
        Assert.That(errors, Does.Contain("refused by policy (exit 1): "));
    }

    [Test]
    public async Task A_renamed_cluster_keeps_what_the_cloud_renames_in_place_through_the_aliases_its_resources_inherit()
    {
        var (steps, now) = await Change(Example("prod-hangzhou"), "prod-hangzhou", Replace("    name: blink-prod\n", "    name: blink-live\n    formerNames: [blink-prod]\n"));

        Assert.That(DiffInvariants.Problems(steps, now), Is.Empty);
        Assert.That(steps.Where(s => s.Op is DiffOp.Delete or DiffOp.Create).Select(s => s.Name), Is.Empty, "everything is found under its old name");
        // The cluster, its node pools, vSwitches, the bucket and the key are renamed in place; RAM roles cannot be.
        foreach (var name in new[] { "blink-live-ack", "blink-live-pool-cpu", "blink-live-vsw-cn-hangzhou-h", "blink-live-state", "blink-live-kms", "blink-live-alicloud" })
            Assert.That(Step(steps, name).Op, Is.AnyOf(DiffOp.Update, DiffOp.Same), name);
        Assert.That(Step(steps, "blink-live-ack").OldName, Is.EqualTo("blink-prod-ack"), "inherited from the component's alias (inheritedChildAlias)");
        // Each session cluster's role and the checkpoint cleaner's (issue 29) are named after the cluster.
        foreach (var role in new[] { "blink-live-flink-cpu-role", "blink-live-checkpoint-cleaner-role" })
            Assert.That(Step(steps, role).Op, Is.EqualTo(DiffOp.Replace), $"{role}: a RAM role's name is ForceNew");
        Assert.That(Warnings(steps), Is.Empty, "nothing that costs machines or holds state is lost");
    }

    /// <summary>Edits a user makes to the example stacks in the second week and after: each diff must hold.</summary>
    public static IEnumerable<TestCaseData> AnyChange()
    {
        // More edits where the first alone would leave the stack invalid (its keys depend on each other): from, to pairs.
        TestCaseData Case(string stack, string name, string from, string to, params string[] more)
            => new TestCaseData(stack, from, to, more).SetName($"Any_change_holds({stack}: {name})");
        yield return Case("dev", "more nodes", "nodes: 2", "nodes: 3");
        yield return Case("dev", "a bigger instance type", "instanceTypes: [ecs.g7.xlarge]", "instanceTypes: [ecs.g7.2xlarge]");
        yield return Case("dev", "another family", "family: g7\n        instanceTypes: [ecs.g7.xlarge]", "family: c7\n        instanceTypes: [ecs.c7.2xlarge]");
        yield return Case("dev", "high availability on", "highAvailability: false", "highAvailability: true");
        yield return Case("dev", "smaller vSwitches", "vswitchPrefixLength: 20", "vswitchPrefixLength: 22");
        yield return Case("dev", "a zone removed", "      - id: cn-hangzhou-j\n", "");
        yield return Case("dev", "the cluster renamed without a former name", "name: blink-dev", "name: blink-qa");
        yield return Case("dev", "a tag changed", "env: dev", "env: development");
        yield return Case("dev", "a KMS key", "  blink-infra:compute:", "  blink-infra:security:\n    kms: {enabled: true}\n  blink-infra:compute:");
        yield return Case("dev", "an endpoint", "  blink-infra:compute:", "  blink-infra:dataAccess:\n    endpoints:\n      - {name: orders, kind: kafka, host: 10.10.250.9}\n  blink-infra:compute:");
        yield return Case("dev", "metrics off", "  blink-infra:compute:", "  blink-infra:observability:\n    metrics: {enabled: false}\n  blink-infra:compute:");
        yield return Case("dev", "a public API server", "    highAvailability: false\n", "    highAvailability: false\n    kubernetes: {apiServerPublic: true}\n");
        yield return Case("prod-hangzhou", "fewer CU", "computeUnits: 128", "computeUnits: 96");
        yield return Case("prod-hangzhou", "a bigger data disk", "sizeGiB: 200", "sizeGiB: 400");
        yield return Case("prod-hangzhou", "the job removed", "    jobs:\n      - name: orders-enrich\n", "    jobs:\n      - name: orders-enrich-v2\n");
        yield return Case("gpu-shanghai", "HA off", "highAvailability: true", "highAvailability: false");
        yield return Case("prod-hangzhou", "another bucket", "bucket: blink-prod-hangzhou-flink-state", "bucket: blink-prod-hangzhou-flink-state-2");
        yield return Case("prod-hangzhou", "KMS off", "kms: {enabled: true, deletionProtection: true, pendingWindowDays: 30}", "kms: {enabled: false}");
        yield return Case("prod-hangzhou", "internet egress off", "      enabled: true\n      bandwidthMbps: 50", "      enabled: false",
            "      allowedHosts: [\"api.partner.com:443\", \"*.partner-cdn.com:443\"]\n      firewallCidrBlock: 10.20.250.0/24\n", "");
        yield return Case("prod-hangzhou", "an endpoint renamed", "name: orders-kafka", "name: orders-stream");
        yield return Case("prod-hangzhou", "the maintenance window moved", "days: Sunday", "days: Saturday");
        yield return Case("prod-hangzhou", "alerts off", "metrics: {enabled: true, alerts: true}", "metrics: {enabled: true, alerts: false}",
            "    alerting:\n      contacts:\n        - {name: oncall-primary, via: [email, sms]}\n        - {name: data-platform-room, via: [dingTalk]}\n", "",
            "  blink-infra:alertContacts:\n    secure: v1:3Vd4sK0lQn8b7x2YbUq9Ww==:Zm9yLWV4YW1wbGUtb25seS1ub3QtYS1yZWFsLWNpcGhlcnRleHQ=\n", "");
        yield return Case("gpu-shanghai", "the GPU pool grown", "maxNodes: 4", "maxNodes: 6");
        yield return Case("gpu-shanghai", "another driver", "gpuDriverVersion: \"535.161.08\"", "gpuDriverVersion: \"550.90.07\"");
        yield return Case("gpu-shanghai", "the job moved to the CPU pool", "        pool: gpu\n", "        pool: cpu\n");
    }

    [TestCaseSource(nameof(AnyChange))]
    public async Task Any_change_holds(string stack, string from, string to, string[] more)
    {
        var edit = Replace(from, to);
        for (var i = 0; i + 1 < more.Length; i += 2)
        {
            var (previous, next) = (edit, Replace(more[i], more[i + 1]));
            edit = yaml => next(previous(yaml));
        }
        var (steps, now) = await Change(Example(stack), stack, edit);

        Assert.That(PlanDiff.HasChanges(steps), Is.True, "the edit changes something");
        Assert.That(DiffInvariants.Problems(steps, now), Is.Empty);
    }

    [Test]
    public void The_invariants_catch_a_diff_that_says_less_than_the_cloud_will_do()
    {
        // A hand-made step that updates a vSwitch's block (ForceNew), drops a node pool silently, and
        // changes the cluster's addons (create-only) without saying so: each breach is named.
        JsonObject Record(string urn, string type, JsonObject inputs) => new() { ["urn"] = urn, ["type"] = type, ["inputs"] = inputs };
        const string vsw = "urn:pulumi:s::p::alicloud:vpc/switch:Switch::v";
        const string ack = "urn:pulumi:s::p::alicloud:cs/managedKubernetes:ManagedKubernetes::c";
        var steps = ImmutableArray.Create(
            new DiffStep(DiffOp.Update, vsw, "alicloud:vpc/switch:Switch", "v",
                Record(vsw, "alicloud:vpc/switch:Switch", new JsonObject { ["cidrBlock"] = "10.0.0.0/24" }),
                Record(vsw, "alicloud:vpc/switch:Switch", new JsonObject { ["cidrBlock"] = "10.0.1.0/24" }),
                ImmutableArray.Create(new InputChange("cidrBlock", "10.0.0.0/24", "10.0.1.0/24", false, false))),
            new DiffStep(DiffOp.Update, ack, "alicloud:cs/managedKubernetes:ManagedKubernetes", "c",
                Record(ack, "alicloud:cs/managedKubernetes:ManagedKubernetes", new JsonObject { ["addons"] = new JsonArray() }),
                Record(ack, "alicloud:cs/managedKubernetes:ManagedKubernetes", new JsonObject { ["addons"] = new JsonArray(new JsonObject { ["name"] = "x" }) }),
                ImmutableArray.Create(new InputChange("addons", new JsonArray(), new JsonArray(new JsonObject { ["name"] = "x" }), false, false))));
        var now = new StackPlan("p", "s", "test", null, ImmutableArray<PlannedResource>.Empty, ImmutableArray<PlannedInvoke>.Empty);

        var problems = DiffInvariants.Problems(steps, now);

        Assert.That(problems, Has.Some.StartsWith("alicloud:vpc/switch:Switch v: update, but the facts replace it on cidrBlock"));
        Assert.That(problems, Has.Some.StartsWith("alicloud:cs/managedKubernetes:ManagedKubernetes c: addons changes on an update but is not said to have no effect"));
    }
}
