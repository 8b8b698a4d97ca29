namespace BlinkInfra.Config;

/// <summary>`blink-infra:maintenance.autoUpgrade`: whether ACK upgrades the cluster's Kubernetes on its own, and along which channel.</summary>
public sealed class AutoUpgradeConfig
{
    [ConfigDoc("ACK upgrades the cluster's Kubernetes on its own, in the window, along `channel` (`operationPolicy.clusterAutoUpgrade`). Off, the pinned version stays and an upgrade is raising `compute.kubernetes.version`; on, no version is pinned (the cluster starts on ACK's latest, which the channel moves), and a `compute.kubernetes.version` of the stack's is refused (the next update would ask ACK for a downgrade, which it refuses)", Default = "`false`")]
    public bool? Enabled { get; set; }
    [ConfigDoc("`patch`, `stable` or `rapid`", Default = "`patch`")]
    public string? Channel { get; set; }
}
