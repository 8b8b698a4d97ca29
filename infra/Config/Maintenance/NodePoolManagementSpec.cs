namespace BlinkInfra.Config;

/// <summary>Whether ACK repairs and upgrades (kubelet) a pool's nodes, and how many at a time.</summary>
public sealed record NodePoolManagementSpec(bool AutoRepair, bool AutoUpgrade, int MaxUnavailable);
