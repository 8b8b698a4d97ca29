using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>The newcomer's path: init writes a starter stack that plans and passes check; catalog lists what a stack may name.</summary>
public class InitCatalogTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private static string TempStack(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"blink-init-{Guid.NewGuid():N}");
        return Path.Combine(dir, $"Pulumi.{name}.yaml");
    }

    [TestCase("trial")]
    [TestCase("trial", "--ha", "true", "--region", "cn-beijing", "--billing", "subscription")]
    [TestCase("hk", "--region", "cn-hongkong", "--zones", "cn-hongkong-b,cn-hongkong-c")]
    [TestCase("inference", "--family", "gn7i", "--ha", "true", "--region", "cn-shanghai", "--zones", "cn-shanghai-l,cn-shanghai-m,cn-shanghai-n")]
    public async Task Init_writes_a_starter_stack_that_plans_and_passes_check_with_no_violation_but_the_advisory_about_alert_receivers(string name, params string[] flags)
    {
        var path = TempStack(name);

        var (exit, output, errors) = await Run(["init", "--name", name, "--output", path, .. flags]);

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Does.StartWith($"Wrote {path}:\n"));
        Assert.That(output, Does.Contain($"./blink check --config {path}"));
        var (planExit, plan, planErrors) = await Run("plan", "--config", path);
        Assert.That(planExit, Is.EqualTo(0), planErrors);
        Assert.That(plan, Does.Contain($"blink-{name}-vpc"));
        // No mandatory violation, and two advisories: the alerts' receivers are the user's to name (the file says how), and
        // the pinned Kubernetes version could not be confirmed offline (29.15).
        var (checkExit, check, _) = await Run("check", "--config", path);
        Assert.That(checkExit, Is.EqualTo(0));
        Assert.That(check, Does.Contain("\n[advisory] BLINK2004 ack-offerings-unconfirmed (alicloud:cs/managedKubernetes:ManagedKubernetes: ")
            .And.Contain("\n[advisory] BLINK2038 alerts-have-receivers (stack)\n")
            .And.EndWith($"0 mandatory and 2 advisory violation(s); {PolicyEngine.PolicyNames.Length} policies of {PolicyEngine.Packs.Length} packs checked.\n"));
        Assert.That(File.ReadAllText(path), Does.Contain("pulumi config set --secret blink-infra:alertContacts"));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Test]
    public async Task Init_defaults_and_never_overwrites()
    {
        var path = TempStack("starter");

        var (exit, _, _) = await Run("init", "-n", "starter", "-o", path);

        Assert.That(exit, Is.EqualTo(0));
        var written = await File.ReadAllTextAsync(path);
        Assert.That(written, Does.Contain("    name: blink-starter\n    region: cn-hangzhou\n    billing: pay-as-you-go\n"));
        Assert.That(written, Does.Contain("    zones:\n      - id: cn-hangzhou-b\n      - id: cn-hangzhou-e\n      - id: cn-hangzhou-f\n"));
        Assert.That(written, Does.Contain("    highAvailability: false\n    workerPools:\n      - name: cpu\n        family: g7\n        instanceTypes: [ecs.g7.2xlarge]\n        nodes: 2\n"));
        Assert.That(written, Does.Not.Contain("    image:"), "without HA the stock image reads nothing from the bucket yet");

        var (again, _, errors) = await Run("init", "-n", "starter", "-o", path, "--ha", "true");
        Assert.That(again, Is.EqualTo(2));
        Assert.That(errors, Is.EqualTo($"error BLINK5001: {path} exists; init never overwrites a stack file: choose another --name or --output, or remove it\n"));
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo(written));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [TestCase("error BLINK5006: --region \"eu-west-1\": allowed: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen, cn-zhangjiakou, cn-hongkong, ap-southeast-1 (./blink catalog lists them with their billing and zones)\n", "--region", "eu-west-1")]
    [TestCase("error BLINK5006: --billing pay-as-you-go: cn-hongkong is sold with subscription billing only; allowed regions for pay-as-you-go: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen\n", "--region", "cn-hongkong", "--billing", "pay-as-you-go")]
    [TestCase("error BLINK5006: --zones \"cn-hangzhou-h,cn-hangzhou-z\": allowed: distinct zones of cn-hangzhou, comma-separated: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k\n", "--zones", "cn-hangzhou-h,cn-hangzhou-z")]
    [TestCase("error BLINK5006: --zones \"cn-hangzhou-h,cn-hangzhou-i\": high availability puts a master machine in each of 3 zones; give at least 3\n", "--zones", "cn-hangzhou-h,cn-hangzhou-i", "--ha", "true")]
    [TestCase("error BLINK5006: --instance-type \"ecs.c7.large\": allowed for c7: ecs.c7.2xlarge, ecs.c7.4xlarge, ecs.c7.8xlarge, ecs.c7.16xlarge\n", "--family", "c7", "--instance-type", "ecs.c7.large")]
    [TestCase("error BLINK5006: --name \"Bad_Name\": allowed: lower-case letters, digits and -, starting with a letter, not ending with -, at most 34 characters\n", "--name", "Bad_Name")]
    public async Task Init_refuses_a_bad_answer_with_one_line_naming_its_flag_and_writes_nothing(string expected, params string[] flags)
    {
        var path = TempStack("bad");

        string[] name = Array.IndexOf(flags, "--name") >= 0 ? [] : ["--name", "bad"];
        var (exit, _, errors) = await Run(["init", .. name, "--output", path, .. flags]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Is.EqualTo(expected));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Without_a_name_and_without_a_terminal_init_asks_for_the_flag()
    {
        var error = Assert.Throws<StackFileException>(() => StackTemplate.From(null, null, null, null, null, null, null, null, null));
        Assert.That(error!.Message, Does.StartWith("--name NAME is required"));
    }

    [Test]
    public async Task Catalog_lists_regions_with_billing_and_zones_and_types_with_their_usable_cu()
    {
        var (exit, output, _) = await Run("catalog");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("  cn-hangzhou     pay-as-you-go, subscription\n    zones: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k\n"));
        Assert.That(output, Does.Contain("  ap-southeast-1  subscription\n    zones: ap-southeast-1a, ap-southeast-1b, ap-southeast-1c\n"));
        Assert.That(output, Does.Match(@"\n  gn7i  gpu   NVIDIA A10\n"));
        Assert.That(output, Does.Match(@"\n    ecs\.g7\.2xlarge +8 cores +32 GiB +6 CU\n"));
        Assert.That(output, Does.Match(@"\n    ecs\.gn7i-c16g1\.4xlarge +16 cores +60 GiB +\d+ CU  1 x NVIDIA A10\n"));
        Assert.That(output, Does.Contain("  16 cores  64 GiB  up to 800 CU\n"));

        var (one, hongKong, _) = await Run("catalog", "--region", "cn-hongkong");
        Assert.That(one, Is.EqualTo(0));
        Assert.That(hongKong, Does.Not.Contain("cn-hangzhou"));
        var (bad, _, errors) = await Run("catalog", "--region", "mars");
        Assert.That(bad, Is.EqualTo(2));
        Assert.That(errors, Does.StartWith("error BLINK5006: --region \"mars\" is not a region of the catalogue; allowed: cn-hangzhou,"));
    }

    [Test]
    public async Task Catalog_shows_where_each_family_is_offered_by_zone_or_that_it_is_not_confirmed()
    {
        var (exit, output, _) = await Run("catalog", "--region", "cn-shanghai");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain(
            "\nWhere each family is offered, zone by zone (infra/Facts/InstanceAvailability.cs, read 2026-12-05):\n"
            + "  cn-shanghai     not confirmed: g7, c7, r7, gn6i, gn7i, gn6v, f1, f3\n"
            + "  (not confirmed: per-zone availability is published only live (ECS DescribeAvailableResource, the console's purchase page), and no public page read names zones for the catalogue's families; "
            + "with an account, ask: aliyun ecs DescribeAvailableResource --RegionId <region> --DestinationResource InstanceType --IoOptimized optimized --InstanceChargeType PostPaid|PrePaid > answer.json, "
            + "and record the answer: ./blink availability import answer.json --charge-type PostPaid|PrePaid --write)\n"));

        // Dated rows are shown with their zones, billing method and source: a family's, a partial one, and a type's;
        // types of one answer with the same zones share a line, "every type" when they are all the family's.
        var table = new BlinkInfra.Facts.InstanceAvailability.Table([
            new("cn-shanghai", "gn7i", ["cn-shanghai-l", "cn-shanghai-m"], "ECS DescribeAvailableResource, PostPaid", "2027-01-10"),
            new("cn-shanghai", "gn6i", ["cn-shanghai-n"], "a page", "2027-01-11", BlinkInfra.Facts.RowCoverage.Partial),
            .. BlinkInfra.Facts.InstanceCatalog.TypesOf("f3").Select(t => new BlinkInfra.Facts.InstanceAvailability.Row("cn-shanghai", "f3", [], "ECS DescribeAvailableResource, RequestId R-1", "2027-01-12", InstanceType: t.Name, ChargeType: "PrePaid")),
            new("cn-shanghai", "f1", ["cn-shanghai-l"], "ECS DescribeAvailableResource, RequestId R-1", "2027-01-12", InstanceType: "ecs.f1-c8f1.2xlarge", ChargeType: "PrePaid"),
            new("cn-shanghai", "f1", ["cn-shanghai-l"], "ECS DescribeAvailableResource, RequestId R-1", "2027-01-12", InstanceType: "ecs.f1-c8f1.4xlarge", ChargeType: "PrePaid")]);
        var writer = new StringWriter();
        Catalog.Write(writer, "cn-shanghai", table);
        Assert.That(writer.ToString(), Does.Contain(
            "\n  cn-shanghai     gn6i  cn-shanghai-n and maybe others [1]\n"
            + "  cn-shanghai     gn7i  cn-shanghai-l, cn-shanghai-m [2]\n"
            + "  cn-shanghai     f1    ecs.f1-c8f1.2xlarge, ecs.f1-c8f1.4xlarge: cn-shanghai-l, PrePaid [3]\n"
            + "  cn-shanghai     f3    every type: no zone, PrePaid [3]\n"
            + "  cn-shanghai     not confirmed: g7, c7, r7, gn6v\n"
            + "  cn-shanghai     [1] a page, read 2027-01-11\n"
            + "  cn-shanghai     [2] ECS DescribeAvailableResource, PostPaid, read 2027-01-10\n"
            + "  cn-shanghai     [3] ECS DescribeAvailableResource, RequestId R-1, read 2027-01-12\n"));
    }

    [Test]
    public async Task Help_lists_init_and_catalog()
    {
        var (exit, output, _) = await Run("help");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("init").And.Contain("catalog"));
        var (initExit, initHelp, _) = await Run("help", "init");
        Assert.That(initExit, Is.EqualTo(0));
        Assert.That(initHelp, Does.Contain("--name").And.Contain("--region").And.Contain("--ha").And.Contain("--zones"));
    }
}
