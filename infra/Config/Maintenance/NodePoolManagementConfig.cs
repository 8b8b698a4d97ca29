namespace BlinkInfra.Config;

/// <summary>`blink-infra:maintenance.workers` and `.masters`: whether ACK repairs and upgrades a role's node pools on its own.</summary>
public sealed class NodePoolManagementConfig
{
    public bool? AutoRepair { get; set; }
    public bool? AutoUpgrade { get; set; }
    public int? MaxUnavailable { get; set; }
}
