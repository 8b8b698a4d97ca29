using System.Linq;
using System.Net;
using NUnit.Framework;

namespace BlinkInfra.Tests.Config;

/// <summary>
/// The config's values of a format of their own (<see cref="IConfigValue"/>), each parsed once as the config is read:
/// the parts each type's Parse finds, what it refuses, and, through a whole load, that each such key is parsed once and
/// the spec holds its parts. Their messages, each with its key and code, are pinned with their sections' tests
/// (IsolationTests, ComputeTests, MaintenanceTests, StructuredValueTests).
/// </summary>
public class ConfigValueTests
{
    [Test]
    public void Every_value_type_is_one_the_typed_read_parses()
    {
        // One left out of ConfigShape's table would be read as an object, and every key of its type refused.
        var types = typeof(IConfigValue).Assembly.GetTypes().Where(t => typeof(IConfigValue).IsAssignableFrom(t) && !t.IsAbstract);

        Assert.That(ConfigShape.ValueTypes, Is.EquivalentTo(types));
        Assert.That(types.Where(t => !t.IsSealed || t.GetMethod("Parse", [typeof(string)])?.ReturnType != t), Is.Empty, "each sealed, with its Parse(string)");
    }

    [TestCase("api.partner.com:443", "api.partner.com", 443)]
    [TestCase("*.partner-cdn.com:8443", "*.partner-cdn.com", 8443)]
    [TestCase("a.b.co:65535", "a.b.co", 65535)]
    public void An_allowed_host_is_its_host_and_port(string text, string host, int port)
    {
        var value = HostPortValue.Parse(text);

        Assert.That((value.Text, value.Host, value.Port, value.Problem), Is.EqualTo((text, host, (int?)port, (string?)null)));
        Assert.That(value.ToString(), Is.EqualTo(text), "messages quote the text as given");
    }

    [TestCase("10.0.0.1:443", "an address; allowed: a host name and port, such as api.partner.com:443 (the NAT firewall filters by name)")]
    [TestCase("::1:443", "an address; allowed: a host name and port, such as api.partner.com:443 (the NAT firewall filters by name)")]
    [TestCase("api.partner.com:65536", "not host:port")]
    [TestCase("api.partner.com:0", "not host:port")]
    [TestCase("api.partner.com", "not host:port")]
    [TestCase("localhost:443", "not host:port")]
    [TestCase("", "not host:port")]
    public void What_is_not_host_and_port_has_no_parts(string text, string problem)
    {
        var value = HostPortValue.Parse(text);

        Assert.That((value.Host, value.Port), Is.EqualTo(((string?)null, (int?)null)));
        Assert.That(value.Problem, Does.StartWith(problem));
    }

    [TestCase("8081", 8081, 8081)]
    [TestCase("6121/6122", 6121, 6122)]
    [TestCase("1/65535", 1, 65535)]
    public void A_port_range_is_its_first_and_last_port(string text, int from, int to)
    {
        var value = PortRangeValue.Parse(text);

        Assert.That((value.From, value.To, value.Problem, value.IsNoPorts), Is.EqualTo(((int?)from, (int?)to, (string?)null, false)));
        Assert.That(PortRanges.For("tcp", value, out _), Is.EqualTo($"{from}/{to}"));
    }

    [TestCase("-1/-1")]
    [TestCase("9000/8000")]
    [TestCase("0")]
    [TestCase("+80")]
    [TestCase("80/81/82")]
    [TestCase("")]
    public void What_is_not_a_port_range_has_no_ports(string text)
    {
        var value = PortRangeValue.Parse(text);

        Assert.That((value.From, value.To), Is.EqualTo(((int?)null, (int?)null)));
        Assert.That(value.Problem, Is.EqualTo("not a port range; allowed: a port such as 8081, or a range such as 6121/6122, within 1 to 65535"));
    }

    [Test]
    public void No_ports_fit_a_protocol_without_ports_and_only_it()
    {
        Assert.That(PortRanges.For("icmp", PortRangeValue.Parse("-1/-1"), out _), Is.EqualTo("-1/-1"));
        Assert.That(PortRanges.For("gre", null, out _), Is.EqualTo("-1/-1"));
        Assert.That(PortRanges.For("icmp", PortRangeValue.Parse("8"), out var icmp), Is.Null);
        Assert.That(icmp, Is.EqualTo("icmp has no ports; allowed: -1/-1 or no ports"));
        Assert.That(PortRanges.For("udp", PortRangeValue.Parse("-1/-1"), out var udp), Is.Null);
        Assert.That(udp, Does.StartWith("not a port range"));
    }

    [Test]
    public void A_host_is_an_address_or_a_name_or_neither()
    {
        var address = HostValue.Parse("10.20.201.15");
        var name = HostValue.Parse("cn-hangzhou-intranet.log.aliyuncs.com");
        var neither = HostValue.Parse("010.20.201.15");

        Assert.That((address.Address, address.IsName, address.Problem), Is.EqualTo((IPAddress.Parse("10.20.201.15"), false, (string?)null)));
        Assert.That((name.Address, name.IsName, name.Problem), Is.EqualTo(((IPAddress?)null, true, (string?)null)));
        Assert.That((neither.Address, neither.IsName), Is.EqualTo(((IPAddress?)null, false)));
        Assert.That(neither.Problem, Is.EqualTo($"not an IPv4 address: four numbers 0 to 255, without leading zeros; allowed: {HostNames.Allowed}"));
    }

    [Test]
    public void A_role_arn_names_its_account()
    {
        Assert.That(RoleArnValue.Parse("acs:ram::1234567890123456:role/blink-tenant").Account, Is.EqualTo("1234567890123456"));
        var notOne = RoleArnValue.Parse("acs:ram::123:role/blink-tenant");
        Assert.That((notOne.Account, notOne.Problem), Is.EqualTo(((string?)null, "not a RAM role ARN; allowed: an ARN such as acs:ram::1234567890123456:role/blink-tenant")));
    }

    [TestCase("1.35.2-aliyun.1", 1, 35)]
    [TestCase("1.9.0-aliyun.3", 1, 9)]
    public void A_kubernetes_version_has_its_minor_version(string text, int major, int minor)
    {
        Assert.That(KubernetesVersionValue.Parse(text).Minor, Is.EqualTo(new System.Version(major, minor)));
    }

    // A number too large for the minor version matches the pattern: once a crash where the version was compared, now no version.
    [TestCase("latest")]
    [TestCase("1.35.2")]
    [TestCase("1.99999999999.0-aliyun.1")]
    public void What_is_not_an_ack_version_has_no_minor_version(string text)
    {
        var value = KubernetesVersionValue.Parse(text);

        Assert.That(value.Minor, Is.Null);
        Assert.That(value.Problem, Is.EqualTo("not an ACK Kubernetes version; allowed: a version ACK offers, such as 1.35.2-aliyun.1, or none for that one"));
    }

    [TestCase("23:00", "cn-hangzhou", "2026-01-04T23:00:00.000+08:00", true)]
    [TestCase("3:30:15", null, "2026-01-04T03:30:15.000+08:00", true)]
    [TestCase("23:00+0100", "cn-hangzhou", "2026-01-04T23:00:00.000+01:00", false)]
    [TestCase("03:00:00Z", "cn-hangzhou", "03:00:00Z", false)]
    [TestCase("2026-02-01 04:00", "cn-shanghai", "2026-02-01T04:00:00.000+08:00", true)]
    [TestCase("2026-01-04T03:00:00.000+08:00", "cn-hangzhou", "2026-01-04T03:00:00.000+08:00", false)]
    public void A_start_time_is_completed_in_the_regions_zone_from_its_parts(string text, string? region, string value, bool zoneUsed)
    {
        var time = StartTimeValue.Parse(text);
        var (given, zone) = time.In(region);

        Assert.That(time.Problem, Is.Null);
        Assert.That(given, Is.EqualTo(value));
        Assert.That(zone is not null, Is.EqualTo(zoneUsed));
    }

    [TestCase("24:00", "24:00:00 is not a time of day that exists (hours 00 to 23, minutes and seconds 00 to 59)")]
    [TestCase("2026-02-30T03:00:00Z", "2026-02-30 is not a date that exists (February 2026 has 28 days)")]
    [TestCase("03:00+15:00", "+15:00 is not a UTC offset that exists (-12:00 to +14:00)")]
    [TestCase("Sunday 3am", "not a time of day or an RFC3339 date and time")]
    public void What_is_not_a_start_time_says_why_and_leaves_what_is_allowed_to_the_region(string text, string problem)
    {
        Assert.That(StartTimeValue.Parse(text).Problem, Is.EqualTo(problem));
    }

    /// <summary>A stack with each kind of value: every key of them parsed once in a load, and the spec holds the parts.</summary>
    private const string EveryValue = """
        config:
          blink-infra:cluster:
            name: blink-v
            region: cn-hangzhou
          blink-infra:network:
            vpcId: vpc-bp1customer00001
            cidrBlock: 10.0.0.0/16
            zones: [{id: cn-hangzhou-h}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]
            internetEgress: {enabled: true, allowedHosts: ["api.partner.com:443", "*.partner-cdn.com:8443"], firewallCidrBlock: 10.0.250.0/24}
          blink-infra:security:
            peerGroups:
              - {securityGroupId: sg-bp1opsbastion0001, protocol: tcp, ports: "6121/6122"}
              - {securityGroupId: sg-bp1opsbastion0001, protocol: icmp, ports: "-1/-1"}
          blink-infra:dataAccess:
            endpoints:
              - {name: warehouse, kind: rds, host: 192.168.201.15}
              - {name: logs, kind: log-service, host: cn-hangzhou-intranet.log.aliyuncs.com, cidr: 100.100.0.0/16}
            crossAccount:
              tenantRoleArn: "acs:ram::1234567890123456:role/blink-tenant"
              platformAccountId: "6543210987654321"
              vpcId: vpc-bp1tenant000001
              cidrBlock: 192.168.0.0/16
              vswitches: [{id: vsw-bp1tenanth00001, zone: cn-hangzhou-h}, {id: vsw-bp1tenanti00001, zone: cn-hangzhou-i}]
          blink-infra:compute:
            highAvailability: false
            kubernetes: {version: 1.34.3-aliyun.1}
            workerPools:
              - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2}
          blink-infra:maintenance:
            window: {startTime: "23:00"}
        """;

    [Test]
    public void A_load_parses_each_value_once_and_the_spec_holds_its_parts()
    {
        string[] keys =
        [
            "network.internetEgress.allowedHosts[0]", "network.internetEgress.allowedHosts[1]", "security.peerGroups[0].ports", "security.peerGroups[1].ports",
            "dataAccess.endpoints[0].host", "dataAccess.endpoints[1].host", "dataAccess.crossAccount.tenantRoleArn", "compute.kubernetes.version",
            "maintenance.window.startTime",
            // The CIDR blocks.
            "network.cidrBlock", "network.internetEgress.firewallCidrBlock", "dataAccess.endpoints[1].cidr", "dataAccess.crossAccount.cidrBlock",
        ];
        var before = keys.ToDictionary(key => key, key => ConfigShape.ConversionsOf($"blink-infra:{key}"));
        var parses = ConfigValues.Parses;

        var (spec, errors) = SpecLoader.TryLoad(StackRunner.Stack(EveryValue).ToRaw(), StackRunner.NoPolicyNames);

        Assert.That(errors, Is.Empty);
        Assert.That(keys.Where(key => ConfigShape.ConversionsOf($"blink-infra:{key}") - before[key] != 1), Is.Empty, "each converted once");
        Assert.That(ConfigValues.Parses - parses, Is.EqualTo(keys.Length), "and parsed only there");

        Assert.That(spec!.Network.InternetEgress.AllowedHosts, Is.EqualTo(new[] { new AllowedHost("api.partner.com", 443), new AllowedHost("*.partner-cdn.com", 8443) }));
        Assert.That(spec.Security.PeerGroups.Select(p => p.PortRange), Is.EqualTo(new[] { "6121/6122", "-1/-1" }));
        Assert.That(spec.DataAccess.Endpoints.Select(e => (e.Host, e.Cidr.ToString())), Is.EqualTo(new[] { ((string?)"192.168.201.15", "192.168.201.15/32"), ("cn-hangzhou-intranet.log.aliyuncs.com", "100.100.0.0/16") }));
        Assert.That((spec.DataAccess.CrossAccount!.TenantRoleArn, spec.DataAccess.CrossAccount.TenantAccountId), Is.EqualTo(("acs:ram::1234567890123456:role/blink-tenant", "1234567890123456")));
        Assert.That((spec.Compute.Kubernetes.Version, spec.Compute.Kubernetes.ProxyMode), Is.EqualTo(("1.34.3-aliyun.1", "ipvs")), "before 1.35, ACK creates no nftables");
        Assert.That((spec.Maintenance.Window!.StartTime, spec.Maintenance.Window.StartTimeGiven), Is.EqualTo(("2026-01-04T23:00:00.000+08:00", "23:00")));
    }

    [TestCase("pay-as-you-go", BillingMode.PayAsYouGo)]
    [TestCase("subscription", BillingMode.Subscription)]
    public void A_billing_mode_is_the_mode_it_names(string text, BillingMode mode)
    {
        var billing = BillingValue.Parse(text);

        Assert.That((billing.Mode, billing.Problem, billing.Text), Is.EqualTo(((BillingMode?)mode, (string?)null, text)));
    }

    [TestCase("monthly")]
    [TestCase("Pay-As-You-Go")]
    [TestCase("")]
    public void What_names_no_billing_mode_has_no_mode(string text)
    {
        var billing = BillingValue.Parse(text);

        Assert.That((billing.Mode, billing.Problem), Is.EqualTo(((BillingMode?)null, "unknown billing mode; allowed: pay-as-you-go, subscription")));
    }

    [Test]
    public void A_level_and_a_machine_kind_are_what_they_name_or_nothing()
    {
        Assert.That(EnforcementLevelValue.Parse("advisory").Level, Is.EqualTo(EnforcementLevel.Advisory));
        Assert.That((EnforcementLevelValue.Parse("loud").Level, EnforcementLevelValue.Parse("loud").Problem),
            Is.EqualTo(((EnforcementLevel?)null, "unknown enforcement level; allowed: mandatory, advisory, disabled")));
        Assert.That(MachineKindValue.Parse("gpu").Kind, Is.EqualTo(BlinkInfra.Facts.MachineKind.Gpu));
        Assert.That((MachineKindValue.Parse("GPU").Kind, MachineKindValue.Parse("GPU").Problem),
            Is.EqualTo(((BlinkInfra.Facts.MachineKind?)null, "unknown machine kind; allowed: cpu, gpu, fpga")));
    }
}
