using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Egress limited to named hosts: `network.internetEgress.allowedHosts` and `firewallCidrBlock` become Cloud Firewall's
/// NAT firewall and its ordered policies, the pods' groups open the hosts' ports only, the isolation policies judge by
/// the hosts; every mistake refused naming the key.
/// </summary>
public class EgressFirewallTests
{
    private static string Stack(string egress) => $$"""
        config:
          blink-infra:cluster: {name: blink-t, region: cn-hangzhou}
          blink-infra:network:
            cidrBlock: 10.0.0.0/16
            zones: [{id: cn-hangzhou-h}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]
            internetEgress:
        {{egress}}
        """ + StackRunner.SmallCompute;

    private const string Allowed = """
              enabled: true
              allowedHosts: ["api.partner.com:443", "*.partner-cdn.com:443", "feed.example.org:8443"]
              firewallCidrBlock: 10.0.250.0/24
        """;

    private static string[] Errors(string egress) => SpecLoader.TryLoad(StackRunner.Stack(Stack(egress)).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public async Task A_nat_firewall_in_front_of_the_gateway_lets_out_the_allowed_hosts_in_order_and_drops_the_rest()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(Allowed)));
        PlannedResource One(string name) => plan.Resources.Single(r => r.Name == name);

        var firewall = One("blink-t-nat-firewall");
        Assert.That(firewall.Type, Is.EqualTo("alicloud:cloudfirewall/natFirewall:NatFirewall"));
        Assert.That(firewall.Inputs.ToJsonString(), Is.EqualTo(
            """{"firewallSwitch":"open","natGatewayId":"${blink-t-nat.id}","natRouteEntryLists":[{"destinationCidr":"0.0.0.0/0","nexthopId":"${blink-t-nat.id}","nexthopType":"NatGateway","routeTableId":"${blink-t-vpc.routeTableId}"}],"proxyName":"blink_t_egress","regionNo":"cn-hangzhou","vpcId":"${blink-t-vpc.id}","vswitchAuto":"true","vswitchCidr":"10.0.250.0/24"}"""));
        Assert.That(firewall.DependsOn.Select(d => d.Name), Is.EquivalentTo(plan.Resources.Where(r => r.Type == "alicloud:vpc/snatEntry:SnatEntry").Select(r => r.Name)),
            "switched on once every SNAT entry exists");

        var policies = plan.Resources.Where(r => r.Type == "alicloud:cloudfirewall/natFirewallControlPolicy:NatFirewallControlPolicy").ToList();
        Assert.That(policies.Select(p => (p.Name, p.Text("newOrder"), p.Text("aclAction"), p.Text("destination"), p.Text("destPort"))), Is.EqualTo(new[]
        {
            ("blink-t-egress-api.partner.com-443", "1", "accept", "api.partner.com", "443"),
            ("blink-t-egress-_.partner-cdn.com-443", "2", "accept", "*.partner-cdn.com", "443"),
            ("blink-t-egress-feed.example.org-8443", "3", "accept", "feed.example.org", "8443"),
            ("blink-t-egress-drop-rest", "4", "drop", "0.0.0.0/0", (string?)null),
        }));
        Assert.That(policies[0].Inputs.ToJsonString(), Is.EqualTo(
            """{"aclAction":"accept","applicationNameLists":["ANY"],"description":"BlinkInfra cluster blink-t: to api.partner.com:443","destPort":"443","destPortType":"port","destination":"api.partner.com","destinationType":"domain","direction":"out","domainResolveType":2,"ipVersion":"4","natGatewayId":"${blink-t-nat.id}","newOrder":"1","proto":"TCP","release":"true","source":"10.0.0.0/16","sourceType":"net"}"""));
        Assert.That((policies[3].Text("proto"), policies[3].Text("destinationType")), Is.EqualTo(("ANY", "net")));
        // One after another: no two ask Cloud Firewall for an order at once.
        Assert.That(policies.Select(p => p.DependsOn.Single().Name), Is.EqualTo(new[]
            { "blink-t-nat-firewall", "blink-t-egress-api.partner.com-443", "blink-t-egress-_.partner-cdn.com-443", "blink-t-egress-feed.example.org-8443" }));

        // Security groups filter by address: they let out the hosts' ports to anywhere, and no other.
        var internet = plan.Resources.Where(r => r.Name.Contains("-to-internet-", System.StringComparison.Ordinal)).Select(r => (r.Name, r.Text("description"))).ToList();
        Assert.That(internet, Is.EqualTo(new[]
        {
            ("blink-t-sgr-masters-to-internet-tcp-443", "to the allowed hosts through the NAT firewall"),
            ("blink-t-sgr-masters-to-internet-tcp-8443", "to the allowed hosts through the NAT firewall"),
            ("blink-t-sgr-workers-to-internet-tcp-443", "to the allowed hosts through the NAT firewall"),
            ("blink-t-sgr-workers-to-internet-tcp-8443", "to the allowed hosts through the NAT firewall"),
        }));
        Assert.That(plan.Settings!.InternetEgressHosts, Is.EqualTo(new[] { "api.partner.com:443", "*.partner-cdn.com:443", "feed.example.org:8443" }));
        Assert.That(StackSettings.FromResources(plan.Resources).InternetEgressHosts, Is.EqualTo(plan.Settings.InternetEgressHosts), "a state tells the same");
    }

    [Test]
    public async Task Without_allowed_hosts_egress_stays_http_and_https_anywhere_and_no_firewall_is_declared()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack("      enabled: true")));

        Assert.That(plan.Resources.Where(r => r.Type.StartsWith("alicloud:cloudfirewall/", System.StringComparison.Ordinal)), Is.Empty);
        Assert.That(plan.Resources.Where(r => r.Name.Contains("-to-internet-", System.StringComparison.Ordinal)).Select(r => r.Name), Is.EqualTo(new[]
        {
            "blink-t-sgr-masters-to-internet-tcp-80", "blink-t-sgr-masters-to-internet-tcp-443", "blink-t-sgr-workers-to-internet-tcp-80", "blink-t-sgr-workers-to-internet-tcp-443",
        }));
        Assert.That(plan.Settings!.InternetEgressHosts, Is.Null);
        Assert.That(plan.ToJson(), Does.Not.Contain("internetEgressHosts"), "an unrestricted stack's plan is as before");
    }

    [Test]
    public async Task The_isolation_policies_judge_by_the_allowed_hosts_and_an_advisory_asks_to_confirm_cloud_firewall()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(Allowed)));

        var violations = PolicyEngine.Check(plan).Violations;
        Assert.That(violations.Select(v => (v.Policy, v.Level, v.ResourceName)), Is.EquivalentTo(new[]
        {
            ("ack-offerings-unconfirmed", EnforcementLevel.Advisory, "blink-t-ack"),
            ("alerts-have-receivers", EnforcementLevel.Advisory, (string?)null),
            ("cloud-firewall-enabled", EnforcementLevel.Advisory, "blink-t-nat-firewall"),
        }), "the groups' 443 and 8443 rules are the allowed hosts'");

        // A rule to port 80 anywhere is no allowed host's.
        var port80 = plan with
        {
            Resources = plan.Resources.Select(r => r.Name == "blink-t-sgr-workers-to-internet-tcp-8443" ? r with { Inputs = Port(r.Inputs, "80/80") } : r).ToImmutableArray(),
        };
        Assert.That(PolicyEngine.Check(port80).Violations.Where(v => v.Policy == "pod-egress-only-declared").Select(v => v.Message), Is.EqualTo(new[]
        {
            "egress on tcp 80/80 to 0.0.0.0/0 is not the cluster's nor a declared endpoint; allowed: the cluster's groups, 100.64.0.0/10, tcp 6443 to the cluster's vSwitches, no endpoint (none declared), tcp 443 or 8443 to 0.0.0.0/0",
        }));

        // An image on Docker Hub behind the firewall: refused unless its host is allowed on HTTPS.
        var dockerHub = plan with
        {
            Resources = plan.Resources.Select(r => r.Type == "kubernetes:flink.apache.org/v1beta1:FlinkDeployment" ? r with { Inputs = Image(r.Inputs, "flink:1.20.1-scala_2.12-java17") } : r).ToImmutableArray(),
        };
        Assert.That(PolicyEngine.Check(dockerHub).Violations.Where(v => v.Policy == "images-and-chart-reachable").Select(v => v.Message), Is.EqualTo(new[]
        {
            "image flink:1.20.1-scala_2.12-java17 is on docker.io, which the NAT firewall does not let out (no docker.io:443 in blink-infra:network.internetEgress.allowedHosts); allowed: an image on the region's ACR VPC endpoint (registry-vpc.cn-hangzhou.aliyuncs.com/..., blink-infra:engine.registry or engine.image), or docker.io:443 in allowedHosts with the hosts its registry sends layers from",
        }));
        var allowedHub = dockerHub with { Settings = dockerHub.Settings! with { InternetEgressHosts = ImmutableArray.Create("*.io:443", "docker.io:443") } };
        Assert.That(PolicyEngine.Check(allowedHub).Violations.Where(v => v.Policy == "images-and-chart-reachable"), Is.Empty);

        var confirmed = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(Allowed) + "\n  blink-infra:policy:\n    levels: {cloud-firewall-enabled: disabled}\n"));
        Assert.That(PolicyEngine.Check(confirmed).Violations.Where(v => v.Policy == "cloud-firewall-enabled"), Is.Empty);
    }

    private static JsonObject Port(JsonObject inputs, string range)
    {
        var copy = (JsonObject)inputs.DeepClone();
        copy["portRange"] = range;
        return copy;
    }

    private static JsonObject Image(JsonObject inputs, string image)
    {
        var copy = (JsonObject)inputs.DeepClone();
        copy["spec"]!["image"] = image;
        return copy;
    }

    private static IEnumerable<TestCaseData> ConfigErrors()
    {
        TestCaseData Case(string name, string egress, params string[] errors) => new TestCaseData(egress, errors).SetName(name);
        const string key = "blink-infra:network.internetEgress";

        yield return Case("hosts without egress", "      enabled: false\n      allowedHosts: [\"api.partner.com:443\"]\n      firewallCidrBlock: 10.0.250.0/24",
            $"{key}.allowedHosts = \"[api.partner.com:443]\": the hosts a NAT firewall lets out, in front of the NAT gateway that internet egress declares; allowed: internetEgress.enabled: true, or no allowedHosts");
        yield return Case("hosts that are not host:port", "      enabled: true\n      allowedHosts: [\"API.partner.com:443\", \"partner:443\", \"api.partner.com\", \"api.partner.com:70000\", \"203.0.113.9:443\"]\n      firewallCidrBlock: 10.0.250.0/24",
            $"{key}.allowedHosts[0] = \"API.partner.com:443\": not host:port; allowed: a host name in lower case with at least one dot (\"*.\" before it for all its subdomains), at most 253 characters, ':' and a port 1 to 65535, such as api.partner.com:443",
            $"{key}.allowedHosts[1] = \"partner:443\": not host:port; allowed: a host name in lower case with at least one dot (\"*.\" before it for all its subdomains), at most 253 characters, ':' and a port 1 to 65535, such as api.partner.com:443",
            $"{key}.allowedHosts[2] = \"api.partner.com\": not host:port; allowed: a host name in lower case with at least one dot (\"*.\" before it for all its subdomains), at most 253 characters, ':' and a port 1 to 65535, such as api.partner.com:443",
            $"{key}.allowedHosts[3] = \"api.partner.com:70000\": not host:port; allowed: a host name in lower case with at least one dot (\"*.\" before it for all its subdomains), at most 253 characters, ':' and a port 1 to 65535, such as api.partner.com:443",
            $"{key}.allowedHosts[4] = \"203.0.113.9:443\": an address; allowed: a host name and port, such as api.partner.com:443 (the NAT firewall filters by name)");
        yield return Case("a host twice", "      enabled: true\n      allowedHosts: [\"api.partner.com:443\", \"api.partner.com:443\"]\n      firewallCidrBlock: 10.0.250.0/24",
            $"{key}.allowedHosts = \"[api.partner.com:443, api.partner.com:443]\": a host and port listed twice; allowed: each once");
        yield return Case("no firewall block", "      enabled: true\n      allowedHosts: [\"api.partner.com:443\"]",
            $"{key}.firewallCidrBlock is missing; required with allowedHosts: a block of the VPC no vSwitch uses, where Cloud Firewall makes the NAT firewall's vSwitch (automatic mode); allowed: a block such as 10.0.250.0/24 inside network.cidrBlock, outside every zone's blocks and usedCidrBlocks");
        yield return Case("a firewall block without hosts", "      enabled: true\n      firewallCidrBlock: 10.0.250.0/24",
            $"{key}.firewallCidrBlock = \"10.0.250.0/24\": the NAT firewall's vSwitch, which only allowedHosts declares; allowed: allowedHosts with it, or no firewallCidrBlock");
        yield return Case("a firewall block outside the vpc", "      enabled: true\n      allowedHosts: [\"api.partner.com:443\"]\n      firewallCidrBlock: 10.1.0.0/24",
            $"{key}.firewallCidrBlock = \"10.1.0.0/24\": outside the VPC's 10.0.0.0/16; allowed: a block inside it");
        yield return Case("a firewall block on a planned vswitch", "      enabled: true\n      allowedHosts: [\"api.partner.com:443\"]\n      firewallCidrBlock: 10.0.4.0/24",
            $"{key}.firewallCidrBlock = \"10.0.4.0/24\": overlaps 10.0.4.0/24, planned for a zone's vSwitch; allowed: a block of the VPC outside every planned block (the zones: block ./blink plan prints lists them)");
    }

    [TestCaseSource(nameof(ConfigErrors))]
    public void Bad_egress_config_is_refused_naming_the_key(string egress, string[] errors)
    {
        Assert.That(Errors(egress), Is.EqualTo(errors));
    }

    // Source: Cloud Firewall "Supported regions" (document 195657, read 2026-12-05).
    [Test]
    public void Every_region_of_the_table_offers_nat_firewalls()
    {
        Assert.That(AlibabaCloud.RegionsFor(BillingMode.Subscription), Is.SubsetOf(EgressFirewall.NatFirewallRegions));
        Assert.That(EgressFirewall.NatFirewallRegions, Does.Not.Contain("cn-huhehaote"));
    }
}
