namespace BlinkInfra.Facts;

/// <summary>
/// How the cluster's add-ons are installed. Sources, read 2026-12-05:
/// - terraform-provider-alicloud v1.285.0, alicloud_cs_managed_kubernetes `addons`: create-only ("Only works for
///   Create Operation", the shared replacement facts' createOnly list): adding one later changes nothing on the cluster.
/// - alicloud_cs_kubernetes_addon (website/docs/r/cs_kubernetes_addon.html.markdown): cluster_id and name Required and
///   ForceNew, version Optional/Computed, config Optional ("merged to existed configuration stored in server. If you want
///   to clean one configuration, you must set the configuration to empty value, removing from code cannot make effect"),
///   cleanup_cloud_resources only for ack-virtual-node; applying one that the cluster already has at the same version is
///   skipped, at another version upgraded, and a missing one installed; delete uninstalls it (UnInstallClusterAddons).
///   Pulumi.AliCloud 3.105.0: CS.KubernetesAddon, token alicloud:cs/kubernetesAddon:KubernetesAddon (the API listing).
/// - ACK CreateCluster `addons`: the network plug-in is required at create ("terway-eniip"), so Terway alone stays in
///   the cluster's addons.
/// So the optional add-ons (pod identity, managed Prometheus, the log collector, and any added later) are KubernetesAddon
/// resources: switching logs or metrics on a live cluster installs or uninstalls them, and what needs one (the log
/// pipeline configs, the ARMS alert rules, the engine's RRSA pods) depends on it.
/// </summary>
public static class ClusterAddons
{
    /// <summary>The one add-on a cluster must be created with: its network plug-in.</summary>
    public const string NetworkPlugin = ClusterDefaults.TerwayAddon;
}
