using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Plan;
using NUnit.Framework;
using Spectre.Console;

namespace BlinkInfra.Tests;

/// <summary>The `check` verb: stacks, saved plans and state exports; reports and exit codes.</summary>
public class CheckCliTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    [Test]
    public async Task A_stack_with_advisories_only_exits_0()
    {
        var (exit, output, errors) = await Run("check", "--stack", "dev");

        Assert.That(exit, Is.EqualTo(0), errors);
        // Two advisories: its alerts reach no one (issue 32), and the pinned Kubernetes version could not be confirmed offline (29.15).
        Assert.That(output, Does.StartWith("Policy packs: ")
            .And.Contain("\n[advisory] BLINK2004 ack-offerings-unconfirmed (alicloud:cs/managedKubernetes:ManagedKubernetes: blink-dev-ack)\n")
            .And.Contain("\n[advisory] BLINK2038 alerts-have-receivers (stack)\n")
            .And.EndWith($"0 mandatory and 2 advisory violation(s); {PolicyEngine.PolicyNames.Length} policies of {PolicyEngine.Packs.Length} packs checked.\n"));
        var (cleanExit, clean, _) = await Run("check", "--stack", "prod-hangzhou");
        // prod-hangzhou confirms Cloud Firewall by switching its advisory off: said, and counted. Its alerts reach its
        // contacts, so only the advisory that its pinned Kubernetes version could not be confirmed offline is left.
        Assert.That((cleanExit, clean), Is.EqualTo((0, "Policy packs: blink-region@1.0.0, blink-isolation@1.0.0, blink-ha@1.0.0, blink-hardware@1.0.0, blink-data-protection@1.0.0, blink-operations@1.0.0\n"
            + "[advisory] BLINK2004 ack-offerings-unconfirmed (alicloud:cs/managedKubernetes:ManagedKubernetes: blink-prod-ack)\n"
            + "    blink-region@1.0.0: Kubernetes 1.35.2-aliyun.1 is not confirmed as one ACK still creates (none of the sources read on 2026-12-05 lists CreateCluster's patch versions); allowed: a version `aliyun cs GET /api/v1/metadata/versions --Region cn-hangzhou --ClusterType ManagedKubernetes` lists, in blink-infra:compute.kubernetes.version\n"
            + "notice BLINK3001: cloud-firewall-enabled (blink-isolation@1.0.0, advisory by default) is switched off by blink-infra:policy.levels[\"cloud-firewall-enabled\"], so \"A NAT firewall is declared only where Cloud Firewall is enabled in the account, which is confirmed by hand.\" is not checked\n"
            + $"0 mandatory and 1 advisory violation(s); {PolicyEngine.PolicyNames.Length - 1} policies of {PolicyEngine.Packs.Length} packs checked, 1 switched off by blink-infra:policy.levels (cloud-firewall-enabled).\n")));
        Assert.That(errors, Is.EqualTo(
            "note BLINK3102: blink-infra:observability.logs.project is blink-dev-logs, the default: SLS project names are unique in a region across all accounts, "
            + "so if another account holds it the first `pulumi up` fails on the project; set a name of your own there if so\n"));
    }

    [Test]
    public async Task A_stack_naming_a_log_project_of_its_own_gets_no_note()
    {
        var yaml = File.ReadAllText(TestPaths.ExampleStack("dev")) + "  blink-infra:observability:\n    logs: {project: acme-blink-dev-logs}\n";
        var path = Path.Combine(Path.GetTempPath(), $"blink-{Guid.NewGuid():N}", "Pulumi.dev.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, yaml);

        var (exit, _, errors) = await Run("check", "--config", path);

        Assert.That((exit, errors), Is.EqualTo((0, "")));
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }

    [Test]
    public async Task A_saved_plan_with_a_mandatory_violation_exits_1_and_writes_the_json_report()
    {
        var plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("dev")));
        var broken = plan with { Settings = plan.Settings! with { Region = "cn-hongkong" } };
        var planPath = Path.Combine(Path.GetTempPath(), $"blink-plan-{Guid.NewGuid():N}.json");
        var reportPath = planPath + ".report.json";
        await File.WriteAllTextAsync(planPath, broken.ToJson());

        var (exit, output, _) = await Run("check", "--plan", planPath, "--json", reportPath);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("[mandatory] BLINK2001 region-allowed-for-billing (stack)\n    blink-region@1.0.0: region cn-hongkong is not offered for pay-as-you-go billing; allowed: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen\n"));
        var report = JsonNode.Parse(await File.ReadAllTextAsync(reportPath))!;
        Assert.That(report["violations"]!.AsArray().Select(v => (string?)v!["policy"]), Does.Contain("region-allowed-for-billing"));
        File.Delete(planPath);
        File.Delete(reportPath);
    }

    [Test]
    public async Task An_accelerator_pool_in_zones_whose_offer_is_not_confirmed_gets_a_note_naming_its_key_and_the_command()
    {
        var (exit, _, errors) = await Run("check", "--stack", "gpu-shanghai");

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(errors, Does.Contain(
            "note BLINK3103: blink-infra:compute.workerPools[1].instanceTypes: whether ecs.gn7i-c16g1.4xlarge is offered in cn-shanghai-l, cn-shanghai-m is not confirmed here "
            + "(infra/Facts/InstanceAvailability.cs, read 2026-12-05); before `pulumi up`, ask: "
            + "aliyun ecs DescribeAvailableResource --RegionId cn-shanghai --DestinationResource InstanceType --IoOptimized optimized --InstanceChargeType PostPaid > cn-shanghai-PostPaid.json, "
            + "and record the answer: ./blink availability import cn-shanghai-PostPaid.json --charge-type PostPaid --write\n"));
        Assert.That(errors, Does.Not.Contain("workerPools[0]"), "the CPU pool gets no note");

        // Zones a dated row confirms need no note.
        var spec = SpecLoader.Load(StackFile.Load(TestPaths.ExampleStack("gpu-shanghai")).ToRaw(), PolicyEngine.PolicyNames);
        var table = new BlinkInfra.Facts.InstanceAvailability.Table([new("cn-shanghai", "gn7i", ["cn-shanghai-l"], "a test's row", "2026-12-05")]);
        Assert.That(BlinkCli.UnconfirmedAvailabilityNotes(spec, table), Is.Empty, "l is confirmed offered, m confirmed not offered (the policy's to report)");
        // A partial row, or a row of another billing method, leaves the zones it does not decide noted.
        var partial = new BlinkInfra.Facts.InstanceAvailability.Table([new("cn-shanghai", "gn7i", ["cn-shanghai-l"], "a test's page", "2026-12-05", BlinkInfra.Facts.RowCoverage.Partial)]);
        Assert.That(BlinkCli.UnconfirmedAvailabilityNotes(spec, partial).Single(), Does.Contain("is offered in cn-shanghai-m is not confirmed here"));
        var prePaid = new BlinkInfra.Facts.InstanceAvailability.Table([new("cn-shanghai", "gn7i", ["cn-shanghai-l"], "a test's row", "2026-12-05", InstanceType: "ecs.gn7i-c16g1.4xlarge", ChargeType: "PrePaid")]);
        Assert.That(BlinkCli.UnconfirmedAvailabilityNotes(spec, prePaid).Single(), Does.Contain("is offered in cn-shanghai-l, cn-shanghai-m is not confirmed here"), "the example is pay-as-you-go");
    }

    [Test]
    public async Task A_stack_with_high_availability_on_the_stock_flink_image_is_refused()
    {
        // The HA example without its own image: stock Flink cannot read its HA metadata on OSS through RRSA.
        var yaml = File.ReadAllText(TestPaths.ExampleStack("gpu-shanghai"))
            .Replace("    image: registry-vpc.cn-shanghai.aliyuncs.com/blink-infra/flink:1.20.1-rrsa\n", "");
        var path = Path.Combine(Path.GetTempPath(), $"blink-{Guid.NewGuid():N}", "Pulumi.gpu-shanghai.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, yaml);

        var (exit, output, _) = await Run("check", "--config", path);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain(
            "[mandatory] BLINK2021 ha-metadata-readable-through-rrsa (kubernetes:flink.apache.org/v1beta1:FlinkDeployment: blink-gpu-flink-cpu)\n" +
            "    blink-ha@1.0.0: the stock image registry-vpc.cn-shanghai.aliyuncs.com/blink-infra/flink:1.20.1-scala_2.12-java17 cannot read OSS with RRSA credentials (FLINK-38987), so the JobManagers fail on high-availability.storageDir and never start; allowed: blink-infra:engine.image with an RRSA-capable credentials provider (images/flink-rrsa/), named in blink-infra:engine.flinkConfiguration fs.oss.credentials.provider\n"));
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }

    [Test]
    public async Task A_live_stack_is_audited_from_its_state_export()
    {
        var (exit, output, errors) = await Run("check", "--state", TestPaths.Fixture("dev-stack-export.json"));

        Assert.That(exit, Is.EqualTo(1), errors);
        Assert.That(output, Does.Contain(
            "[mandatory] BLINK2005 no-ingress-from-internet (alicloud:ecs/securityGroupRule:SecurityGroupRule: blink-dev-sgr-masters-from-anywhere-ssh)\n" +
            "    blink-isolation@1.0.0: ingress from 0.0.0.0/0 on tcp 22/22 lets the internet in; allowed: a source security group or a private block\n"));
        Assert.That(output, Does.Not.Contain("no-plaintext-secrets"), "the state's secret kubeconfig reads as masked");
    }

    [Test]
    public async Task Invalid_input_exits_2()
    {
        Assert.That((await Run("check")).Exit, Is.EqualTo(2));
        Assert.That((await Run("check", "--stack", "dev", "--state", TestPaths.Fixture("dev-stack-export.json"))).Exit, Is.EqualTo(2));
        var (exit, _, errors) = await Run("check", "--plan", TestPaths.Fixture("dev-stack-export.json"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Does.Contain("it is a state export: use --state"));
        var badStack = Path.Combine(Path.GetTempPath(), $"blink-{Guid.NewGuid():N}", "Pulumi.bad.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(badStack)!);
        await File.WriteAllTextAsync(badStack, "config:\n  blink-infra:cluster: {region: mars}\n");
        Assert.That((await Run("check", "--config", badStack)).Exit, Is.EqualTo(2), "invalid config");
    }

    [Test]
    public async Task A_malformed_state_export_is_an_input_error_naming_what_is_missing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blink-state-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:dev::blink-infra::pulumi:pulumi:Stack::blink-infra-dev","dependencies":[null]},{"type":"alicloud:vpc/network:Network"}]}}""");

        var (exit, output, errors) = await Run("check", "--state", path);
        Assert.That(exit, Is.EqualTo(2), output);
        Assert.That(errors, Is.EqualTo($"error BLINK5003: {path}: cannot be read as a Pulumi state: deployment.resources[0] has no type\n"));

        await File.WriteAllTextAsync(path, """{"version":3,"deployment":{"resources":[{"urn":"blink-dev-vpc","type":"alicloud:vpc/network:Network"}]}}""");
        (exit, _, errors) = await Run("diff", "--stack", "dev", "--against", path);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(errors, Does.EndWith("deployment.resources[0].urn blink-dev-vpc is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)\n"));
        File.Delete(path);
    }

    [Test]
    public void A_state_export_reads_as_a_plan_of_its_resources()
    {
        var plan = PlanFiles.ReadState(TestPaths.Fixture("dev-stack-export.json")).ToPlan();

        Assert.That(plan.Stack, Is.EqualTo("dev"));
        Assert.That(plan.Project, Is.EqualTo("blink-infra"));
        var vswitch = plan.Resources.Single(r => r.Name == "blink-dev-vsw-cn-hangzhou-h");
        Assert.That(vswitch.Parent, Is.EqualTo(new ResourceRef("blink:network:ClusterNetwork", "blink-dev")));
        Assert.That(vswitch.Provider, Is.EqualTo(new ResourceRef("pulumi:providers:alicloud", "blink-dev-alicloud")));
        Assert.That(vswitch.PropertyDependencies["vpcId"], Is.EqualTo(new[] { new ResourceRef("alicloud:vpc/network:Network", "blink-dev-vpc") }));
        Assert.That(vswitch.DependsOn, Is.Empty, "dependencies that come from inputs are property dependencies");
        Assert.That(plan.Resources.Single(r => r.Name == "blink-dev-k8s").Inputs["kubeconfig"]!.GetValue<string>(), Is.EqualTo("[secret]"));
        Assert.That(StackSettings.FromResources(plan.Resources).Region, Is.EqualTo("cn-hangzhou"));
    }
}
