using System;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Config;

/// <summary>Turns a validated cluster config into the cluster spec: its name (the stack's by default), region, billing, tags and former names.</summary>
public static class ClusterSpecBuilder
{
    public static ClusterSpec? Build(ClusterConfig cluster, SpecContext context)
        => context.Region is { } region
            ? new ClusterSpec(cluster.Name!, region, context.Billing, cluster.Tags.ToImmutableSortedDictionary(StringComparer.Ordinal))
            {
                FormerNames = cluster.FormerNames.ToImmutableArray(),
            }
            : null;
}
