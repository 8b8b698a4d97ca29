using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.CS;
using Pulumi.AliCloud.CS.Inputs;
using Pulumi.AliCloud.CS.Outputs;
using Pulumi.AliCloud.Ecs;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
// Pulumi.AliCloud.CS.Inputs and .Outputs have KubernetesAddon types of their own (a cluster's addons block): named in full.
using AckAddon = Pulumi.AliCloud.CS.KubernetesAddon;
using AckAddonArgs = Pulumi.AliCloud.CS.KubernetesAddonArgs;
using KubernetesProvider = Pulumi.Kubernetes.Provider;
using KubernetesProviderArgs = Pulumi.Kubernetes.ProviderArgs;

namespace BlinkInfra.Compute;

/// <summary>What <see cref="ClusterCompute"/> is built from, set by name as Pulumi's own Args are.</summary>
public sealed class ClusterComputeArgs
{
    /// <summary>The compute section of the spec: Kubernetes, the master machines, the worker pools.</summary>
    public required ComputeSpec Spec { get; init; }

    /// <summary>How the machines are billed: as the cluster is.</summary>
    public required BillingMode Billing { get; init; }

    /// <summary>The cluster's zones, in the spec's order: the control plane's and the pods' vSwitches are taken in it.</summary>
    public required ImmutableArray<string> Zones { get; init; }

    /// <summary>The node vSwitches by zone: the control plane's ENIs and the machines.</summary>
    public required Output<ImmutableDictionary<string, string>> VswitchIds { get; init; }

    /// <summary>The pod vSwitches by zone: the cluster's at creation, then each pool's Terway config.</summary>
    public required Output<ImmutableDictionary<string, string>> PodVswitchIds { get; init; }

    /// <summary>The masters' group: the master machines and their pods (through their Terway config).</summary>
    public required Input<string> MastersSecurityGroupId { get; init; }

    /// <summary>The workers' group: the worker machines, their pods and the control plane's ENIs.</summary>
    public required Input<string> WorkersSecurityGroupId { get; init; }

    /// <summary>The observability section of the spec: managed Prometheus, logs (the add-ons, control-plane and audit logs).</summary>
    public required ObservabilitySpec Observability { get; init; }

    /// <summary>The stack's tags, on every resource that takes tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>The maintenance section of the spec: the window, auto-upgrade, the pools' auto-repair.</summary>
    public required MaintenanceSpec Maintenance { get; init; }

    /// <summary>With logs, the Log Service project (<see cref="BlinkInfra.Observability.ClusterLogs"/>), once it is there; null without.</summary>
    public Input<string>? LogProject { get; init; }

    /// <summary>With KMS, the key encrypting the Secrets and the disks; null without.</summary>
    public Input<string>? KmsKeyId { get; init; }

    /// <summary>With break-glass access, the key pair the machines accept for SSH; null without.</summary>
    public Input<string>? KeyPairName { get; init; }
}

/// <summary>
/// The cluster's machines: an ACK managed Pro cluster with Terway pod networking, the master machines
/// (the nodes of the JobManagers and the operator: a tainted "masters" node pool of 3 nodes over three
/// zones in a deployment set in HA mode, 1 otherwise, with a Terway config of their own so their pods carry the masters' group), and one node pool per worker pool. Node counts are node-pool inputs, so a pool of 1000
/// machines declares as many resources as one of 2.
/// </summary>
public sealed class ClusterCompute : ComponentResource
{
    public const string TypeToken = "blink:compute:ClusterCompute";

    [Output("clusterId")]
    public Output<string> ClusterId { get; private set; }

    [Output("nodePoolIds")]
    public Output<ImmutableDictionary<string, string>> NodePoolIds { get; private set; }

    /// <summary>The cluster's RRSA OIDC provider, which the engine's RAM role trusts.</summary>
    [Output("rrsaMetadata")]
    public Output<ManagedKubernetesRrsaMetadata> RrsaMetadata { get; private set; }

    /// <summary>The node pools, masters first: what Kubernetes objects wait for.</summary>
    public ImmutableArray<Resource> NodePools { get; }

    /// <summary>The optional add-ons by name (<see cref="ClusterAddons"/>): what depends on one waits for it.</summary>
    public ImmutableDictionary<string, Resource> Addons { get; }

    /// <summary>
    /// The cluster's kubeconfig (a secret), read once by the cluster credential lookup for every Kubernetes
    /// provider of the stack (the masters' Terway config here, the engine's). Wiring inside the program, not a
    /// component output: registered, the cluster's admin credentials would be one more value in the state.
    /// </summary>
    internal Output<string> KubeConfig { get; }

    public ClusterCompute(string name, ClusterComputeArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var spec = args.Spec;

        var clusterArgs = new ManagedKubernetesArgs
        {
            Name = name,
            ClusterSpec = spec.Kubernetes.ClusterSpec,
            VswitchIds = InZones(args.VswitchIds, args.Zones),
            PodVswitchIds = InZones(args.PodVswitchIds, args.Zones),
            ServiceCidr = spec.Kubernetes.ServiceCidr.ToString(),
            // kube-proxy's mode (ClusterDefaults.ProxyModes): nftables by default, ipvs being deprecated since 1.35. ForceNew.
            ProxyMode = spec.Kubernetes.ProxyMode,
            // The control plane's ENIs join the workers' group, which lets masters reach the API server.
            SecurityGroupId = args.WorkersSecurityGroupId,
            // The API server stays inside the VPC unless the spec asks; egress is the network's NAT, not ACK's.
            SlbInternetEnabled = spec.Kubernetes.ApiServerPublic,
            NewNatGateway = false,
            // Pinned (terraform-provider-alicloud v1.285.0, alicloud_cs_managed_kubernetes `version`: empty
            // takes the latest at creation, never upgraded; a higher one upgrades in place, lower is refused).
            Version = spec.Kubernetes.Version,
            // Like the protected state bucket, the cluster refuses deletion until the stack turns this off
            // (`deletion_protection`, not ForceNew: an update).
            DeletionProtection = spec.Kubernetes.DeletionProtection,
            // RRSA lets pods assume RAM roles through the cluster's OIDC provider: no access keys.
            EnableRrsa = true,
            // Only the network plugin, which must be there at create; the cluster's `addons` is create-only (the
            // provider's docs), so every optional add-on is a KubernetesAddon of its own (DeclareAddons).
            Addons =
            {
                new ManagedKubernetesAddonArgs { Name = ClusterDefaults.TerwayAddon },
            },
            Tags = Tagging.ToInputMap(args.Tags),
        };
        // Managed Service for Prometheus: ACK creates the cluster's Prometheus instance and runs its agent, which
        // scrapes the pods annotated prometheus.io/scrape (the Flink pods and the operator).
        // Secrets encryption at rest with the stack's KMS key (ACK Pro only, which every BlinkInfra cluster is; not
        // ForceNew: an update). Needs the account's AliyunCSManagedSecurityRole authorization (README). Source:
        // terraform-provider-alicloud v1.285.0, alicloud_cs_managed_kubernetes `encryption_provider_key`; ACK, "Use KMS
        // to encrypt Kubernetes Secrets" (infra/Facts/Encryption.cs). `disable_encryption` (Optional, Computed, since
        // v1.275.0) is set to false with it, as the provider's doc requires ("to enable encryption, you must specify
        // both encryption_provider_key and disable_encryption = false"; website/docs/r/cs_managed_kubernetes.html.markdown
        // and alicloud/resource_alicloud_cs_managed_kubernetes.go kmsEncryptionDiffSuppressFunc, read 2026-11-27): left
        // computed, a state that reads true (a cluster created or refreshed without encryption) suppresses every change
        // of the key, so turning KMS on for an existing cluster would silently do nothing.
        if (args.KmsKeyId is { } kmsKeyId)
        {
            clusterArgs.EncryptionProviderKey = kmsKeyId;
            clusterArgs.DisableEncryption = false;
        }
        if (args.Observability.Logs is { } logs && args.LogProject is { } logProject)
            ApplyLogs(clusterArgs, logs, logProject);
        ApplyMaintenance(clusterArgs, args.Maintenance);
        // podVswitchIds is taken at create only (infra/Facts/alicloud-replacement-inputs.json createOnly, from the provider's
        // docs for alicloud_cs_managed_kubernetes v1.285.0: "Only works for Create Operation"): ACK writes it into Terway's
        // eni-config then, and a later change does nothing. Zones added or removed afterwards reach Terway through each
        // pool's own config (DeclarePoolTerwayConfig, DeclareMastersTerwayConfig), so the cluster keeps the list it was
        // created with and a zone change shows no update here that does nothing (nor a refusal by create-only-inputs-
        // unchanged). Not `addons`: only Terway, a constant, so a change there is a mistake the diff should refuse aloud;
        // zoneIds is never set (the control plane's vSwitches are vswitchIds, which ACK updates in place).
        var clusterOptions = new CustomResourceOptions { Parent = this, IgnoreChanges = { ClusterDefaults.PodVswitchIdsInput } };
        var cluster = new ManagedKubernetes($"{name}-ack", clusterArgs, clusterOptions);
        ClusterId = cluster.Id;
        RrsaMetadata = cluster.RrsaMetadata;
        KubeConfig = Output.CreateSecret(GetClusterCredential.Invoke(new GetClusterCredentialInvokeArgs { ClusterId = cluster.Id }, new InvokeOptions { Parent = this })
            .Apply(c => c.KubeConfig));

        // A Kubernetes provider of its own beside FlinkEngine's <name>-k8s, because one would not do. Pulumi creates a
        // resource after its provider and a provider after its DependsOn, and deletes in reverse (a resource depends on its
        // provider: pulumi/pulumi pkg/resource/graph/dependency_graph.go, read 2026-12-05). The Terway configs declared
        // through this one must exist before the node pools whose nodes read them; the engine's and observability's objects
        // must come after the node pools and the pod identity webhook (which gives a pod its RRSA credentials only when the
        // pod is created) and go before them, which <name>-k8s guarantees by waiting for them. One provider waiting for the
        // pools would make the Terway configs wait for the pools that wait for them (a cycle); one not waiting would leave
        // every engine object to carry that dependency itself, and one forgotten would start pods without credentials.
        // Nothing else sets them apart: both take the one credential lookup's kubeconfig and server-side apply, neither sets
        // namespace, deleteUnreachable or enableConfigMapMutable (Pulumi.Kubernetes 4.32.0 ProviderArgs). Their names stay:
        // an object moved to another provider is replaced unless that provider's DiffConfig says otherwise (pulumi/pulumi
        // pkg/resource/deploy/step_generator.go, providerChanged).
        var system = new KubernetesProvider($"{name}-k8s-system", new KubernetesProviderArgs
        {
            KubeConfig = KubeConfig,
            EnableServerSideApply = true,
        }, new CustomResourceOptions { Parent = this });
        var mastersTerwayConfig = DeclareMastersTerwayConfig(name, args, system);
        var mastersPool = DeclareMastersPool(name, cluster, args, new CustomResourceOptions { Parent = this, DependsOn = { mastersTerwayConfig } });

        // Each worker pool's Terway config lists its zones' pod vSwitches, and exists before the pool's nodes read it.
        var pools = spec.WorkerPools.Select(pool => (pool.Name, Pool: DeclareWorkerPool(name, pool, cluster, args,
            new CustomResourceOptions { Parent = this, DependsOn = { DeclarePoolTerwayConfig(name, pool, args, system) } }))).ToList();
        if (spec.WorkerPools.Any(pool => pool.Size.Autoscaling))
            DeclareAutoscaler(name, cluster);
        NodePools = new Resource[] { mastersPool }.Concat(pools.Select(p => p.Pool)).ToImmutableArray();
        Addons = DeclareAddons(name, cluster, args);
        NodePoolIds = Output.All(new[] { mastersPool.Id }.Concat(pools.Select(p => p.Pool.Id)))
            .Apply(ids => new[] { NodeRoles.MastersPoolName }.Concat(pools.Select(p => p.Name))
                .Select((poolName, i) => (poolName, Id: ids[i]))
                .ToImmutableDictionary(p => p.poolName, p => p.Id));

        // Every [Output] property, under its name (ComponentResource.RegisterOutputs(), Pulumi 3.59 and later): the RRSA
        // metadata too, an [OutputType] object Pulumi records as a map of its fields (3.87 and later).
        RegisterOutputs();
    }

    /// <summary>
    /// Logs into the stack's Log Service project (<see cref="Logging"/>): ACK's log add-on (its agents on every node,
    /// and the operator that turns the collection CRs into SLS configs) pointed at the project; the control plane's
    /// components (ACK's managed API server, controller managers and scheduler, whose logs no node holds) kept for
    /// the same retention; the API server's audit log. Sources: terraform-provider-alicloud v1.285.0,
    /// alicloud_cs_managed_kubernetes `addons` (name, config as JSON text), control_plane_log_project,
    /// control_plane_log_ttl (days, as text) and control_plane_log_components, and audit_log_config (enabled,
    /// sls_project_name: ACK's way of turning on the API server's audit log on a managed cluster, kept in a logstore
    /// of that project; without it ACK keeps no audit log); ACK UpdateControlPlaneLog (log_ttl 1 to 3000 days).
    /// </summary>
    private static void ApplyLogs(ManagedKubernetesArgs clusterArgs, LogsSpec logs, Input<string> logProject)
    {
        if (logs.ControlPlane)
        {
            clusterArgs.ControlPlaneLogProject = logProject;
            clusterArgs.ControlPlaneLogTtl = logs.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
            clusterArgs.ControlPlaneLogComponents = Logging.ControlPlaneComponents.ToArray();
        }
        if (logs.Audit)
            clusterArgs.AuditLogConfig = new ManagedKubernetesAuditLogConfigArgs { Enabled = true, SlsProjectName = logProject };
    }

    /// <summary>
    /// The optional add-ons, each a KubernetesAddon of its own so it is installed and removed on a live cluster (the
    /// cluster's `addons` acts only at create): the pod identity webhook (RRSA), with metrics ACK's managed Prometheus,
    /// with logs the log collector pointed at the stack's project. After the node pools, whose nodes their pods need.
    /// Sources: see <see cref="ClusterAddons"/>.
    /// </summary>
    private ImmutableDictionary<string, Resource> DeclareAddons(string name, ManagedKubernetes cluster, ClusterComputeArgs args)
    {
        var addons = ImmutableDictionary.CreateBuilder<string, Resource>();
        void Declare(string addon, Input<string>? config = null)
        {
            var addonArgs = new AckAddonArgs { ClusterId = cluster.Id, Name = addon };
            if (config is not null)
                addonArgs.Config = config;
            addons[addon] = new AckAddon($"{name}-addon-{addon}", addonArgs, new CustomResourceOptions { Parent = this, DependsOn = NodePools.ToArray() });
        }
        Declare(FlinkDefaults.PodIdentityAddon);
        if (args.Observability.ManagedPrometheus)
            Declare(ClusterDefaults.PrometheusAddon);
        if (args.Observability.Logs is not null && args.LogProject is { } logProject)
        {
            Declare(Logging.Addon, logProject.ToOutput().Apply(project => System.Text.Json.JsonSerializer.Serialize(
                new SortedDictionary<string, string>(System.StringComparer.Ordinal) { [Logging.AddonProjectKey] = project })));
        }
        return addons.ToImmutable();
    }

    /// <summary>
    /// The weekly window ACK's automatic operations (auto-upgrade, the node pools' repairs and kubelet upgrades) run
    /// in, and the cluster's auto-upgrade: off by default, the pinned version then upgraded by raising it; on, along
    /// its channel, and no version is pinned (the cluster starts on ACK's latest, which the channel then moves; a pinned
    /// one would read as a downgrade on the next update, which ACK refuses). Sources: see <see cref="Maintenance"/>.
    /// </summary>
    private static void ApplyMaintenance(ManagedKubernetesArgs clusterArgs, MaintenanceSpec maintenance)
    {
        clusterArgs.MaintenanceWindow = maintenance.Window is { } window
            ? new ManagedKubernetesMaintenanceWindowArgs
            {
                Enable = true,
                WeeklyPeriod = window.Days,
                MaintenanceTime = window.StartTime,
                Duration = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{window.DurationHours}h"),
            }
            : new ManagedKubernetesMaintenanceWindowArgs { Enable = false };
        clusterArgs.OperationPolicy = new ManagedKubernetesOperationPolicyArgs
        {
            ClusterAutoUpgrade = maintenance.AutoUpgradeChannel is { } channel
                ? new ManagedKubernetesOperationPolicyClusterAutoUpgradeArgs { Enabled = true, Channel = channel }
                : new ManagedKubernetesOperationPolicyClusterAutoUpgradeArgs { Enabled = false },
        };
        if (maintenance.AutoUpgradeChannel is not null)
            clusterArgs.Version = null;
    }

    /// <summary>
    /// A node pool's management: auto-repair (a node ACK finds unhealthy is drained, then restarted or replaced) and
    /// kubelet auto-upgrade, both in the maintenance window, <c>MaxUnavailable</c> nodes at a time. The masters' pool
    /// gets the masters' setting, off by default: a repair there drains the node of a JobManager and the operator
    /// (policy masters-pool-not-auto-repaired). Sources: see <see cref="Maintenance"/>.
    /// </summary>
    private static NodePoolManagementArgs Management(NodePoolManagementSpec management)
    {
        var args = new NodePoolManagementArgs
        {
            Enable = management.AutoRepair || management.AutoUpgrade,
            AutoRepair = management.AutoRepair,
            AutoUpgrade = management.AutoUpgrade,
            MaxUnavailable = management.MaxUnavailable,
        };
        if (management.AutoRepair)
            args.AutoRepairPolicy = new NodePoolManagementAutoRepairPolicyArgs { RestartNode = true };
        if (management.AutoUpgrade)
            args.AutoUpgradePolicy = new NodePoolManagementAutoUpgradePolicyArgs { AutoUpgradeKubelet = true };
        return args;
    }

    /// <summary>
    /// The masters' Terway config: ConfigMap kube-system/blink-eni-masters whose eni_conf names the
    /// masters' group (both keys Terway unites, so the merge over the cluster's eni-config keeps no other
    /// group), so the JobManager and operator pods on the masters carry the masters' group, as the masters
    /// do. Terway reads it on every node labelled terway-config=blink-eni-masters, when its daemon starts,
    /// and fails on a labelled node whose ConfigMap is missing: so it is created before the masters pool,
    /// through a provider of its own that, unlike the engine's, does not wait for the node pools (a
    /// ConfigMap needs only the API server, which the managed cluster runs). Sources: see <see cref="PodNetworking"/>.
    /// </summary>
    private ConfigMap DeclareMastersTerwayConfig(string name, ClusterComputeArgs args, KubernetesProvider system)
        => new($"{name}-eni-config-masters", new ConfigMapArgs
        {
            Metadata = new ObjectMetaArgs { Name = PodNetworking.MastersTerwayConfig, Namespace = PodNetworking.TerwayConfigNamespace },
            Data =
            {
                {
                    PodNetworking.TerwayConfigKey,
                    Output.Tuple(args.MastersSecurityGroupId.ToOutput(), args.PodVswitchIds)
                        .Apply(t => MastersEniConfig(t.Item1, InZonesOf(t.Item2, args.Spec.Masters.Zones)))
                },
            },
        }, new CustomResourceOptions { Parent = this, Provider = system });

    /// <summary>
    /// A worker pool's Terway config: ConfigMap kube-system/blink-eni-&lt;pool&gt; listing the pod vSwitch of each zone of the
    /// pool, which its nodes (labelled terway-config=blink-eni-&lt;pool&gt;) read when Terway starts there. A zone added to the
    /// network and the pool reaches Terway through it, not through the cluster's pod_vswitch_ids, which ACK applies at
    /// creation only (PodNetworking.VswitchesKey). Created before the pool's nodes, as the masters' is.
    /// </summary>
    private ConfigMap DeclarePoolTerwayConfig(string name, WorkerPoolSpec pool, ClusterComputeArgs args, KubernetesProvider system)
        => new($"{name}-eni-config-{pool.Name}", new ConfigMapArgs
        {
            Metadata = new ObjectMetaArgs { Name = PodNetworking.PoolTerwayConfig(pool.Name), Namespace = PodNetworking.TerwayConfigNamespace },
            Data = { { PodNetworking.TerwayConfigKey, args.PodVswitchIds.Apply(ids => PoolEniConfig(InZonesOf(ids, pool.Zones))) } },
        }, new CustomResourceOptions { Parent = this, Provider = system });

    /// <summary>Zone to pod vSwitch, for the zones given, in their order.</summary>
    private static ImmutableArray<(string Zone, string Vswitch)> InZonesOf(ImmutableDictionary<string, string> podVswitchIds, ImmutableArray<string> zones)
        => zones.Select(zone => (zone, podVswitchIds[zone])).ToImmutableArray();

    /// <summary>Terway's "vswitches": zone to the list of its pod vSwitches.</summary>
    private static SortedDictionary<string, string[]> Vswitches(ImmutableArray<(string Zone, string Vswitch)> podVswitches)
        => new(podVswitches.ToDictionary(p => p.Zone, p => new[] { p.Vswitch }), System.StringComparer.Ordinal);

    /// <summary>A worker pool's eni_conf: the pod vSwitch of each of its zones (the group stays the cluster's, the workers').</summary>
    public static string PoolEniConfig(ImmutableArray<(string Zone, string Vswitch)> podVswitches)
        => System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, object>(System.StringComparer.Ordinal)
        {
            [PodNetworking.VswitchesKey] = Vswitches(podVswitches),
        });

    /// <summary>The masters' eni_conf: their group as security_group and as the only one of security_groups, and the pod vSwitch of each master zone.</summary>
    public static string MastersEniConfig(string mastersSecurityGroupId, ImmutableArray<(string Zone, string Vswitch)> podVswitches)
        => System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, object>(System.StringComparer.Ordinal)
        {
            ["security_group"] = mastersSecurityGroupId,
            ["security_groups"] = new[] { mastersSecurityGroupId },
            [PodNetworking.VswitchesKey] = Vswitches(podVswitches),
        });

    /// <summary>
    /// The master machines: the nodes of the JobManagers and the operator, as one node pool whose nodes
    /// ACK creates, labels and taints itself (never ECS instances Pulumi also owns and joins through the
    /// pool's `instances`: shrinking that list makes the provider remove them with ReleaseNode, and ACK's
    /// tags on them read back as drift). 1 node, or 3 spread evenly over the first three zones
    /// (multiAzPolicy BALANCE) in a deployment set with the Availability strategy, each on its own
    /// physical server. Sources: terraform-provider-alicloud v1.285.0, resource
    /// alicloud_cs_kubernetes_node_pool (desired_size, multi_az_policy, deployment_set_id: ForceNew,
    /// set at creation only) and alicloud_ecs_deployment_set (strategy: ForceNew); ACK, "Associate a
    /// deployment set with a node pool" (nodes join or leave only by scaling the pool; at most 20 ECS
    /// instances per zone in a deployment set).
    /// </summary>
    private NodePool DeclareMastersPool(string name, ManagedKubernetes cluster, ClusterComputeArgs args, CustomResourceOptions poolOptions)
    {
        var spec = args.Spec;
        var poolArgs = new NodePoolArgs
        {
            ClusterId = cluster.Id,
            NodePoolName = NodeRoles.MastersPoolName,
            VswitchIds = InZones(args.VswitchIds, spec.Masters.Zones),
            InstanceTypes = { spec.Masters.InstanceType },
            DesiredSize = spec.Masters.Zones.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SecurityGroupIds = { args.MastersSecurityGroupId },
            SystemDiskCategory = ClusterDefaults.SystemDiskCategory,
            SystemDiskSize = ClusterDefaults.SystemDiskSizeGiB,
            // terway-config: the pods' network interfaces on these nodes carry the masters' group (DeclareMastersTerwayConfig).
            Labels = Labels((NodeRoles.RoleLabel, NodeRoles.MasterRole), (NodeRoles.PoolLabel, NodeRoles.MastersPoolName),
                (PodNetworking.TerwayConfigLabel, PodNetworking.MastersTerwayConfig)),
            Taints = { Taint(NodeRoles.RoleLabel, NodeRoles.MasterRole) },
            Tags = Tagging.ToInputMap(Tagging.ForMasterMachines(args.Tags)),
            Management = Management(args.Maintenance.Masters),
        };
        ApplyImage(poolArgs, spec.Masters.ImageId);
        ApplyBilling(poolArgs, args.Billing);
        ApplyKeys(poolArgs, args);
        if (spec.HighAvailability)
        {
            var deploymentSet = new EcsDeploymentSet($"{name}-masters-ds", new EcsDeploymentSetArgs
            {
                DeploymentSetName = DerivedNames.MastersDeploymentSet(name),
                Strategy = "Availability",
                Description = DerivedNames.MastersDeploymentSetDescription(name),
            }, new CustomResourceOptions { Parent = this });
            poolArgs.DeploymentSetId = deploymentSet.Id;
            poolArgs.MultiAzPolicy = ClusterDefaults.BalancedAcrossZones;
        }
        return new NodePool($"{name}-pool-{NodeRoles.MastersPoolName}", poolArgs, poolOptions);
    }

    private static NodePool DeclareWorkerPool(string name, WorkerPoolSpec pool, ManagedKubernetes cluster, ClusterComputeArgs args, CustomResourceOptions childOptions)
    {
        var labels = new List<(string, string)>
        {
            (NodeRoles.RoleLabel, NodeRoles.WorkerRole),
            (NodeRoles.PoolLabel, pool.Name),
            (NodeRoles.FamilyLabel, pool.Family),
            // Terway on these nodes reads the pool's own config: its zones' pod vSwitches (DeclarePoolTerwayConfig).
            (PodNetworking.TerwayConfigLabel, PodNetworking.PoolTerwayConfig(pool.Name)),
        };
        var taints = new InputList<NodePoolTaintArgs>();
        if (pool.Kind != MachineKind.Cpu)
        {
            // Only jobs that tolerate the accelerator taint land on GPU and FPGA machines.
            labels.Add((NodeRoles.AcceleratorLabel, NodeRoles.AcceleratorName(pool.Kind)));
            taints.Add(Taint(NodeRoles.AcceleratorLabel, NodeRoles.AcceleratorName(pool.Kind)));
        }
        if (pool.GpuDriverVersion is { } driver)
            labels.Add((ClusterDefaults.NvidiaDriverLabel, driver));

        var poolArgs = new NodePoolArgs
        {
            ClusterId = cluster.Id,
            NodePoolName = pool.Name,
            VswitchIds = InZones(args.VswitchIds, pool.Zones),
            InstanceTypes = pool.InstanceTypes.ToArray(),
            SecurityGroupIds = { args.WorkersSecurityGroupId },
            SystemDiskCategory = ClusterDefaults.SystemDiskCategory,
            SystemDiskSize = ClusterDefaults.SystemDiskSizeGiB,
            Labels = Labels(labels.ToArray()),
            Taints = taints,
            Tags = Tagging.ToInputMap(args.Tags),
            Management = Management(args.Maintenance.Workers),
        };
        // A fixed pool has a desired size (ACK takes it as text); an autoscaling pool a scaling range.
        if (pool.Size.DesiredNodes is { } desired)
            poolArgs.DesiredSize = desired.ToString(System.Globalization.CultureInfo.InvariantCulture);
        else
            poolArgs.ScalingConfig = new NodePoolScalingConfigArgs
            {
                Enable = true,
                MinSize = pool.Size.MinNodes,
                MaxSize = pool.Size.MaxNodes,
                // GPU machines scale as gpu, the rest as cpu (ClusterDefaults.ScalingTypeOf); set at create only.
                Type = ClusterDefaults.ScalingTypeOf(pool.Kind),
            };
        // The state disk first and the container runtime's last: ACK formats the last data disk as the runtime's
        // directory (DataDisks), so the state disk keeps its mount.
        if (pool.DataDisk is { } disk)
        {
            poolArgs.DataDisks.Add(StateDisk(disk, args.KmsKeyId));
            poolArgs.DataDisks.Add(RuntimeDisk(disk, args.KmsKeyId));
            // RocksDB's directory made the Flink user's on the node, so the TaskManager needs no root (DataDisks).
            poolArgs.UserData = DataDisks.StateDirectoryUserData(FlinkDefaults.FlinkUserId);
        }
        ApplyImage(poolArgs, pool.ImageId);
        ApplyBilling(poolArgs, args.Billing);
        ApplyKeys(poolArgs, args);
        // A renamed pool keeps its node pool and machines: ACK renames a node pool in place (nodePoolName is not
        // ForceNew, infra/Facts/alicloud-replacement-inputs.json), so the pool is found under its former names.
        // Its own options, with the caller's parent and dependencies (the pool's Terway config, created first).
        var poolOptions = new CustomResourceOptions { Parent = childOptions.Parent, DependsOn = childOptions.DependsOn };
        poolOptions.Aliases.AddRange(pool.FormerNames.Select(former => (Input<Alias>)new Alias { Name = $"{name}-pool-{former}" }));
        return new NodePool($"{name}-pool-{pool.Name}", poolArgs, poolOptions);
    }

    /// <summary>
    /// The cluster's node autoscaler, without which a pool's scalingConfig never scales: the pool stays
    /// at its minimum. Source: terraform-provider-alicloud v1.285.0, alicloud_cs_autoscaling_config
    /// (cluster_id ForceNew; scaler_type cluster-autoscaler or goatscaler, the latter not on Kubernetes
    /// 1.22 and older, so cluster-autoscaler, which every version runs; the other values are the
    /// documented defaults, written out so the plan shows them) and alicloud_cs_kubernetes_node_pool
    /// (autoscaled pools need the account's AliyunCSManagedAutoScalerRole authorization, an
    /// account-wide service role granted once in the console, not declared here: README). TaskManagers
    /// request their whole machine, so the autoscaler removes only nodes whose TaskManager Flink released.
    /// </summary>
    private void DeclareAutoscaler(string name, ManagedKubernetes cluster)
        => new AutoscalingConfig($"{name}-autoscaler", new AutoscalingConfigArgs
        {
            ClusterId = cluster.Id,
            ScalerType = "cluster-autoscaler",
            Expander = "least-waste",
            ScaleDownEnabled = true,
            UtilizationThreshold = "0.5",
            GpuUtilizationThreshold = "0.5",
            UnneededDuration = "10m",
            CoolDownDuration = "10m",
            ScanInterval = "30s",
        }, new CustomResourceOptions { Parent = this });

    /// <summary>
    /// A worker's state disk, formatted (ext4) and mounted by ACK at <see cref="DataDisks.MountPath"/> when the
    /// node is created, where the TaskManager's RocksDB keeps its working files. Source: terraform-provider-alicloud
    /// v1.285.0, alicloud_cs_kubernetes_node_pool `data_disks` (category, size, performance_level, encrypted as
    /// "true"/"false", auto_format, file_system, mount_target taken only with auto_format; nothing of it ForceNew:
    /// a change applies to nodes created afterwards). See <see cref="DataDisks"/>.
    /// </summary>
    private static NodePoolDataDiskArgs StateDisk(DataDiskSpec disk, Input<string>? kmsKeyId)
    {
        var args = new NodePoolDataDiskArgs
        {
            Category = disk.Category,
            Size = disk.SizeGiB,
            Encrypted = disk.Encrypted ? "true" : "false",
            AutoFormat = "true",
            FileSystem = DataDisks.FileSystem,
            MountTarget = DataDisks.MountPath,
        };
        if (disk.PerformanceLevel is { } level)
            args.PerformanceLevel = level;
        // An encrypted disk with the stack's KMS key rather than ECS's default key (`kms_key_id`).
        if (disk.Encrypted && kmsKeyId != null)
            args.KmsKeyId = kmsKeyId;
        return args;
    }

    /// <summary>
    /// A worker's container runtime disk, the pool's last data disk, which ACK's node initialization formats and mounts as
    /// the runtime's directory itself (so no auto_format or mount_target here): the same category and encryption as the
    /// state disk, PL0 on an ESSD. See <see cref="DataDisks"/>.
    /// </summary>
    private static NodePoolDataDiskArgs RuntimeDisk(DataDiskSpec disk, Input<string>? kmsKeyId)
    {
        var args = new NodePoolDataDiskArgs
        {
            Category = disk.Category,
            Size = disk.RuntimeSizeGiB,
            Encrypted = disk.Encrypted ? "true" : "false",
        };
        if (disk.PerformanceLevel is not null)
            args.PerformanceLevel = DataDisks.RuntimePerformanceLevel;
        if (disk.Encrypted && kmsKeyId != null)
            args.KmsKeyId = kmsKeyId;
        return args;
    }

    /// <summary>
    /// The stack's keys on a pool's machines: with a KMS key, the system disk encrypted with it
    /// (`system_disk_encrypted`, `system_disk_kms_key`; ECS encrypts a disk with a KMS key only once the account has
    /// granted its service role AliyunECSDiskEncryptDefaultRole: README); with break-glass access, the key pair SSH
    /// accepts (`key_name`). Source: terraform-provider-alicloud v1.285.0, alicloud_cs_kubernetes_node_pool (none of
    /// them ForceNew: a change applies to nodes created afterwards).
    /// </summary>
    private static void ApplyKeys(NodePoolArgs poolArgs, ClusterComputeArgs args)
    {
        if (args.KmsKeyId is { } kmsKeyId)
        {
            poolArgs.SystemDiskEncrypted = true;
            poolArgs.SystemDiskKmsKey = kmsKeyId;
        }
        if (args.KeyPairName is { } keyPairName)
            poolArgs.KeyName = keyPairName;
    }

    /// <summary>A pool's image: ACK's own (Alibaba Cloud Linux 3) unless the spec gives one, then as a custom image.</summary>
    private static void ApplyImage(NodePoolArgs poolArgs, string? imageId)
    {
        if (imageId is null)
            return;
        poolArgs.ImageId = imageId;
        poolArgs.ImageType = "Custom";
    }

    /// <summary>Machines are billed like the cluster: subscription ones monthly, renewed automatically.</summary>
    private static void ApplyBilling(NodePoolArgs poolArgs, BillingMode billing)
    {
        poolArgs.InstanceChargeType = ClusterDefaults.ChargeType(billing);
        if (billing != BillingMode.Subscription)
            return;
        poolArgs.Period = 1;
        poolArgs.PeriodUnit = "Month";
        poolArgs.AutoRenew = true;
    }

    /// <summary>The ids of the zones' vSwitches, in the order of the zones.</summary>
    private static Output<ImmutableArray<string>> InZones(Output<ImmutableDictionary<string, string>> vswitchIds, ImmutableArray<string> zones)
        => vswitchIds.Apply(ids => zones.Select(zone => ids[zone]).ToImmutableArray());

    private static InputList<NodePoolLabelArgs> Labels(params (string Key, string Value)[] labels)
    {
        var list = new InputList<NodePoolLabelArgs>();
        foreach (var (key, value) in labels)
            list.Add(new NodePoolLabelArgs { Key = key, Value = value });
        return list;
    }

    private static NodePoolTaintArgs Taint(string key, string value)
        => new() { Key = key, Value = value, Effect = NodeRoles.NoSchedule };
}
