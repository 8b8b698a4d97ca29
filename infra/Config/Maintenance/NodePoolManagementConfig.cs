namespace BlinkInfra.Config;

/// <summary>`blink-infra:maintenance.workers` and `.masters`: whether ACK repairs and upgrades a role's node pools on its own.</summary>
public sealed class NodePoolManagementConfig
{
    [ConfigDoc("`workers.autoRepair`: ACK repairs every worker pool's unhealthy nodes (drains, then restarts or replaces them: `management.autoRepair`, `autoRepairPolicy.restartNode`). A TaskManager on such a node is already failing; Flink restarts its tasks from the last checkpoint; `masters.autoRepair`: the master machines' pool: a repair drains the node of a JobManager and the operator. `true` plans, and `masters-pool-not-auto-repaired` (mandatory) refuses it: repair the masters by hand, in a planned window", Default = "`workers.autoRepair`: `true`; `masters.autoRepair`: `false`")]
    public bool? AutoRepair { get; set; }
    [ConfigDoc("`workers.autoUpgrade`: ACK upgrades the worker pools' kubelet to the control plane's version, in the window (`management.autoUpgrade`, `autoUpgradePolicy.autoUpgradeKubelet`); `masters.autoUpgrade`: the masters' kubelet, upgraded by hand with the masters", Default = "`workers.autoUpgrade`: `true`; `masters.autoUpgrade`: `false`")]
    public bool? AutoUpgrade { get; set; }
    [ConfigDoc("`workers.maxUnavailable`: 1 to 1000 nodes of a pool repaired or upgraded at a time; `masters.maxUnavailable`: 1 only", Default = "`workers.maxUnavailable`: `1`; `masters.maxUnavailable`: `1`")]
    public int? MaxUnavailable { get; set; }
}
