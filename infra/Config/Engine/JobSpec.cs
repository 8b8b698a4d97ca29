using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>A job: its jar under the bucket's udf/ prefix, the pool whose session cluster runs it, how it upgrades, whether it runs, where it starts from, its savepoints, and its autoscaler (none unless enabled).</summary>
public sealed record JobSpec(
    string Name,
    string Pool,
    string JarPath,
    string? EntryClass,
    int Parallelism,
    string UpgradeMode,
    string State,
    string? InitialSavepointPath,
    int? SavepointRedeployNonce,
    SavepointsSpec Savepoints,
    ImmutableArray<string> Args,
    ImmutableSortedDictionary<string, string> Config,
    AutoscalerSpec? Autoscaler = null);
