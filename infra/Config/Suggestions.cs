using System;
using System.Collections.Generic;
using System.Linq;

namespace BlinkInfra.Config;

/// <summary>"Did you mean …?": the closest valid spelling of a mistyped key, by edit distance.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="given"/> (case-insensitive Levenshtein distance), if it
    /// is close enough to be what was meant: within a third of the longer word, and at least 1 and at
    /// most 3 edits; the first in candidate order wins a tie.
    /// </summary>
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        var options = candidates.ToList();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in options)
        {
            var distance = Distance(given.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
                (best, bestDistance) = (candidate, distance);
        }
        if (best is null)
            return null;
        var allowed = Math.Clamp(Math.Max(given.Length, best.Length) / 3, 1, 3);
        if (bestDistance <= allowed)
            return best;
        // A shortened key ("cidr" for "cidrBlock") is no typo but is as clearly meant.
        return given.Length >= 3
            ? options.FirstOrDefault(c => c.StartsWith(given, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    /// <summary>" (did you mean x?)" for a message, or "" when nothing is close.</summary>
    public static string DidYouMean(string given, IEnumerable<string> candidates)
        => Closest(given, candidates) is { } closest ? $"did you mean {closest}? " : "";

    /// <summary>Levenshtein distance; inputs longer than 256 characters are not compared (a long key is no typo).</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > 256 || b.Length > 256)
            return int.MaxValue;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
