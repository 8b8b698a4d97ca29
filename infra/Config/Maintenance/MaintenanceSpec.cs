namespace BlinkInfra.Config;

/// <summary>
/// The weekly maintenance window (none when <see cref="Window"/> is null), the cluster's auto-upgrade channel (none
/// when <see cref="AutoUpgradeChannel"/> is null: the pinned Kubernetes version stays), and how the workers' and
/// the masters' node pools are managed.
/// </summary>
public sealed record MaintenanceSpec(MaintenanceWindowSpec? Window, string? AutoUpgradeChannel, NodePoolManagementSpec Workers, NodePoolManagementSpec Masters);

/// <summary>The window: days (comma-separated, as ACK takes them), start time (RFC3339, its time of day and offset what counts), length in hours.</summary>
public sealed record MaintenanceWindowSpec(string Days, string StartTime, int DurationHours);

/// <summary>Whether ACK repairs and upgrades (kubelet) a pool's nodes, and how many at a time.</summary>
public sealed record NodePoolManagementSpec(bool AutoRepair, bool AutoUpgrade, int MaxUnavailable);
