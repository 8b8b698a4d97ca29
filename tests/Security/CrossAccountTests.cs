using System.Linq;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Cross-account inputs held to what CEN and VPC accept: the tenant's block is a VPC's block in private address
/// space, each transit router connection has vSwitches in two zones, and an endpoint reached across accounts lies
/// where a route takes the pods' traffic.
/// </summary>
public class CrossAccountTests
{
    private static string CrossAccount(string cidrBlock = "192.168.0.0/16", string vswitches = "[{id: vsw-bp1tenanth00001, zone: cn-hangzhou-h}, {id: vsw-bp1tenanti00001, zone: cn-hangzhou-i}]")
        => "    crossAccount:\n"
           + "      tenantRoleArn: \"acs:ram::1234567890123456:role/blink-tenant\"\n"
           + "      platformAccountId: \"6543210987654321\"\n"
           + "      vpcId: vpc-bp1tenant000001\n"
           + $"      cidrBlock: {cidrBlock}\n"
           + $"      vswitches: {vswitches}\n";

    private static string Stack(string dataAccess, string config = StackRunner.DevConfig)
        => config + "\n  blink-infra:dataAccess:\n" + dataAccess;

    private static string[] Errors(string yaml)
        => SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [TestCase("0.0.0.0/1", "a /1, and a VPC's block has a mask of /8 to /28: it cannot be the tenant VPC's block, and the route the stack declares for it (the cluster's VPC to the transit router) would send 2147483648 addresses to the tenant; allowed: the tenant VPC's own block, inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16")]
    [TestCase("128.0.0.0/1", "a /1, and a VPC's block has a mask of /8 to /28: it cannot be the tenant VPC's block, and the route the stack declares for it (the cluster's VPC to the transit router) would send 2147483648 addresses to the tenant; allowed: the tenant VPC's own block, inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16")]
    [TestCase("47.100.0.0/16", "public address space: the route the stack declares for the tenant's block would send these internet addresses from the cluster to the tenant; allowed: the tenant VPC's block inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16")]
    [TestCase("100.64.0.0/16", "overlaps 100.64.0.0/10, which Alibaba Cloud reserves and no VPC holds; allowed: the tenant VPC's own block, inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16")]
    [TestCase("192.168.0.0/29", "a /29, and a VPC's block has a mask of /8 to /28: it cannot be the tenant VPC's block, and the route the stack declares for it (the cluster's VPC to the transit router) would send 8 addresses to the tenant; allowed: the tenant VPC's own block, inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16")]
    public void The_tenants_block_is_checked_as_a_vpc_block(string block, string problem)
    {
        Assert.That(Errors(Stack(CrossAccount(cidrBlock: block))), Is.EqualTo(new[] { $"blink-infra:dataAccess.crossAccount.cidrBlock = \"{block}\": {problem}" }));
    }

    [Test]
    public void A_transit_router_connection_needs_vswitches_in_two_zones()
    {
        Assert.That(Errors(Stack(CrossAccount(vswitches: "[{id: vsw-bp1tenanth00001, zone: cn-hangzhou-h}]"))), Is.EqualTo(new[]
        {
            $"blink-infra:dataAccess.crossAccount.vswitches = \"[vsw-bp1tenanth00001]\": vSwitches in 1 zone(s): {TransitRouterCen.ZonesRule}; allowed: vSwitches of the tenant's VPC in at least 2 zones of cn-hangzhou, one per zone",
        }));
    }

    [Test]
    public void The_clusters_side_of_the_transit_router_needs_two_zones_too()
    {
        var oneZone = StackRunner.DevConfig.Replace("      - id: cn-hangzhou-i\n      - id: cn-hangzhou-j\n", "");

        Assert.That(Errors(Stack(CrossAccount(), oneZone)), Is.EqualTo(new[]
        {
            $"blink-infra:network.zones = \"[cn-hangzhou-h]\": 1 zone, and blink-infra:dataAccess.crossAccount attaches the cluster's VPC to a transit router through the node vSwitches: {TransitRouterCen.ZonesRule}; allowed: at least 2 zones",
        }));
    }

    [TestCase("{name: orders, kind: kafka, cidr: 10.99.0.0/24}", "cidr", "10.99.0.0/24", "lies outside the tenant's block 192.168.0.0/16", "the cluster's VPC routes only that block")]
    [TestCase("{name: orders, kind: kafka, cidr: 192.168.0.0/15}", "cidr", "192.168.0.0/15", "reaches past the tenant's block 192.168.0.0/16", "the cluster's VPC routes only that block")]
    [TestCase("{name: orders, kind: rds, host: 172.16.3.4}", "host", "172.16.3.4", "lies outside the tenant's block 192.168.0.0/16", "the cluster's VPC routes only that block")]
    [TestCase("{name: orders, kind: kafka, cidr: 47.100.1.0/24}", "cidr", "47.100.1.0/24", "lies outside the tenant's block 192.168.0.0/16", "the stack has no internet egress")]
    public void An_endpoint_reached_across_accounts_must_sit_inside_the_tenants_block(string endpoint, string key, string given, string where, string why)
    {
        var errors = Errors(Stack("    endpoints:\n      - " + endpoint + "\n" + CrossAccount()));

        Assert.That(errors, Has.Length.EqualTo(1));
        Assert.That(errors[0], Does.StartWith($"blink-infra:dataAccess.endpoints[0].{key} = \"{given}\": {where} (blink-infra:dataAccess.crossAccount.cidrBlock), "));
        Assert.That(errors[0], Does.Contain(why));
        Assert.That(errors[0], Does.EndWith("allowed: an endpoint in the tenant's VPC, inside 192.168.0.0/16, one in the cluster's VPC 10.10.0.0/16, or one of Alibaba Cloud's services inside 100.64.0.0/10"));
    }

    [TestCase("{name: orders, kind: kafka, cidr: 192.168.8.0/24}")]
    [TestCase("{name: metrics, kind: log-service, host: cn-hangzhou-intranet.log.aliyuncs.com, cidr: 100.100.0.0/16}")]
    public void Endpoints_in_the_tenants_vpc_or_the_clouds_services_load(string endpoint)
    {
        Assert.That(Errors(Stack("    endpoints:\n      - " + endpoint + "\n" + CrossAccount())), Is.Empty);
    }

    [Test]
    public void A_public_endpoint_across_accounts_loads_with_internet_egress()
    {
        var withEgress = StackRunner.DevConfig.Replace("    vswitchPrefixLength: 20\n", "    vswitchPrefixLength: 20\n    internetEgress: {enabled: true}\n");

        Assert.That(Errors(Stack("    endpoints:\n      - {name: partner, kind: kafka, cidr: 47.100.1.0/24}\n" + CrossAccount(), withEgress)), Is.Empty);
    }
}
