using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>
/// Which security groups the pods' own network interfaces carry under Terway, and what they must reach.
/// Sources, read 2026-11-27:
/// - Terway (AliyunContainerService/terway) types/daemon/dynamicconfig.go @16bfa429: the daemon reads
///   ConfigMap kube-system/eni-config (key eni_conf), then, when its node carries the label
///   "terway-config", ConfigMap kube-system/&lt;that label's value&gt; (key eni_conf), merged over it (JSON
///   merge-patch, MergeConfigAndUnmarshal: a top-level key replaces the base's); a labelled node whose
///   ConfigMap is missing fails ("error get configmap"); at most 5 security groups. types/daemon/config.go:
///   security_group (string) and security_groups (list) are united. docs/dynamic-config.md: the label is
///   read when the daemon starts.
/// - ACK, "Configure a static IP address, a separate vSwitch and a separate security group for each pod":
///   "By default, all pods on a node share the node's security groups and IP address pool" (Terway's
///   eni-config, whose group for a managed cluster is the cluster's security_group_id).
/// So the master machines get a Terway config of their own naming the masters' group: JobManagers and the
/// operator (on the masters) carry it, TaskManagers (on the workers) the cluster's, the workers' group. Every pool's
/// config (the masters' and each worker pool's) also lists the pod vSwitches of its zones (<see cref="VswitchesKey"/>).
/// </summary>
public static class PodNetworking
{
    public const string TerwayConfigLabel = "terway-config";
    public const string TerwayConfigNamespace = "kube-system";
    public const string TerwayConfigKey = "eni_conf";

    /// <summary>The masters' Terway config (a ConfigMap in kube-system), named by their node label.</summary>
    public const string MastersTerwayConfig = "blink-eni-masters";

    /// <summary>A worker pool's Terway config (a ConfigMap in kube-system), named by its nodes' label.</summary>
    public static string PoolTerwayConfig(string pool) => $"blink-eni-{pool}";

    // The pod vSwitches Terway takes a node's pod addresses from: eni_conf's "vswitches", zone to vSwitch ids, the node's
    // zone's entry (ACK, "Customize Terway configuration parameters", last updated 2025-11-24 to 2026-01-20 by edition, read
    // 2026-12-05: eni_conf example {"vswitches": {"cn-hangzhou-j": ["vsw-foo"], ...}}; Terway docs/dynamic-config.md: a node's
    // dynamic config, named by its terway-config label, overlays eni-config, and is read when the daemon starts, so a
    // changed config reaches a running node only when Terway restarts there; types/daemon/dynamicconfig.go @16bfa429 and
    // config.go MergeConfigAndUnmarshal: RFC 7396 merge patch). The cluster's own eni-config is what ACK wrote from the
    // cluster's pod_vswitch_ids at creation (terraform-provider-alicloud v1.285.0 alicloud_cs_managed_kubernetes
    // pod_vswitch_ids: applied at create only), so a zone added later reaches Terway only through a node config that lists
    // it: each pool's (and the masters') config lists the pod vSwitch of each of its zones (issue 28.2).
    public const string VswitchesKey = "vswitches";

    /// <summary>
    /// Alibaba Cloud's own services inside a VPC: metadata 100.100.100.200, VPC DNS 100.100.2.136 and
    /// .138, NTP, OSS's internal VIPs (which change: "OSS switches between VIPs"), VPC endpoints of the
    /// cloud's APIs and registries. Sources: ACK, "Configure and manage cluster security groups", least
    /// privilege outbound rules: all protocols to 100.64.0.0/10, "the CIDR block of Alibaba Cloud
    /// resources"; OSS, "Internal endpoints and VIP ranges" (every listed range inside it); ECS
    /// "Instance metadata" and private DNS documentation.
    /// </summary>
    public const string AlibabaServiceBlock = "100.64.0.0/10";

    /// <summary>The port of the API server's intranet load balancer, which ACK managed Pro places in the cluster's vSwitches (ACK CreateCluster vswitch_ids: the control plane's).</summary>
    public const int ApiServerPort = 6443;

    /// <summary>
    /// With internet egress on, what the pods may reach on the internet through the NAT gateway: HTTPS
    /// and HTTP (images from public registries, models, APIs), nothing else.
    /// </summary>
    public static readonly ImmutableArray<int> InternetPorts = ImmutableArray.Create(80, 443);

    /// <summary>Everything: the block a drop-the-rest rule covers, and the one no ingress rule may name.</summary>
    public const string Anywhere = "0.0.0.0/0";
}
