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

    private static Dictionary<string, (string Node, string Pod)>? Plan(string region, IEnumerable<ZoneConfig> zones, string vpc, int prefix)
    {
        var errors = new List<SpecError>();
        var network = new NetworkConfig { CidrBlock = vpc, VswitchPrefixLength = prefix, Zones = zones.ToList() };
        var spec = NetworkSpecBuilder.Build(network, AlibabaCloud.ZonesOf(region), errors);
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
                    after = Plan(c.Region, c.Zones.Select(z => z == target ? new ZoneConfig { Id = z, CidrBlock = before[z].Node, PodCidrBlock = before[z].Pod } : Zone(z)), c.Vpc, c.Prefix);
                    break;
            }
            return after is not null && before.Where(kv => after.ContainsKey(kv.Key)).All(kv => after[kv.Key] == kv.Value);
        }, iter: 300, seed: "0N0XIzNsQ0O2");
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
