using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests.Bill;

/// <summary>
/// The bill of materials is read from a plan's recorded resources: each count, type, billing and disk is
/// the one the resources declare; the HA premium is the masters pool's machines; plan, diff and their
/// JSON show it; prices turn it into an estimate.
/// </summary>
public class BillOfMaterialsTests
{
    private static readonly Dictionary<string, StackPlan> Plans = new();

    private static async Task<StackPlan> PlanOf(string stack)
    {
        if (!Plans.TryGetValue(stack, out var plan))
            Plans[stack] = plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack(stack)));
        return plan;
    }

    /// <summary>A whole number as the plan's JSON writes it.</summary>
    private static long Whole(JsonNode? node) => long.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> Stacks() => TestPaths.ExampleStacks().Select(StackFile.StackNameOf);

    private static PriceList Prices => PriceList.Load(TestPaths.Fixture("prices/example.yaml"));

    [TestCaseSource(nameof(Stacks))]
    public async Task Every_node_pool_is_counted_as_its_resource_declares_it(string stack)
    {
        var plan = await PlanOf(stack);
        var bill = BillOfMaterials.Of(plan.Resources);
        var pools = plan.Resources.Where(r => r.Type == "alicloud:cs/nodePool:NodePool").ToList();

        Assert.That(bill.Pools.Select(p => p.Resource), Is.EqualTo(pools.Select(p => p.Name)));
        foreach (var (machines, pool) in bill.Pools.Zip(pools))
        {
            Assert.That(machines.Pool, Is.EqualTo(pool.Text("nodePoolName")));
            Assert.That(machines.InstanceTypes, Is.EqualTo(pool.Texts("instanceTypes")));
            Assert.That(machines.Billing, Is.EqualTo(pool.Text("instanceChargeType") == "PrePaid" ? "subscription" : "pay-as-you-go"));
            if (pool.At("scalingConfig", "enable")?.GetValue<bool>() == true)
                Assert.That(machines.Machines, Is.EqualTo(new Amount(Whole(pool.At("scalingConfig", "minSize")), Whole(pool.At("scalingConfig", "maxSize")))));
            else
                Assert.That(machines.Machines, Is.EqualTo(Amount.Exactly(long.Parse(pool.Text("desiredSize")!))));
            Assert.That(machines.SystemDisk, Is.EqualTo(new Disk(pool.Text("systemDiskCategory")!, null, Whole(pool.Inputs["systemDiskSize"]))));
            Assert.That(machines.DataDisks.Select(d => (d.Category, d.PerformanceLevel, d.SizeGiB)),
                Is.EqualTo(pool.Objects("dataDisks").Select(d => (d.Field("category")!, d.Field("performanceLevel"), Whole(d["size"])))));
        }
    }

    [Test]
    public async Task The_examples_bills_are_what_they_declare()
    {
        var prod = BillOfMaterials.Of((await PlanOf("prod-hangzhou")).Resources);
        Assert.That(prod.MachinesByType, Has.Length.EqualTo(1));
        Assert.That((prod.MachinesByType[0].InstanceType, prod.MachinesByType[0].Billing, prod.MachinesByType[0].Machines), Is.EqualTo(("ecs.g7.2xlarge", "subscription", Amount.Exactly(25))));
        Assert.That(prod.MachinesByType[0].Pools, Is.EqualTo(new[] { "masters", "cpu" }));
        Assert.That(prod.Disks.Select(d => (d.Use, d.Disk.Kind, d.Disk.SizeGiB, d.Disks)), Is.EqualTo(new[]
        {
            ("system", "cloud_essd", 120L, Amount.Exactly(25)),
            ("data", "cloud_essd PL1", 200L, Amount.Exactly(22)),
            ("data", "cloud_essd PL0", 100L, Amount.Exactly(22)),
        }));
        Assert.That(prod.DiskGiB, Is.EqualTo(Amount.Exactly(25 * 120 + 22 * 200 + 22 * 100)));
        Assert.That(prod.Pools.Single(p => p.Pool == "cpu").ComputeUnits, Is.EqualTo(Amount.Exactly(22 * 6)), "an ecs.g7.2xlarge worker offers 6 CU");
        Assert.That(prod.Pools.Single(p => p.Pool == "cpu").Period, Is.EqualTo("1 Month"));
        Assert.That(prod.Eips.Single(), Is.EqualTo(new ElasticIp("blink-prod-eip", 50, "PayByTraffic", "PayAsYouGo")));
        Assert.That(prod.NatGateways.Single(), Is.EqualTo(new NatGatewayItem("blink-prod-nat", "Enhanced", "PayByLcu", "PayAsYouGo")));
        Assert.That(prod.Clusters.Single(), Is.EqualTo(new ClusterItem("blink-prod-ack", "ack.pro.small", false, "blink-prod-logs", 30)));
        Assert.That(prod.LogStores.Select(s => (s.Logstore, s.RetentionDays, s.Shards)), Is.EqualTo(new[] { ("flink", (long?)30, (long?)2), ("flink-operator", (long?)30, (long?)2) }));
        Assert.That(prod.KmsKeys.Single(), Is.EqualTo(new KmsKeyItem("blink-prod-kms", "Aliyun_AES_256", "Disabled", 30, true)));

        var gpu = BillOfMaterials.Of((await PlanOf("gpu-shanghai")).Resources);
        var autoscaled = gpu.Pools.Single(p => p.Pool == "gpu");
        Assert.That((autoscaled.Autoscaled, autoscaled.Machines), Is.EqualTo((true, new Amount(1, 4))), "an autoscaled pool is counted between its bounds");
        Assert.That(gpu.Machines, Is.EqualTo(new Amount(3 + 4 + 1, 3 + 4 + 4)));
        Assert.That(gpu.KmsKeys, Is.Empty);

        var dev = BillOfMaterials.Of((await PlanOf("dev")).Resources);
        Assert.That((dev.Eips.Length, dev.NatGateways.Length), Is.EqualTo((0, 0)), "dev has no internet egress");
    }

    [Test]
    public async Task An_ha_stacks_premium_is_its_masters_pools_three_machines_and_a_stack_without_ha_has_none()
    {
        foreach (var stack in new[] { "prod-hangzhou", "gpu-shanghai" })
        {
            var plan = await PlanOf(stack);
            var bill = BillOfMaterials.Of(plan.Resources);
            var masters = plan.Resources.Single(r => r.Type == "alicloud:cs/nodePool:NodePool" && r.Text("nodePoolName") == "masters");
            Assert.That(plan.Settings!.HighAvailability, Is.True, stack);
            Assert.That(bill.HighAvailabilityPremium, Is.Not.Null, stack);
            Assert.That(bill.HighAvailabilityPremium!.Resource, Is.EqualTo(masters.Name));
            Assert.That(bill.HighAvailabilityPremium.Machines, Is.EqualTo(Amount.Exactly(long.Parse(masters.Text("desiredSize")!))).And.EqualTo(Amount.Exactly(3)));
            Assert.That(bill.HighAvailabilityPremium.InstanceTypes, Is.EqualTo(masters.Texts("instanceTypes")));
        }
        var dev = BillOfMaterials.Of((await PlanOf("dev")).Resources);
        Assert.That(dev.HighAvailabilityPremium, Is.Null);
        Assert.That(dev.MastersPool!.Machines, Is.EqualTo(Amount.Exactly(1)));
        Assert.That(BillText.HighAvailability(dev, null), Is.EqualTo("none: no HA (1 master machine, ecs.g7.xlarge)"));
    }

    [Test]
    public async Task Plan_prints_the_bill_of_materials_block_with_the_ha_premium_on_its_own_line()
    {
        var (exit, output, errors) = await CliRunner.Run("plan", "--stack", "gpu-shanghai", "--details");

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Does.Contain("\nBill of materials (from the resources above):\n"
            + "    machines     3 x ecs.g7.xlarge pay-as-you-go (masters), 4 x ecs.g7.2xlarge pay-as-you-go (cpu: 24 CU), 1-4 x ecs.gn7i-c16g1.4xlarge pay-as-you-go (gpu: 12-48 CU, autoscaled)\n"
            + "    disks        8-11 x 120 GiB cloud_essd system, 4 x 120 GiB cloud_essd PL1 data, 5-8 x 100 GiB cloud_essd PL0 data, 1-4 x 240 GiB cloud_essd PL1 data (2,180-3,560 GiB in all)\n"
            + "    network      NAT gateway (Enhanced, PayByLcu), EIP (100 Mbps, PayByTraffic), API server load balancer (CLB, internal, pay-by-CLCU, created by ACK)\n"
            + "    operations   ACK ack.pro.small; Log Service blink-gpu-logs: 2 logstores, 4 shards, kept 30 days; control-plane logs kept 30 days; no KMS key\n"
            + "    HA premium   3 x ecs.g7.xlarge pay-as-you-go (the masters pool, 12 cores and 48 GiB) with 3 x 120 GiB cloud_essd: "));
        Assert.That(output, Does.Not.Contain("    estimate "), "no estimate without prices");
    }

    [Test]
    public async Task Plan_says_the_bill_of_materials_in_a_sentence_and_itemises_it_with_details()
    {
        var (exit, output, errors) = await CliRunner.Run("plan", "--stack", "prod-hangzhou", "--prices", TestPaths.Fixture("prices/example.yaml"));

        Assert.That(exit, Is.EqualTo(0), errors);
        var bill = BillOfMaterials.Of((await PlanOf("prod-hangzhou")).Resources);
        var estimate = Estimate.Of(bill, Prices);
        // What the fleet's row says, the HA premium's machines, the estimate with its caveat; the block with --details.
        Assert.That(BillText.Brief(bill, estimate), Is.EqualTo(
            $"Bill of materials: {BillText.Summary(bill)}; HA premium 3 x ecs.g7.2xlarge (masters); estimate {estimate.Summary} (an estimate from your prices, not what Alibaba Cloud will charge)"));
        Assert.That(BillText.Summary(bill), Is.EqualTo("25 machines, 9,600 GiB disks, 1 NAT, 1 EIP 50 Mbps, 2 logstores 30 d, 1 KMS key"));
        Assert.That(output, Does.Contain("\n" + BillText.Brief(bill, estimate) + "\n"));
        Assert.That(output, Does.Not.Contain("Bill of materials (from the resources above):"));
        Assert.That(BillText.Brief(BillOfMaterials.Of((await PlanOf("dev")).Resources), null), Does.EndWith("; no HA premium"));
    }

    [Test]
    public async Task Plan_json_writes_the_bill_of_materials_as_read_from_the_plan_and_the_estimate_with_prices()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blink-bill-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, _, errors) = await CliRunner.Run("plan", "--stack", "prod-hangzhou", "--json", path, "--prices", TestPaths.Fixture("prices/example.yaml"));

            Assert.That(exit, Is.EqualTo(0), errors);
            var json = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
            var plan = await PlanOf("prod-hangzhou");
            Assert.That(JsonNode.DeepEquals(json["billOfMaterials"], BillJson.Of(BillOfMaterials.Of(plan.Resources))), Is.True);
            Assert.That((string?)json["estimate"]!["currency"], Is.EqualTo("CNY"));
            // Read back, the plan is the plan: its bill of materials is computed again from its resources.
            Assert.That(PlanFiles.ReadPlan(path).ToJson(), Is.EqualTo(plan.ToJson()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task The_estimate_prices_each_item_and_the_ha_premium_is_the_masters_machines_and_disks()
    {
        var bill = BillOfMaterials.Of((await PlanOf("prod-hangzhou")).Resources);
        var estimate = Estimate.Of(bill, Prices);

        // 25 ecs.g7.2xlarge on subscription at 1,000; 25 x 120 GiB cloud_essd at 1; 22 x 200 GiB cloud_essd PL1 at 1.5;
        // 22 x 100 GiB cloud_essd PL0 runtime disks at 1 (the container runtime's, after each state disk);
        // a cluster 400 and its load balancer 0.05 x 730; a NAT 100; an EIP 0.1 x 730; 4 shards at 2; a KMS key 20.
        var expected = 25 * 1000m + 25 * 120 * 1m + 22 * 200 * 1.5m + 22 * 100 * 1m + 400 + 0.05m * 730 + 100 + 0.1m * 730 + 4 * 2 + 20;
        Assert.That(estimate.PerMonth, Is.EqualTo(new Money(expected, expected)));
        Assert.That(estimate.Unpriced, Is.Empty);
        Assert.That(estimate.HighAvailabilityPremium, Is.EqualTo(new Money(3 * 1000m + 3 * 120, 3 * 1000m + 3 * 120)));
        Assert.That(BillText.HighAvailability(bill, estimate), Does.EndWith("; CNY 3,360.00 per month (an estimate from your prices, not what Alibaba Cloud will charge)"));

        var gpu = Estimate.Of(BillOfMaterials.Of((await PlanOf("gpu-shanghai")).Resources), Prices);
        Assert.That(gpu.PerMonth.Min, Is.LessThan(gpu.PerMonth.Max), "an autoscaled pool prices between its bounds");
        var onePoolPrices = PriceList.Load(TestPaths.Fixture("prices/example.json"));
        var partial = Estimate.Of(BillOfMaterials.Of((await PlanOf("gpu-shanghai")).Resources), onePoolPrices);
        Assert.That(partial.Unpriced, Does.Contain("ecs.g7.xlarge (pay-as-you-go, pool masters)").And.Contain("NAT gateways"), "what the file does not price is named, never taken as free");
    }

    [Test]
    public async Task Diff_shows_how_the_bill_of_materials_changes()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"blink-bill-diff-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var before = Path.Combine(dir, "before.json");
            Assert.That((await CliRunner.Run("plan", "--stack", "dev", "--json", before)).Exit, Is.EqualTo(0));
            var stack = Path.Combine(dir, "Pulumi.dev.yaml");
            await File.WriteAllTextAsync(stack, (await File.ReadAllTextAsync(TestPaths.ExampleStack("dev"))).Replace("nodes: 2", "nodes: 5"));

            var (exit, output, errors) = await CliRunner.Run("diff", "--config", stack, "--against", before);

            Assert.That(exit, Is.EqualTo(2), errors);
            // Before the summary line, which stays the last.
            Assert.That(output, Does.Match("\nBill of materials:\n"
                + "    machines: ~ ecs.g7.xlarge pay-as-you-go 3 machines => 6 machines\n"
                + "    disks: ~ 120 GiB cloud_essd system 3 disks => 6 disks\n"
                + "    disks: ~ 40 GiB cloud_essd PL1 data 2 disks => 5 disks\n"
                + "    disks: ~ 100 GiB cloud_essd PL0 data 2 disks => 5 disks\n"
                + "Resources: [^\n]*\n$"));

            var json = JsonNode.Parse((await CliRunner.Run("diff", "--config", stack, "--against", before, "--json", "-")).Out)!;
            Assert.That(json["billOfMaterials"]!["changes"]!.AsArray().Select(c => (string?)c), Has.Member("machines: ~ ecs.g7.xlarge pay-as-you-go 3 machines => 6 machines"));
            Assert.That((long?)json["billOfMaterials"]!["after"]!["diskGiB"]!["max"], Is.EqualTo(6 * 120 + 5 * 40 + 5 * 100), "with each worker's 100 GiB runtime disk");

            var (_, same, _) = await CliRunner.Run("diff", "--stack", "dev", "--against", before);
            Assert.That(same, Is.EqualTo("No changes: 89 resources unchanged\n"), "nothing billed changes: no block");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public async Task A_states_live_resources_make_a_bill_too()
    {
        var plan = await PlanOf("dev");
        var state = PlanDiff.AsState(plan);
        Assert.That(BillJson.Of(BillOfMaterials.Of(state.ToPlan().Resources)).ToJsonString(), Is.EqualTo(BillJson.Of(BillOfMaterials.Of(plan.Resources)).ToJsonString()));
        Assert.That(BillOfMaterials.Empty.Machines, Is.EqualTo(Amount.Zero));
    }
}
