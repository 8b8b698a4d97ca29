using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace BlinkInfra.Config;

/// <summary>
/// Plans vSwitch CIDR blocks inside a VPC: each zone without an explicit block gets the first free,
/// aligned block of the requested size, in address order, that overlaps no explicit block, no block
/// already in use and no block planned before it. The same input always gives the same plan.
/// </summary>
public static class CidrPlanner
{
    public sealed record Request(
        IPNetwork2 Vpc,
        byte PrefixLength,
        IReadOnlyList<IPNetwork2?> ExplicitBlocks,
        IReadOnlyList<IPNetwork2> UsedBlocks);

    /// <summary>The planned block of every zone, in the order of <see cref="Request.ExplicitBlocks"/>; null when they do not fit.</summary>
    public static IReadOnlyList<IPNetwork2>? Plan(Request request)
    {
        if (request.PrefixLength < request.Vpc.Cidr)
            throw new ArgumentException("The vSwitch prefix length is shorter than the VPC's.", nameof(request));

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
                var candidate = candidates.Current;
                if (!taken.Any(block => block.Overlap(candidate)))
                    found = candidate;
            }

            if (found == null)
                return null;
            taken.Add(found);
            plan.Add(found);
        }

        return plan;
    }

    /// <summary>How many free blocks of the given size the VPC has left, counting at most <paramref name="limit"/>.</summary>
    public static int FreeBlocks(IPNetwork2 vpc, byte prefixLength, IReadOnlyList<IPNetwork2> taken, int limit)
        => ((IEnumerable<IPNetwork2>)vpc.Subnet(prefixLength)).Where(candidate => !taken.Any(block => block.Overlap(candidate))).Take(limit).Count();
}
