using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>The config's front door: hostile or broken stack files refused at once, with the place and what is allowed.</summary>
public class StackFileSafetyTests
{
    private static string Refusal(string yaml)
        => Assert.Throws<StackFileException>(() => StackFile.Parse(yaml, "dev", "Pulumi.dev.yaml"))!.Message;

    [Test]
    public void An_alias_to_the_node_that_holds_it_is_refused_instead_of_overflowing_the_stack()
    {
        Assert.That(Refusal("config:\n  blink-infra:cluster: &loop\n    tags: *loop\n"),
            Is.EqualTo("Pulumi.dev.yaml: line 3, column 11: alias *loop refers to the node that holds it, a value without end; allowed: aliases to nodes outside them"));
    }

    [Test]
    public void An_alias_bomb_is_refused_by_counting_before_anything_is_expanded()
    {
        var yaml = new StringBuilder("config:\n  blink-infra:cluster:\n    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
            yaml.Append($"    a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var clock = Stopwatch.StartNew();

        var message = Refusal(yaml.ToString());

        Assert.That(message, Does.StartWith("Pulumi.dev.yaml: line 7, column ")
            .And.EndWith($": the file holds more than {ConfigLimits.MaxExpandedNodes} values once its aliases are expanded; allowed: a stack's config written out, with few or no aliases"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "refused long before 10^12 values were built (a generous bound: this is no benchmark)");
    }

    [Test]
    public void A_few_aliases_within_bounds_are_read_as_their_values()
    {
        var file = StackFile.Parse("config:\n  blink-infra:cluster:\n    tags: &t {team: data}\n  blink-infra:policy:\n    other: *t\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.Config["blink-infra:policy"], Is.EqualTo("""{"other":{"team":"data"}}"""));
    }

    [Test]
    public void Keys_that_differ_only_in_case_are_refused_at_every_level_with_their_path()
    {
        Assert.That(Refusal("config:\n  blink-infra:cluster:\n    tags:\n      team: a\n      Team: b\n"),
            Is.EqualTo("Pulumi.dev.yaml: line 5, column 7: key \"Team\" under config.blink-infra:cluster.tags is \"team\" again when case is ignored, as the program's configuration reads keys; allowed: each key once, spelled as documented"));
        Assert.That(Refusal("config:\n  blink-infra:network:\n    zones:\n      - id: a\n        ID: b\n"),
            Does.Contain("key \"ID\" under config.blink-infra:network.zones[0] is \"id\" again"));
        Assert.That(Refusal("config:\n  blink-infra:cluster: {}\n  blink-infra:cluster: {}\n"),
            Does.Contain("key \"blink-infra:cluster\" appears twice under config"));
        Assert.That(Refusal("config:\n  cluster: {}\n  blink-infra:cluster: {}\n"),
            Is.EqualTo("Pulumi.dev.yaml: line 3, column 3: config key \"blink-infra:cluster\" is \"cluster\" again (a key without a namespace is the project's, and case is ignored); allowed: each key once"));
    }

    [Test]
    public void Sizes_depth_documents_and_non_scalar_keys_are_bounded()
    {
        Assert.That(Refusal("config:\n  blink-infra:cluster:\n    name: " + new string('a', ConfigLimits.MaxScalarChars + 1) + "\n"),
            Is.EqualTo($"Pulumi.dev.yaml: line 3, column 11: a value of {ConfigLimits.MaxScalarChars + 1} characters; allowed: at most {ConfigLimits.MaxScalarChars}"));
        Assert.That(Refusal("config:\n  blink-infra:cluster: " + new string('[', 40) + new string(']', 40) + "\n"),
            Does.EndWith($"nested deeper than {ConfigLimits.MaxDepth} levels; allowed: the config's own shape"));
        Assert.That(Refusal("config: {}\n---\nconfig: {}\n"), Does.EndWith("a second YAML document, which Pulumi's reader drops without a word (it reads the first); allowed: one document, the stack's config"));
        Assert.That(Refusal("config:\n  ? [a, b]\n  : c\n"), Does.EndWith("a key that is a list; allowed: keys that are plain names"));
        Assert.That(Refusal(new string('#', ConfigLimits.MaxFileBytes + 1)),
            Is.EqualTo($"Pulumi.dev.yaml: {ConfigLimits.MaxFileBytes + 1} characters; allowed: a stack file of at most {ConfigLimits.MaxFileBytes} bytes"));
    }

    [Test]
    public void A_number_json_cannot_hold_stays_text()
    {
        var file = StackFile.Parse("config:\n  blink-infra:network:\n    vswitchPrefixLength: 1e999\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.Config["blink-infra:network"], Is.EqualTo("""{"vswitchPrefixLength":"1e999"}"""));
    }

    private static string[] Errors(string yaml)
        => SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public void A_misspelt_namespace_is_refused_with_the_closest_valid_one_and_providers_stay_allowed()
    {
        var messages = Errors(StackRunner.DevConfig + "\n  blink-infar:engine:\n    namespace: flink\n  alicloud:region: cn-hangzhou\n  kubernetes:context: x\n  pulumi:tags: {a: b}\n");

        Assert.That(messages, Is.EqualTo(new[]
        {
            "blink-infar:engine = \"{\\\"namespace\\\":\\\"flink\\\"}\": unknown namespace \"blink-infar\", which the program does not read; did you mean blink-infra? allowed: blink-infra: keys, or a provider's (alicloud:, kubernetes:, pulumi:)",
        }));
        Assert.That(Errors(StackRunner.DevConfig + "\n  Blink-Infra:engine: {}\n"), Has.One.Contains("unknown namespace \"Blink-Infra\"").And.One.Contains("did you mean blink-infra?"));
    }

    [Test]
    public void Keys_are_spelled_as_documented()
    {
        Assert.That(Errors(StackRunner.DevConfig.Replace("region: cn-hangzhou", "Region: cn-hangzhou")), Has.Member(
            "blink-infra:cluster.Region = \"cn-hangzhou\": unknown key; did you mean region? allowed keys under blink-infra:cluster: name, region, billing, mode, tags, formerNames"));
    }

    [Test]
    public void The_engine_config_passes_the_same_door()
    {
        RawStackConfig Raw(string config) => EngineGate.FromEnvironment(new Dictionary<string, string?> { ["PULUMI_STACK"] = "dev", ["PULUMI_CONFIG"] = config });

        var misspelt = SpecLoader.TryLoad(Raw("""{"blink-infar:cluster":"{}"}"""), PolicyEngine.PolicyNames).Errors.Select(e => e.Message);
        Assert.That(misspelt, Has.One.StartWith("blink-infar:cluster = \"{}\": unknown namespace \"blink-infar\""));

        var cased = SpecLoader.TryLoad(Raw("""{"blink-infra:cluster":"{\"tags\":{\"team\":\"a\",\"TEAM\":\"b\"}}"}"""), PolicyEngine.PolicyNames).Errors.Select(e => e.Message);
        // The front door refuses the cluster section, which is then neither bound nor validated (no error of its
        // own beside this one); the sections this config lacks are reported in the same run.
        Assert.That(cased.Where(e => e.StartsWith("blink-infra:cluster", StringComparison.Ordinal)), Is.EqualTo(new[] { "blink-infra:cluster.tags[\"TEAM\"] = \"b\": the same key as team when case is ignored, as the program's configuration reads keys; allowed: each key once, spelled as documented" }));
        Assert.That(cased.First(), Does.StartWith("blink-infra:cluster.tags[\"TEAM\"]"));

        var notJson = Assert.Throws<SpecException>(() => Raw("{not json"))!;
        Assert.That(notJson.Errors.Single().Message, Is.EqualTo("PULUMI_CONFIG = \"{not json\": not the JSON object the Pulumi engine passes; allowed: the config as `pulumi up` hands it to the program"));
    }

    [Test]
    public async Task Under_the_engine_config_it_cannot_read_is_refused_as_invalid_config()
    {
        var gate = await GateRunner.RunAsync(() => EngineGate.FromEnvironment(new Dictionary<string, string?> { ["PULUMI_CONFIG"] = "[1" }), "stack");

        Assert.That(gate.Exit, Is.EqualTo(GateRunner.StoppedUnderMocks), "a stop, reported through the engine");
        Assert.That(gate.Deployed, Is.False);
        Assert.That(gate.Errors.Single(), Does.StartWith("the stack's config is invalid (1 error), so no resource was declared:\n  error BLINK1004: PULUMI_CONFIG = \"[1\": not the JSON object the Pulumi engine passes"));
    }

    [Test]
    public void Two_environment_variables_for_one_path_are_refused()
    {
        var raw = StackRunner.Stack(StackRunner.DevConfig).ToRaw() with
        {
            Overrides = new Dictionary<string, string> { ["BLINK_cluster__region"] = "cn-beijing", ["BLINK_CLUSTER__REGION"] = "cn-shanghai" }
                .ToImmutableSortedDictionary(StringComparer.Ordinal),
        };

        Assert.That(SpecLoader.TryLoad(raw, PolicyEngine.PolicyNames).Errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            "BLINK_cluster__region = \"cn-beijing\": sets the same config path as BLINK_CLUSTER__REGION (case is ignored in config paths); allowed: one variable per path",
        }));
    }

    [Test]
    public void A_value_past_the_size_limit_is_refused_naming_its_key()
    {
        var text = "{\"levels\":{\"x\":\"" + new string('a', ConfigLimits.MaxValueChars) + "\"}}";
        var raw = StackRunner.Stack(StackRunner.DevConfig).ToRaw();
        raw = raw with { Values = raw.Values.SetItem("blink-infra:policy", text) };

        Assert.That(SpecLoader.TryLoad(raw, PolicyEngine.PolicyNames).Errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            new SpecError(DiagnosticCatalogue.TooLarge, "blink-infra:policy", text[..57] + "...", $"a value of {text.Length} characters; allowed: at most {ConfigLimits.MaxValueChars}").Message,
        }));
    }
}
