using System.Collections.Immutable;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

public sealed record ClusterSpec(
    string Name,
    string Region,
    BillingMode Billing,
    ImmutableSortedDictionary<string, string> Tags);
