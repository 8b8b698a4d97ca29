namespace BlinkInfra.Config;

/// <summary>
/// The weekly maintenance window (none when <see cref="Window"/> is null), the cluster's auto-upgrade channel (none
/// when <see cref="AutoUpgradeChannel"/> is null: the pinned Kubernetes version stays), and how the workers' and
/// the masters' node pools are managed.
/// </summary>
public sealed record MaintenanceSpec(MaintenanceWindowSpec? Window, string? AutoUpgradeChannel, NodePoolManagementSpec Workers, NodePoolManagementSpec Masters);
