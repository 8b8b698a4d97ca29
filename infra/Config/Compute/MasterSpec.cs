using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>The master machines (the nodes of the JobManagers and the operator): one per zone listed (3 in HA mode, 1 otherwise); no image id for ACK's own.</summary>
public sealed record MasterSpec(string InstanceType, string? ImageId, ImmutableArray<string> Zones);
