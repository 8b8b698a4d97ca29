using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Compute;
using BlinkInfra.Config;
using BlinkInfra.Engine;
using BlinkInfra.Network;
using BlinkInfra.Observability;
using BlinkInfra.Security;
using Pulumi;

namespace BlinkInfra;

/// <summary>
/// The BlinkInfra stack: built from a spec that was read and validated once, before the program ran
/// (see <see cref="SpecLoader"/>); it reads no config itself.
/// </summary>
public sealed class BlinkStack : Stack
{
    [Output("vpcId")]
    public Output<string> VpcId { get; private set; }

    [Output("vswitchIds")]
    public Output<ImmutableDictionary<string, string>> VswitchIds { get; private set; }

    [Output("mastersSecurityGroupId")]
    public Output<string> MastersSecurityGroupId { get; private set; }

    [Output("workersSecurityGroupId")]
    public Output<string> WorkersSecurityGroupId { get; private set; }

    [Output("clusterId")]
    public Output<string> ClusterId { get; private set; }

    [Output("nodePoolIds")]
    public Output<ImmutableDictionary<string, string>> NodePoolIds { get; private set; }

    [Output("stateBucket")]
    public Output<string> StateBucket { get; private set; }

    /// <summary>Every resource declared in the stack, in order, as a stack transformation sees them: what warnings are attached to.</summary>
    private readonly List<Resource> _declared;

    private readonly ImmutableArray<StackWarning> _warnings;

    public BlinkStack(StackSpec spec, BlinkStackOptions? options = null) : this(spec, options ?? new BlinkStackOptions(), new List<Resource>())
    {
    }

    private BlinkStack(StackSpec spec, BlinkStackOptions options, List<Resource> declaredResources) : base(ToStackOptions(options, declaredResources))
    {
        _declared = declaredResources;
        _warnings = options.Warnings;
        var name = spec.Cluster.Name;
        var tags = Tagging.For(spec.Cluster, Deployment.Instance.StackName);

        // One explicit provider pinned to the spec's region, so the region the spec validated is
        // the region every resource lands in, whatever alicloud:region says.
        var provider = new Pulumi.AliCloud.Provider($"{name}-alicloud", new Pulumi.AliCloud.ProviderArgs
        {
            Region = spec.Cluster.Region,
        }, FormerlyNamed(spec.Cluster, former => $"{former}-alicloud"));

        // Across accounts, the tenant's resources go through a provider of their own, assuming the tenant's
        // role (terraform-provider-alicloud provider assume_role), pinned to the same region.
        var tenant = spec.DataAccess.CrossAccount is { } cross
            ? new Pulumi.AliCloud.Provider($"{name}-tenant-alicloud", new Pulumi.AliCloud.ProviderArgs
            {
                Region = spec.Cluster.Region,
                AssumeRole = new Pulumi.AliCloud.Inputs.ProviderAssumeRoleArgs { RoleArn = cross.TenantRoleArn, SessionName = DerivedNames.TenantSession(name) },
            }, FormerlyNamed(spec.Cluster, former => $"{former}-tenant-alicloud"))
            : null;

        if (spec.Network.ExistingVpcId is null && tenant is null)
        {
            SetOutputs(Declare(spec, provider, tenant, new Lookups(null, null), tags));
            LogWarnings();
            return;
        }

        // A lookup that can invalidate the config (the existing VPC: is it there, with the CIDR block the
        // spec planned in, without a default route that would shadow the NAT gateway's? the tenant's VPC?)
        // is awaited, and checked, before anything but the providers it goes through is declared. Checked
        // inside an Apply, its RunException would surface under the real SDK in every input and invoke
        // argument depending on it, as one "error serializing property" error with a stack trace each,
        // instead of one line naming the key.
        var declaring = DeclareAfterLookupAsync(spec, provider, tenant, tags);
        // Reports a failed lookup: a RunException, shown as its message alone. Nothing depends on this output.
        _ = Output.Create(declaring);
        // The stack's outputs: null after a failed lookup, so that registering them reports nothing more.
        var declared = Output.Create(NullAfterFailure(declaring));
        VpcId = declared.Apply(d => d?.VpcId);
        VswitchIds = declared.Apply(d => d?.VswitchIds);
        MastersSecurityGroupId = declared.Apply(d => d?.MastersSecurityGroupId);
        WorkersSecurityGroupId = declared.Apply(d => d?.WorkersSecurityGroupId);
        ClusterId = declared.Apply(d => d?.ClusterId);
        NodePoolIds = declared.Apply(d => d?.NodePoolIds);
        StateBucket = declared.Apply(d => d?.StateBucket);
    }

    /// <summary>The stack's outputs, as the components declare them.</summary>
    private sealed record Declared(
        Output<string> VpcId,
        Output<ImmutableDictionary<string, string>> VswitchIds,
        Output<string> MastersSecurityGroupId,
        Output<string> WorkersSecurityGroupId,
        Output<string> ClusterId,
        Output<ImmutableDictionary<string, string>> NodePoolIds,
        Output<string> StateBucket);

    [MemberNotNull(nameof(VpcId), nameof(VswitchIds), nameof(MastersSecurityGroupId), nameof(WorkersSecurityGroupId), nameof(ClusterId), nameof(NodePoolIds), nameof(StateBucket))]
    private void SetOutputs(Declared declared)
    {
        VpcId = declared.VpcId;
        VswitchIds = declared.VswitchIds;
        MastersSecurityGroupId = declared.MastersSecurityGroupId;
        WorkersSecurityGroupId = declared.WorkersSecurityGroupId;
        ClusterId = declared.ClusterId;
        NodePoolIds = declared.NodePoolIds;
        StateBucket = declared.StateBucket;
    }

    /// <summary>What the stack looked up before declaring anything: the cluster's existing VPC, the tenant's VPC.</summary>
    private sealed record Lookups(CheckedVpc? ClusterVpc, CheckedVpc? TenantVpc);

    private async Task<Declared> DeclareAfterLookupAsync(
        StackSpec spec, Pulumi.AliCloud.Provider provider, Pulumi.AliCloud.Provider? tenant, IReadOnlyDictionary<string, string> tags)
    {
        CheckedVpc? clusterVpc = null;
        if (spec.Network.ExistingVpcId is { } existingVpcId)
        {
            clusterVpc = await ExistingVpc.LookupAsync(existingVpcId, spec.Network.VpcCidrBlock.ToString(), provider, ConfigKeys.Section("network")).ConfigureAwait(false);
            if (spec.Network.InternetEgress.Enabled)
                await DefaultRoute.CheckAbsentAsync(clusterVpc, provider).ConfigureAwait(false);
        }
        CheckedVpc? tenantVpc = null;
        if (spec.DataAccess.CrossAccount is { } cross)
            tenantVpc = await ExistingVpc.LookupAsync(cross.VpcId, cross.CidrBlock.ToString(), tenant!, $"{ConfigKeys.Section("dataAccess")}.crossAccount").ConfigureAwait(false);
        var declared = Declare(spec, provider, tenant, new Lookups(clusterVpc, tenantVpc), tags);
        LogWarnings();
        return declared;
    }

    /// <summary>
    /// The warnings handed to the stack, each logged on the resource it is about (the engine shows it on
    /// that resource's line, by its URN), or on the stack. Logged once the resources are declared, so a
    /// resource's URN is there to send; after a failed lookup nothing is declared, and they are not logged.
    /// </summary>
    private void LogWarnings()
    {
        List<Resource> declared;
        lock (_declared)
        {
            declared = _declared.ToList();
        }
        foreach (var (warning, resource) in StackWarning.Attach(_warnings, declared))
            Log.Warn(warning.Message, resource ?? this);
    }

    private static async Task<Declared?> NullAfterFailure(Task<Declared> declaring)
    {
        try
        {
            return await declaring.ConfigureAwait(false);
        }
        catch
        {
            return null; // reported by the output made of `declaring` itself
        }
    }

    /// <summary>The components, from the validated spec (and the existing VPC's id, once checked).</summary>
    private static Declared Declare(
        StackSpec spec, Pulumi.AliCloud.Provider provider, Pulumi.AliCloud.Provider? tenant, Lookups lookups, IReadOnlyDictionary<string, string> tags)
    {
        var name = spec.Cluster.Name;
        // A renamed cluster: each component was named after it, and its resources inherit the alias (the
        // engine puts the old name where the new one begins: step_generator.go inheritedChildAlias).
        ComponentResourceOptions WithProvider()
        {
            var options = new ComponentResourceOptions { Provider = provider };
            options.Aliases.AddRange(spec.Cluster.FormerNames.Select(former => (Input<Alias>)new Alias { Name = former }));
            return options;
        }

        var network = new ClusterNetwork(name, new ClusterNetworkArgs
        {
            Spec = spec.Network,
            Tags = tags,
            CheckedVpc = lookups.ClusterVpc,
        }, WithProvider());
        var zones = spec.Network.Zones.Select(z => z.ZoneId).ToImmutableArray();
        var security = new ClusterSecurity(name, new ClusterSecurityArgs
        {
            VpcId = network.VpcId,
            Spec = spec.Security,
            Endpoints = spec.DataAccess.Endpoints,
            ClusterVswitchBlocks = spec.Network.Zones.Select(z => z.CidrBlock.ToString()).ToImmutableArray(),
            InternetEgress = spec.Network.InternetEgress.Enabled,
            Tags = tags,
            InternetPorts = spec.Network.InternetEgress.Ports,
            HostsFiltered = spec.Network.InternetEgress.Restricted,
        }, WithProvider());
        // The cluster's KMS key and the nodes' break-glass key pair, when the stack asks for them.
        var key = spec.Security.Kms is { } kms
            ? new ClusterKey(name, new ClusterKeyArgs { Spec = kms, Region = spec.Cluster.Region, Tags = tags }, WithProvider())
            : null;
        var breakGlass = spec.Security.BreakGlass is { } access
            ? new BreakGlassAccess(name, new BreakGlassAccessArgs { Spec = access, Tags = tags }, WithProvider())
            : null;
        Input<string>? kmsKeyId = key is null ? null : (Input<string>)key.KeyId;
        Input<string>? keyPairName = breakGlass is null ? null : (Input<string>)breakGlass.KeyPairName;
        // The logs' project before the cluster, which names it (see ClusterLogs).
        var logs = spec.Observability.Logs is { } logsSpec
            ? new ClusterLogs(name, new ClusterLogsArgs { Spec = logsSpec, Tags = tags }, WithProvider())
            : null;
        Input<string>? logProject = null;
        if (logs is not null)
            logProject = logs.ProjectName;
        var compute = new ClusterCompute(name, new ClusterComputeArgs
        {
            Spec = spec.Compute,
            Billing = spec.Cluster.Billing,
            Zones = zones,
            VswitchIds = network.VswitchIds,
            PodVswitchIds = network.PodVswitchIds,
            MastersSecurityGroupId = security.MastersSecurityGroupId,
            WorkersSecurityGroupId = security.WorkersSecurityGroupId,
            Observability = spec.Observability,
            Tags = tags,
            Maintenance = spec.Maintenance,
            LogProject = logProject,
            KmsKeyId = kmsKeyId,
            KeyPairName = keyPairName,
        }, WithProvider());

        var egress = spec.Network.InternetEgress.Enabled
            ? new InternetEgress(name, new InternetEgressArgs
            {
                Spec = spec.Network.InternetEgress,
                VpcId = network.VpcId,
                Zones = zones,
                VswitchIds = network.VswitchIds,
                PodVswitchIds = network.PodVswitchIds,
                Tags = tags,
                RouteTableId = network.RouteTableId,
                Region = spec.Cluster.Region,
                VpcCidrBlock = spec.Network.VpcCidrBlock.ToString(),
            }, WithProvider())
            : null;

        var engine = new FlinkEngine(name, new FlinkEngineArgs
        {
            Spec = spec.Engine,
            Compute = spec.Compute,
            DataAccess = spec.DataAccess,
            Region = spec.Cluster.Region,
            KubeConfig = compute.KubeConfig,
            Rrsa = compute.RrsaMetadata,
            // The engine's Kubernetes objects wait for the nodes and for the pod identity webhook, which injects RRSA's
            // credentials into the Flink and operator pods when they are created.
            NodePools = compute.NodePools.Add(compute.Addons[Facts.FlinkDefaults.PodIdentityAddon]),
            InternetEgressReady = egress?.SnatEntries ?? ImmutableArray<Resource>.Empty,
            EndpointCredentials = spec.EndpointCredentials,
            Tags = tags,
            KmsKeyId = kmsKeyId,
            KmsKeyArn = key?.KeyArn,
        }, WithProvider());

        new ClusterObservability(name, new ClusterObservabilityArgs
        {
            Spec = spec.Observability,
            FlinkNamespace = spec.Engine.Namespace,
            ClusterId = compute.ClusterId,
            Kubernetes = engine.Kubernetes,
            Logs = logs,
            Addons = compute.Addons,
        }, WithProvider());

        if (spec.DataAccess.CrossAccount is { } cross)
        {
            new CrossAccountConnection(name, new CrossAccountConnectionArgs
            {
                Spec = cross,
                ClusterVpcId = network.VpcId,
                ClusterRouteTableId = network.RouteTableId,
                Zones = zones,
                VswitchIds = network.VswitchIds,
                PodCidrBlocks = spec.Network.Zones.Select(z => z.PodCidrBlock.ToString()).ToImmutableArray(),
                TenantRouteTableId = lookups.TenantVpc!.RouteTableId,
                TenantProvider = tenant!,
                Tags = tags,
            }, WithProvider());
        }

        return new Declared(network.VpcId, network.VswitchIds, security.MastersSecurityGroupId, security.WorkersSecurityGroupId,
            compute.ClusterId, compute.NodePoolIds, engine.BucketName);
    }

    /// <summary>A top-level resource of a renamed cluster: found under the name it had with each former cluster name (Pulumi aliases).</summary>
    private static CustomResourceOptions FormerlyNamed(ClusterSpec cluster, System.Func<string, string> nameWith)
    {
        var options = new CustomResourceOptions();
        options.Aliases.AddRange(cluster.FormerNames.Select(former => (Input<Alias>)new Alias { Name = nameWith(former) }));
        return options;
    }

    private static StackOptions ToStackOptions(BlinkStackOptions options, List<Resource> declared)
    {
        var stackOptions = new StackOptions();
        stackOptions.ResourceTransformations.Add(args =>
        {
            lock (declared)
            {
                declared.Add(args.Resource);
            }
            return null;
        });
        stackOptions.ResourceTransformations.AddRange(options.Transformations);
        return stackOptions;
    }
}
