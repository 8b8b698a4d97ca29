using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Policies;
using BlinkInfra.Stacks;
using NUnit.Framework;

namespace BlinkInfra.Tests.Policies;

/// <summary>
/// One entry point, PolicyEngine.Check, which reads the stack's levels from what it evaluates: a level the stack
/// file gives lowers the same policy in `check`, under `pulumi up` (the gate), in `check --resources` (the list's
/// policyLevels, as the CrossGuard pack sends the levels `policies --pulumi-config` read from its PULUMI_CONFIG)
/// and in the CrossGuard pack's per-resource evaluator (`check --resources - --each`).
/// </summary>
public class OneEntryPointTests
{
    // dev's pinned Kubernetes version is unconfirmed: an advisory of ack-offerings-unconfirmed, switched off here.
    private const string Policy = "ack-offerings-unconfirmed";
    private static readonly string Levels = $"\n  blink-infra:policy:\n    levels: {{{Policy}: disabled}}\n";
    private static readonly string Notice = $"notice BLINK3001: {Policy} (blink-region@1.0.0, advisory by default) is switched off by blink-infra:policy.levels[\"{Policy}\"]";

    [Test]
    public async Task A_level_in_the_stack_file_lowers_the_same_policy_in_check_the_gate_and_resources()
    {
        var folder = Directory.CreateTempSubdirectory("blink-entry-");
        try
        {
            var path = Path.Combine(folder.FullName, "Pulumi.dev.yaml");
            await File.WriteAllTextAsync(path, StackRunner.DevConfig + Levels);

            // check
            var (exit, output, _) = await CliRunner.Run("check", "--config", path);
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(output, Does.Contain(Notice));
            Assert.That(output, Does.Not.Contain($"] BLINK2004 {Policy}"));
            Assert.That(output, Does.Contain($"switched off by blink-infra:policy.levels ({Policy})"));

            // the gate under pulumi up: the notice, and no advisory of the policy, among the warnings on the resources
            var gate = await GateRunner.RunAsync(StackFile.Load(path).ToRaw());
            Assert.That(gate.Deployed, Is.True);
            var warnings = gate.Options!.Warnings.Select(w => w.Message).ToList();
            Assert.That(warnings, Has.Some.StartsWith($"notice BLINK3001: {Policy} "));
            Assert.That(warnings, Has.None.Contains($"BLINK2004 {Policy} ("));

            // --resources: the list carries the stack's levels, as the pack sends them
            var list = JsonNode.Parse(await File.ReadAllTextAsync(TestPaths.CrossGuard("test", "fixtures", "dev.json")))!.AsObject();
            list["policyLevels"] = new JsonObject { [Policy] = "disabled" };
            var listPath = Path.Combine(folder.FullName, "resources.json");
            await File.WriteAllTextAsync(listPath, list.ToJsonString());
            (exit, output, _) = await CliRunner.Run("check", "--resources", listPath);
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(output, Does.Contain(Notice));
            Assert.That(output, Does.Not.Contain($"] BLINK2004 {Policy}"));
            list.Remove("policyLevels");
            await File.WriteAllTextAsync(listPath, list.ToJsonString());
            (_, output, _) = await CliRunner.Run("check", "--resources", listPath);
            Assert.That(output, Does.Contain($"[advisory] BLINK2004 {Policy} "), "without the levels, the advisory");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task The_pack_reads_the_levels_of_pulumi_config_through_the_same_loader_and_messages()
    {
        var previous = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        try
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", new JsonObject { ["blink-infra:policy"] = """{"levels":{"no-public-ip":"advisory"}}""", ["aws:region"] = "us-east-1" }.ToJsonString());
            var (exit, output, _) = await CliRunner.Run("policies", "--json", "--pulumi-config");
            Assert.That(exit, Is.EqualTo(0));
            var policies = JsonNode.Parse(output)!["policies"]!.AsArray();
            Assert.That(policies.Select(p => (string?)p!["name"]), Is.EqualTo(PolicyEngine.PolicyNames), "every policy of the packs, in their order");
            Assert.That(policies.Select(p => (string?)p!["code"]), Is.EqualTo(PolicyEngine.Packs.SelectMany(p => p.Policies).Select(p => p.Entry.Code)));
            var noPublicIp = policies.Single(p => (string?)p!["name"] == "no-public-ip")!;
            Assert.That(((string?)noPublicIp["kind"], (string?)noPublicIp["defaultLevel"], (string?)noPublicIp["enforcementLevel"]), Is.EqualTo(("resource", "mandatory", "advisory")));
            Assert.That(policies.Count(p => (string?)p!["kind"] == "resource"), Is.EqualTo(PolicyEngine.ResourcePolicyNames.Length));

            Environment.SetEnvironmentVariable("PULUMI_CONFIG", new JsonObject { ["blink-infra:policy"] = """{"levels":{"no-public-ip":"loud","nope":"advisory"}}""" }.ToJsonString());
            var (refused, _, errors) = await CliRunner.Run("policies", "--json", "--pulumi-config");
            Assert.That(refused, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo(
                "refused as invalid config (exit 2): the stack's config is invalid (2 errors):\n"
                + $"  error {DiagnosticCatalogue.UnknownValue.Code}: blink-infra:policy.levels[\"no-public-ip\"] = \"loud\": unknown enforcement level; allowed: mandatory, advisory, disabled\n"
                + $"  error {DiagnosticCatalogue.UnknownValue.Code}: blink-infra:policy.levels[\"nope\"] = \"advisory\": unknown policy \"nope\"; allowed: {string.Join(", ", PolicyEngine.LevelNames)}\n"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", previous);
        }
    }

    [Test]
    public async Task Each_line_is_one_resource_judged_by_the_policies_one_resource_decides()
    {
        const string urn = "urn:pulumi:dev::web::alicloud:ecs/securityGroupRule:SecurityGroupRule::open";
        var open = $$$"""{"resources":[{"type":"alicloud:ecs/securityGroupRule:SecurityGroupRule","name":"open","urn":"{{{urn}}}","props":{"type":"ingress","ipProtocol":"tcp","portRange":"22/22","cidrIp":"0.0.0.0/0"}}]}""";
        var lowered = open.Insert(1, "\"policyLevels\":{\"no-ingress-from-internet\":\"advisory\"},");
        var previous = Console.In;
        try
        {
            Console.SetIn(new StringReader(open + "\n" + "not json\n" + lowered + "\n"));
            var (exit, output, _) = await CliRunner.Run("check", "--resources", "-", "--each");
            Assert.That(exit, Is.EqualTo(0));
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines, Has.Length.EqualTo(3), "a line per line read");

            var first = JsonNode.Parse(lines[0])!;
            Assert.That(first["violations"]!.AsArray().Where(v => (string?)v!["policy"] == "no-ingress-from-internet").Select(v => (string?)v!["level"]), Is.EqualTo(new[] { "Mandatory" }));
            Assert.That((int?)first["policiesChecked"], Is.EqualTo(PolicyEngine.ResourcePolicyNames.Length), "only the policies one resource decides: no stack policy judges one resource as a stack");
            Assert.That((string?)JsonNode.Parse(lines[1])!["error"], Does.StartWith($"{DiagnosticCatalogue.ResourceListInvalid.Code}: standard input: cannot be read as a resource list"));
            Assert.That(JsonNode.Parse(lines[2])!["violations"]!.AsArray().Where(v => (string?)v!["policy"] == "no-ingress-from-internet").Select(v => (string?)v!["level"]), Is.EqualTo(new[] { "Advisory" }), "the line's levels decide");
        }
        finally
        {
            Console.SetIn(previous);
        }
    }

    [Test]
    public async Task Each_reads_standard_input_alone()
    {
        var (exit, _, errors) = await CliRunner.Run("check", "--resources", "file.json", "--each");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Does.Contain("--each reads resource lists line by line from standard input"));
    }

    [Test]
    public void A_resource_policy_sees_one_resource_and_every_policy_is_one_kind()
    {
        var all = PolicyEngine.Packs.SelectMany(p => p.Policies).ToList();
        Assert.That(all.Select(p => p.Kind), Is.EqualTo(all.Select(p => p is ResourcePolicy ? PolicyKind.Resource : PolicyKind.Stack)));
        Assert.That(PolicyEngine.ResourcePolicyNames, Is.EqualTo(all.OfType<ResourcePolicy>().Select(p => p.Name)));
        Assert.That(PolicyEngine.ResourcePolicyNames, Has.Length.InRange(1, all.Count - 1));
    }
}
