using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Facts;
using CsCheck;
using NUnit.Framework;

namespace BlinkInfra.Tests.Config;

/// <summary>
/// An auto-planned vSwitch block depends only on its zone's place and on the blocks the config pins or
/// marks used: adding, removing or pinning a zone never moves another zone's block (a moved vSwitch is
/// a replaced vSwitch, its node pools and the cluster with it).
/// </summary>
public class StablePlanningTests
{
    private static readonly string[] Regions = { "cn-hangzhou", "cn-beijing", "cn-shanghai", "cn-shenzhen", "cn-zhangjiakou", "cn-hongkong", "ap-southeast-1" };

    /// <summary>What the network's builder takes from the loader: the region, and network.cidrBlock parsed once.</summary>
    private static SpecContext Context(NetworkConfig network, string region, List<SpecError> errors)
        => new(StackRunner.Stack("config: {}").ToRaw(), errors) { Region = region, Vpc = VpcBlock.Of(network) };

    private static Dictionary<string, (string Node, string Pod)>? Plan(string region, IEnumerable<ZoneConfig> zones, string vpc, int prefix)
    {
        var errors = new List<SpecError>();
        var network = new NetworkConfig { CidrBlock = CidrValue.Parse(vpc), VswitchPrefixLength = prefix, Zones = zones.ToList() };
        var spec = NetworkSpecBuilder.Build(network, Context(network, region, errors));
        return spec?.Zones.ToDictionary(z => z.ZoneId, z => (z.CidrBlock.ToString(), z.PodCidrBlock.ToString()));
    }

    private static ZoneConfig Zone(string id) => new() { Id = id };

    /// <summary>A region, 1 to all of its zones in any order, and a VPC and vSwitch size that hold every zone of the region.</summary>
    private static readonly Gen<(string Region, string[] Zones, string Vpc, int Prefix, int Edit, uint Pick)> Cases =
        from region in Gen.OneOfConst(Regions)
        let all = AlibabaCloud.ZonesOf(region).ToArray()
        from shuffled in Gen.Shuffle(all)
        from count in Gen.Int[1, all.Length]
        from vpc in Gen.OneOfConst("10.0.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "10.10.0.0/16")
        from prefix in Gen.Int[22, 24]
        from edit in Gen.Int[0, 2]
        from pick in Gen.UInt
        select (region, shuffled.Take(count).ToArray(), vpc, prefix, edit, pick);

    [Test]
    public void Adding_removing_or_pinning_one_zone_never_moves_another()
    {
        Cases.Sample(c =>
        {
            var before = Plan(c.Region, c.Zones.Select(Zone), c.Vpc, c.Prefix);
            if (before is null)
                return true;
            var all = AlibabaCloud.ZonesOf(c.Region);
            var target = c.Zones[c.Pick % (uint)c.Zones.Length];
            Dictionary<string, (string Node, string Pod)>? after;
            switch (c.Edit)
            {
                case 0: // add a zone the stack does not use yet
                    var absent = all.Where(z => !c.Zones.Contains(z)).ToList();
                    if (absent.Count == 0)
                        return true;
                    var added = absent[(int)(c.Pick % (uint)absent.Count)];
                    after = Plan(c.Region, c.Zones.Append(added).Select(Zone), c.Vpc, c.Prefix);
                    break;
                case 1: // drop one
                    after = Plan(c.Region, c.Zones.Where(z => z != target).Select(Zone), c.Vpc, c.Prefix);
                    break;
                default: // pin one to the blocks it was planned
                    after = Plan(c.Region, c.Zones.Select(z => z == target ? new ZoneConfig { Id = z, CidrBlock = CidrValue.Parse(before[z].Node), PodCidrBlock = CidrValue.Parse(before[z].Pod) } : Zone(z)), c.Vpc, c.Prefix);
                    break;
            }
            return after is not null && before.Where(kv => after.ContainsKey(kv.Key)).All(kv => after[kv.Key] == kv.Value);
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    /// <summary>
    /// A stack of 1 to all the region's zones in a VPC that holds a block for each zone of the region
    /// (as <see cref="Cases"/>), one of them possibly pinned (node or pod block) to any block
    /// of no other zone of the stack, then one edit: a zone added, one removed, one pinned to such a block,
    /// or the pin dropped. No zone but the one edited moves.
    /// </summary>
    private static readonly Gen<(string Region, string[] Zones, string Vpc, int Prefix, bool Pinned, int Edit, uint Pick, uint Block, bool Pod, uint Block2, bool Pod2)> PinCases =
        from region in Gen.OneOfConst(Regions)
        let all = AlibabaCloud.ZonesOf(region).ToArray()
        from shuffled in Gen.Shuffle(all)
        from count in Gen.Int[1, all.Length]
        from vpc in Gen.OneOfConst("10.0.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "10.10.0.0/16")
        from prefix in Gen.Int[22, 24]
        from pinned in Gen.Bool
        from edit in Gen.Int[0, 3]
        from pick in Gen.UInt
        from block in Gen.UInt
        from pod in Gen.Bool
        from block2 in Gen.UInt
        from pod2 in Gen.Bool
        select (region, shuffled.Take(count).ToArray(), vpc, prefix, pinned, edit, pick, block, pod, block2, pod2);

    /// <summary>A block of the size a pin of that kind would have that overlaps no block of the other zones.</summary>
    private static string FreeOfOthers(string vpc, int prefix, bool pod, Dictionary<string, (string Node, string Pod)> plan, string zone, uint pick)
    {
        var network = System.Net.IPNetwork2.Parse(vpc);
        var size = pod ? System.Math.Max(ClusterDefaults.PodVswitchPrefixLength, (int)network.Cidr) : prefix;
        var others = plan.Where(kv => kv.Key != zone).SelectMany(kv => new[] { kv.Value.Node, kv.Value.Pod }).Select(System.Net.IPNetwork2.Parse).ToList();
        var subnets = network.Subnet((byte)size);
        // Sampled from a bounded window: a /12 holds a million /24s.
        var candidates = ((IEnumerable<System.Net.IPNetwork2>)subnets).Take(4096).Where(b => !others.Any(o => o.Overlap(b))).ToList();
        return candidates[(int)(pick % (uint)candidates.Count)].ToString();
    }

    private static ZoneConfig Pin(string zone, bool pod, string block) => pod ? new ZoneConfig { Id = zone, PodCidrBlock = CidrValue.Parse(block) } : new ZoneConfig { Id = zone, CidrBlock = CidrValue.Parse(block) };

    [Test]
    public void Pinning_a_zone_to_any_block_of_no_other_zone_and_adding_or_removing_zones_around_a_pin_never_moves_another()
    {
        PinCases.Sample(c =>
        {
            var unpinned = Plan(c.Region, c.Zones.Select(Zone), c.Vpc, c.Prefix);
            if (unpinned is null)
                return true;
            var pinnedZone = c.Zones[0];
            var configs = c.Zones.Select(Zone).ToList();
            if (c.Pinned)
                configs[0] = Pin(pinnedZone, c.Pod, FreeOfOthers(c.Vpc, c.Prefix, c.Pod, unpinned, pinnedZone, c.Block));
            var before = Plan(c.Region, configs, c.Vpc, c.Prefix);
            if (before is null)
                return false;
            // Pinning moves no other zone.
            if (unpinned.Where(kv => kv.Key != pinnedZone).Any(kv => before[kv.Key] != kv.Value))
                return false;

            var all = AlibabaCloud.ZonesOf(c.Region);
            var target = c.Zones[c.Pick % (uint)c.Zones.Length];
            List<ZoneConfig> edited;
            string? changed;
            switch (c.Edit)
            {
                case 0: // add a zone the stack does not use yet
                    var absent = all.Where(z => !c.Zones.Contains(z)).ToList();
                    if (absent.Count == 0)
                        return true;
                    changed = absent[(int)(c.Pick % (uint)absent.Count)];
                    edited = configs.Append(Zone(changed)).ToList();
                    break;
                case 1: // drop one
                    changed = target;
                    edited = configs.Where(z => z.Id != target).ToList();
                    break;
                case 2: // pin one (another, or the same again) to a block of no other zone
                    changed = target;
                    var block = FreeOfOthers(c.Vpc, c.Prefix, c.Pod2, before, target, c.Block2);
                    edited = configs.Select(z => z.Id == target ? Pin(target, c.Pod2, block) : z).ToList();
                    break;
                default: // drop the pin
                    changed = pinnedZone;
                    edited = c.Zones.Select(Zone).ToList();
                    break;
            }
            var after = Plan(c.Region, edited, c.Vpc, c.Prefix);
            return after is not null && before.Where(kv => kv.Key != changed && after.ContainsKey(kv.Key)).All(kv => after[kv.Key] == kv.Value);
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Test]
    public void Pinning_devs_first_zone_to_another_free_block_moves_neither_i_nor_j()
    {
        var zones = new[] { "cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j" };
        var before = Plan("cn-hangzhou", zones.Select(Zone), "10.10.0.0/16", 20)!;
        Assert.That(before["cn-hangzhou-i"].Node, Is.EqualTo("10.10.80.0/20"));
        Assert.That(before["cn-hangzhou-j"].Node, Is.EqualTo("10.10.96.0/20"));

        // dev's /16 holds sixteen /20s, all reserved for Hangzhou's eight zones: 10.10.0.0/20 is cn-hangzhou-b's, which dev does not use.
        var pinned = Plan("cn-hangzhou", zones.Select(z => z == "cn-hangzhou-h" ? new ZoneConfig { Id = z, CidrBlock = CidrValue.Parse("10.10.0.0/20") } : Zone(z)), "10.10.0.0/16", 20)!;
        Assert.That(pinned["cn-hangzhou-h"].Node, Is.EqualTo("10.10.0.0/20"));
        Assert.That(pinned["cn-hangzhou-i"], Is.EqualTo(before["cn-hangzhou-i"]));
        Assert.That(pinned["cn-hangzhou-j"], Is.EqualTo(before["cn-hangzhou-j"]));

        // Pinned to i's own block, i alone moves: to the block h left (no other is free).
        var onI = Plan("cn-hangzhou", zones.Select(z => z == "cn-hangzhou-h" ? new ZoneConfig { Id = z, CidrBlock = CidrValue.Parse("10.10.80.0/20") } : Zone(z)), "10.10.0.0/16", 20)!;
        Assert.That(onI["cn-hangzhou-i"].Node, Is.EqualTo(before["cn-hangzhou-h"].Node));
        Assert.That(onI["cn-hangzhou-j"], Is.EqualTo(before["cn-hangzhou-j"]));
    }

    [Test]
    public void A_zone_whose_block_another_pins_with_nowhere_to_move_is_an_error_naming_both_keys()
    {
        // A /22 of /24s for two zones of a two-zone stack alone: both pods of the other zone and the nodes fill it.
        var errors = new List<SpecError>();
        var network = new NetworkConfig
        {
            CidrBlock = CidrValue.Parse("10.0.0.0/22"), VswitchPrefixLength = 24, PodVswitchPrefixLength = 24,
            Zones = [Zone("cn-hangzhou-h"), new ZoneConfig { Id = "cn-hangzhou-i", CidrBlock = CidrValue.Parse("10.0.0.0/24"), PodCidrBlock = CidrValue.Parse("10.0.1.0/24") }],
        };

        Assert.That(NetworkSpecBuilder.Build(network, Context(network, "cn-hangzhou", errors)), Is.Null);
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "error BLINK1014: blink-infra:network.zones[0].id = \"cn-hangzhou-h\": the vSwitch block reserved for this zone, 10.0.0.0/24, is pinned by blink-infra:network.zones[1].cidrBlock, and the VPC's 10.0.0.0/22 has no free /24 block left to move it to; allowed: pin zones[0].cidrBlock to a block of its own, or pin the other zone elsewhere",
        }));
    }

    [Test]
    public void A_zone_keeps_its_block_when_the_zones_before_it_in_the_list_change()
    {
        var three = Plan("cn-hangzhou", new[] { "cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j" }.Select(Zone), "10.0.0.0/16", 24)!;
        var two = Plan("cn-hangzhou", new[] { "cn-hangzhou-j", "cn-hangzhou-i" }.Select(Zone), "10.0.0.0/16", 24)!;

        Assert.That(two["cn-hangzhou-i"], Is.EqualTo(three["cn-hangzhou-i"]));
        Assert.That(two["cn-hangzhou-j"], Is.EqualTo(three["cn-hangzhou-j"]));
        Assert.That(three["cn-hangzhou-h"].Node, Is.EqualTo("10.0.4.0/24"), "h is Hangzhou's 5th zone in the catalogue, so its reserved block is the 5th");
    }
}
