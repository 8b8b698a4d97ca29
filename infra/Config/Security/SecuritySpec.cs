using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>Other security groups let into the cluster.</summary>
public sealed record SecuritySpec(ImmutableArray<PeerGroupSpec> PeerGroups);
