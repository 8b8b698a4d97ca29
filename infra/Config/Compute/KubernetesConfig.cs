
namespace BlinkInfra.Config;

/// <summary>`blink-infra:compute.kubernetes`.</summary>
public sealed class KubernetesConfig
{
    [ConfigDoc("`ack.pro.small` (ACK managed Pro; ACK no longer creates dedicated clusters)", Default = "`ack.pro.small`")]
    public string? ClusterSpec { get; set; }
    [ConfigDoc("an ACK version `x.y.z-aliyun.n`; pinned so the cluster never takes whatever is latest on the day it is created. Whether ACK still creates the default patch version could not be confirmed offline (read 2026-12-05): `check` says so in the advisory `ack-offerings-unconfirmed`; check with the provider's `alicloud_cs_kubernetes_version` data source before the first `pulumi up`. Raising it upgrades the control plane in place; ACK refuses a lower one", Default = "`1.35.2-aliyun.1` (`infra/Facts/AlibabaCloud.cs`, from ACK's 1.35 release notes, read 2026-11-27; 1.35 is supported until 2027-02-28)")]
    public KubernetesVersionValue? Version { get; set; }
    [ConfigDoc("a /{=ClusterDefaults.ServiceCidrMinPrefixLength} to /{=ClusterDefaults.ServiceCidrMaxPrefixLength} block inside `10.0.0.0/8`, `172.16.0.0/12` or `192.168.0.0/16` that overlaps nothing the cluster must reach: the VPC (its node and pod vSwitches) and the blocks of `blink-infra:dataAccess.endpoints`", Default = "the first of {=ClusterDefaults.ServiceCidrCandidates} that overlaps neither the VPC nor a data endpoint")]
    public CidrValue? ServiceCidr { get; set; }
    [ConfigDoc("`true` to expose the API server to the internet", Default = "`false`")]
    public bool? ApiServerPublic { get; set; }
    [ConfigDoc("`false` to let `pulumi destroy` delete the cluster (ACK refuses while it is `true`, as Pulumi refuses to delete the protected state bucket)", Default = "`true`")]
    public bool? DeletionProtection { get; set; }
    [ConfigDoc("kube-proxy's mode: `nftables`, `ipvs` or `iptables`. `ipvs` is deprecated since Kubernetes 1.35 (KEP-5495; ACK's 1.35 release notes: \"Plan your migration to nftables mode\"), though ACK still creates it by default; ACK creates `nftables` on 1.35 and later only (CreateCluster `proxy_mode`), refused naming this key on an older pinned version. **Migration:** the provider replaces the cluster when the mode changes (`proxy_mode` is ForceNew), so a cluster created before this default (with `ipvs`) must say `proxyMode: ipvs` to be kept; moving it to `nftables` means a new cluster (a new stack, then moving the jobs with savepoints), not an update", Default = "`nftables` (`ipvs` on a pinned version before 1.35)")]
    public string? ProxyMode { get; set; }
}
