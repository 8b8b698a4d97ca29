using System.Linq;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>Every address range the stack names, checked against the others: vSwitches and their capacity, endpoints, tenant networks, the Service CIDR.</summary>
public class AddressRangeTests
{
    private static string[] Errors(string yaml)
        => SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    private const string Small = """
        config:
          blink-infra:cluster:
            name: blink-t
            region: cn-hangzhou
          blink-infra:network:
            cidrBlock: 10.0.0.0/24
            vswitchPrefixLength: 28
            podVswitchPrefixLength: 27
            zones: [{id: cn-hangzhou-h}]
          blink-infra:compute:
            highAvailability: false
            workerPools:
              - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 12}
        """;

    [Test]
    public void A_pool_larger_than_its_zones_vswitches_is_refused_counting_the_addresses_alibaba_cloud_reserves()
    {
        Assert.That(Errors(Small), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0] = \"cpu: up to 12 nodes\": the node vSwitches of its zones (cn-hangzhou-h 10.0.0.0/28) hold 11 machines (each less the 4 addresses Alibaba Cloud reserves, and less the masters); allowed: at most 11 nodes, or larger vSwitches (blink-infra:network.vswitchPrefixLength or zones[].cidrBlock)",
            "blink-infra:network.zones = \"13 machines\": the node vSwitches (cn-hangzhou-h 10.0.0.0/28) hold 12 machines in all and the cluster has up to 12 workers and 1 master(s); allowed: larger vSwitches (blink-infra:network.vswitchPrefixLength), more zones, or fewer workers",
        }));
        Assert.That(Errors(Small.Replace("nodes: 12", "nodes: 11")), Is.Empty, "16 addresses, 4 reserved, 1 master: 11 workers fit");
    }

    [Test]
    public void Pods_need_an_address_of_the_pod_vswitch_each()
    {
        var yaml = Small.Replace("vswitchPrefixLength: 28", "vswitchPrefixLength: 26").Replace("podVswitchPrefixLength: 27", "podVswitchPrefixLength: 29").Replace("nodes: 12", "nodes: 5");

        Assert.That(Errors(yaml), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0] = \"cpu: up to 5 nodes\": Terway gives each pod an address of its zone's pod vSwitch, and the pod vSwitches of its zones (cn-hangzhou-h 10.0.0.64/29) hold 4, fewer than one TaskManager per node; allowed: at most 4 nodes, or larger pod vSwitches (blink-infra:network.podVswitchPrefixLength or zones[].podCidrBlock)",
        }));
    }

    private const string Tenant = """
        config:
          blink-infra:cluster:
            name: blink-t
            region: cn-hangzhou
          blink-infra:network:
            vpcId: vpc-bp1customer0001
            cidrBlock: 10.20.0.0/16
            zones: [{id: cn-hangzhou-h}]
          blink-infra:compute:
            highAvailability: false
            workerPools:
              - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2}
          blink-infra:dataAccess:
            vswitches:
              - {id: vsw-bp1tenant00001, zone: cn-hangzhou-h, vpcId: vpc-bp1customer0001, cidrBlock: TENANT}
            endpoints:
              - {name: orders, kind: kafka, cidr: ENDPOINT}
        """;

    // The data-access ENIs (dataAccess.vswitches, crossAccount) are refused while their attachment is
    // replaced, so the endpoints stand alone here.
    private static string TenantStack(string endpoint) => Tenant.Replace("ENDPOINT", endpoint)
        .Replace("    vswitches:\n      - {id: vsw-bp1tenant00001, zone: cn-hangzhou-h, vpcId: vpc-bp1customer0001, cidrBlock: TENANT}\n", "");

    [Test]
    public void Endpoints_are_checked_against_the_clusters_own_addresses()
    {
        Assert.That(Errors(TenantStack("10.20.200.0/24")), Is.Empty);
        Assert.That(Errors(TenantStack("10.20.4.16/28")), Is.EqualTo(new[]
        {
            "blink-infra:dataAccess.endpoints[0].cidr = \"10.20.4.16/28\": lies inside the node vSwitch of cn-hangzhou-h (10.20.4.0/24), the cluster's own addresses; allowed: the endpoint's addresses, outside the cluster's vSwitches",
        }));
        Assert.That(Errors(TenantStack("10.20.200.0/24").Replace("highAvailability: false", "highAvailability: false\n    kubernetes: {serviceCidr: 10.20.200.0/24}")),
            Has.One.StartWith("blink-infra:compute.kubernetes.serviceCidr = \"10.20.200.0/24\": overlaps the VPC's 10.20.0.0/16"));
    }
}
