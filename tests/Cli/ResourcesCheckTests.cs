using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Plan;
using BlinkInfra.State;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// `check --resources`: the resource list the CrossGuard pack (policies/crossguard) sends, checked with
/// `check`'s report and exit codes; what the resources cannot decide is not applicable.
/// </summary>
public class ResourcesCheckTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private static string Fixture(string stack) => TestPaths.CrossGuard("test", "fixtures", $"{stack}.json");

    private const string SecretsNotApplicable = "Not applicable: no-plaintext-secrets: secrets arrive decrypted and unmarked (as a CrossGuard stack validation is handed them), so a secret cannot be told from plain text\n";

    private static string TempFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"blink-resources-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [TestCase("dev")]
    [TestCase("prod-hangzhou")]
    [TestCase("gpu-shanghai")]
    public async Task An_example_stack_captured_as_crossguard_gives_it_violates_what_check_stack_reports(string stack)
    {
        var (stackExit, stackJson, _) = await Run("check", "--stack", stack, "--json", "-");
        // The stack's own levels (prod-hangzhou's), as the pack passes them from the stack's config.
        var list = JsonNode.Parse(File.ReadAllText(Fixture(stack)))!.AsObject();
        if (JsonNode.Parse(File.ReadAllText(TestPaths.FixtureSource(Path.Combine("plans", $"{stack}.json"))))!["settings"]?["policyLevels"] is { } levels)
            list["policyLevels"] = levels.DeepClone();
        var (exit, json, errors) = await Run("check", "--resources", TempFile(list.ToJsonString()), "--json", "-");

        Assert.That(exit, Is.EqualTo(stackExit), errors);
        var report = JsonNode.Parse(json)!;
        Assert.That(report["violations"]!.ToJsonString(), Is.EqualTo(JsonNode.Parse(stackJson)!["violations"]!.ToJsonString()));
        Assert.That(report["packs"]!.ToJsonString(), Is.EqualTo(JsonNode.Parse(stackJson)!["packs"]!.ToJsonString()));
        Assert.That(report["notApplicable"]!.AsArray().Select(n => (string?)n!["policy"]), Is.EqualTo(new[] { "no-plaintext-secrets" }),
            "an example stack shows its region, billing mode and HA mode in its resources");
    }

    [Test]
    public void A_resource_list_reads_as_a_plan_of_its_resources_named_by_urn()
    {
        var list = ResourceListFile.Read(JsonNode.Parse(File.ReadAllText(Fixture("dev")))!);

        Assert.That((list.Project, list.Stack, list.SecretsMarked), Is.EqualTo(("blink-infra", "dev", false)));
        var vswitch = list.Resources.Single(r => r.Name == "blink-dev-vsw-cn-hangzhou-h");
        Assert.That(vswitch.Parent, Is.EqualTo(new ResourceRef("blink:network:ClusterNetwork", "blink-dev")));
        Assert.That(vswitch.Provider, Is.EqualTo(new ResourceRef("pulumi:providers:alicloud", "blink-dev-alicloud")));
        Assert.That(vswitch.PropertyDependencies["vpcId"], Is.EqualTo(new[] { new ResourceRef("alicloud:vpc/network:Network", "blink-dev-vpc") }));
        Assert.That(vswitch.DependsOn, Is.Empty, "dependencies that come from inputs are property dependencies");
        Assert.That(vswitch.Custom, Is.True);
        Assert.That(list.Resources.Single(r => r.Ref == new ResourceRef("blink:network:ClusterNetwork", "blink-dev")).Custom, Is.False, "a component has no provider");
        Assert.That(list.Resources.Single(r => r.Type == "alicloud:oss/bucket:Bucket").Protect, Is.True);
        Assert.That(list.Urns[vswitch.Ref], Is.EqualTo("urn:pulumi:dev::blink-infra::blink:network:ClusterNetwork$alicloud:vpc/switch:Switch::blink-dev-vsw-cn-hangzhou-h"));
        var plan = list.ToPlan();
        Assert.That(plan.Settings, Is.Null, "settings are inferred from the resources");
        var settings = StackSettings.FromResources(plan.Resources);
        Assert.That((settings.Region, settings.Billing, settings.HighAvailability), Is.EqualTo(("cn-hangzhou", "pay-as-you-go", (bool?)false)));
    }

    [Test]
    public async Task A_lone_bucket_of_another_program_is_checked_and_what_it_cannot_show_is_not_applicable()
    {
        var path = TempFile("""{"resources":[{"type":"alicloud:oss/bucket:Bucket","name":"logs","urn":"urn:pulumi:prod::web::alicloud:oss/bucket:Bucket::logs","props":{"acl":"private","versioning":{"status":"Enabled"},"serverSideEncryptionRule":{"sseAlgorithm":"AES256"}}}]}""");

        var (exit, output, errors) = await Run("check", "--resources", path);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Is.EqualTo(
            "Policy packs: blink-region@1.0.0, blink-isolation@1.0.0, blink-ha@1.0.0, blink-hardware@1.0.0, blink-data-protection@1.0.0, blink-operations@1.0.0\n" +
            "[mandatory] BLINK2031 state-bucket-locked-down (alicloud:oss/bucket:Bucket: logs)\n" +
            "    blink-data-protection@1.0.0: acl private on the bucket, deprecated since provider 1.220.0; allowed: no acl on the bucket, an alicloud:oss/bucketAcl:BucketAcl instead\n" +
            "[mandatory] BLINK2031 state-bucket-locked-down (alicloud:oss/bucket:Bucket: logs)\n" +
            "    blink-data-protection@1.0.0: no alicloud:oss/bucketAcl:BucketAcl on the bucket; allowed: one with acl private\n" +
            "[mandatory] BLINK2031 state-bucket-locked-down (alicloud:oss/bucket:Bucket: logs)\n" +
            "    blink-data-protection@1.0.0: no lifecycle rule aborts incomplete multipart uploads, whose parts stay billed; allowed: an enabled rule for the whole bucket with abortMultipartUploads (blink-infra:engine.stateRetention.incompleteUploadDays)\n" +
            "[mandatory] BLINK2031 state-bucket-locked-down (alicloud:oss/bucket:Bucket: logs)\n" +
            "    blink-data-protection@1.0.0: no lifecycle rule expires noncurrent versions, so every checkpoint Flink deletes stays stored and billed; allowed: an enabled rule for the whole bucket with noncurrentVersionExpirations (blink-infra:engine.stateRetention.noncurrentVersionDays)\n" +
            "[mandatory] BLINK2031 state-bucket-locked-down (alicloud:oss/bucket:Bucket: logs)\n" +
            "    blink-data-protection@1.0.0: public access is not blocked; allowed: an alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock on the bucket with blockPublicAccess true\n" +
            "[mandatory] BLINK2032 state-bucket-protected (alicloud:oss/bucket:Bucket: logs)\n" +
            "    blink-data-protection@1.0.0: the bucket is not protected; allowed: protect: true\n" +
            $"6 mandatory and 0 advisory violation(s); {PolicyEngine.PolicyNames.Length - 7} policies of {PolicyEngine.Packs.Length} packs checked, 7 not applicable.\n" +
            "Not applicable: region-allowed-for-billing: no AliCloud provider shows the stack's region (its region input)\n" +
            "Not applicable: zones-in-region: no AliCloud provider shows the stack's region (its region input)\n" +
            "Not applicable: resources-in-stack-region: no AliCloud provider shows the stack's region (its region input)\n" +
            "Not applicable: three-masters-three-zones: no node pool labelled blink.io/role=master with 1 or 3 nodes shows whether the stack runs in HA mode\n" +
            "Not applicable: jobmanager-ha-on-bucket: no node pool labelled blink.io/role=master with 1 or 3 nodes shows whether the stack runs in HA mode\n" +
            "Not applicable: ha-metadata-readable-through-rrsa: no node pool labelled blink.io/role=master with 1 or 3 nodes shows whether the stack runs in HA mode\n" +
            SecretsNotApplicable));
        Assert.That(errors, Is.EqualTo("refused by policy (exit 1): 6 mandatory violation(s)\n"));
        File.Delete(path);
    }

    [Test]
    public async Task A_region_without_node_pools_leaves_only_the_billing_rule_undecided()
    {
        var path = TempFile("""{"resources":[{"type":"pulumi:providers:alicloud","name":"hk","urn":"urn:pulumi:prod::web::pulumi:providers:alicloud::hk","props":{"region":"cn-hongkong"}}]}""");

        var (exit, json, _) = await Run("check", "--resources", path, "--json", "-");

        Assert.That(exit, Is.EqualTo(0));
        var notApplicable = JsonNode.Parse(json)!["notApplicable"]!.AsArray();
        Assert.That(((string?)notApplicable[0]!["policy"], (string?)notApplicable[0]!["reason"]),
            Is.EqualTo(("region-allowed-for-billing", "no node pool shows the stack's billing mode (its instanceChargeType)")));
        Assert.That(notApplicable.Select(n => (string?)n!["policy"]), Does.Not.Contain("zones-in-region"));
        File.Delete(path);
    }

    [Test]
    public async Task The_stacks_levels_decide_and_standard_input_is_read()
    {
        var json = File.ReadAllText(Fixture("dev"));
        var open = JsonNode.Parse(json)!.AsObject();
        // The world let in on ssh to the masters: a mandatory violation, then the stack's override makes it advisory.
        var rule = open["resources"]!.AsArray().First(r => (string?)r!["type"] == "alicloud:ecs/securityGroupRule:SecurityGroupRule" && (string?)r!["props"]!["type"] == "ingress")!.AsObject();
        rule["props"]!["cidrIp"] = "0.0.0.0/0";
        rule["props"]!.AsObject().Remove("sourceSecurityGroupId");
        var previous = Console.In;
        try
        {
            Console.SetIn(new StringReader(open.ToJsonString()));
            var (exit, output, _) = await Run("check", "--resources", "-");
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.Contain($"[mandatory] BLINK2005 no-ingress-from-internet (alicloud:ecs/securityGroupRule:SecurityGroupRule: {rule["name"]})\n"));

            open["policyLevels"] = new JsonObject { ["no-ingress-from-internet"] = "advisory" };
            Console.SetIn(new StringReader(open.ToJsonString()));
            (exit, output, _) = await Run("check", "--resources", "-");
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(output, Does.Contain($"[advisory] BLINK2005 no-ingress-from-internet (alicloud:ecs/securityGroupRule:SecurityGroupRule: {rule["name"]})\n"));
        }
        finally
        {
            Console.SetIn(previous);
        }
    }

    [Test]
    public async Task Plain_text_credentials_are_violations_only_where_the_sender_marks_secrets()
    {
        const string resources = """[{"type":"kubernetes:core/v1:Secret","name":"creds","urn":"urn:pulumi:dev::web::kubernetes:core/v1:Secret::creds","props":{"stringData":{"password":"hunter2"}}}]""";
        var unmarked = TempFile($$"""{"resources":{{resources}}}""");
        var marked = TempFile($$"""{"secretsMarked":true,"resources":{{resources}}}""");

        var (_, output, _) = await Run("check", "--resources", unmarked);
        Assert.That(output, Does.Not.Contain("[mandatory] BLINK2034 no-plaintext-secrets"));
        Assert.That(output, Does.EndWith(SecretsNotApplicable));

        var (exit, markedOutput, _) = await Run("check", "--resources", marked);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(markedOutput, Does.Contain("[mandatory] BLINK2034 no-plaintext-secrets (kubernetes:core/v1:Secret: creds)\n    blink-data-protection@1.0.0: input stringData holds a credential in plain text; allowed: a Pulumi secret\n"));
        File.Delete(unmarked);
        File.Delete(marked);
    }

    [TestCase("""{"resources":[{"type":"t:m:R","name":"a"}]}""", "not a resource list as policies/crossguard sends it ({\"resources\": [{\"type\", \"name\", \"urn\", \"props\", ...}]}): resources[0] has no urn")]
    [TestCase("""{"resources":[{"type":"t:m:R","name":"a","urn":"a"}]}""", "resources[0].urn a is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)")]
    [TestCase("""{"resources":[{"type":"t:m:R","name":"a","urn":"urn:pulumi:s::p::t:m:R::a","props":[]}]}""", "resources[0].props is not an object")]
    [TestCase("""{"resources":[],"policyLevels":{"no-public-ip":"loud"}}""", "policyLevels[\"no-public-ip\"] = \"loud\": allowed: mandatory, advisory, disabled")]
    [TestCase("""{"resources":[],"policyLevels":{"no-such-policy":"advisory"}}""", "policyLevels names unknown policies (no-such-policy); allowed: region-allowed-for-billing,")]
    [TestCase("""{"resources":[{"inputs":{},"type":"t:m:R","name":"a"}],"project":"p"}""", "a plan written by `plan --json`, not a resource list")]
    [TestCase("""{"version":3,"deployment":{}}""", "a Pulumi state, not a resource list")]
    [TestCase("""not json""", "cannot be read as a resource list:")]
    public async Task What_is_not_a_resource_list_is_one_error_line_and_exit_2(string json, string problem)
    {
        var path = TempFile(json);

        var (exit, output, errors) = await Run("check", "--resources", path);

        Assert.That(exit, Is.EqualTo(2), output);
        Assert.That(errors, Does.StartWith($"error BLINK5005: {path}: ").And.Contain(problem).And.Not.Contain("   at "));
        Assert.That(errors.TrimEnd('\n'), Does.Not.Contain("\n"));
        File.Delete(path);
    }
}
