using System.Collections.Immutable;
using BlinkInfra.Facts;

namespace BlinkInfra.Engine;

/// <summary>Where the engine's control plane runs: on the masters, tolerating their taint.</summary>
public static class MasterPlacement
{
    public static ImmutableDictionary<string, object> NodeSelector()
        => ImmutableDictionary<string, object>.Empty.Add(NodeRoles.RoleLabel, NodeRoles.MasterRole);

    public static ImmutableArray<object> Tolerations()
        => ImmutableArray.Create<object>(Toleration(NodeRoles.RoleLabel, NodeRoles.MasterRole));

    public static ImmutableDictionary<string, object> Toleration(string key, string value)
        => ImmutableDictionary<string, object>.Empty
            .Add("key", key).Add("operator", "Equal").Add("value", value).Add("effect", NodeRoles.NoSchedule);
}
