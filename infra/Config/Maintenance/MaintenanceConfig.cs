namespace BlinkInfra.Config;

/// <summary>`blink-infra:maintenance`: when ACK may work on the cluster, whether it upgrades it, and how node pools are repaired and upgraded.</summary>
public sealed class MaintenanceConfig
{
    public MaintenanceWindowConfig? Window { get; set; }
    public AutoUpgradeConfig? AutoUpgrade { get; set; }
    public NodePoolManagementConfig? Workers { get; set; }
    public NodePoolManagementConfig? Masters { get; set; }
}
