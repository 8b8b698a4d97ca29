using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>A job: its jar under the bucket's udf/ prefix, the pool whose session cluster runs it, and how it upgrades.</summary>
public sealed record JobSpec(
    string Name,
    string Pool,
    string JarPath,
    string? EntryClass,
    int Parallelism,
    string UpgradeMode,
    ImmutableArray<string> Args,
    ImmutableSortedDictionary<string, string> Config);
