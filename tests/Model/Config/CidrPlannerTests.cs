using System.Collections.Generic;
using System.Linq;
using System.Net;
using CsCheck;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>vSwitch CIDR planning: examples, and properties over random VPCs, sizes and blocks in use.</summary>
public class CidrPlannerTests
{
    private static IReadOnlyList<IPNetwork2>? Plan(string vpc, byte prefix, string?[] explicitBlocks, params string[] used)
        => CidrPlanner.Plan(new CidrPlanner.Request(
            IPNetwork2.Parse(vpc), prefix,
            explicitBlocks.Select(b => b is null ? null : IPNetwork2.Parse(b)).ToList(),
            used.Select(IPNetwork2.Parse).ToList()));

    [Test]
    public void Plans_consecutive_blocks_in_address_order()
    {
        Assert.That(Plan("10.0.0.0/16", 24, new string?[] { null, null, null })!.Select(b => b.ToString()),
            Is.EqualTo(new[] { "10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24" }));
    }

    [Test]
    public void Each_place_keeps_its_reserved_block_whatever_another_pins()
    {
        // Reservations around the blocks in use: 10.0.1.0, 10.0.4.0, 10.0.5.0. The second place pins a
        // block of no other place: the others keep theirs, and its own reservation stays unused.
        Assert.That(Plan("10.0.0.0/16", 24, new string?[] { null, "10.0.9.0/24", null }, "10.0.0.0/24", "10.0.2.0/23")!.Select(b => b.ToString()),
            Is.EqualTo(new[] { "10.0.1.0/24", "10.0.9.0/24", "10.0.5.0/24" }));
        // Pinning the first place's reservation moves that place alone, to the first block nobody holds.
        Assert.That(Plan("10.0.0.0/16", 24, new string?[] { null, "10.0.1.0/24", null }, "10.0.0.0/24", "10.0.2.0/23")!.Select(b => b.ToString()),
            Is.EqualTo(new[] { "10.0.6.0/24", "10.0.1.0/24", "10.0.5.0/24" }));
    }

    [Test]
    public void A_moved_place_takes_the_reservation_a_pinned_place_left_when_no_block_is_free()
    {
        // Two /24 in a /23: the second pins the first's block, so the first takes the one the second left.
        Assert.That(Plan("10.0.0.0/23", 24, new string?[] { null, "10.0.0.0/24" })!.Select(b => b.ToString()), Is.EqualTo(new[] { "10.0.1.0/24", "10.0.0.0/24" }));
    }

    [Test]
    public void Sequential_keeps_explicit_blocks_and_plans_around_them_and_around_blocks_in_use()
    {
        var plan = CidrPlanner.Sequential(new CidrPlanner.Request(IPNetwork2.Parse("10.0.0.0/16"), 24,
            new[] { null, IPNetwork2.Parse("10.0.1.0/24"), null }, new[] { IPNetwork2.Parse("10.0.0.0/24"), IPNetwork2.Parse("10.0.2.0/23") }));

        Assert.That(plan!.Select(b => b.ToString()), Is.EqualTo(new[] { "10.0.4.0/24", "10.0.1.0/24", "10.0.5.0/24" }));
    }

    [Test]
    public void Returns_null_when_the_zones_do_not_fit()
    {
        Assert.That(Plan("10.0.0.0/23", 24, new string?[] { null, null, null }), Is.Null);
        Assert.That(CidrPlanner.FreeBlocks(IPNetwork2.Parse("10.0.0.0/23"), 24, new List<IPNetwork2>(), 3), Is.EqualTo(2));
    }

    [TestCase("10.0.0.0/16", true, "")]
    [TestCase("10.0.0.0", false, "not an IPv4 CIDR block; allowed: a block such as 10.0.0.0/16")]
    [TestCase("10.0.0.0/33", false, "not an IPv4 CIDR block; allowed: a block such as 10.0.0.0/16")]
    [TestCase("fd00::/8", false, "not an IPv4 CIDR block; allowed: a block such as 10.0.0.0/16")]
    [TestCase("10.0.1/24", false, "not an IPv4 CIDR block; allowed: a block such as 10.0.0.0/16")]
    [TestCase("10.0.0.1/24", false, "host bits are set; allowed: the block's network address, here 10.0.0.0/24")]
    public void Parses_only_exact_ipv4_blocks(string text, bool ok, string problem)
    {
        Assert.That(Cidr.TryParse(text, out _, out var actual), Is.EqualTo(ok));
        Assert.That(actual, Is.EqualTo(problem));
    }

    // A random request: a VPC of /8 to /24, a vSwitch size 0 to 8 bits smaller, 1 to 6 zones, some with
    // explicit blocks of the vSwitch size, and up to 3 blocks already in use, all inside the VPC.
    private static readonly Gen<CidrPlanner.Request> Requests =
        from vpcPrefix in Gen.Int[8, 24]
        from vpcBase in Gen.UInt
        from extraBits in Gen.Int[0, 8]
        let vpc = Network(vpcBase, vpcPrefix)
        let prefix = (byte)System.Math.Min(29, vpcPrefix + extraBits)
        from zoneCount in Gen.Int[1, 6]
        from explicitIndexes in Gen.UInt.Array[zoneCount]
        from explicitFlags in Gen.Bool.Array[zoneCount]
        from usedIndexes in Gen.UInt.Array[0, 3]
        let blocks = vpc.Subnet(prefix).Count
        let explicitBlocks = explicitIndexes.Select((index, i) => explicitFlags[i] ? vpc.Subnet(prefix)[index % blocks] : null).ToList()
        let used = usedIndexes.Select(index => vpc.Subnet(prefix)[index % blocks]).ToList()
        where Distinct(explicitBlocks.OfType<IPNetwork2>().Concat(used))
        select new CidrPlanner.Request(vpc, prefix, explicitBlocks, used);

    private static IPNetwork2 Network(uint address, int prefix)
    {
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        var bytes = System.BitConverter.GetBytes(address & mask);
        System.Array.Reverse(bytes);
        return IPNetwork2.Parse(new IPAddress(bytes).ToString(), (byte)prefix);
    }

    private static bool Distinct(IEnumerable<IPNetwork2> blocks)
    {
        var list = blocks.ToList();
        return list.Select(b => b.ToString()).Distinct().Count() == list.Count;
    }

    [Test]
    public void Planned_blocks_lie_inside_the_vpc_have_the_requested_size_and_overlap_nothing()
    {
        Requests.Sample(request =>
        {
            var plan = CidrPlanner.Plan(request);
            if (plan is null)
                return;
            Assert.That(plan, Has.Count.EqualTo(request.ExplicitBlocks.Count));
            for (var i = 0; i < plan.Count; i++)
            {
                Assert.That(request.Vpc.Contains(plan[i]), $"{plan[i]} outside {request.Vpc}");
                if (request.ExplicitBlocks[i] is { } given)
                {
                    Assert.That(plan[i], Is.EqualTo(given));
                    continue;
                }
                Assert.That(plan[i].Cidr, Is.EqualTo(request.PrefixLength));
                Assert.That(request.UsedBlocks.Any(u => u.Overlap(plan[i])), Is.False, $"{plan[i]} overlaps a block in use");
                for (var j = 0; j < plan.Count; j++)
                    Assert.That(j == i || !plan[j].Overlap(plan[i]), $"{plan[i]} overlaps {plan[j]}");
            }
        }, iter: 300);
    }

    [Test]
    public void A_sequential_plan_fails_only_when_the_vpc_has_fewer_free_blocks_than_zones_without_one()
    {
        Requests.Sample(request =>
        {
            var needed = request.ExplicitBlocks.Count(b => b is null);
            var taken = request.UsedBlocks.Concat(request.ExplicitBlocks.OfType<IPNetwork2>()).ToList();
            var free = CidrPlanner.FreeBlocks(request.Vpc, request.PrefixLength, taken, needed);
            Assert.That(CidrPlanner.Sequential(request) is null, Is.EqualTo(free < needed));
        }, iter: 300);
    }

    [Test]
    public void Sequential_blocks_lie_inside_the_vpc_have_the_requested_size_and_overlap_nothing()
    {
        Requests.Sample(request =>
        {
            var plan = CidrPlanner.Sequential(request);
            if (plan is null)
                return;
            for (var i = 0; i < plan.Count; i++)
            {
                Assert.That(request.Vpc.Contains(plan[i]));
                Assert.That(request.ExplicitBlocks[i] is { } given ? plan[i] == given : plan[i].Cidr == request.PrefixLength);
                for (var j = 0; j < plan.Count; j++)
                    Assert.That(j == i || !plan[j].Overlap(plan[i]), $"{plan[i]} overlaps {plan[j]}");
            }
        }, iter: 300);
    }

    [Test]
    public void The_same_request_always_gives_the_same_plan()
    {
        Requests.Sample(request =>
        {
            var first = CidrPlanner.Plan(request)?.Select(b => b.ToString()).ToList();
            var second = CidrPlanner.Plan(request)?.Select(b => b.ToString()).ToList();
            Assert.That(second, Is.EqualTo(first));
        }, iter: 100);
    }
}
