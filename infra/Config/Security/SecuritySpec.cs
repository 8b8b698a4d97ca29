using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>Other security groups let into the cluster; the cluster's KMS key, if any; the nodes' break-glass key pair, if any.</summary>
public sealed record SecuritySpec(ImmutableArray<PeerGroupSpec> PeerGroups, KmsSpec? Kms = null, BreakGlassSpec? BreakGlass = null);
