using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Compute;
using BlinkInfra.Config;
using BlinkInfra.Network;
using BlinkInfra.Security;
using Pulumi;

namespace BlinkInfra;

/// <summary>How a <see cref="BlinkStack"/> is run: where its config comes from and what watches it.</summary>
public sealed class BlinkStackOptions
{
    /// <summary>The config to build from; null reads the running deployment's config.</summary>
    public RawStackConfig? Config { get; init; }

    /// <summary>Transformations run on every resource, such as the plan's recorder.</summary>
    public ImmutableArray<ResourceTransformation> Transformations { get; init; } = ImmutableArray<ResourceTransformation>.Empty;
}

/// <summary>
/// The BlinkInfra stack: config is read once and validated into a spec before any resource is
/// declared, then the components are built from the spec.
/// </summary>
public sealed class BlinkStack : Stack
{
    [Output("vpcId")]
    public Output<string> VpcId { get; private set; }

    [Output("vswitchIds")]
    public Output<ImmutableDictionary<string, string>> VswitchIds { get; private set; }

    [Output("clusterSecurityGroupId")]
    public Output<string> ClusterSecurityGroupId { get; private set; }

    [Output("clusterId")]
    public Output<string> ClusterId { get; private set; }

    [Output("nodePoolIds")]
    public Output<ImmutableDictionary<string, string>> NodePoolIds { get; private set; }

    public BlinkStack() : this(new BlinkStackOptions())
    {
    }

    public BlinkStack(BlinkStackOptions options) : base(ToStackOptions(options))
    {
        StackSpec spec;
        try
        {
            spec = SpecLoader.Load(options.Config ?? RawStackConfig.FromDeployment());
        }
        catch (SpecException invalid)
        {
            // A RunException is reported by the engine as its message alone, without a stack trace.
            throw new RunException(invalid.Message);
        }

        var name = spec.Cluster.Name;
        var tags = Tagging.For(spec.Cluster, Deployment.Instance.StackName);

        // One explicit provider pinned to the spec's region, so the region the spec validated is
        // the region every resource lands in, whatever alicloud:region says.
        var provider = new Pulumi.AliCloud.Provider($"{name}-alicloud", new Pulumi.AliCloud.ProviderArgs
        {
            Region = spec.Cluster.Region,
        });
        ComponentResourceOptions WithProvider() => new() { Provider = provider };

        var network = new ClusterNetwork(name, new ClusterNetworkArgs(spec.Network, tags), WithProvider());
        var security = new ClusterSecurity(name, new ClusterSecurityArgs(network.VpcId, tags), WithProvider());
        var compute = new ClusterCompute(name, new ClusterComputeArgs(
            spec.Compute,
            spec.Cluster.Billing,
            spec.Network.Zones.Select(z => z.ZoneId).ToImmutableArray(),
            network.VswitchIds,
            network.PodVswitchIds,
            security.ClusterSecurityGroupId,
            tags), WithProvider());

        VpcId = network.VpcId;
        VswitchIds = network.VswitchIds;
        ClusterSecurityGroupId = security.ClusterSecurityGroupId;
        ClusterId = compute.ClusterId;
        NodePoolIds = compute.NodePoolIds;
    }

    private static StackOptions ToStackOptions(BlinkStackOptions options)
    {
        var stackOptions = new StackOptions();
        stackOptions.ResourceTransformations.AddRange(options.Transformations);
        return stackOptions;
    }
}
