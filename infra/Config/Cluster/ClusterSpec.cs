using System.Collections.Immutable;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

public sealed record ClusterSpec(
    string Name,
    string Region,
    BillingMode Billing,
    ImmutableSortedDictionary<string, string> Tags)
{
    /// <summary>Names the cluster had before (`formerNames`): each component declares them as aliases, which its resources inherit.</summary>
    public ImmutableArray<string> FormerNames { get; init; } = ImmutableArray<string>.Empty;
}
