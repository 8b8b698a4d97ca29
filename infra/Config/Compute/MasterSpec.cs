using System.Collections.Immutable;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>The master machines: one per zone listed (3 in HA mode, 1 otherwise).</summary>
public sealed record MasterSpec(string InstanceType, string ImageId, ImmutableArray<string> Zones, bool SizedByLadder);
