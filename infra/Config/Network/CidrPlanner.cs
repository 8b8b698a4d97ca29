using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace BlinkInfra.Config;

/// <summary>
/// Plans vSwitch CIDR blocks inside a VPC so that a zone's block belongs to the zone, not to its
/// position among the others (<see cref="PlanZones"/>):
/// <list type="number">
/// <item>Reserve: every place (a zone, in a fixed order) gets the first free aligned block of the size, in
/// address order, that overlaps no block in use. Pinned blocks play no part here, so pinning a zone
/// moves no other zone's reservation.</item>
/// <item>Assign: a pinned place takes its pinned block; any other its reservation, unless a pinned block
/// overlaps it. Only then is it moved: to the first block that overlaps nothing in use, no pinned block,
/// no reservation and no block moved before it, or else to a reservation its pinned place left.</item>
/// </list>
/// <see cref="Sequential"/> is the plan for a VPC too small to reserve a block for every place: the
/// places without a pinned block take the first free blocks around the pinned ones, in their order.
/// The same input always gives the same plan.
/// </summary>
public static class CidrPlanner
{
    /// <summary>One kind of block (a node or a pod vSwitch) for each place: <see cref="ExplicitBlocks"/> holds a place's pinned block or null.</summary>
    public sealed record Request(
        IPNetwork2 Vpc,
        byte PrefixLength,
        IReadOnlyList<IPNetwork2?> ExplicitBlocks,
        IReadOnlyList<IPNetwork2> UsedBlocks);

    /// <summary>A place to plan: its pinned node and pod blocks, if any.</summary>
    public sealed record Place(IPNetwork2? Node, IPNetwork2? Pod);

    /// <summary>
    /// Why a plan failed: too few free blocks to reserve one per place (<see cref="Needed"/> and
    /// <see cref="Free"/>), or no block left for the place <see cref="MovedPlace"/> whose reservation
    /// a pinned block overlaps.
    /// </summary>
    public sealed record Failure(bool Pod, int Needed, int Free, int? MovedPlace, IPNetwork2? Reservation);

    /// <summary>The blocks of the places planned, in their order, or why not.</summary>
    public sealed record Outcome(IReadOnlyList<IPNetwork2>? Nodes, IReadOnlyList<IPNetwork2>? Pods, Failure? Failure);

    /// <summary>One kind of block by <see cref="PlanZones"/>'s two steps, each place reserving; null when they do not fit.</summary>
    public static IReadOnlyList<IPNetwork2>? Plan(Request request)
    {
        var reserved = Reserve(request.Vpc, request.PrefixLength, request.ExplicitBlocks.Count, request.UsedBlocks);
        if (reserved is null)
            return null;
        var pinned = request.ExplicitBlocks.OfType<IPNetwork2>().ToList();
        var (blocks, failure) = Assign(request.Vpc, request.PrefixLength, request.ExplicitBlocks.Zip(reserved).ToList(), pinned, request.UsedBlocks.Concat(reserved).ToList());
        return failure is null ? blocks : null;
    }

    /// <summary>
    /// Node and pod blocks for <paramref name="zones"/>: a node block and a pod block are reserved for each
    /// of <paramref name="places"/> places (node blocks first, then pod blocks, each the first free ones of
    /// their size in address order), whether a zone takes the place or not; zone i takes place
    /// <paramref name="placeOf"/>[i] (by default place i).
    /// </summary>
    public static Outcome PlanZones(IPNetwork2 vpc, byte prefix, byte podPrefix, IReadOnlyList<Place> zones, int places,
        IReadOnlyList<IPNetwork2> used, IReadOnlyList<int>? placeOf = null)
    {
        if (prefix < vpc.Cidr || podPrefix < vpc.Cidr)
            throw new ArgumentException("A vSwitch prefix length is shorter than the VPC's.", nameof(prefix));
        var at = placeOf ?? Enumerable.Range(0, zones.Count).ToList();

        var nodeReserved = Reserve(vpc, prefix, places, used);
        if (nodeReserved is null)
            return new(null, null, new Failure(false, places, FreeBlocks(vpc, prefix, used, places), null, null));
        var aroundNodes = used.Concat(nodeReserved).ToList();
        var podReserved = Reserve(vpc, podPrefix, places, aroundNodes);
        if (podReserved is null)
            return new(null, null, new Failure(true, places, FreeBlocks(vpc, podPrefix, aroundNodes, places), null, null));

        var pinned = zones.SelectMany(z => new[] { z.Node, z.Pod }).OfType<IPNetwork2>().ToList();
        // Moved blocks stay clear of every reservation, the stack's zones' and the others' alike, so a
        // zone added later finds its own block free.
        var clear = aroundNodes.Concat(podReserved).ToList();
        var (nodes, nodeFailure) = Assign(vpc, prefix, zones.Select((z, i) => (z.Node, nodeReserved[at[i]])).ToList(), pinned, clear);
        if (nodeFailure != null)
            return new(null, null, nodeFailure);
        var (pods, podFailure) = Assign(vpc, podPrefix, zones.Select((z, i) => (z.Pod, podReserved[at[i]])).ToList(), pinned, clear.Concat(nodes!).ToList());
        return podFailure != null ? new(null, null, podFailure with { Pod = true }) : new(nodes, pods, null);
    }

    /// <summary>
    /// The plan of a VPC too small for a reservation per place: each place without a pinned block takes
    /// the first free aligned block, in address order, that overlaps no pinned block, no block in use and
    /// no block planned before it (so it depends on the places before it). Null when they do not fit.
    /// </summary>
    public static IReadOnlyList<IPNetwork2>? Sequential(Request request)
    {
        var taken = request.UsedBlocks.Concat(request.ExplicitBlocks.OfType<IPNetwork2>()).ToList();
        var plan = new List<IPNetwork2>(request.ExplicitBlocks.Count);
        using var candidates = ((IEnumerable<IPNetwork2>)request.Vpc.Subnet(request.PrefixLength)).GetEnumerator();
        foreach (var explicitBlock in request.ExplicitBlocks)
        {
            if (explicitBlock != null)
            {
                plan.Add(explicitBlock);
                continue;
            }
            IPNetwork2? found = null;
            while (found == null && candidates.MoveNext())
            {
                if (!taken.Any(block => block.Overlap(candidates.Current)))
                    found = candidates.Current;
            }
            if (found == null)
                return null;
            taken.Add(found);
            plan.Add(found);
        }
        return plan;
    }

    /// <summary>The first <paramref name="count"/> free aligned blocks of the size in address order that overlap none of <paramref name="taken"/>; null when fewer fit.</summary>
    private static List<IPNetwork2>? Reserve(IPNetwork2 vpc, byte prefixLength, int count, IReadOnlyList<IPNetwork2> taken)
    {
        var reserved = ((IEnumerable<IPNetwork2>)vpc.Subnet(prefixLength)).Where(candidate => !taken.Any(block => block.Overlap(candidate))).Take(count).ToList();
        return reserved.Count == count ? reserved : null;
    }

    private static (List<IPNetwork2>? Blocks, Failure? Failure) Assign(IPNetwork2 vpc, byte prefixLength,
        IReadOnlyList<(IPNetwork2? Pinned, IPNetwork2 Reserved)> slots, IReadOnlyList<IPNetwork2> pinned, IReadOnlyList<IPNetwork2> clear)
    {
        var blocks = new List<IPNetwork2>(slots.Count);
        var moved = new List<IPNetwork2>();
        // Reservations their places leave for a pinned block: free for a moved place once no free block is left.
        var left = slots.Where(s => s.Pinned != null).Select(s => s.Reserved).ToList();
        for (var i = 0; i < slots.Count; i++)
        {
            var (pin, reserved) = slots[i];
            if (pin != null)
                blocks.Add(pin);
            else if (!pinned.Any(p => p.Overlap(reserved)))
                blocks.Add(reserved);
            else
            {
                var taken = pinned.Concat(moved).ToList();
                bool Free(IPNetwork2 candidate) => !taken.Any(block => block.Overlap(candidate));
                var found = ((IEnumerable<IPNetwork2>)vpc.Subnet(prefixLength)).FirstOrDefault(c => Free(c) && !clear.Any(block => block.Overlap(c)))
                            ?? left.FirstOrDefault(c => c.Cidr == prefixLength && Free(c) && !clear.Except(left).Any(block => block.Overlap(c)));
                if (found is null)
                    return (null, new Failure(false, 1, 0, i, reserved));
                moved.Add(found);
                blocks.Add(found);
            }
        }
        return (blocks, null);
    }

    /// <summary>How many free blocks of the given size the VPC has left, counting at most <paramref name="limit"/>.</summary>
    public static int FreeBlocks(IPNetwork2 vpc, byte prefixLength, IReadOnlyList<IPNetwork2> taken, int limit)
        => ((IEnumerable<IPNetwork2>)vpc.Subnet(prefixLength)).Where(candidate => !taken.Any(block => block.Overlap(candidate))).Take(limit).Count();
}
