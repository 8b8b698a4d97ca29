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
/// configuration is laid out from), each number, boolean and value of a format of its own (IConfigValue: a CIDR block,
/// host:port...) is converted once (the typed read), and the values reach the resources and the plan as the spec holds
/// them. ConfigParsersTests keeps any other parser out. Followed here: network.cidrBlock and workerPools[].nodes, and
/// prod-hangzhou's allowed hosts, a peer group's ports, endpoint hosts and maintenance start time.
/// </summary>
public class ConfigParsedOnceTests
{
    private static int Leaves(JsonElement element, params JsonValueKind[] kinds) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Sum(p => Leaves(p.Value, kinds)),
        JsonValueKind.Array => element.EnumerateArray().Sum(item => Leaves(item, kinds)),
        var kind => kinds.Contains(kind) ? 1 : 0,
    };

    /// <summary>
    /// A plan of the stack, with what it converted per key: every structured value's JSON parsed once, every number,
    /// boolean and value of a format of its own converted once, and nothing parsed as such a value but those conversions.
    /// </summary>
    private static async Task<(Dictionary<string, int> Converted, List<JsonElement> Resources)> PlanOnce(string stack)
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
        // Every number and boolean converted, and every value of a format of its own (a CIDR block, host:port...)
        // parsed as the config is read, nothing more.
        Assert.That(converted.Count, Is.EqualTo(scalars + (ConfigValues.Parses - valueParses)));
        return (converted, JsonDocument.Parse(output).RootElement.GetProperty("resources").EnumerateArray().ToList());
    }

    private static JsonElement Inputs(List<JsonElement> resources, string name)
        => resources.Single(r => r.GetProperty("name").GetString() == name).GetProperty("inputs");

    [TestCase("dev", "10.10.0.0/16", "blink-dev-pool-cpu", "2")]
    [TestCase("gpu-shanghai", "10.30.0.0/16", "blink-gpu-pool-cpu", "4")]
    public async Task A_plan_parses_each_value_once_from_the_file_to_the_resource(string stack, string cidrBlock, string pool, string desiredSize)
    {
        var (converted, resources) = await PlanOnce(stack);

        Assert.That(converted.Keys, Does.Contain("blink-infra:network.cidrBlock").And.Contain("blink-infra:compute.workerPools[0].nodes"));
        var vpc = resources.Single(r => r.GetProperty("type").GetString() == "alicloud:vpc/network:Network");
        Assert.That(vpc.GetProperty("inputs").GetProperty("cidrBlock").GetString(), Is.EqualTo(cidrBlock));
        // The provider's desired_size is a string (Pulumi.AliCloud NodePoolArgs.DesiredSize: Input<string>): the number turns to text there only.
        Assert.That(Inputs(resources, pool).GetProperty("desiredSize").GetString(), Is.EqualTo(desiredSize));
    }

    [Test]
    public async Task The_values_of_a_format_of_their_own_are_parsed_once_and_their_parts_reach_the_resources()
    {
        var (converted, resources) = await PlanOnce("prod-hangzhou");

        Assert.That(converted.Keys, Is.SupersetOf(new[]
        {
            "blink-infra:network.internetEgress.allowedHosts[0]", "blink-infra:network.internetEgress.allowedHosts[1]",
            "blink-infra:security.peerGroups[0].ports", "blink-infra:dataAccess.endpoints[1].host", "blink-infra:dataAccess.endpoints[2].host",
            "blink-infra:maintenance.window.startTime",
        }));
        // "api.partner.com:443": its host and port, each where the NAT firewall's policy takes it.
        var policy = Inputs(resources, "blink-prod-egress-api.partner.com-443");
        Assert.That((policy.GetProperty("destination").GetString(), policy.GetProperty("destPort").GetString()), Is.EqualTo(("api.partner.com", "443")));
        // ports: "8081", a range of one port as the rule takes it.
        Assert.That(Inputs(resources, "blink-prod-sgr-masters-from-sg-bp1opsbastion0001-tcp-8081-8081").GetProperty("portRange").GetString(), Is.EqualTo("8081/8081"));
        // host: 10.20.201.15, an address: its rule opens it alone, and jobs get the host as written.
        Assert.That(Inputs(resources, "blink-prod-sgr-workers-to-orders-rds").GetProperty("cidrIp").GetString(), Is.EqualTo("10.20.201.15/32"));
        var endpoints = Inputs(resources, "blink-prod-endpoints").GetProperty("data");
        Assert.That((endpoints.GetProperty("orders-rds.host").GetString(), endpoints.GetProperty("metrics-sls.host").GetString()),
            Is.EqualTo(("10.20.201.15", "cn-hangzhou-intranet.log.aliyuncs.com")));
        // A whole RFC3339 start time, kept as given.
        Assert.That(Inputs(resources, "blink-prod-ack").GetProperty("maintenanceWindow").GetProperty("maintenanceTime").GetString(), Is.EqualTo("2026-01-04T03:00:00.000+08:00"));
    }
}
