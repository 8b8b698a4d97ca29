using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using Pulumi;

namespace BlinkInfra.Network;

/// <summary>The tags every BlinkInfra resource carries: the spec's own plus BlinkInfra's markers.</summary>
public static class Tagging
{
    public static ImmutableSortedDictionary<string, string> For(ClusterSpec cluster, string stackName)
        => cluster.Tags
            .SetItem($"{SpecDefaults.TagPrefix}cluster", cluster.Name)
            .SetItem($"{SpecDefaults.TagPrefix}stack", stackName)
            .SetItem($"{SpecDefaults.TagPrefix}managed-by", "blink-infra");

    public static InputMap<string> ToInputMap(IReadOnlyDictionary<string, string> tags)
    {
        var map = new InputMap<string>();
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            map.Add(key, value);
        return map;
    }
}
