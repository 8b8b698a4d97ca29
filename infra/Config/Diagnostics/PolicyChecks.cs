using System.Collections.Generic;
using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>
/// What each policy of the packs looks at, in detail (the catalogue's title says it in a line): keyed by the
/// catalogue's entry, so no name is written twice, and printed in docs/diagnostics.md (tests/Docs).
/// Facts the text cites live in infra/Facts, each with its source.
/// </summary>
public static class PolicyChecks
{
    public static readonly ImmutableDictionary<DiagnosticEntry, string> What = new Dictionary<DiagnosticEntry, string>
    {
        [DiagnosticCatalogue.RegionAllowedForBilling] = "the region is offered for the billing mode",
        [DiagnosticCatalogue.ZonesInRegion] = "every vSwitch zone (and so every machine's: pools place them in vSwitches) is a zone of the region",
        [DiagnosticCatalogue.ResourcesInStackRegion] = "every AliCloud provider is pinned to the region",
        [DiagnosticCatalogue.AckOfferingsUnconfirmed] = "what the stack pins that ACK must still offer was confirmed by a source: the cluster's Kubernetes version (that ACK still creates `1.35.2-aliyun.1` could not be confirmed: no source read 2026-12-05 lists the patch versions CreateCluster takes; settle it with the provider's `alicloud_cs_kubernetes_version` data source or `aliyun cs GET /api/v1/metadata/versions`) and a GPU pool's pinned driver (no list read names a driver for 1.35, and ACK installs its default driver, without an error, instead of one it does not list); the facts, with what was read and when, are `infra/Facts/AckOfferings.cs`, so a fact confirmed later is a line there",
        [DiagnosticCatalogue.NoIngressFromInternet] = "no rule lets in 0.0.0.0/0 or ::/0 (no world ingress anywhere)",
        [DiagnosticCatalogue.ImagesAndChartReachable] = "without internet egress, every session cluster's image and the operator's (the chart's `ghcr.io` default when the release sets none) is on an ACR VPC endpoint of the stack's region (`registry-vpc.<region>.aliyuncs.com`, `crpi-…-vpc.<region>.personal.cr.aliyuncs.com`): the nodes pull through their security group, which then reaches only `100.64.0.0/10` among Alibaba Cloud's addresses; behind a NAT firewall (`internetEgress.allowedHosts`), every image is on such an endpoint or on a registry host allowed on 443 (`host:443`, or a `*.` entry above it); and, with or without egress, the operator's chart repository is not a host that keeps only current releases (`downloads.apache.org`, `dlcdn.apache.org`)",
        [DiagnosticCatalogue.PrivateAddressSpace] = "every vSwitch lies in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16: a VPC in public address space is allowed, but the VPC routes those addresses to itself, so the internet's hosts there become unreachable; said once, of `network.cidrBlock`, when the VPC's own block is public",
        [DiagnosticCatalogue.ApiServerAuditLog] = "the API server's audit log is on (`auditLogConfig`, `observability.logs.audit`)",
        [DiagnosticCatalogue.NoPublicIp] = "no node pool gives its machines internet bandwidth",
        [DiagnosticCatalogue.InternetOnlyThroughNat] = "EIPs only on the NAT gateway; ACK makes no NAT of its own",
        [DiagnosticCatalogue.VpcSecurityGroups] = "security groups are VPC groups",
        [DiagnosticCatalogue.LeastPrivilegeDataEgress] = "no accept rule opens all ports to a block wider than /16, but Alibaba Cloud's service block `100.64.0.0/10` (ACK's own least-privilege outbound rule)",
        [DiagnosticCatalogue.PodPortsOnlyCluster] = "the pods' groups let in only the ports the cluster listens on (`ClusterPorts`)",
        [DiagnosticCatalogue.WebUiOnlyFromPeers] = "only the stack's own groups (the API server's proxy) and `security.peerGroups` reach the web UI (8081); never a CIDR block",
        [DiagnosticCatalogue.PodEgressOnlyDeclared] = "every group drops what it does not accept out, and accepts only the stack's groups, `100.64.0.0/10`, tcp 6443 to the cluster's vSwitches, the declared endpoints (tcp, port, block) and, with internet egress, tcp 80/443 anywhere (with a NAT firewall, the allowed hosts' ports: the resources show them, its accept policies' domains and ports)",
        [DiagnosticCatalogue.PrivateApiServer] = "the API server is public only with `kubernetes.apiServerPublic`",
        [DiagnosticCatalogue.CloudFirewallEnabled] = "names every NAT firewall (`internetEgress.allowedHosts`): it needs Cloud Firewall enabled in the account, which nothing offline can see; confirm it, then set this policy's level to `disabled` (as `prod-hangzhou` does)",
        [DiagnosticCatalogue.BreakGlassKeyPair] = "names every node pool whose machines accept an SSH key pair (`keyName`, from `security.breakGlass`): whoever holds the private key reaches them on port 22 wherever the groups let it in",
        [DiagnosticCatalogue.ThreeMastersThreeZones] = "with HA, the master machines' pool has 3 nodes over 3 vSwitches (so 3 zones), spread evenly (`multiAzPolicy` `BALANCE`) in a deployment set",
        [DiagnosticCatalogue.JobmanagerHaOnBucket] = "HA session clusters run Kubernetes HA on the state bucket, with a standby JobManager, except one that hosts session jobs (a `FlinkSessionJob` naming it), which runs exactly one: a job's jar is uploaded to one JobManager and run through a Service that may pick the other (`engine.jobManagerReplicas`)",
        [DiagnosticCatalogue.HaMetadataReadableThroughRrsa] = "with HA, every session cluster runs an image of the stack's own with `fs.oss.credentials.provider` set (stock Flink cannot read its HA metadata on OSS through RRSA and never starts)",
        [DiagnosticCatalogue.MastersPoolNotAutoRepaired] = "the master machines' pool (labelled `blink.io/role=master`) is not auto-repaired by ACK (`management.enable` and `management.autoRepair` both true): a repair drains the node of a JobManager and the operator at a time of ACK's choosing (`maintenance.masters.autoRepair: true` plans, and is refused here)",
        [DiagnosticCatalogue.AcceleratorPoolsTainted] = "GPU and FPGA pools carry their NoSchedule taint",
        [DiagnosticCatalogue.FpgaPoolsHaveImage] = "FPGA pools boot an image",
        [DiagnosticCatalogue.InstanceFamiliesKnown] = "machine types are in the catalogue",
        [DiagnosticCatalogue.InstanceTypesOfferedInZones] = "every node pool's instance types are offered in each zone of its vSwitches, where a dated row of `infra/Facts/InstanceAvailability.cs` decides it (a row listing every zone of the region that offers the type or its family, for the pool's billing method or any); zones no row decides are not judged (no public source gave a row: see [known-limits.md](known-limits.md); `./blink availability import` records DescribeAvailableResource's answers, and `check --stack` prints a `note:` naming the pool's key for accelerator pools in undecided zones)",
        [DiagnosticCatalogue.PoolsCreateTheirNodes] = "no node pool joins ECS instances through `instances` (they would be owned by both Pulumi and ACK)",
        [DiagnosticCatalogue.StateDiskNotRuntimeDisk] = "no node pool's last data disk has a mount target: ACK formats the last data disk as the container runtime's directory (`/var/lib/containerd`), so a state disk there is never mounted where the TaskManagers look (ACK, \"ACK node initialization process\")",
        [DiagnosticCatalogue.TaskManagerFitsBesideSystemPods] = "every session cluster's TaskManager fits its pool's smallest machine beside every DaemonSet and, on an untainted pool, the system Deployments the tainted masters push onto the workers (CoreDNS, metrics-server, the pod identity webhook, the add-ons' collectors: `infra/Facts/NodeAllocatable.cs`), or it stays Pending",
        [DiagnosticCatalogue.NoAutoscalingSubscriptionPools] = "no subscription (`PrePaid`) node pool autoscales (`scalingConfig.enable`): ACK removes subscription nodes on scale-in but does not release them, so they stay billed (ACK, \"Enable node auto scaling\"; `RemoveNodePoolNodes`); the config refuses it first",
        [DiagnosticCatalogue.StateBucketLockedDown] = "the state bucket has no deprecated `acl` of its own, an `Oss.BucketAcl` `private` and an `Oss.BucketPublicAccessBlock` blocking public access (matched by the bucket's name or a dependency on it), server-side encryption (`AES256`, `KMS` or `SM4`; a `kmsMasterKeyId` only with `KMS`, which alone uses it), versioning, and an enabled lifecycle rule for the whole bucket (no prefix, no filter) that expires noncurrent versions and one that aborts incomplete multipart uploads",
        [DiagnosticCatalogue.StateBucketProtected] = "the state bucket is protected from deletion",
        [DiagnosticCatalogue.SecretsKeyKept] = "the KMS key a cluster's `encryptionProviderKey` names, when the stack declares it, is `protect`ed, `Enabled` and `Aliyun_AES_256` (ACK: a disabled or deleted key leaves the API server unable to read Secrets and service accounts)",
        [DiagnosticCatalogue.NoPlaintextSecrets] = "no credential-like input (password, keys, token, kubeconfig, Secret data) is plain text",
        [DiagnosticCatalogue.FlinkReadsOssThroughRrsa] = "without HA, a session cluster that runs jobs (whose checkpoints need the bucket) does not run the stock Flink image, whose OSS filesystem cannot use RRSA",
        [DiagnosticCatalogue.DataDisksEncrypted] = "with a KMS key in the stack (`security.kms`), every pool's data disks are encrypted (`workerPools[i].dataDisk.encrypted`): RocksDB's state would otherwise be the one copy in plain",
        [DiagnosticCatalogue.OperatorReadsOssJars] = "with jobs whose jars are on `oss://`, the operator runs an image of the stack's own (the stock one has no filesystem plugin; the chart's repository, Apache's, or any mirror keeping the stock tag `1.15.0` counts as stock): `images/flink-operator-oss/` builds one",
        [DiagnosticCatalogue.AlertsHaveReceivers] = "every ARMS alert rule is routed (`DISPATCH_RULE`) to a notification policy of the stack that notifies at least one contact or group; reported once, on the stack, naming the rules that reach no one (see `observability.alerting`)",
    }.ToImmutableDictionary();

    /// <summary>The detail of a policy's entry, or null for an entry that is not a policy of the packs.</summary>
    public static string? Of(DiagnosticEntry entry) => What.TryGetValue(entry, out var text) ? text : null;
}
