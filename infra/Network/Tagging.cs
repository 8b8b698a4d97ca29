using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using Pulumi;

namespace BlinkInfra.Network;

/// <summary>The tags every BlinkInfra resource carries: the spec's own plus BlinkInfra's markers.</summary>
public static class Tagging
{
    public const string ClusterKey = SpecDefaults.TagPrefix + "cluster";
    public const string StackKey = SpecDefaults.TagPrefix + "stack";
    public const string ManagedByKey = SpecDefaults.TagPrefix + "managed-by";

    /// <summary>BlinkInfra's own tags on every resource, and the one more a master machine carries (its role).</summary>
    public static readonly ImmutableArray<string> MarkerKeys = ImmutableArray.Create(ClusterKey, StackKey, ManagedByKey);
    public static readonly ImmutableArray<string> MasterInstanceKeys = MarkerKeys.Add(NodeRoles.RoleLabel);

    /// <summary>The most tags of BlinkInfra's own on one resource: a stack's tags share the rest of the cloud's limit.</summary>
    public static int OwnTagsAtMost => MasterInstanceKeys.Length;

    public static ImmutableSortedDictionary<string, string> For(ClusterSpec cluster, string stackName)
        => cluster.Tags
            .SetItem(ClusterKey, cluster.Name)
            .SetItem(StackKey, stackName)
            .SetItem(ManagedByKey, "blink-infra");

    /// <summary>A master machine's tags: the stack's, and its role.</summary>
    public static IReadOnlyDictionary<string, string> ForMasterInstance(IReadOnlyDictionary<string, string> tags)
        => new Dictionary<string, string>(tags) { [NodeRoles.RoleLabel] = NodeRoles.MasterRole };

    public static InputMap<string> ToInputMap(IReadOnlyDictionary<string, string> tags)
    {
        var map = new InputMap<string>();
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            map.Add(key, value);
        return map;
    }
}
