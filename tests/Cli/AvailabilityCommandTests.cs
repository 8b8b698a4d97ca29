using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// `availability import`: the availability table's refresh path for a user with an account. The fixture
/// (tests/Fixtures/availability) is shaped as ECS DescribeAvailableResource answers (help.aliyun.com document 66186):
/// its zones and types are made up to exercise each case, not facts about Alibaba Cloud.
/// </summary>
public class AvailabilityCommandTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private static readonly string Answer = TestPaths.Fixture("availability/cn-shanghai-PostPaid.json");

    private string _temp = "";

    [SetUp]
    public void MakeTheTemp()
    {
        _temp = Path.Combine(Path.GetTempPath(), $"blink-availability-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_temp);
    }

    [TearDown]
    public void RemoveTheTemp() => Directory.Delete(_temp, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public async Task Import_prints_a_row_per_catalogue_type_with_the_zones_that_offer_it_and_what_it_left_out()
    {
        var (exit, output, errors) = await Run("availability", "import", Answer, "--charge-type", "PostPaid", "--read", "2027-01-10");

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Is.EqualTo(
            $"{Answer}: cn-shanghai, PostPaid, read 2027-01-10\n"
            + "  g7    ecs.g7.large: cn-shanghai-l, cn-shanghai-m\n"
            + "  gn7i  ecs.gn7i-c8g1.2xlarge: cn-shanghai-l, cn-shanghai-m\n"
            // ClosedWithoutStock in m: sold out and not replenished, so not offered there.
            + "  gn7i  ecs.gn7i-c16g1.4xlarge: cn-shanghai-l\n"
            + "  sold out when read, to be replenished (counted as offered): ecs.gn7i-c8g1.2xlarge in cn-shanghai-m\n"
            + "  warning: cn-shanghai-z is not among the zones BlinkInfra knows for cn-shanghai (infra/Facts/AlibabaCloud.cs), so left out of the rows: add a new zone there first (at the end of its region's list)\n"
            + "  1 type(s) outside BlinkInfra's catalogue left out\n"
            + $"  no row for the {InstanceCatalog.Types.Length - 3} catalogue type(s) the answer does not name; if it was asked without --InstanceType, --all-types records them as offered in no zone\n"
            + "Not recorded: --write records 3 row(s) in infra/Facts/instance-availability.json.\n"));
    }

    [Test]
    public async Task Write_records_the_rows_in_the_data_file_replacing_those_of_the_same_type_region_and_billing()
    {
        var data = Path.Combine(_temp, "availability.json");
        var kept = new InstanceAvailability.Row("cn-hangzhou", "gn6i", ["cn-hangzhou-h"], "a page", "2026-12-05", RowCoverage.Partial);
        var stale = new InstanceAvailability.Row("cn-shanghai", "gn7i", ["cn-shanghai-n"], "ECS DescribeAvailableResource, RequestId OLD", "2026-01-01", InstanceType: "ecs.gn7i-c8g1.2xlarge", ChargeType: "PostPaid");
        var prePaid = stale with { ChargeType = "PrePaid" };
        File.WriteAllText(data, InstanceAvailability.ToJson(new InstanceAvailability.Table([kept, stale, prePaid])));

        var (exit, output, errors) = await Run("availability", "import", Answer, "--charge-type", "PostPaid", "--read", "2027-01-10", "--all-types", "--write", "--to", data);

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Does.EndWith($"Recorded {InstanceCatalog.Types.Length} row(s) in {data} ({InstanceCatalog.Types.Length + 2} in all); the next ./blink command builds them in: "
                                         + "catalog shows them, and instance-types-offered-in-zones judges pools' zones by them.\n"));
        var table = InstanceAvailability.Parse(File.ReadAllText(data));
        const string source = "ECS DescribeAvailableResource, RequestId 0041D94C-FB92-4C49-B115-259DA1CE1923";
        Assert.That(table.Rows, Does.Contain(kept).And.Contain(prePaid).And.Not.Contain(stale));
        Assert.That(table.Rows, Does.Contain(new InstanceAvailability.Row("cn-shanghai", "gn7i", ["cn-shanghai-l", "cn-shanghai-m"], source, "2027-01-10", InstanceType: "ecs.gn7i-c8g1.2xlarge", ChargeType: "PostPaid")));
        // --all-types: a catalogue type the answer does not name is offered in no zone of the region.
        Assert.That(table.Rows, Does.Contain(new InstanceAvailability.Row("cn-shanghai", "f3", [], source, "2027-01-10", InstanceType: "ecs.f3-c4f1.xlarge", ChargeType: "PostPaid")));
        Assert.That(table.Rows, Is.EqualTo(InstanceAvailability.Ordered(table.Rows)));
        // What the table then says, as check and catalog read it.
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-m", "ecs.gn7i-c16g1.4xlarge", "PostPaid"), Is.EqualTo(ZoneOffer.NotOffered));
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-m", "ecs.gn7i-c16g1.4xlarge", "PrePaid"), Is.EqualTo(ZoneOffer.Unconfirmed));
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-n", "ecs.gn7i-c8g1.2xlarge", "PrePaid"), Is.EqualTo(ZoneOffer.Offered));

        // Imported again with --partial (an answer asked with --ZoneId), rows confirm only the zones they list.
        var (again, _, againErrors) = await Run("availability", "import", Answer, "--charge-type", "PostPaid", "--read", "2027-01-11", "--partial", "--write", "--to", data);
        Assert.That(again, Is.EqualTo(0), againErrors);
        var partial = InstanceAvailability.Parse(File.ReadAllText(data));
        Assert.That(partial.Offer("cn-shanghai", "gn7i", "cn-shanghai-m", "ecs.gn7i-c16g1.4xlarge", "PostPaid"), Is.EqualTo(ZoneOffer.Unconfirmed));
        Assert.That(partial.Offer("cn-shanghai", "gn7i", "cn-shanghai-l", "ecs.gn7i-c16g1.4xlarge", "PostPaid"), Is.EqualTo(ZoneOffer.Offered));
    }

    [Test]
    public async Task The_read_date_defaults_to_the_day_the_answer_was_saved()
    {
        var copy = Write("answer.json", File.ReadAllText(Answer));
        File.SetLastWriteTimeUtc(copy, new DateTime(2027, 2, 3, 23, 30, 0, DateTimeKind.Utc));

        var (exit, output, errors) = await Run("availability", "import", copy, "--charge-type", "PrePaid");

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Does.StartWith($"{copy}: cn-shanghai, PrePaid, read 2027-02-03\n"));
    }

    [TestCase("""{"Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource.","RequestId":"X"}""",
        "an error answer, Forbidden.RAM: User not authorized to operate on the specified resource.; allowed: an answer that names zones")]
    [TestCase("""{"RequestId":"X","AvailableZones":{"AvailableZone":[{"RegionId":"cn-shanghai","ZoneId":"cn-shanghai-l","Status":"Available","AvailableResources":{"AvailableResource":[{"Type":"Zone","SupportedResources":{"SupportedResource":[{"Value":"cn-shanghai-l","Status":"Available"}]}}]}}]}}""",
        "an answer of DestinationResource Zone, which lists zones but not the instance type they offer; allowed: the answer of aliyun ecs DescribeAvailableResource --RegionId cn-shanghai --DestinationResource InstanceType --IoOptimized optimized --InstanceChargeType PostPaid")]
    [TestCase("""{"RequestId":"X","AvailableZones":{"AvailableZone":[]}}""",
        "an answer that names no zone, so no region or type either: nothing to record (for one type, no zone of the region offers it); allowed: an answer asked without --InstanceType names the region's other types too")]
    [TestCase("""{"RequestId":"X","AvailableZones":{"AvailableZone":[{"RegionId":"cn-shanghai","ZoneId":"cn-shanghai-l"},{"RegionId":"cn-beijing","ZoneId":"cn-beijing-g"}]}}""",
        "an answer for several regions (cn-shanghai, cn-beijing); allowed: one region per answer")]
    [TestCase("""{"RequestId":"X","AvailableZones":{"AvailableZone":[{"RegionId":"us-east-1","ZoneId":"us-east-1a"}]}}""",
        "an answer for us-east-1, which is not a region of the catalogue; allowed: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen, cn-zhangjiakou, cn-hongkong, ap-southeast-1")]
    [TestCase("""{"Instances":{}}""", "not an answer of ECS DescribeAvailableResource (no AvailableZones.AvailableZone list)")]
    [TestCase("ERROR: SDK.ServerError", "not JSON ('E' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0.); allowed: the JSON `aliyun ecs DescribeAvailableResource` prints")]
    public async Task An_answer_that_cannot_be_imported_is_refused_in_one_line_saying_why(string text, string why)
    {
        var path = Write("answer.json", text);

        var (exit, output, errors) = await Run("availability", "import", path, "--charge-type", "PostPaid");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(errors, Is.EqualTo($"error BLINK5010: {path}: {why}\n"));
    }

    [Test]
    public async Task Two_answers_for_one_region_and_billing_method_are_refused()
    {
        var copy = Write("again.json", File.ReadAllText(Answer));

        var (exit, _, errors) = await Run("availability", "import", Answer, copy, "--charge-type", "PostPaid");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Is.EqualTo($"error BLINK5010: {Answer} and {copy} both answer for ecs.g7.large in cn-shanghai (PostPaid); allowed: one answer per region and billing method\n"));
    }

    [TestCase(new[] { "--read", "2027-01-10" }, "--charge-type is missing: the answer does not say which billing method it was asked for; allowed: PostPaid, PrePaid, as its --InstanceChargeType")]
    [TestCase(new[] { "--charge-type", "Spot" }, "--charge-type \"Spot\": the answer does not say which billing method it was asked for; allowed: PostPaid, PrePaid, as its --InstanceChargeType")]
    [TestCase(new[] { "--charge-type", "PostPaid", "--read", "10/01/2027" }, "--read \"10/01/2027\" is not a date; allowed: YYYY-MM-DD, the day the answers were read")]
    [TestCase(new[] { "--charge-type", "PostPaid", "--all-types", "--partial" }, "--all-types and --partial: an answer for some zones cannot say a type is offered in no zone of the region; allowed: one of them")]
    [TestCase(new[] { "--charge-type", "PostPaid", "--to", "x.json" }, "--to names the data file --write writes: give --write too")]
    public async Task Flags_that_do_not_fit_are_refused_before_any_answer_is_read(string[] flags, string why)
    {
        var (exit, output, errors) = await Run(["availability", "import", Answer, .. flags]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(errors, Is.EqualTo($"error BLINK5006: {why}\n"));
    }

    [Test]
    public async Task A_data_file_that_is_not_one_is_not_overwritten()
    {
        var data = Write("availability.json", "{\"rows\": 3}");

        var (exit, _, errors) = await Run("availability", "import", Answer, "--charge-type", "PostPaid", "--write", "--to", data);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Is.EqualTo($"error BLINK5007: {data}: not the availability data file (the availability data has no \"rows\" list); allowed: the file as infra/Facts/instance-availability.json holds it\n"));
        Assert.That(File.ReadAllText(data), Is.EqualTo("{\"rows\": 3}"));
    }
}
