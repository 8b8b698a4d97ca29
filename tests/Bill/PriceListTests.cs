using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace BlinkInfra.Tests.Bill;

/// <summary>
/// The prices file: what it reads, every mistake refused in one error naming the entry and what is
/// allowed, and its JSON schema (tools/Bill/prices.schema.json) agreeing with the reader on each case.
/// </summary>
public class PriceListTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.ProjectRoot, "tools", "Bill", "prices.schema.json"))));

    private static JsonNode? AsJson(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return Typed(yaml.Documents[0].RootNode);
    }

    /// <summary>YAML as JSON, plain scalars typed as YAML 1.2's core schema types them (decimals too).</summary>
    internal static JsonNode? Typed(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Typed(kv.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Typed).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => scalar.Value switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" or "~" or "" or null => null,
            var text when long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            var text when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static bool SchemaAccepts(string text) => Schema.Value.Evaluate(AsJson(text)).IsValid;

    [Test]
    public void The_example_files_are_read_and_valid_for_the_schema()
    {
        var yaml = PriceList.Load(TestPaths.Fixture("prices/example.yaml"));
        Assert.That(yaml.Currency, Is.EqualTo("CNY"));
        Assert.That(yaml.HoursPerMonth, Is.EqualTo(730));
        Assert.That(yaml.MachinePerMonth("ecs.g7.2xlarge", "subscription"), Is.EqualTo(1000m));
        Assert.That(yaml.MachinePerMonth("ecs.g7.2xlarge", "pay-as-you-go"), Is.EqualTo(2m * 730));
        Assert.That(yaml.MachinePerMonth("ecs.gn7i-c16g1.4xlarge", "subscription"), Is.Null, "no subscription price given");
        Assert.That(yaml.DiskPerGiBMonth(new Disk("cloud_essd", "PL1", 100)), Is.EqualTo(1.5m), "the kind with its level first");
        Assert.That(yaml.DiskPerGiBMonth(new Disk("cloud_essd", "PL2", 100)), Is.EqualTo(1m), "then its category");
        Assert.That(yaml.ItemPerMonth(PricedItems.Eip), Is.EqualTo(0.1m * 730), "an hourly price times hoursPerMonth");
        Assert.That(yaml.ItemPerMonth(PricedItems.NatGateway), Is.EqualTo(100m));
        Assert.That(yaml.ItemPerMonth(PricedItems.EipBandwidthMbps), Is.Null);

        var json = PriceList.Load(TestPaths.Fixture("prices/example.json"));
        Assert.That((json.Currency, json.MachinePerMonth("ecs.g7.2xlarge", "pay-as-you-go")), Is.EqualTo(("USD", 0.25m * 730)));

        Assert.That(SchemaAccepts(File.ReadAllText(TestPaths.Fixture("prices/example.yaml"))), Is.True);
        Assert.That(SchemaAccepts(File.ReadAllText(TestPaths.Fixture("prices/example.json"))), Is.True);
    }

    private static IEnumerable<TestCaseData> Mistakes()
    {
        TestCaseData Case(string yaml, string error) => new TestCaseData(yaml, error).SetArgDisplayNames(error.Length > 60 ? error[..60] : error);
        yield return Case("machines: {}\n", "prices.yaml: currency: missing; allowed: the three-letter ISO 4217 code of the currency every price is in, such as CNY");
        yield return Case("currency: yuan\n", "prices.yaml: line 1: currency = \"yuan\": allowed: a currency's three-letter ISO 4217 code in capitals, such as CNY or USD: the currency of every price in the file");
        yield return Case("currency: CNY\ncurrancy: USD\n", "prices.yaml: line 2: currancy: unknown key; did you mean currency? allowed: currency, source, hoursPerMonth, machines, disks, perMonth, perHour");
        yield return Case("currency: CNY\nmachines:\n  ecs.g7.2xlarge: {payAsYouGoPerHour: -2}\n",
            "prices.yaml: line 3: machines.ecs.g7.2xlarge.payAsYouGoPerHour = -2: a negative price; allowed: a number 0 or more, the price of one machine for an hour pay-as-you-go");
        yield return Case("currency: CNY\nmachines:\n  ecs.g7.2xlarge: {subscriptionPerMonth: \"1000\"}\n",
            "prices.yaml: line 3: machines.ecs.g7.2xlarge.subscriptionPerMonth = \"1000\": not a number; allowed: a number 0 or more (not in quotes), the price of one machine for a month on subscription");
        yield return Case("currency: CNY\nmachines:\n  ecs.g7.2xlarge: {payAsYouGo: 2}\n",
            "prices.yaml: line 3: machines.ecs.g7.2xlarge.payAsYouGo: unknown key; did you mean payAsYouGoPerHour? allowed: subscriptionPerMonth, payAsYouGoPerHour");
        yield return Case("currency: CNY\nmachines:\n  g7.2xlarge: {payAsYouGoPerHour: 2}\n",
            "prices.yaml: line 3: machines.g7.2xlarge: not an ECS instance type; allowed: a type as node pools name it, such as ecs.g7.2xlarge");
        yield return Case("currency: CNY\nmachines:\n  ecs.g7.2xlarge: {}\n", "prices.yaml: line 3: machines.ecs.g7.2xlarge: no price; allowed: subscriptionPerMonth and/or payAsYouGoPerHour");
        yield return Case("currency: CNY\ndisks:\n  essd: 1\n  cloud_essd PL9: 1\n",
            "prices.yaml: line 4: disks.cloud_essd PL9: not a disk category; allowed: a category as node pools name it (cloud_essd, cloud_auto, cloud_efficiency, ...), optionally with a performance level after a space (\"cloud_essd PL1\")");
        yield return Case("currency: CNY\nperMonth:\n  natgateway: 100\n",
            "prices.yaml: line 3: perMonth.natgateway: unknown item; did you mean natGateway? allowed: natGateway, eip, eipBandwidthMbps, apiServerLoadBalancer, ackCluster, logShard, kmsKey");
        yield return Case("currency: CNY\nhoursPerMonth: 1000\n",
            "prices.yaml: line 2: hoursPerMonth = 1000: allowed: a whole number from 1 to 744, the hours a pay-as-you-go price is counted for in a month (default 730)");
    }

    [TestCaseSource(nameof(Mistakes))]
    public void A_mistake_is_one_error_naming_the_entry_and_the_schema_refuses_it_too(string yaml, string error)
    {
        var refused = Assert.Throws<StackFileException>(() => PriceList.Parse(yaml, "prices.yaml"))!;
        Assert.That(refused.Message, Is.EqualTo(error));
        Assert.That(SchemaAccepts(yaml), Is.False, "the schema refuses what the reader refuses");
    }

    [Test]
    public void Several_mistakes_are_listed_together_and_an_item_priced_twice_is_one()
    {
        var refused = Assert.Throws<StackFileException>(() => PriceList.Parse("currency: CNY\nperMonth: {eip: 1}\nperHour: {eip: 0.1}\nmachines: [1]\n", "p.yaml"))!;
        Assert.That(refused.Message, Is.EqualTo("p.yaml: 2 errors:\n  line 4: machines: allowed: a mapping of names to prices\n  line 3: perHour.eip: eip is priced in perMonth too; allowed: one price per item"));
    }

    [Test]
    public void A_file_that_is_not_one_is_refused_in_one_line()
    {
        Assert.That(Assert.Throws<StackFileException>(() => PriceList.Parse("- a\n- b\n", "p.yaml"))!.Message, Does.StartWith("p.yaml: not a prices file;"));
        Assert.That(Assert.Throws<StackFileException>(() => PriceList.Load("/nonexistent/prices.yaml"))!.Message, Is.EqualTo("/nonexistent/prices.yaml: no such file; allowed: a prices file, a regular file"));
    }

    [Test]
    public async System.Threading.Tasks.Task Plan_with_a_bad_prices_file_exits_2_with_the_error_and_plans_nothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blink-prices-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "currency: CNY\nmachines:\n  ecs.g7.2xlarge: {payAsYouGoPerHour: cheap}\n");
        try
        {
            var (exit, output, errors) = await CliRunner.Run("plan", "--stack", "dev", "--prices", path);
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(errors, Is.EqualTo($"error BLINK5004: {path}: line 3: machines.ecs.g7.2xlarge.payAsYouGoPerHour = \"cheap\": not a number; allowed: a number 0 or more (not in quotes), the price of one machine for an hour pay-as-you-go\n"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
