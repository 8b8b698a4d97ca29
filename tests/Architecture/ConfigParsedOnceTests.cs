using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using BlinkInfra.Stacks;
using NUnit.Framework;

namespace BlinkInfra.Tests.Architecture;

/// <summary>
/// Each config value is parsed once on its way from the stack file to the resource: the file's YAML is read once
/// into one JSON text per key (the stack file reader), each text is parsed once (the front door, whose documents the
/// configuration is laid out from), each number, boolean and CIDR block is converted once (the typed read), and the
/// values reach the resources and the plan as the spec holds them. ConfigParsersTests keeps any other parser out. Followed here: network.cidrBlock and workerPools[].nodes.
/// </summary>
public class ConfigParsedOnceTests
{
    private static int Leaves(JsonElement element, params JsonValueKind[] kinds) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Sum(p => Leaves(p.Value, kinds)),
        JsonValueKind.Array => element.EnumerateArray().Sum(item => Leaves(item, kinds)),
        var kind => kinds.Contains(kind) ? 1 : 0,
    };

    [TestCase("dev", "10.10.0.0/16", "blink-dev-pool-cpu", "2")]
    [TestCase("gpu-shanghai", "10.30.0.0/16", "blink-gpu-pool-cpu", "4")]
    public async Task A_plan_parses_each_value_once_from_the_file_to_the_resource(string stack, string cidrBlock, string pool, string desiredSize)
    {
        var raw = StackFile.Load(TestPaths.ExampleStack(stack)).ToRaw();
        var structured = raw.Values.Values.Where(text => text.TrimStart() is ['{' or '[', ..]).ToList();
        // The numbers and booleans of the bound sections (the secret keys hold text only).
        var scalars = ConfigKeys.BoundSections.Select(ConfigKeys.Section).Where(raw.Values.ContainsKey)
            .Sum(key => Leaves(JsonDocument.Parse(raw.Values[key]).RootElement, JsonValueKind.Number, JsonValueKind.True, JsonValueKind.False));
        var (parses, conversions, valueParses) = (ConfigFrontDoor.Parses, ConfigShape.Conversions, ConfigValues.Parses);

        var (exit, output, errors) = await CliRunner.Run("plan", "--stack", stack, "--json", "-");

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(ConfigFrontDoor.Parses - parses, Is.EqualTo(structured.Count), "each structured value's JSON text parsed once");
        var converted = ConfigShape.Conversions.Where(kv => kv.Value != conversions.GetValueOrDefault(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value - conversions.GetValueOrDefault(kv.Key));
        Assert.That(converted.Where(kv => kv.Value != 1), Is.Empty, "no value converted twice");
        Assert.That(converted.Keys, Does.Contain("blink-infra:network.cidrBlock").And.Contain("blink-infra:compute.workerPools[0].nodes"));
        // Every number and boolean converted, and every value of a format of its own (a CIDR block...) parsed as the config is read, nothing more.
        Assert.That(converted.Count, Is.EqualTo(scalars + (ConfigValues.Parses - valueParses)));
        var resources = JsonDocument.Parse(output).RootElement.GetProperty("resources").EnumerateArray().ToList();
        var vpc = resources.Single(r => r.GetProperty("type").GetString() == "alicloud:vpc/network:Network");
        Assert.That(vpc.GetProperty("inputs").GetProperty("cidrBlock").GetString(), Is.EqualTo(cidrBlock));
        var nodePool = resources.Single(r => r.GetProperty("name").GetString() == pool).GetProperty("inputs");
        // The provider's desired_size is a string (Pulumi.AliCloud NodePoolArgs.DesiredSize: Input<string>): the number turns to text there only.
        Assert.That(nodePool.GetProperty("desiredSize").GetString(), Is.EqualTo(desiredSize));
    }
}
