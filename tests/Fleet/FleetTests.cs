using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests.Fleet;

/// <summary>
/// `fleet` over copies of the example stacks with other names, regions and HA (FleetCopies), one stack
/// failing a mandatory policy and one invalid: a row per stack, its verdict `check`'s, its bill of
/// materials what its plan declares, the same answer planned in parallel or one at a time, and with
/// --against exactly the tenants a change touches, each as `diff` counts it.
/// </summary>
public class FleetTests
{
    private string _dir = "";

    [SetUp]
    public void MakeFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"blink-fleet-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Stacks => Path.Combine(_dir, "stacks");

    /// <summary>Nine copies of the examples, a stack whose HA runs the stock image (a mandatory violation), and a stack in a region that is none.</summary>
    private IReadOnlyList<string> WriteFleet(int copies = 9, bool failing = true)
    {
        var files = FleetCopies.Write(Stacks, copies, TestPaths.ExampleStacks()).ToList();
        if (failing)
        {
            var ha = Path.Combine(Stacks, "Pulumi.x-ha-stock.yaml");
            File.WriteAllText(ha, File.ReadAllText(TestPaths.ExampleStack("dev")).Replace("highAvailability: false", "highAvailability: true").Replace("name: blink-dev", "name: blink-xha"));
            var bad = Path.Combine(Stacks, "Pulumi.x-bad.yaml");
            File.WriteAllText(bad, File.ReadAllText(TestPaths.ExampleStack("dev")).Replace("region: cn-hangzhou", "region: eu-west-1"));
            files.AddRange([ha, bad]);
        }
        return files;
    }

    private static FleetOptions Options(int parallelism = 2) => new(parallelism);

    [Test]
    public void The_copies_vary_names_regions_and_high_availability()
    {
        var files = FleetCopies.Write(Stacks, 12, TestPaths.ExampleStacks());
        var specs = files.Select(f => SpecLoader.Load(StackFile.Load(f).ToRaw(), PolicyEngine.PolicyNames)).ToList();

        Assert.That(files.Select(StackFile.StackNameOf).Distinct().Count(), Is.EqualTo(12));
        Assert.That(specs.Select(s => s.Cluster.Name).Distinct().Count(), Is.EqualTo(12));
        Assert.That(specs.Select(s => s.Cluster.Region).Distinct().Count(), Is.GreaterThanOrEqualTo(4));
        Assert.That(specs.Count(s => s.Compute.HighAvailability), Is.InRange(1, 11));
        // Copies of the stack without HA run it in some copies, and of the stacks with HA run without it in others.
        Assert.That(files.Zip(specs).Any(p => p.First.EndsWith("-dev.yaml", StringComparison.Ordinal) && p.Second.Compute.HighAvailability), Is.True);
        Assert.That(files.Zip(specs).Any(p => !p.First.EndsWith("-dev.yaml", StringComparison.Ordinal) && !p.Second.Compute.HighAvailability), Is.True);
    }

    [Test]
    public async Task Fleet_gives_a_row_per_stack_with_checks_verdict_and_the_bill_its_plan_declares()
    {
        var files = WriteFleet();

        var fleet = await FleetRunner.RunAsync(files, Options());

        Assert.That(fleet.Tenants.Select(t => t.File), Is.EqualTo(files), "a row per stack, in the order given");
        foreach (var tenant in fleet.Tenants)
        {
            var (exit, report, _) = await CliRunner.Run("check", "--config", tenant.File, "--json", "-");
            Assert.That(tenant.ExitCode, Is.EqualTo(exit), $"{tenant.Stack}: check's exit code");
            if (tenant.Status != TenantStatus.Checked)
            {
                Assert.That(report, Is.Empty);
                continue;
            }
            Assert.That(PolicyReportRenderer.Json(tenant.Report!), Is.EqualTo(report.TrimEnd('\n')), $"{tenant.Stack}: check's report");
            var plan = await BlinkCli.PlanStackAsync(StackFile.Load(tenant.File));
            var declared = JsonNode.Parse(PlanFile.Json(plan))!["billOfMaterials"];
            Assert.That(JsonNode.DeepEquals(BillJson.Of(tenant.Bill!), declared), Is.True, $"{tenant.Stack}: the bill of materials plan --json writes");
            Assert.That((tenant.Settings!.Region, tenant.Settings.Billing, tenant.Settings.HighAvailability), Is.EqualTo((plan.Settings!.Region, plan.Settings.Billing, plan.Settings.HighAvailability)));
            Assert.That(tenant.Resources, Is.EqualTo(plan.Resources.Length));
            if (plan.Settings!.HighAvailability == true)
            {
                var masters = plan.Resources.Single(r => r.Type == "alicloud:cs/nodePool:NodePool" && r.Text("nodePoolName") == "masters");
                Assert.That(tenant.Bill!.HighAvailabilityPremium!.Machines, Is.EqualTo(Amount.Exactly(long.Parse(masters.Text("desiredSize")!))), $"{tenant.Stack}: HA premium is the masters pool");
            }
            else
                Assert.That(tenant.Bill!.HighAvailabilityPremium, Is.Null);
        }
        Assert.That(fleet.Tenants.Select(t => t.Verdict).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()),
            Is.EquivalentTo(new Dictionary<string, int> { ["pass"] = 9, ["fail"] = 1, ["invalid"] = 1 }));
        Assert.That(fleet.ExitCode, Is.EqualTo(2), "check's codes over the fleet: invalid input is the worst here");
        Assert.That(fleet.Tenants.Single(t => t.Verdict == "fail").Stack, Is.EqualTo("x-ha-stock"));
        Assert.That(fleet.Tenants.Single(t => t.Verdict == "invalid").Error, Does.StartWith("refused as invalid config (1 error): BLINK1015: blink-infra:cluster.region = \"eu-west-1\": "));
    }

    [Test]
    public async Task Stacks_planned_in_parallel_are_planned_exactly_as_one_at_a_time()
    {
        var files = FleetCopies.Write(Stacks, 9, TestPaths.ExampleStacks());
        var serial = new List<string>();
        foreach (var file in files)
            serial.Add(PlanFile.Json(await BlinkCli.PlanStackAsync(StackFile.Load(file))));

        // All at once, each on the thread pool: every plan runs in a deployment of its own.
        var parallel = await Task.WhenAll(files.Select(file => Task.Run(async () => PlanFile.Json(await BlinkCli.PlanStackAsync(StackFile.Load(file))))));

        Assert.That(parallel, Is.EqualTo(serial));
        var one = await FleetRunner.RunAsync(files, Options(1));
        var many = await FleetRunner.RunAsync(files, Options(8));
        Assert.That(FleetJson.Text(many), Is.EqualTo(FleetJson.Text(one)));
    }

    [Test]
    public async Task Against_saved_plans_names_exactly_the_tenants_a_change_touches_and_how_as_diff_counts_it()
    {
        var files = FleetCopies.Write(Stacks, 9, TestPaths.ExampleStacks());
        var saved = Path.Combine(_dir, "saved");
        var (exit, _, errors) = await CliRunner.Run("fleet", Stacks, "--plans", saved);
        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(Directory.GetFiles(saved).Select(Path.GetFileName), Is.EquivalentTo(files.Select(f => $"{StackFile.StackNameOf(f)}.json")));

        // A change of three tenants (machines added; another type; smaller vSwitch blocks), one removed, one new; five untouched.
        var resized = files.First(f => f.EndsWith("-dev.yaml", StringComparison.Ordinal));
        File.WriteAllText(resized, File.ReadAllText(resized).Replace("nodes: 2", "nodes: 3"));
        var retyped = files.First(f => f.EndsWith("-prod-hangzhou.yaml", StringComparison.Ordinal));
        File.WriteAllText(retyped, File.ReadAllText(retyped).Replace("instanceTypes: [ecs.g7.2xlarge]", "instanceTypes: [ecs.g7.4xlarge]"));
        var replanned = files.Where(f => f.EndsWith("-dev.yaml", StringComparison.Ordinal)).ElementAt(1);
        File.WriteAllText(replanned, File.ReadAllText(replanned).Replace("vswitchPrefixLength: 20", "vswitchPrefixLength: 21"));
        var removed = files.Last();
        File.Delete(removed);
        var added = Path.Combine(Stacks, "Pulumi.z-new.yaml");
        File.Copy(TestPaths.ExampleStack("dev"), added);

        var (code, output, err) = await CliRunner.Run("fleet", Stacks, "--against", saved, "--json", "-");

        Assert.That(code, Is.EqualTo(0), err);
        var json = JsonNode.Parse(output)!;
        var touched = json["against"]!["touched"]!.AsArray().Select(s => (string)s!).ToList();
        Assert.That(touched, Is.EquivalentTo(new[] { StackFile.StackNameOf(resized), StackFile.StackNameOf(retyped), StackFile.StackNameOf(replanned), "z-new", StackFile.StackNameOf(removed) }));
        Assert.That(json["against"]!["removed"]!.AsArray().Select(r => (string)r!["stack"]!), Is.EqualTo(new[] { StackFile.StackNameOf(removed) }));
        var tenants = json["tenants"]!.AsArray().ToDictionary(t => (string)t!["stack"]!, t => t!["change"]!);
        Assert.That((string?)tenants["z-new"]["status"], Is.EqualTo("new"));
        var untouched = tenants.Where(t => !touched.Contains(t.Key)).Select(t => (string?)t.Value["status"]).ToList();
        Assert.That(untouched, Has.Count.EqualTo(5));
        Assert.That(untouched, Has.All.EqualTo("unchanged"));

        // Each touched tenant's counts are diff's, against the same saved plan.
        foreach (var stack in new[] { resized, retyped, replanned })
        {
            var name = StackFile.StackNameOf(stack);
            var diff = JsonNode.Parse((await CliRunner.Run("diff", "--config", stack, "--against", Path.Combine(saved, $"{name}.json"), "--json", "-")).Out)!;
            var summary = diff["changeSummary"]!.AsObject();
            foreach (var op in new[] { "create", "update", "replace", "delete" })
                Assert.That((int?)tenants[name][op], Is.EqualTo((int?)summary[op] ?? 0), $"{name}: {op}");
        }
        var pool = tenants[StackFile.StackNameOf(retyped)]["resources"]!.AsArray().Single(r => (string?)r!["type"] == "alicloud:cs/nodePool:NodePool" && ((string?)r["name"])!.EndsWith("-cpu", StringComparison.Ordinal))!;
        Assert.That((string?)pool["op"], Is.EqualTo("update"), "a node pool's instance types change in place");
        var vswitch = tenants[StackFile.StackNameOf(replanned)]["resources"]!.AsArray().First(r => (string?)r!["type"] == "alicloud:vpc/switch:Switch")!;
        Assert.That(((string?)vswitch["op"], vswitch["replaceReasons"]!.AsArray().Select(r => (string?)r)), Is.EqualTo(("replace", new[] { "cidrBlock" })));
        Assert.That((int?)tenants[StackFile.StackNameOf(resized)]["replace"], Is.EqualTo(0));

        var text = (await CliRunner.Run("fleet", Stacks, "--against", saved)).Out;
        Assert.That(text, Does.Contain($"Against the saved plans in {saved}: 5 of 10 tenants touched\n"));
        Assert.That(text, Does.Contain($"  {StackFile.StackNameOf(removed)}: removed (a saved plan, {Path.Combine(saved, StackFile.StackNameOf(removed) + ".json")}, and no stack file): "));
        Assert.That(text, Does.Contain("  z-new: new, no saved plan "));
        Assert.That(text, Does.Contain("  5 tenants unchanged\n"));
        Assert.That(text, Does.Contain("    ! "), "the replaced vSwitches' warning, as diff gives it first");
    }

    [Test]
    public async Task The_table_has_a_row_per_stack_and_the_platforms_totals()
    {
        var (exit, output, errors) = await CliRunner.Run("fleet");

        Assert.That(exit, Is.EqualTo(0), errors);
        var lines = output.Split('\n');
        Assert.That(lines[0], Does.Match("^STACK +REGION +BILLING +HA +POOLS +CU +POLICY +BILL OF MATERIALS$"));
        Assert.That(lines[1], Does.Match(@"^dev +cn-hangzhou +pay-as-you-go +no +masters 1xecs\.g7\.xlarge; cpu 2xecs\.g7\.xlarge 4 CU +4 +pass: 2 advisory \(ack-offerings-unconfirmed, alerts-have-receivers\) +3 machines, 640 GiB disks, 2 logstores 30 d$"));
        Assert.That(lines[2], Does.StartWith("gpu-shanghai "));
        Assert.That(lines[3], Does.Match(@"^prod-hangzhou +cn-hangzhou +subscription +yes +masters 3xecs\.g7\.2xlarge; cpu 22xecs\.g7\.2xlarge 132 CU +132 +pass: 1 advisory \(ack-offerings-unconfirmed\) +25 machines, 9,600 GiB disks, 1 NAT, 1 EIP 50 Mbps, 2 logstores 30 d, 1 KMS key$"));
        Assert.That(output, Does.Contain("\n3 stacks: 3 pass, 0 fail (a mandatory violation), 0 invalid; exit 0\n"));
        Assert.That(output, Does.Contain("\nMachines: 36-39 in all: 25 x ecs.g7.2xlarge subscription, 6 x ecs.g7.xlarge pay-as-you-go, 4 x ecs.g7.2xlarge pay-as-you-go, 1-4 x ecs.gn7i-c16g1.4xlarge pay-as-you-go\n"));
        Assert.That(output, Does.Contain("\nHA premium: 2 of 3 stacks run HA, 6 master machines: 3 x ecs.g7.xlarge pay-as-you-go, 3 x ecs.g7.2xlarge subscription\n"));
    }

    [Test]
    public async Task Fleet_exits_as_check_does_over_the_whole_fleet_and_names_the_stacks_on_stderr()
    {
        WriteFleet(copies: 3);
        var (exit, output, errors) = await CliRunner.Run("fleet", Stacks);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.Match(@"\nx-bad +- +- +- +- +- +invalid: refused as invalid config \(1 error\): BLINK1015: blink-infra:cluster.region = ""eu-west-1"": "));
        Assert.That(output, Does.Match(@"\nx-ha-stock +cn-hangzhou +pay-as-you-go +yes +.* +fail: 1 mandatory \(ha-metadata-readable-through-rrsa\)"));
        Assert.That(errors, Does.Contain($"error: x-bad ({Path.Combine(Stacks, "Pulumi.x-bad.yaml")}): refused as invalid config (1 error): "));
        Assert.That(errors, Does.EndWith("refused by policy (exit 1): 1 of 5 stacks have a mandatory violation: x-ha-stock\n"));

        File.Delete(Path.Combine(Stacks, "Pulumi.x-bad.yaml"));
        Assert.That((await CliRunner.Run("fleet", Stacks)).Exit, Is.EqualTo(1), "a mandatory violation and no invalid stack");
        File.Delete(Path.Combine(Stacks, "Pulumi.x-ha-stock.yaml"));
        Assert.That((await CliRunner.Run("fleet", Stacks)).Exit, Is.EqualTo(0));
    }

    [Test]
    public async Task Fleet_json_is_the_table_as_one_document_and_prices_add_estimates()
    {
        var (exit, output, errors) = await CliRunner.Run("fleet", "--json", "-", "--prices", TestPaths.Fixture("prices/example.yaml"));

        Assert.That(exit, Is.EqualTo(0), errors);
        var json = JsonNode.Parse(output)!;
        Assert.That((int?)json["stacks"], Is.EqualTo(3));
        Assert.That((int?)json["exitCode"], Is.EqualTo(0));
        var prod = json["tenants"]!.AsArray().Single(t => (string?)t!["stack"] == "prod-hangzhou")!;
        Assert.That(((string?)prod["region"], (string?)prod["billing"], (bool?)prod["highAvailability"], (string?)prod["verdict"]), Is.EqualTo(("cn-hangzhou", "subscription", true, "pass")));
        Assert.That(prod["pools"]!.AsArray().Select(p => ((string?)p!["pool"], (long?)p["max"], (int?)p["computeUnitsPerMachine"])), Is.EqualTo(new[] { ("masters", (long?)3, (int?)null), ("cpu", 22L, 6) }));
        Assert.That((int?)prod["policy"]!["mandatory"], Is.EqualTo(0));
        Assert.That((string?)prod["estimate"]!["currency"], Is.EqualTo("CNY"));
        var sum = json["tenants"]!.AsArray().Sum(t => (decimal)t!["estimate"]!["perMonth"]!["max"]!);
        Assert.That((decimal?)json["totals"]!["estimate"]!["perMonth"]!["max"], Is.EqualTo(sum));
        Assert.That((int?)json["totals"]!["highAvailability"]!["masterMachines"], Is.EqualTo(6));
    }

    [Test]
    public async Task Fleet_html_writes_the_fleet_page_and_each_stacks_plan_page_beside_it()
    {
        var page = Path.Combine(_dir, "fleet.html");
        var (exit, output, errors) = await CliRunner.Run("fleet", "--html", page);

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Does.Contain($"Fleet page written to {page}"));
        var html = await File.ReadAllTextAsync(page);
        Assert.That(html, Does.Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
        foreach (var stack in new[] { "dev", "gpu-shanghai", "prod-hangzhou" })
        {
            Assert.That(html, Does.Contain($"<a href=\"plan-{stack}.html\">{stack}</a>"));
            Assert.That(await File.ReadAllTextAsync(Path.Combine(_dir, $"plan-{stack}.html")), Does.Contain($"<title>Plan of blink-infra/{stack}</title>"));
        }
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"), "nothing to fetch");
    }

    [TestCase("--parallel", "0", "error BLINK5006: --parallel 0: allowed: 1 or more stacks at once\n")]
    [TestCase("--against", "/nonexistent-saved", "error BLINK5006: --against /nonexistent-saved: no such folder; allowed: a folder of saved plans named <stack>.json (fleet --plans DIR writes one)\n")]
    [TestCase("--html", "/nonexistent-folder/fleet.html", "error BLINK5007: --html /nonexistent-folder/fleet.html: the folder /nonexistent-folder does not exist; allowed: a file in an existing folder\n")]
    public async Task Bad_flags_are_one_error_line_and_exit_2(string flag, string value, string error)
    {
        var (exit, output, errors) = await CliRunner.Run("fleet", flag, value);
        Assert.That((exit, output, errors), Is.EqualTo((2, "", error)));
    }

    [Test]
    public async Task Two_files_of_one_stack_are_refused()
    {
        var other = Path.Combine(_dir, "other");
        Directory.CreateDirectory(other);
        File.Copy(TestPaths.ExampleStack("dev"), Path.Combine(other, "Pulumi.dev.yaml"));
        var (exit, _, errors) = await CliRunner.Run("fleet", TestPaths.ExampleStack("dev"), Path.Combine(other, "Pulumi.dev.yaml"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Does.StartWith("error BLINK5001: two stack files of stack \"dev\": "));
    }
}
