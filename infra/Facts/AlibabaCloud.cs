using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>The two ways Realtime Compute exclusive mode was sold.</summary>
public enum BillingMode
{
    PayAsYouGo,
    Subscription,
}

/// <summary>
/// Facts about Alibaba Cloud that BlinkInfra relies on, kept here as data so no rule is a literal
/// somewhere else. Each block names where it comes from.
/// </summary>
public static class AlibabaCloud
{
    /// <summary>The config spelling of each billing mode.</summary>
    public static readonly ImmutableArray<(string Name, BillingMode Mode)> BillingModes = ImmutableArray.Create(
        ("pay-as-you-go", BillingMode.PayAsYouGo),
        ("subscription", BillingMode.Subscription));

    // Source: Alibaba Cloud Realtime Compute for Apache Flink (Blink) exclusive mode, "Regions" of the
    // purchase page: pay-as-you-go in cn-hangzhou, cn-beijing, cn-shanghai and cn-shenzhen;
    // subscription also in cn-zhangjiakou, cn-hongkong and ap-southeast-1.
    private static readonly ImmutableArray<string> PayAsYouGoRegions = ImmutableArray.Create(
        "cn-hangzhou", "cn-beijing", "cn-shanghai", "cn-shenzhen");

    private static readonly ImmutableArray<string> SubscriptionRegions = PayAsYouGoRegions.AddRange(new[]
    {
        "cn-zhangjiakou", "cn-hongkong", "ap-southeast-1",
    });

    /// <summary>The regions a cluster may be created in, for a billing mode, in the product's order.</summary>
    public static ImmutableArray<string> RegionsFor(BillingMode billing)
        => billing == BillingMode.Subscription ? SubscriptionRegions : PayAsYouGoRegions;

    // The zones of each region, as full zone ids (Singapore's have no dash before the letter:
    // ap-southeast-1a). Read 2026-11-27 from:
    // - Alibaba Cloud Elastic Container Instance, "Regions and zones supported by ECI"
    //   (https://help.aliyun.com/en/eci/product-overview/regions-and-zones and its zh edition), the
    //   fullest public per-zone list: Hangzhou b, e-k; Shanghai a-g, k-n; Beijing c-l; Zhangjiakou a-c;
    //   Shenzhen a-e; Hong Kong b-d; Singapore ap-southeast-1a to 1c;
    // - Alibaba Cloud ALB, "Regions and zones supported by ALB": Shenzhen zone F as well;
    // - Alibaba Cloud ECS, "Regions and zones": the China (Beijing) region has 12 zones, Beijing Zone A
    //   and Zone B among them (so a to l);
    // - Alibaba Cloud ECS, zh edition of the same page (地域可用区选择指南与支持列表, help.aliyun.com),
    //   every region's zone ids, re-read 2026-11-27 for issue 15: all seven regions as below, and
    //   Shanghai has 12 zones, a-g and k-o (cn-shanghai-o was missing here); Hong Kong b-d;
    //   Singapore ap-southeast-1a to 1c; Zhangjiakou a-c; Shenzhen a-f; Hangzhou b, e-k.
    // The order is CIDR planning's order (NetworkSpecBuilder reserves a block for every zone of the
    // region in this order, so a stack's blocks never move when it adds or drops a zone): add a new
    // zone at the END of its region's list, never in between, or stacks' planned blocks would move.
    // Zones open and close: refresh this table from the live list with
    // `aliyun ecs DescribeZones --RegionId <region>` (or the provider's alicloud_zones data source)
    // and change the date above.
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> ZonesByRegion =
        new Dictionary<string, string[]>
        {
            ["cn-hangzhou"] = new[] { "cn-hangzhou-b", "cn-hangzhou-e", "cn-hangzhou-f", "cn-hangzhou-g", "cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k" },
            ["cn-beijing"] = new[] { "cn-beijing-a", "cn-beijing-b", "cn-beijing-c", "cn-beijing-d", "cn-beijing-e", "cn-beijing-f", "cn-beijing-g", "cn-beijing-h", "cn-beijing-i", "cn-beijing-j", "cn-beijing-k", "cn-beijing-l" },
            ["cn-shanghai"] = new[] { "cn-shanghai-a", "cn-shanghai-b", "cn-shanghai-c", "cn-shanghai-d", "cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g", "cn-shanghai-k", "cn-shanghai-l", "cn-shanghai-m", "cn-shanghai-n", "cn-shanghai-o" },
            ["cn-shenzhen"] = new[] { "cn-shenzhen-a", "cn-shenzhen-b", "cn-shenzhen-c", "cn-shenzhen-d", "cn-shenzhen-e", "cn-shenzhen-f" },
            ["cn-zhangjiakou"] = new[] { "cn-zhangjiakou-a", "cn-zhangjiakou-b", "cn-zhangjiakou-c" },
            ["cn-hongkong"] = new[] { "cn-hongkong-b", "cn-hongkong-c", "cn-hongkong-d" },
            ["ap-southeast-1"] = new[] { "ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c" },
        }.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray());

    /// <summary>The zones of a region this table knows (empty for a region it does not).</summary>
    public static ImmutableArray<string> ZonesOf(string region)
        => ZonesByRegion.TryGetValue(region, out var zones) ? zones : ImmutableArray<string>.Empty;

    // Source: Alibaba Cloud OSS, "Zone-redundant storage" (https://www.alibabacloud.com/help/en/doc-detail/90589.htm,
    // read 2026-11-27): ZRS keeps a bucket's data in three zones of its region and is offered in China
    // (Hangzhou), China (Shanghai), China (Beijing), China (Zhangjiakou), China (Ulanqab), China
    // (Shenzhen), China (Hong Kong), Japan (Tokyo), Singapore, Indonesia (Jakarta) and Germany
    // (Frankfurt); it costs more than LRS and "cannot be disabled after it is enabled".
    // terraform-provider-alicloud v1.285.0, alicloud_oss_bucket `redundancy_type`: LRS (the default) or
    // ZRS, ForceNew (infra/Facts/alicloud-replacement-inputs.json): chosen before the first `pulumi up`,
    // since changing it replaces the (protected) bucket.
    public static readonly ImmutableArray<string> OssRedundancyTypes = ImmutableArray.Create("LRS", "ZRS");

    public static readonly ImmutableArray<string> OssZoneRedundantRegions = ImmutableArray.Create(
        "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-zhangjiakou", "cn-wulanchabu", "cn-shenzhen", "cn-hongkong",
        "ap-northeast-1", "ap-southeast-1", "ap-southeast-5", "eu-central-1");

    /// <summary>The redundancy a state bucket gets by default: ZRS where the region offers it, LRS elsewhere.</summary>
    public static string DefaultOssRedundancy(string region) => OssZoneRedundantRegions.Contains(region) ? "ZRS" : "LRS";

    // Source: Alibaba Cloud Tag limits as each service's TagResources states them (VPC, ECS, SLB, RDS:
    // "You can add up to 20 tags to each instance"), read 2026-11-27.
    public const int MaxTagsPerResource = 20;

    // Source: Alibaba Cloud VPC documentation, "Plan networks" and CreateVpc: a VPC's IPv4 CIDR block
    // is 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, one of their subnets, or a custom block, with a
    // mask of 8 to 28 bits; these ranges cannot be used as VPC CIDR blocks.
    public const int VpcMinPrefixLength = 8;
    public const int VpcMaxPrefixLength = 28;

    public static readonly ImmutableArray<string> VpcForbiddenCidrs = ImmutableArray.Create(
        "0.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4");

    // Source: Alibaba Cloud VPC documentation, "VPCs and vSwitches" (read 2026-11-27): use the private
    // ranges of RFC 1918 for a VPC; a custom block is allowed outside the reserved ones above, but the
    // public addresses it covers are then routed inside the VPC, so the internet's hosts there are
    // unreachable from it.
    public static readonly ImmutableArray<string> PrivateRanges = ImmutableArray.Create("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    // Source: Alibaba Cloud VPC API, CreateVSwitch (https://www.alibabacloud.com/help/en/vpc/api-createvswitch,
    // read 2026-11-27): "The first IP address and last three IP addresses of each vSwitch CIDR block are
    // reserved", so a /24 offers 252 addresses.
    public const int VswitchReservedAddresses = 4;

    /// <summary>The addresses a vSwitch of this mask offers to ECS instances, ENIs and pods.</summary>
    public static long UsableAddresses(int prefixLength) => (1L << (32 - prefixLength)) - VswitchReservedAddresses;

    // Source: Alibaba Cloud VPC documentation, CreateVSwitch: a vSwitch's CIDR block lies inside its
    // VPC's and has a mask of 16 to 29 bits.
    public const int VswitchMinPrefixLength = 16;
    public const int VswitchMaxPrefixLength = 29;
}

/// <summary>Defaults for the cluster's Kubernetes and machines.</summary>
public static class ClusterDefaults
{
    // Source: Alibaba Cloud Container Service for Kubernetes (ACK), CreateCluster: a managed Pro
    // cluster is cluster_spec "ack.pro.small"; ACK no longer creates dedicated clusters (own masters)
    // since 2024-08-21: ACK runs the control plane, and BlinkInfra's master machines are a tainted node
    // pool of ACK's, the nodes of the JobManagers and the operator.
    public const string ClusterSpec = "ack.pro.small";

    // Source: ACK, "Kubernetes 1.35 release notes" (component versions: 1.35.1-aliyun.1 and
    // 1.35.2-aliyun.1, the latter fixing CVE-2025-61732 and CVE-2025-68121) and "Support for Kubernetes
    // versions" (1.35 released February 2026, end of support 2027-02-28), read 2026-11-27. Pinned, as
    // terraform-provider-alicloud v1.285.0's alicloud_cs_managed_kubernetes `version` otherwise takes
    // the latest at creation; raising it upgrades the control plane in place, lowering it is refused.
    public const string KubernetesVersion = "1.35.2-aliyun.1";

    // Source: ACK CreateCluster, service_cidr (read 2026-11-27): "Valid values: 10.0.0.0/16-24,
    // 172.16-31.0.0/16-24, and 192.168.0.0/16-24. The Service CIDR block cannot overlap with the VPC
    // CIDR block or the CIDR blocks of existing clusters in the VPC"; ACK's network planning adds
    // that it must not overlap the vSwitches (pods' included) nor what the cluster must reach, since
    // a node routes Service addresses to Services. The first candidate that overlaps neither the
    // VPC nor the data endpoints is the default.
    public static readonly ImmutableArray<string> ServiceCidrRanges = ImmutableArray.Create("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
    public static readonly ImmutableArray<string> ServiceCidrCandidates = ImmutableArray.Create("172.21.0.0/20", "192.168.0.0/20", "10.96.0.0/20");
    public const int ServiceCidrMinPrefixLength = 16;
    public const int ServiceCidrMaxPrefixLength = 24;

    // Source: ACK, Terway network plug-in: pods take addresses from pod vSwitches, one per zone.
    public const string TerwayAddon = "terway-eniip";
    public const int PodVswitchPrefixLength = 20;

    // The cluster's pod vSwitches (ManagedKubernetes input podVswitchIds, pod_vswitch_ids): taken at create only
    // (alicloud-replacement-inputs.json createOnly, the provider's docs v1.285.0, read 2026-12-05), so the cluster
    // ignores its later changes and zones reach Terway through the pools' configs (PodNetworking).
    public const string PodVswitchIdsInput = "podVswitchIds";

    // Source: ACK's add-on names for alicloud_cs_managed_kubernetes `addons` (the provider's documentation table of
    // add-ons, read 2026-11-27): ack-arms-prometheus is installed as "arms-prometheus" (Managed Service for
    // Prometheus: the cluster's Prometheus instance and its agent).
    public const string PrometheusAddon = "arms-prometheus";

    // Source: terraform-provider-alicloud v1.285.0, alicloud_cs_kubernetes_node_pool multi_az_policy:
    // BALANCE "distributes ECS instances evenly among the multi-zone specified by the scaling group".
    public const string BalancedAcrossZones = "BALANCE";

    // Masters are general-purpose machines; the CU ladder's sizes are g7.xlarge, 2xlarge and 4xlarge.
    public const string MasterFamily = "g7";
    public const string SystemDiskCategory = "cloud_essd";
    public const int SystemDiskSizeGiB = 120;

    // Source: ACK, "Specify an NVIDIA driver version for nodes by adding a label": node pools labelled
    // ack.aliyun.com/nvidia-driver-version get that driver.
    public const string NvidiaDriverLabel = "ack.aliyun.com/nvidia-driver-version";

    // Source: terraform-provider-alicloud v1.285.0, alicloud_cs_kubernetes_node_pool scaling_config.type (read 2026-12-05):
    // "Instance type for auto scaling ... cpu: General-purpose instance. gpu: GPU instance. gpushare ... spot ... Default
    // value: cpu. NOTE: You cannot modify this field after the node pool is created" (not ForceNew: a change on an
    // existing pool does nothing). An FPGA pool has no type of its own: cpu.
    public static string ScalingTypeOf(MachineKind kind) => kind == MachineKind.Gpu ? "gpu" : "cpu";

    // Source: ACK OpenAPI CreateCluster proxy_mode (the cs-2015-12-15 SDK's CreateClusterRequest, read 2026-12-05):
    // iptables, ipvs (ACK's default) and nftables, "Only supported for clusters running version 1.35 or later. The
    // Kubernetes community deprecated IPVS starting from version 1.35. For new clusters, use nftables"; ACK, "Kubernetes
    // 1.35 release notes" (last updated 2026-03-25): "kube-proxy ipvs mode deprecated ... ACK continues to use ipvs by
    // default for new clusters. Plan your migration to nftables mode (stable since v1.33)"; KEP-5495 (ipvs deprecated
    // in 1.35). terraform-provider-alicloud alicloud_cs_managed_kubernetes proxy_mode is ForceNew: a change replaces the
    // cluster, so an existing cluster keeps its mode by saying so (README, migration).
    public static readonly ImmutableArray<string> ProxyModes = ImmutableArray.Create("nftables", "ipvs", "iptables");
    public const string DefaultProxyMode = "nftables";
    /// <summary>The first Kubernetes minor version nftables may be created on (ACK CreateCluster).</summary>
    public static readonly System.Version NftablesSince = new(1, 35);

    // ECS charge types per billing mode (ECS CreateInstance InstanceChargeType).
    public static string ChargeType(BillingMode billing) => billing == BillingMode.Subscription ? "PrePaid" : "PostPaid";
}
