using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// The offline reader reads a stack file as `pulumi up` does (Pulumi's gopkg.in/yaml.v2 and its config values), so
/// tricky forms reach the program alike through both doors: the stack file read offline, and PULUMI_CONFIG as the
/// Pulumi CLI writes it for the engine gate (each expected PULUMI_CONFIG below is what yaml.v2 and encoding/json make
/// of the YAML: see PulumiYaml's sources).
/// </summary>
public class PulumiYamlTests
{
    private static RawStackConfig Offline(string yaml) => StackRunner.Stack(yaml).ToRaw();

    private static RawStackConfig Engine(string pulumiConfig)
        => EngineGate.FromEnvironment(new Dictionary<string, string?> { ["PULUMI_STACK"] = "dev", ["PULUMI_CONFIG"] = pulumiConfig });

    /// <summary>Two configs alike: the same keys, scalars the same text, structured values the same JSON.</summary>
    private static void AssertAlike(RawStackConfig offline, RawStackConfig engine)
    {
        Assert.That(offline.Values.Keys, Is.EqualTo(engine.Values.Keys));
        foreach (var (key, text) in offline.Values)
        {
            var other = engine.Values[key];
            if (text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('['))
                Assert.That(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(other)), Is.True, $"{key}: {text} vs {other}");
            else
                Assert.That(text, Is.EqualTo(other), key);
        }
        string[] Errors(RawStackConfig raw) => SpecLoader.TryLoad(raw, PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();
        Assert.That(Errors(offline), Is.EqualTo(Errors(engine)), "the program answers alike through both doors");
    }

    /// <summary>A stack file whose compute section is <paramref name="compute"/>; the rest is the dev stack's.</summary>
    private static string WithCompute(string compute, string prelude = "")
        => prelude + StackRunner.DevConfig[..StackRunner.DevConfig.IndexOf("  blink-infra:compute:", System.StringComparison.Ordinal)] + compute;

    private static string PulumiConfig(string compute)
    {
        var config = new JsonObject
        {
            ["blink-infra:cluster"] = """{"name":"blink-dev","region":"cn-hangzhou","tags":{"team":"data-platform"}}""",
            ["blink-infra:network"] = """{"cidrBlock":"10.10.0.0/16","vswitchPrefixLength":20,"zones":[{"id":"cn-hangzhou-h"},{"id":"cn-hangzhou-i"},{"id":"cn-hangzhou-j"}]}""",
            ["blink-infra:compute"] = compute,
        };
        return config.ToJsonString();
    }

    private static IEnumerable<TestCaseData> TrickyForms()
    {
        TestCaseData Case(string name, string compute, string pulumiCompute, string prelude = "")
            => new TestCaseData(WithCompute(compute, prelude), PulumiConfig(pulumiCompute)).SetName(name);

        yield return Case("a merge key from an anchor outside config",
            "  blink-infra:compute:\n    highAvailability: false\n    workerPools:\n      - <<: *pool\n        name: cpu\n        nodes: 2\n",
            """{"highAvailability":false,"workerPools":[{"family":"g7","instanceTypes":["ecs.g7.xlarge"],"name":"cpu","nodes":2}]}""",
            prelude: "x-defaults:\n  pool: &pool {family: g7, instanceTypes: [ecs.g7.xlarge]}\n");
        yield return Case("a key written before a merge is overwritten by it, as yaml.v2 applies merges where they stand",
            "  blink-infra:compute:\n    highAvailability: false\n    workerPools:\n      - name: cpu\n        nodes: 3\n        <<: *pool\n",
            """{"highAvailability":false,"workerPools":[{"family":"g7","instanceTypes":["ecs.g7.xlarge"],"name":"cpu","nodes":2}]}""",
            prelude: "x-defaults:\n  pool: &pool {family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2}\n");
        yield return Case("a list of merges: the earlier mapping wins",
            "  blink-infra:compute:\n    highAvailability: false\n    workerPools:\n      - <<: [*first, *second]\n        name: cpu\n",
            """{"highAvailability":false,"workerPools":[{"family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":2,"name":"cpu"}]}""",
            prelude: "x:\n  a: &first {family: g7, nodes: 2}\n  b: &second {family: c7, instanceTypes: [ecs.g7.xlarge], nodes: 9}\n");
        yield return Case("numbers with leading zeros and prefixes",
            "  blink-infra:compute:\n    highAvailability: false\n    workerPools:\n      - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 010}\n      - {name: c2, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 0o3}\n      - {name: c3, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 0x2}\n      - {name: c4, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 1_0}\n      - {name: c5, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 09}\n",
            """{"highAvailability":false,"workerPools":[{"name":"cpu","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":8},{"name":"c2","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":3},{"name":"c3","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":2},{"name":"c4","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":10},{"name":"c5","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":9}]}""");
        yield return Case("booleans in every YAML 1.1 spelling",
            "  blink-infra:compute:\n    highAvailability: No\n    workerPools:\n      - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2, dataDisk: {enabled: yes, encrypted: ON}}\n",
            """{"highAvailability":false,"workerPools":[{"name":"cpu","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":2,"dataDisk":{"enabled":true,"encrypted":true}}]}""");
        yield return Case("quoted booleans and numbers stay text",
            "  blink-infra:compute:\n    highAvailability: \"no\"\n    workerPools:\n      - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: '010'}\n",
            """{"highAvailability":"no","workerPools":[{"name":"cpu","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":"010"}]}""");
        yield return Case("an exponent without its sign is text to yaml.v2, with it a number",
            "  blink-infra:compute:\n    highAvailability: false\n    workerPools:\n      - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2e0}\n      - {name: c2, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2E+0}\n",
            """{"highAvailability":false,"workerPools":[{"name":"cpu","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":"2e0"},{"name":"c2","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":2}]}""");
        yield return Case("multi-line strings, kept and folded",
            "  blink-infra:compute:\n    highAvailability: false\n    workerPools:\n      - name: |-\n          cpu\n        family: >-\n          g7\n        instanceTypes: [ecs.g7.xlarge]\n        nodes: 2\n",
            """{"highAvailability":false,"workerPools":[{"name":"cpu","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":2}]}""");
        yield return Case("a key that is a boolean to yaml.v2",
            "  blink-infra:compute:\n    highAvailability: false\n    workerPools:\n      - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2, labels: {on: x}}\n",
            """{"highAvailability":false,"workerPools":[{"name":"cpu","family":"g7","instanceTypes":["ecs.g7.xlarge"],"nodes":2,"labels":{"true":"x"}}]}""");
    }

    [TestCaseSource(nameof(TrickyForms))]
    public void Tricky_forms_reach_the_program_alike_through_the_stack_file_and_pulumi_config(string yaml, string pulumiConfig)
    {
        AssertAlike(Offline(yaml), Engine(pulumiConfig));
    }

    [Test]
    public void A_merged_stack_file_plans_like_the_one_written_out()
    {
        var merged = WithCompute("  blink-infra:compute:\n    highAvailability: false\n    workerPools:\n      - <<: *pool\n        name: cpu\n        nodes: 2\n",
            prelude: "x-defaults:\n  pool: &pool {family: g7, instanceTypes: [ecs.g7.xlarge]}\n");

        Assert.That(BlinkCli.PlanStackAsync(StackRunner.Stack(merged)).GetAwaiter().GetResult().ToJson(),
            Is.EqualTo(BlinkCli.PlanStackAsync(StackRunner.Stack(StackRunner.DevConfig)).GetAwaiter().GetResult().ToJson()));
    }

    [TestCase("010", "8")]
    [TestCase("0o10", "8")]
    [TestCase("0x10", "16")]
    [TestCase("0b10", "2")]
    [TestCase("-010", "-8")]
    [TestCase("1_000", "1000")]
    [TestCase("08", "8")]
    [TestCase("yes", "true")]
    [TestCase("Off", "false")]
    [TestCase("~", "")]
    [TestCase("1e3", "1e3")]
    [TestCase("1e+3", "1000")]
    [TestCase("1000000.0", "1e+06")]
    [TestCase("0.5", "0.5")]
    [TestCase(".5", "0.5")]
    [TestCase(".inf", ".inf")]
    [TestCase("2026-01-04T03:00:00+08:00", "2026-01-04T03:00:00+08:00")]
    [TestCase("99999999999999999999", "1e+20")]
    [TestCase("18446744073709551615", "18446744073709551615")]
    public void A_top_level_scalar_arrives_as_yaml_v2_marshals_it_back(string written, string arrives)
    {
        var file = StackFile.Parse($"config:\n  blink-infra:x: {written}\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.Config["blink-infra:x"], Is.EqualTo(arrives));
    }

    [TestCase("99999999999999999999", "100000000000000000000")]
    [TestCase("1e+21", "1e+21")]
    [TestCase("0.0000001", "1e-7")]
    [TestCase("1.5", "1.5")]
    [TestCase("-0.0", "-0")]
    public void A_number_in_a_structured_value_arrives_as_encoding_json_writes_it(string written, string json)
    {
        // (A key n would be false to yaml.v2, as y is true.)
        var file = StackFile.Parse($"config:\n  blink-infra:x:\n    v: {written}\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.Config["blink-infra:x"], Is.EqualTo("{\"v\":" + json + "}"));
    }

    private static string Refusal(string yaml) => Assert.Throws<StackFileException>(() => StackFile.Parse(yaml, "dev", "Pulumi.dev.yaml"))!.Message;

    [Test]
    public void What_pulumi_refuses_is_refused_with_its_words()
    {
        Assert.That(Refusal("config:\n  blink-infra:x:\n    <<: [a, b]\n"),
            Is.EqualTo("Pulumi.dev.yaml: line 3, column 5: map merge requires map or sequence of maps as the value, as Pulumi's reader says and refuses; allowed: <<: *anchor of a mapping, or a list of them"));
        Assert.That(Refusal("config:\n  blink-infra:x:\n    n: .nan\n"), Does.Contain("Pulumi refuses it in a structured value (json: unsupported value): JSON has no NaN or infinity"));
        Assert.That(Refusal("config:\n  blink-infra:x:\n    n: !!int abc\n"), Does.Contain("cannot decode !!str `abc` as a !!int, as Pulumi's reader says and refuses"));
    }

    [Test]
    public void What_the_program_cannot_use_is_refused_saying_why()
    {
        Assert.That(Refusal("config:\n  blink-infra:x:\n    on: 1\n    yes: 2\n"),
            Is.EqualTo("Pulumi.dev.yaml: line 4, column 5: key \"true\" appears twice under config.blink-infra:x: Pulumi's reader keeps the last and drops the first without a word; allowed: each key once"));
        Assert.That(Refusal("x: &m {Region: a}\nconfig:\n  blink-infra:cluster:\n    <<: *m\n    region: b\n"),
            Does.EndWith("keys \"Region\" and \"region\" under config.blink-infra:cluster (one of them merged in with <<) are one key when case is ignored, as the program's configuration reads keys; allowed: each key once, spelled as documented"));
    }

    [Test]
    public void A_secure_value_nested_in_a_structured_one_makes_the_key_a_secret()
    {
        var file = StackFile.Parse("config:\n  blink-infra:endpointCredentials:\n    orders: {username: u, password: {secure: v1:abc}}\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.SecretKeys, Does.Contain("blink-infra:endpointCredentials"));
        Assert.That(file.Config.ContainsKey("blink-infra:endpointCredentials"), Is.False);
    }

    [Test]
    public void An_alias_may_give_a_key_when_it_names_a_scalar()
    {
        var file = StackFile.Parse("x: &k team\nconfig:\n  blink-infra:cluster:\n    tags: {*k : data}\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.Config["blink-infra:cluster"], Is.EqualTo("""{"tags":{"team":"data"}}"""));
    }

    [Test]
    public void An_empty_config_is_no_config()
    {
        Assert.That(StackFile.Parse("config:\n", "dev", "Pulumi.dev.yaml").Config, Is.Empty);
    }
}
