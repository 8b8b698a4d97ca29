using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using Pulumi;

namespace BlinkInfra.Network;

/// <summary>The tags every BlinkInfra resource carries: the spec's own plus BlinkInfra's markers (<see cref="OwnTags"/>).</summary>
public static class Tagging
{
    public static ImmutableSortedDictionary<string, string> For(ClusterSpec cluster, string stackName)
        => cluster.Tags
            .SetItem(OwnTags.ClusterKey, cluster.Name)
            .SetItem(OwnTags.StackKey, stackName)
            .SetItem(OwnTags.ManagedByKey, "blink-infra");

    /// <summary>The master machines' tags: the stack's, and their role.</summary>
    public static IReadOnlyDictionary<string, string> ForMasterMachines(IReadOnlyDictionary<string, string> tags)
        => new Dictionary<string, string>(tags) { [NodeRoles.RoleLabel] = NodeRoles.MasterRole };

    public static InputMap<string> ToInputMap(IReadOnlyDictionary<string, string> tags)
    {
        var map = new InputMap<string>();
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            map.Add(key, value);
        return map;
    }
}
