using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>Binding the stack config into the typed spec, and every message invalid config gets.</summary>
public class ConfigTests
{
    private const string SmallCompute = "highAvailability: false\nworkerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 2";

    private static (StackSpec? Spec, IReadOnlyList<SpecError> Errors) Load(string cluster, string network, string extra = "", string stackName = "dev", string compute = SmallCompute)
    {
        var yaml = "config:\n  blink-infra:cluster:\n" + Indent(cluster) + "  blink-infra:network:\n" + Indent(network)
                   + "  blink-infra:compute:\n" + Indent(compute) + extra;
        return SpecLoader.TryLoad(StackRunner.Stack(yaml, stackName).ToRaw(), StackRunner.NoPolicyNames);
    }

    private static string Indent(string block)
        => string.Concat(block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "    " + line + "\n"));

    private const string Cluster = "name: blink-dev\nregion: cn-hangzhou";
    private const string Network = "zones:\n  - id: cn-hangzhou-h";

    private static string[] Messages(string cluster = Cluster, string network = Network, string extra = "", string stackName = "dev")
        => Load(cluster, network, extra, stackName).Errors.Select(e => e.Message).ToArray();

    [Test]
    public void Binds_a_full_config_into_the_spec()
    {
        var (spec, errors) = Load(
            "name: blink-prod\nregion: cn-zhangjiakou\nbilling: subscription\nmode: exclusive\ntags:\n  team: data\n  cost-center: \"42\"",
            "cidrBlock: 192.168.0.0/16\nvswitchPrefixLength: 22\nzones:\n  - id: cn-zhangjiakou-a\n  - id: cn-zhangjiakou-b\n    cidrBlock: 192.168.100.0/24");

        Assert.That(errors, Is.Empty);
        Assert.That(spec!.Cluster.Name, Is.EqualTo("blink-prod"));
        Assert.That(spec.Cluster.Region, Is.EqualTo("cn-zhangjiakou"));
        Assert.That(spec.Cluster.Billing, Is.EqualTo(BillingMode.Subscription));
        Assert.That(spec.Cluster.Tags, Is.EquivalentTo(new Dictionary<string, string> { ["team"] = "data", ["cost-center"] = "42" }));
        Assert.That(spec.Network.ExistingVpcId, Is.Null);
        Assert.That(spec.Network.VpcCidrBlock, Is.EqualTo(IPNetwork2.Parse("192.168.0.0/16")));
        Assert.That(spec.Network.Zones, Is.EqualTo(new[]
        {
            new ZoneSpec("cn-zhangjiakou-a", IPNetwork2.Parse("192.168.0.0/22"), IPNetwork2.Parse("192.168.16.0/20")),
            new ZoneSpec("cn-zhangjiakou-b", IPNetwork2.Parse("192.168.100.0/24"), IPNetwork2.Parse("192.168.32.0/20")),
        }));
    }

    [Test]
    public void Defaults_fill_what_the_config_leaves_out()
    {
        var (spec, errors) = Load("region: cn-beijing", "zones:\n  - id: cn-beijing-h\n  - id: cn-beijing-i", stackName: "staging");

        Assert.That(errors, Is.Empty);
        Assert.That(spec!.Cluster.Name, Is.EqualTo("staging"), "the cluster name defaults to the stack name");
        Assert.That(spec.Cluster.Billing, Is.EqualTo(BillingMode.PayAsYouGo));
        Assert.That(spec.Network.VpcCidrBlock, Is.EqualTo(IPNetwork2.Parse("10.0.0.0/16")));
        Assert.That(spec.Network.Zones.Select(z => z.CidrBlock.ToString()), Is.EqualTo(new[] { "10.0.7.0/24", "10.0.8.0/24" }), "Beijing's zones h and i are its 8th and 9th: their reserved blocks");
        Assert.That(spec.Network.Zones.Select(z => z.PodCidrBlock.ToString()), Is.EqualTo(new[] { "10.0.128.0/20", "10.0.144.0/20" }), "pod vSwitches are planned after the node vSwitches of all 12 zones");
    }

    [Test]
    public void Environment_variables_with_the_BLINK_prefix_override_the_stack_file()
    {
        using var _ = new ScopedEnvironment(("BLINK_cluster__region", "cn-shenzhen"), ("BLINK_network__zones__0__id", "cn-shenzhen-e"));

        var (spec, errors) = Load(Cluster, Network);

        Assert.That(errors, Is.Empty);
        Assert.That(spec!.Cluster.Region, Is.EqualTo("cn-shenzhen"));
        Assert.That(spec.Network.Zones.Single().ZoneId, Is.EqualTo("cn-shenzhen-e"));
    }

    [Test]
    public void An_environment_variable_for_an_unknown_key_is_reported_by_its_config_key()
    {
        using var _ = new ScopedEnvironment(("BLINK_cluster__regoin", "cn-shenzhen"));

        Assert.That(Messages(), Is.EqualTo(new[]
        {
            "blink-infra:cluster.regoin = \"cn-shenzhen\": unknown key; did you mean region? allowed keys under blink-infra:cluster: name, region, billing, mode, tags, formerNames",
        }));
    }

    [Test]
    public void All_errors_are_reported_together()
    {
        Assert.That(Messages("region: mars\nbilling: monthly", "zones: []"), Has.Length.EqualTo(2));
    }

    // Each case: a cluster block, a network block, and the one message it must produce.
    private static IEnumerable<TestCaseData> SingleErrors()
    {
        TestCaseData Case(string name, string cluster, string network, string message)
            => new TestCaseData(cluster, network, message).SetName(name);

        // Shape
        yield return Case("unknown key", "name: blink-dev\nregion: cn-hangzhou\nregoin: x", Network,
            "blink-infra:cluster.regoin = \"x\": unknown key; did you mean region? allowed keys under blink-infra:cluster: name, region, billing, mode, tags, formerNames");
        yield return Case("nested unknown key", Cluster, "zones:\n  - id: cn-hangzhou-h\n    cidr: 10.0.0.0/24",
            "blink-infra:network.zones[0].cidr = \"10.0.0.0/24\": unknown key; did you mean cidrBlock? allowed keys under blink-infra:network.zones[0]: id, cidrBlock, podCidrBlock");
        yield return Case("object where a value belongs", "name: blink-dev\nregion:\n  id: cn-hangzhou", Network,
            "blink-infra:cluster.region = \"{…}\": a single value belongs here; allowed: a string");
        yield return Case("not a whole number", Cluster, "vswitchPrefixLength: twenty\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.vswitchPrefixLength = \"twenty\": not a whole number; allowed: a whole number");
        yield return Case("value where a list belongs", Cluster, "zones: cn-hangzhou-h",
            "blink-infra:network.zones = \"cn-hangzhou-h\": a list belongs here");
        yield return Case("value where a map belongs", "name: blink-dev\nregion: cn-hangzhou\ntags: team", Network,
            "blink-infra:cluster.tags = \"team\": a map of names to values belongs here");
        // Cluster
        yield return Case("invalid name", "name: Blink_Dev\nregion: cn-hangzhou", Network,
            "blink-infra:cluster.name = \"Blink_Dev\": not a valid cluster name; allowed: lower-case letters, digits and '-', starting with a letter and not ending with '-', at most 63 characters (less when a name BlinkInfra derives from it needs the room)");
        yield return Case("unknown billing", "name: blink-dev\nregion: cn-hangzhou\nbilling: monthly", Network,
            "blink-infra:cluster.billing = \"monthly\": unknown billing mode; allowed: pay-as-you-go, subscription");
        yield return Case("shared mode", "name: blink-dev\nregion: cn-hangzhou\nmode: shared", Network,
            "blink-infra:cluster.mode = \"shared\": shared mode was retired on 2019-12-24; use exclusive mode; allowed: exclusive");
        yield return Case("unknown mode", "name: blink-dev\nregion: cn-hangzhou\nmode: dedicated", Network,
            "blink-infra:cluster.mode = \"dedicated\": unknown mode; allowed: exclusive");
        yield return Case("missing region", "name: blink-dev", Network,
            "blink-infra:cluster.region is missing; allowed for pay-as-you-go billing: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen");
        yield return Case("region outside the billing mode", "name: blink-dev\nregion: eu-central-1\nbilling: subscription", Network,
            "blink-infra:cluster.region = \"eu-central-1\": not a region for subscription billing; allowed: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen, cn-zhangjiakou, cn-hongkong, ap-southeast-1");
        yield return Case("subscription-only region", "name: blink-dev\nregion: ap-southeast-1", "zones:\n  - id: ap-southeast-1a",
            "blink-infra:cluster.region = \"ap-southeast-1\": offered with subscription billing only (set blink-infra:cluster.billing to subscription); allowed for pay-as-you-go billing: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen");
        yield return Case("reserved tag key", "name: blink-dev\nregion: cn-hangzhou\ntags:\n  aliyun-owner: me", Network,
            "blink-infra:cluster.tags[\"aliyun-owner\"] = \"me\": tag key \"aliyun-owner\" is not allowed; allowed: keys and values of at most 128 characters, not starting with \"aliyun\", \"acs:\" or \"blink.io/\", without \"http://\" or \"https://\"");
        yield return Case("tag value with a link", "name: blink-dev\nregion: cn-hangzhou\ntags:\n  wiki: https://wiki", Network,
            "blink-infra:cluster.tags[\"wiki\"] = \"https://wiki\": tag value is not allowed; allowed: keys and values of at most 128 characters, not starting with \"aliyun\", \"acs:\" or \"blink.io/\", without \"http://\" or \"https://\"");
        // Network: the VPC
        yield return Case("malformed vpc id", Cluster, "vpcId: my-vpc\ncidrBlock: 10.0.0.0/16\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.vpcId = \"my-vpc\": not a VPC id; allowed: an existing VPC's id such as vpc-bp1a2b3c4d5e6f7g8h9i0, or no vpcId to create a VPC");
        yield return Case("existing vpc without its cidr", Cluster, "vpcId: vpc-bp1a2b3c4d5e6f\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.cidrBlock is missing; the CIDR block of the VPC given by vpcId is required; allowed: that VPC's IPv4 CIDR block, such as 172.16.0.0/12");
        yield return Case("not a cidr", Cluster, "cidrBlock: 10.0.0.0\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.cidrBlock = \"10.0.0.0\": not an IPv4 CIDR block; allowed: a block such as 10.0.0.0/16");
        yield return Case("host bits set", Cluster, "cidrBlock: 10.0.3.0/16\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.cidrBlock = \"10.0.3.0/16\": host bits are set; allowed: the block's network address, here 10.0.0.0/16");
        yield return Case("vpc mask too long", Cluster, "cidrBlock: 10.0.0.0/29\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.cidrBlock = \"10.0.0.0/29\": a VPC's mask is /8 to /28; allowed: a block such as 10.0.0.0/16");
        yield return Case("reserved range", Cluster, "cidrBlock: 100.64.0.0/16\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.cidrBlock = \"100.64.0.0/16\": overlaps 100.64.0.0/10, which Alibaba Cloud reserves; allowed: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or their subnets, or another block outside 0.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4");
        yield return Case("vswitch prefix out of range", Cluster, "vswitchPrefixLength: 30\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.vswitchPrefixLength = \"30\": allowed: 16 to 29, and not shorter than the VPC's mask");
        yield return Case("vswitch larger than the vpc", Cluster, "cidrBlock: 10.0.0.0/20\nvswitchPrefixLength: 16\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.vswitchPrefixLength = \"16\": a vSwitch cannot be larger than its VPC (10.0.0.0/20); allowed: 20 to 29");
        yield return Case("used blocks without an existing vpc", Cluster, "usedCidrBlocks: [10.0.0.0/24]\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.usedCidrBlocks = \"[10.0.0.0/24]\": only an existing VPC (vpcId) has CIDR blocks in use; allowed: no usedCidrBlocks without vpcId");
        yield return Case("used block outside the vpc", Cluster, "vpcId: vpc-bp1a2b3c4d5e6f\ncidrBlock: 10.0.0.0/16\nusedCidrBlocks: [10.1.0.0/24]\nzones:\n  - id: cn-hangzhou-h",
            "blink-infra:network.usedCidrBlocks[0] = \"10.1.0.0/24\": outside the VPC's 10.0.0.0/16; allowed: blocks inside it");
        // Network: zones
        yield return Case("no zones", Cluster, "zones: []",
            "blink-infra:network.zones = \"[]\": at least one zone is required; allowed: zones of cn-hangzhou: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k");
        yield return Case("zone without id", Cluster, "zones:\n  - cidrBlock: 10.0.0.0/24",
            "blink-infra:network.zones[0].id is missing; allowed: zones of cn-hangzhou: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k");
        yield return Case("zone of another region", Cluster, "zones:\n  - id: cn-shanghai-l",
            "blink-infra:network.zones[0].id = \"cn-shanghai-l\": not a zone of cn-hangzhou; allowed: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k");
        yield return Case("zone twice", Cluster, "zones:\n  - id: cn-hangzhou-h\n  - id: cn-hangzhou-h",
            "blink-infra:network.zones[1].id = \"cn-hangzhou-h\": listed twice; allowed: each zone once");
        yield return Case("zone block mask", Cluster, "zones:\n  - id: cn-hangzhou-h\n    cidrBlock: 10.0.0.0/30",
            "blink-infra:network.zones[0].cidrBlock = \"10.0.0.0/30\": a vSwitch's mask is /16 to /29; allowed: a block such as 10.0.1.0/24");
        yield return Case("zone block outside the vpc", Cluster, "zones:\n  - id: cn-hangzhou-h\n    cidrBlock: 10.1.0.0/24",
            "blink-infra:network.zones[0].cidrBlock = \"10.1.0.0/24\": outside the VPC's 10.0.0.0/16; allowed: a block inside it");
        yield return Case("zone block overlaps a block in use", Cluster, "vpcId: vpc-bp1a2b3c4d5e6f\ncidrBlock: 10.0.0.0/16\nusedCidrBlocks: [10.0.0.0/23]\nzones:\n  - id: cn-hangzhou-h\n    cidrBlock: 10.0.1.0/24",
            "blink-infra:network.zones[0].cidrBlock = \"10.0.1.0/24\": overlaps 10.0.0.0/23; allowed: a block that overlaps no other zone's block and no usedCidrBlocks");
        yield return Case("tag key with a colon", "name: blink-dev\nregion: cn-hangzhou\ntags:\n  acs:owner: me", Network,
            "blink-infra:cluster.tags[\"acs\"] = \"{…}\": a single value belongs here, and a key cannot contain ':'; allowed: a string");
        yield return Case("zones do not fit", Cluster, "cidrBlock: 10.0.0.0/23\nzones:\n  - id: cn-hangzhou-h\n  - id: cn-hangzhou-i\n  - id: cn-hangzhou-j",
            "blink-infra:network.zones = \"cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j\": 3 zone(s) need a free /24 vSwitch block each but the VPC's 10.0.0.0/23 has 2 left; allowed: a larger network.cidrBlock, longer network.vswitchPrefixLength or podVswitchPrefixLength, fewer zones, or explicit zones[].cidrBlock and podCidrBlock");
    }

    [TestCaseSource(nameof(SingleErrors))]
    public void Invalid_config_gets_one_clear_message(string cluster, string network, string message)
    {
        Assert.That(Messages(cluster, network), Is.EqualTo(new[] { message }));
    }

    [Test]
    public void Overlapping_zone_blocks_are_reported_on_both_zones()
    {
        Assert.That(Messages(Cluster, "zones:\n  - id: cn-hangzhou-h\n    cidrBlock: 10.0.0.0/24\n  - id: cn-hangzhou-i\n    cidrBlock: 10.0.0.0/23"), Is.EqualTo(new[]
        {
            "blink-infra:network.zones[0].cidrBlock = \"10.0.0.0/24\": overlaps 10.0.0.0/23; allowed: a block that overlaps no other zone's block and no usedCidrBlocks",
            "blink-infra:network.zones[1].cidrBlock = \"10.0.0.0/23\": overlaps 10.0.0.0/24; allowed: a block that overlaps no other zone's block and no usedCidrBlocks",
        }));
    }

    [Test]
    public void A_name_defaulted_from_the_stack_says_so()
    {
        Assert.That(Messages("region: cn-hangzhou", Network, stackName: "Prod_1"), Is.EqualTo(new[]
        {
            "blink-infra:cluster.name = \"Prod_1\": not a valid cluster name (it defaults to the stack's name; set blink-infra:cluster.name); allowed: lower-case letters, digits and '-', starting with a letter and not ending with '-', at most 63 characters (less when a name BlinkInfra derives from it needs the room)",
        }));
    }

    [Test]
    public void Unknown_top_level_keys_and_sections_that_are_not_objects_are_reported()
    {
        Assert.That(Messages(Cluster, Network, extra: "  blink-infra:clustr:\n    region: cn-hangzhou\n  blink-infra:network2: x\n"), Is.EqualTo(new[]
        {
            "blink-infra:clustr = \"{\\\"region\\\":\\\"cn-hangzhou\\\"}\": unknown key; did you mean cluster? allowed keys under blink-infra: cluster, network, compute, security, dataAccess, engine, observability, maintenance, policy, endpointCredentials, alertContacts",
            "blink-infra:network2 = \"x\": unknown key; did you mean network? allowed keys under blink-infra: cluster, network, compute, security, dataAccess, engine, observability, maintenance, policy, endpointCredentials, alertContacts",
        }));

        var errors = SpecLoader.TryLoad(StackRunner.Stack("config:\n  blink-infra:cluster: cn-hangzhou\n").ToRaw(), StackRunner.NoPolicyNames).Errors;
        Assert.That(errors[0].Line, Is.EqualTo(
            "error BLINK1004: blink-infra:cluster = \"cn-hangzhou\": an object belongs here; allowed keys: name, region, billing, mode, tags, formerNames"));
        // The refused section is not validated further (no "cluster.region is missing"); what else the stack lacks is said in the same run.
        Assert.That(errors.Count(e => e.Key.StartsWith("blink-infra:cluster", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(errors.Select(e => e.Key), Has.Member("blink-infra:compute.workerPools"));
    }

    [Test]
    public void Keys_of_other_namespaces_are_left_alone()
    {
        Assert.That(Messages(Cluster, Network, extra: "  alicloud:region: cn-beijing\n"), Is.Empty);
    }

    [Test]
    public void A_singapore_stack_takes_singapores_zone_ids()
    {
        var (spec, errors) = Load("name: blink-sg\nregion: ap-southeast-1\nbilling: subscription",
            "zones:\n  - id: ap-southeast-1a\n  - id: ap-southeast-1b\n  - id: ap-southeast-1c");

        Assert.That(errors, Is.Empty);
        Assert.That(spec!.Network.Zones.Select(z => z.ZoneId), Is.EqualTo(new[] { "ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c" }));
    }

    [Test]
    public void A_singapore_zone_id_with_a_dash_before_its_letter_is_refused()
    {
        Assert.That(Messages("name: blink-sg\nregion: ap-southeast-1\nbilling: subscription", "zones:\n  - id: ap-southeast-1-a"), Is.EqualTo(new[]
        {
            "blink-infra:network.zones[0].id = \"ap-southeast-1-a\": not a zone of ap-southeast-1; allowed: ap-southeast-1a, ap-southeast-1b, ap-southeast-1c",
        }));
    }

    // Zones the table once lacked, so valid stacks in them were refused.
    [TestCase("cn-shanghai", "cn-shanghai-c")]
    [TestCase("cn-shanghai", "cn-shanghai-d")]
    [TestCase("cn-shanghai", "cn-shanghai-k")]
    [TestCase("cn-beijing", "cn-beijing-d")]
    [TestCase("cn-shenzhen", "cn-shenzhen-b")]
    public void A_stack_in_a_zone_of_its_region_is_accepted(string region, string zone)
    {
        Assert.That(Messages($"name: blink-dev\nregion: {region}", $"zones:\n  - id: {zone}"), Is.Empty);
    }

    private static string ClusterWithTags(int count)
        => "name: blink-dev\nregion: cn-hangzhou\ntags:\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"  tag{i}: v{i}\n"));

    [Test]
    public void Tags_leave_room_for_blinkinfras_own_within_alibaba_clouds_20()
    {
        Assert.That(Messages(ClusterWithTags(16)), Is.Empty, "16 of the stack's and 4 of BlinkInfra's on a master machine: 20");
        Assert.That(Messages(ClusterWithTags(17)), Is.EqualTo(new[]
        {
            "blink-infra:cluster.tags = \"17 tags\": Alibaba Cloud allows 20 tags on a resource and BlinkInfra puts up to 4 of its own on one (blink.io/cluster, blink.io/stack, blink.io/managed-by, blink.io/role on master machines); allowed: at most 16 tags",
        }));
    }
}
