using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Config;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>Maintenance: the cluster's window and auto-upgrade, the node pools' auto-repair and auto-upgrade, the masters' policy.</summary>
public class MaintenanceTests
{
    private const string ClusterType = "alicloud:cs/managedKubernetes:ManagedKubernetes";
    private const string PoolType = "alicloud:cs/nodePool:NodePool";

    private static string Stack(string maintenance = "", string kubernetes = "")
        => $$"""
            {{TestStacks.SmallClusterAndNetwork}}
              blink-infra:compute:
                highAvailability: true
            {{kubernetes}}
                workerPools:
                  - {name: cpu, family: g7, instanceTypes: [ecs.g7.2xlarge], nodes: 3}
            {{maintenance}}
            """;

    private static ImmutableDictionary<string, object> Map(object value) => (ImmutableDictionary<string, object>)value;

    private static ImmutableDictionary<string, object> Expected(params (string Key, object Value)[] entries)
        => entries.ToImmutableDictionary(e => e.Key, e => e.Value);

    private static string[] Errors(string maintenance, string kubernetes = "")
        => SpecLoader.TryLoad(StackRunner.Stack(Stack(maintenance, kubernetes)).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public async Task By_default_a_weekly_window_no_cluster_auto_upgrade_and_the_version_stays_pinned()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack());

        var cluster = mocks.Single(ClusterType, "blink-t-ack").Inputs;
        Assert.That(Map(cluster["maintenanceWindow"]), Is.EqualTo(Expected(("enable", true), ("weeklyPeriod", "Sunday"), ("maintenanceTime", "2026-01-04T03:00:00.000+08:00"), ("duration", "3h"))));
        Assert.That(Map(Map(cluster["operationPolicy"])["clusterAutoUpgrade"]), Is.EqualTo(Expected(("enabled", false))));
        Assert.That(cluster["version"], Is.EqualTo(BlinkInfra.Facts.ClusterDefaults.KubernetesVersion));
    }

    [Test]
    public async Task Worker_pools_are_auto_repaired_and_upgraded_and_the_masters_pool_is_neither()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack());

        Assert.That(Map(mocks.Single(PoolType, "blink-t-pool-cpu").Inputs["management"]), Is.EqualTo(Expected(
            ("enable", true), ("autoRepair", true), ("autoUpgrade", true), ("maxUnavailable", 1.0),
            ("autoRepairPolicy", Expected(("restartNode", true))), ("autoUpgradePolicy", Expected(("autoUpgradeKubelet", true))))));
        Assert.That(Map(mocks.Single(PoolType, "blink-t-pool-masters").Inputs["management"]), Is.EqualTo(Expected(
            ("enable", false), ("autoRepair", false), ("autoUpgrade", false), ("maxUnavailable", 1.0))));
    }

    [Test]
    public async Task The_window_the_channel_and_the_pools_management_follow_the_config()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("""
              blink-infra:maintenance:
                window: {days: "Tuesday,Wednesday", startTime: "02:30:00Z", durationHours: 5}
                autoUpgrade: {enabled: true, channel: stable}
                workers: {autoRepair: false, autoUpgrade: true, maxUnavailable: 2}
            """));

        var cluster = mocks.Single(ClusterType, "blink-t-ack").Inputs;
        Assert.That(Map(cluster["maintenanceWindow"]), Is.EqualTo(Expected(("enable", true), ("weeklyPeriod", "Tuesday,Wednesday"), ("maintenanceTime", "02:30:00Z"), ("duration", "5h"))));
        Assert.That(Map(Map(cluster["operationPolicy"])["clusterAutoUpgrade"]), Is.EqualTo(Expected(("enabled", true), ("channel", "stable"))));
        Assert.That(cluster.ContainsKey("version"), Is.False, "the channel moves the version: none pinned");
        Assert.That(Map(mocks.Single(PoolType, "blink-t-pool-cpu").Inputs["management"]), Is.EqualTo(Expected(
            ("enable", true), ("autoRepair", false), ("autoUpgrade", true), ("maxUnavailable", 2.0), ("autoUpgradePolicy", Expected(("autoUpgradeKubelet", true))))));

        (_, mocks) = await StackRunner.RunAsync(Stack("  blink-infra:maintenance:\n    window: {enabled: false}"));
        Assert.That(Map(mocks.Single(ClusterType, "blink-t-ack").Inputs["maintenanceWindow"]), Is.EqualTo(Expected(("enable", false))));
    }

    [Test]
    public async Task A_masters_pool_auto_repaired_by_config_is_planned_and_refused_by_the_policy()
    {
        var plan = await Cli.BlinkCli.PlanStackAsync(StackRunner.Stack(Stack("  blink-infra:maintenance:\n    masters: {autoRepair: true}")));

        var report = PolicyEngine.Check(plan);
        Assert.That(report.Violations.Where(v => v.Policy == "masters-pool-not-auto-repaired").Select(v => (v.ResourceName, v.Level, v.Message)), Is.EqualTo(new[]
        {
            ((string?)"blink-t-pool-masters", EnforcementLevel.Mandatory,
                "the masters' pool is auto-repaired: ACK would drain a JobManager's and the operator's node on its own; allowed: management.autoRepair false (blink-infra:maintenance.masters.autoRepair: false)"),
        }));

        var defaults = PolicyEngine.Check(await Cli.BlinkCli.PlanStackAsync(StackRunner.Stack(Stack())));
        Assert.That(defaults.Violations.Where(v => v.Policy == "masters-pool-not-auto-repaired"), Is.Empty);
    }

    [Test]
    public void Bad_maintenance_settings_are_refused_naming_the_key()
    {
        Assert.That(Errors("""
              blink-infra:maintenance:
                window: {days: "Sunday,Funday", startTime: "3am", durationHours: 25}
                autoUpgrade: {channel: nightly}
                workers: {maxUnavailable: 0}
                masters: {maxUnavailable: 2}
            """), Is.EqualTo(new[]
        {
            "blink-infra:maintenance.window.days = \"Sunday,Funday\": not days of the week; allowed: one or more of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday, comma-separated, each once",
            "blink-infra:maintenance.window.startTime = \"3am\": not a time of day or an RFC3339 date and time; allowed: a time of day on a 24-hour clock such as 23:00 (read in cn-hangzhou's time zone, UTC+08:00 China Standard Time, unless it carries an offset such as Z or +08:00), or a date and time with its offset such as 2026-01-04T03:00:00.000+08:00 (ACK takes its time of day)",
            "blink-infra:maintenance.window.durationHours = \"25\": allowed: 1 to 24 hours",
            "blink-infra:maintenance.autoUpgrade.channel = \"nightly\": not an ACK auto-upgrade channel; allowed: patch, stable, rapid",
            "blink-infra:maintenance.workers.maxUnavailable = \"0\": allowed: 1 to 1000 nodes of a pool repaired or upgraded at a time",
            "blink-infra:maintenance.masters.maxUnavailable = \"2\": allowed: 1: the masters run the JobManagers, one per zone, so one at a time",
        }));
        Assert.That(Errors("  blink-infra:maintenance:\n    window: {enabled: false}\n    autoUpgrade: {enabled: true}"), Is.EqualTo(new[]
        {
            "blink-infra:maintenance.autoUpgrade.enabled = \"True\": ACK upgrades the cluster only in its maintenance window, which window.enabled: false leaves out; allowed: autoUpgrade.enabled: false, or window.enabled: true",
        }));
        Assert.That(Errors("  blink-infra:maintenance:\n    autoUpgrade: {enabled: true}", "    kubernetes: {version: 1.35.2-aliyun.1}"), Is.EqualTo(new[]
        {
            "blink-infra:maintenance.autoUpgrade.enabled = \"True\": ACK upgrades the cluster along its channel, which blink-infra:compute.kubernetes.version 1.35.2-aliyun.1 pins: the next update would ask for a downgrade, which ACK refuses; allowed: leave kubernetes.version out (the cluster starts on ACK's latest), or autoUpgrade.enabled: false",
        }));
    }

    [TestCase("2026-02-30T03:00:00.000+08:00", "2026-02-30 is not a date that exists (February 2026 has 28 days)")]
    [TestCase("2025-02-29T03:00:00Z", "2025-02-29 is not a date that exists (February 2025 has 28 days)")]
    [TestCase("2026-13-01T03:00:00Z", "2026-13-01 is not a date that exists (there is no month 13)")]
    [TestCase("2026-04-31T03:00:00Z", "2026-04-31 is not a date that exists (April 2026 has 30 days)")]
    [TestCase("24:00", "24:00:00 is not a time of day that exists (hours 00 to 23, minutes and seconds 00 to 59)")]
    [TestCase("23:60", "23:60:00 is not a time of day that exists (hours 00 to 23, minutes and seconds 00 to 59)")]
    [TestCase("2026-01-04T03:00:61Z", "03:00:61 is not a time of day that exists (hours 00 to 23, minutes and seconds 00 to 59)")]
    [TestCase("03:00+15:00", "+15:00 is not a UTC offset that exists (-12:00 to +14:00)")]
    public void A_start_time_that_does_not_exist_is_refused_saying_why(string startTime, string why)
    {
        Assert.That(Errors($"  blink-infra:maintenance:\n    window: {{startTime: \"{startTime}\"}}"), Is.EqualTo(new[]
        {
            $"blink-infra:maintenance.window.startTime = \"{startTime}\": {why}; allowed: {StartTimeValue.Allowed("cn-hangzhou")}",
        }));
    }

    [TestCase("23:00", "2026-01-04T23:00:00.000+08:00", true)]
    [TestCase("7:30", "2026-01-04T07:30:00.000+08:00", true)]
    [TestCase("23:00:00", "2026-01-04T23:00:00.000+08:00", true)]
    [TestCase("23:00Z", "2026-01-04T23:00:00.000Z", false)]
    [TestCase("23:00+0530", "2026-01-04T23:00:00.000+05:30", false)]
    [TestCase("02:30:00Z", "02:30:00Z", false)]
    [TestCase("2026-03-01 04:00", "2026-03-01T04:00:00.000+08:00", true)]
    [TestCase("2026-01-04T03:00:00.000+08:00", "2026-01-04T03:00:00.000+08:00", false)]
    public async Task A_start_time_as_a_person_writes_it_is_completed_in_the_regions_time_zone(string given, string value, bool zoneUsed)
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack($"  blink-infra:maintenance:\n    window: {{startTime: \"{given}\"}}"));

        Assert.That(Map(mocks.Single(ClusterType, "blink-t-ack").Inputs["maintenanceWindow"])["maintenanceTime"], Is.EqualTo(value));
        var spec = StackRunner.Spec(Stack($"  blink-infra:maintenance:\n    window: {{startTime: \"{given}\"}}"));
        Assert.That(spec.Maintenance.Window!.StartTimeZoneUsed, zoneUsed ? Is.EqualTo("UTC+08:00, China Standard Time, the time of cn-hangzhou") : Is.Null);
        Assert.That(Cli.BlinkCli.MaintenanceTimeNote(spec), zoneUsed
            ? Is.EqualTo($"blink-infra:maintenance.window.startTime \"{given}\" has no UTC offset: read in UTC+08:00, China Standard Time, the time of cn-hangzhou; the window starts {value} (ACK takes its time of day); give an offset (Z, +08:00) to read it in another zone")
            : Is.Null);
    }
}
