using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Plan;
using BlinkInfra.State;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// `diff` and `check` against Pulumi state as the engine treats it: exports made from the dev stack's
/// plan (with the bridge's metadata everywhere), edited to carry each resource state, in each form.
/// </summary>
public class StateDiffTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private static async Task<StackPlan> DevPlan() => await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("dev")));

    private static async Task<JsonObject> DevExport(int version = 3) => StateExports.Of(await DevPlan(), version);

    private static async Task<string> Save(JsonNode json, Encoding? encoding = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"blink-state-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json.ToJsonString(), encoding ?? new UTF8Encoding(false));
        return path;
    }

    private const string Vswitch = "blink-dev-vsw-cn-hangzhou-h";

    [TestCase("dev", 89)]
    [TestCase("prod-hangzhou", 129)]
    public async Task An_export_of_the_current_plan_with_the_bridges_metadata_everywhere_has_no_changes(string stack, int resources)
    {
        var export = StateExports.Of(await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack(stack))));
        Assert.That(export.ToJsonString(), Does.Contain("\"__defaults\":[]}"), "metadata inside maps (tags) too");
        Assert.That(export.ToJsonString(), Does.Contain("\"__internal\":{}"));
        Assert.That(export.ToJsonString(), Does.Contain("\"__defaults\":[\"resourceGroupId\"]"), "a default the provider filled in");

        var (exit, output, errors) = await Run("diff", "--stack", stack, "--against", await Save(export));

        Assert.That(errors, Is.Empty);
        Assert.That(output, Is.EqualTo($"No changes: {resources} resources unchanged\n"));
        Assert.That(exit, Is.EqualTo(BlinkCli.NoChanges));
    }

    [Test]
    public async Task Each_form_of_the_same_state_has_no_changes()
    {
        var export = await DevExport();
        var checkpoint = new JsonObject
        {
            ["version"] = 3,
            ["checkpoint"] = new JsonObject { ["stack"] = "organization/blink-infra/dev", ["latest"] = export["deployment"]!.DeepClone() },
        };
        var forms = new[]
        {
            await Save(checkpoint),
            await Save(await DevExport(version: 4)),
            await Save(export, new UnicodeEncoding(false, true)),
            await Save(export, new UTF8Encoding(true)),
        };

        foreach (var path in forms)
        {
            var (exit, output, errors) = await Run("diff", "--stack", "dev", "--against", path);
            Assert.That((exit, output, errors), Is.EqualTo((0, "No changes: 89 resources unchanged\n", "")), path);
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_copy_pending_deletion_is_deleted_and_never_taken_for_the_live_resource(bool copyFirst)
    {
        var export = await DevExport();
        var live = StateExports.Resource(export, Vswitch);
        var copy = live.DeepClone().AsObject();
        copy["id"] = "vsw-old";
        copy["delete"] = true;
        copy["inputs"]!["zoneId"] = "cn-beijing-a";
        var resources = export["deployment"]!["resources"]!.AsArray();
        resources.Insert(resources.IndexOf(live) + (copyFirst ? 0 : 1), copy);
        var path = await Save(export);

        var (exit, output, errors) = await Run("diff", "--stack", "dev", "--against", path);

        Assert.That(errors, Is.Empty);
        Assert.That(exit, Is.EqualTo(BlinkCli.Changes));
        // The copy is a vSwitch: its deletion is a loss, said first.
        Assert.That(output, Does.StartWith("WARNING BLINK3002: this change deletes or replaces what the cluster runs on or keeps its state in:\n"
            + $"  ! vSwitch {Vswitch} (a copy left pending deletion by an earlier replacement) is deleted: every machine and pod address in it"));
        Assert.That(output[(output.IndexOf("\n\n", StringComparison.Ordinal) + 2)..], Is.EqualTo(
            $"- alicloud:vpc/switch:Switch {Vswitch} (delete-replaced: a copy left pending deletion by an earlier replacement)\n" +
            // Each input of the copy by its path: a map by its keys.
            string.Concat(PlanFiles.ReadState(path).Resources.Single(r => r.Delete).Resource.Inputs.SelectMany(kv => kv.Value is System.Text.Json.Nodes.JsonObject map
                ? map.Select(entry => $"    - {kv.Key}{(System.Text.RegularExpressions.Regex.IsMatch(entry.Key, "^[A-Za-z_][A-Za-z0-9_-]*$") ? "." + entry.Key : $"[\"{entry.Key}\"]")}: \"{entry.Value}\"\n")
                : new[] { $"    - {kv.Key}: {kv.Value!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}\n" })) +
            "Resources: + 0 to create, ~ 0 to update, +- 0 to replace, - 1 to delete, 89 unchanged\n"));

        // The copy's old zone is not the live stack's: check does not read it as a live vSwitch.
        var (checkExit, checkOutput, _) = await Run("check", "--state", path);
        Assert.That(checkOutput, Does.Not.Contain("zones-in-region"));
        Assert.That(checkExit, Is.EqualTo(0), checkOutput.Length > 3000 ? checkOutput[..3000] : checkOutput);
    }

    [Test]
    public async Task Tainted_and_pending_replacement_resources_are_replaced()
    {
        var export = await DevExport(version: 4);
        StateExports.Resource(export, "blink-dev-sg-workers")["taint"] = true;
        StateExports.Resource(export, Vswitch)["pendingReplacement"] = true;

        var (exit, output, _) = await Run("diff", "--stack", "dev", "--against", await Save(export));

        Assert.That(exit, Is.EqualTo(BlinkCli.Changes));
        Assert.That(output, Does.Contain("+- alicloud:ecs/securityGroup:SecurityGroup blink-dev-sg-workers (replace: tainted)\n"));
        Assert.That(output, Does.Contain($"+- alicloud:vpc/switch:Switch {Vswitch} (replace: deleted by a delete-before-replace that did not finish: created again)\n"));
        // What refers to them is known only after apply.
        // What refers to them is known only after apply: said once, the old id beside it, no reference shown.
        Assert.That(output, Does.Contain("    ~ vswitchIds[0]: \"id-blink-dev-vsw-cn-hangzhou-h\" => [unknown]\n"));
        Assert.That(output, Does.Not.Contain("=> \"${"));
    }

    [Test]
    public async Task Read_resources_are_never_deleted_and_one_the_program_now_declares_is_taken_over()
    {
        var export = await DevExport();
        var resources = export["deployment"]!["resources"]!.AsArray();
        resources.Add(new JsonObject
        {
            ["urn"] = "urn:pulumi:dev::blink-infra::alicloud:vpc/network:Network::customer-vpc",
            ["custom"] = true, ["id"] = "vpc-customer", ["type"] = "alicloud:vpc/network:Network", ["external"] = true,
            ["inputs"] = new JsonObject(), ["outputs"] = new JsonObject { ["cidrBlock"] = "0.0.0.0/0" },
        });
        StateExports.Resource(export, "blink-dev-vpc")["external"] = true;

        var (exit, output, errors) = await Run("diff", "--stack", "dev", "--against", await Save(export));

        // Taking the VPC over replaces it and its vSwitches, said loudly. The cluster's pod vSwitches, which ACK takes only
        // at create, are ignored by the cluster (the pools' Terway configs carry them): no create-only update to refuse;
        // the cluster's update names its control plane's vSwitches and group.
        Assert.That(exit, Is.EqualTo(BlinkCli.Changes), errors);
        Assert.That(output, Does.StartWith("WARNING BLINK3002: this change deletes or replaces what the cluster runs on or keeps its state in:\n"));
        Assert.That(output, Does.Contain("  ! vSwitch blink-dev-pod-vsw-cn-hangzhou-h is replaced (vpcId cannot change in place)"));
        Assert.That(output, Does.Contain("~ alicloud:cs/managedKubernetes:ManagedKubernetes blink-dev-ack (update) [diff: ~securityGroupId,vswitchIds]\n"));
        Assert.That(output, Does.Not.Contain("podVswitchIds").And.Not.Contain("create-only-inputs-unchanged"));
        Assert.That(output, Does.Not.Contain("customer-vpc"), "a read resource the program does not declare is left alone");
        Assert.That(output, Does.Contain("+- alicloud:vpc/network:Network blink-dev-vpc (replace: read, not owned: the program takes it over with a resource of its own)\n"));
        Assert.That(output, Does.Not.Contain("(delete"));
    }

    [Test]
    public async Task Pending_operations_and_another_stacks_export_are_warnings_in_text_and_json()
    {
        var export = await DevExport();
        export["deployment"]!["pending_operations"] = new JsonArray(new JsonObject { ["resource"] = StateExports.Resource(export, Vswitch).DeepClone(), ["type"] = "updating" });
        var stepsPath = Path.ChangeExtension(await Save(new JsonObject()), ".steps.json");

        var (exit, _, errors) = await Run("diff", "--stack", "dev", "--against", await Save(export), "--json", stepsPath);

        Assert.That(exit, Is.EqualTo(BlinkCli.NoChanges));
        Assert.That(errors, Does.StartWith($"warning BLINK3004: the state holds 1 pending operation(s) of an interrupted update: urn:pulumi:dev::blink-infra::blink:network:ClusterNetwork$alicloud:vpc/switch:Switch::{Vswitch} (interrupted while updating)."));
        var diagnostics = JsonNode.Parse(await File.ReadAllTextAsync(stepsPath))!["diagnostics"]!.AsArray();
        Assert.That(diagnostics.Select(d => (string?)d!["severity"]), Is.EqualTo(new[] { "warning" }));
        Assert.That((string?)diagnostics[0]!["message"], Does.Contain("`pulumi refresh`"));

        var other = (await DevExport()).ToJsonString().Replace("urn:pulumi:dev::blink-infra::", "urn:pulumi:prod-hangzhou::blink-infra::", StringComparison.Ordinal);
        var otherPath = await Save(JsonNode.Parse(other)!);
        var (otherExit, _, otherErrors) = await Run("diff", "--stack", "dev", "--against", otherPath);
        Assert.That(otherExit, Is.EqualTo(BlinkCli.Changes));
        Assert.That(otherErrors, Is.EqualTo($"warning BLINK3003: {otherPath} holds stack prod-hangzhou of project blink-infra, not stack dev of project blink-infra as planned: "
                                            + "its resources have other URNs, so all of them show as deleted and the plan's as created\n"));
    }

    [Test]
    public async Task A_local_backends_state_file_is_checked_resource_by_resource()
    {
        // The dev export fixture (an SSH rule open to the internet) inside a local backend's checkpoint.
        var export = JsonNode.Parse(await File.ReadAllTextAsync(TestPaths.Fixture("dev-stack-export.json")))!;
        var checkpoint = new JsonObject { ["version"] = 3, ["checkpoint"] = new JsonObject { ["stack"] = "dev", ["latest"] = export["deployment"]!.DeepClone() } };

        var (exit, output, _) = await Run("check", "--state", await Save(checkpoint));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("[mandatory] BLINK2005 no-ingress-from-internet (alicloud:ecs/securityGroupRule:SecurityGroupRule: blink-dev-sgr-masters-from-anywhere-ssh)"));
        Assert.That((await Run("check", "--state", TestPaths.Fixture("state/local-backend-checkpoint.json"))).Exit, Is.EqualTo(0));
    }

    [Test]
    public async Task A_helm_release_with_the_empty_repository_password_its_provider_fills_in_passes()
    {
        var (exit, output, errors) = await Run("check", "--state", TestPaths.Fixture("state/export-helm-release.json"));

        Assert.That(output, Does.Not.Contain("no-plaintext-secrets"));
        Assert.That((exit, errors), Is.EqualTo((0, "")), output);
    }

    [Test]
    public async Task Check_warns_of_pending_operations_and_audits_only_live_owned_resources()
    {
        var (exit, output, errors) = await Run("check", "--state", TestPaths.Fixture("state/export-resource-states.json"));

        Assert.That(errors, Does.StartWith("warning BLINK3004: the state holds 1 pending operation(s) of an interrupted update: "));
        Assert.That(output, Does.Not.Contain("zones-in-region").And.Not.Contain("customer-vpc"));
        Assert.That(exit, Is.EqualTo(0), output);
    }

    [Test]
    public async Task A_file_that_is_neither_a_plan_nor_a_state_is_one_line_saying_what_it_is()
    {
        var old = JsonNode.Parse((await DevPlan()).ToJson())!.AsObject();
        old["resources"]!.AsArray().RemoveAt(5);
        var planPath = await Save(old);
        var stepsPath = Path.ChangeExtension(planPath, ".steps.json");
        Assert.That((await Run("diff", "--stack", "dev", "--against", planPath, "--json", stepsPath)).Exit, Is.EqualTo(BlinkCli.Changes));

        var (checkExit, _, checkErrors) = await Run("check", "--plan", stepsPath);
        Assert.That(checkExit, Is.EqualTo(BlinkCli.InvalidInput));
        Assert.That(checkErrors, Is.EqualTo($"error BLINK5002: {stepsPath}: the steps of `diff --json` or `pulumi preview --json`, not a plan written by `plan --json`\n"));

        var (diffExit, _, diffErrors) = await Run("diff", "--stack", "dev", "--against", stepsPath);
        Assert.That(diffExit, Is.EqualTo(BlinkCli.DiffError), "diff's error code: 2 would read as changes");
        Assert.That(diffErrors, Is.EqualTo($"error BLINK5002: {stepsPath}: the steps of `diff --json` or `pulumi preview --json`, not a plan written by `plan --json` or "
                                           + "a Pulumi state: a `pulumi stack export` file or a local backend's .pulumi/stacks/<project>/<stack>.json\n"));

        var list = await Save(new JsonArray(1, 2));
        var (stateExit, _, stateErrors) = await Run("check", "--state", list);
        Assert.That(stateExit, Is.EqualTo(BlinkCli.InvalidInput));
        Assert.That(stateErrors, Is.EqualTo($"error BLINK5003: {list}: a JSON list, not a Pulumi state: a `pulumi stack export` file or a local backend's .pulumi/stacks/<project>/<stack>.json\n"));
    }
}
