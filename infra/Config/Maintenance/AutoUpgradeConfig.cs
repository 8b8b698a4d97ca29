namespace BlinkInfra.Config;

/// <summary>`blink-infra:maintenance.autoUpgrade`: whether ACK upgrades the cluster's Kubernetes on its own, and along which channel.</summary>
public sealed class AutoUpgradeConfig
{
    public bool? Enabled { get; set; }
    public string? Channel { get; set; }
}
