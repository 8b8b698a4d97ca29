using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Compute;
using BlinkInfra.Config;
using BlinkInfra.Engine;
using BlinkInfra.Network;
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

    public BlinkStack(StackSpec spec, BlinkStackOptions? options = null) : base(ToStackOptions(options ??= new BlinkStackOptions()))
    {
        var name = spec.Cluster.Name;
        foreach (var warning in options.Warnings)
            Log.Warn(warning);
        var tags = Tagging.For(spec.Cluster, Deployment.Instance.StackName);

        // One explicit provider pinned to the spec's region, so the region the spec validated is
        // the region every resource lands in, whatever alicloud:region says.
        var provider = new Pulumi.AliCloud.Provider($"{name}-alicloud", new Pulumi.AliCloud.ProviderArgs
        {
            Region = spec.Cluster.Region,
        });
        ComponentResourceOptions WithProvider() => new() { Provider = provider };

        var network = new ClusterNetwork(name, new ClusterNetworkArgs(spec.Network, tags), WithProvider());
        var zones = spec.Network.Zones.Select(z => z.ZoneId).ToImmutableArray();
        var security = new ClusterSecurity(name, new ClusterSecurityArgs(network.VpcId, spec.Security, tags), WithProvider());
        var compute = new ClusterCompute(name, new ClusterComputeArgs(
            spec.Compute,
            spec.Cluster.Billing,
            zones,
            network.VswitchIds,
            network.PodVswitchIds,
            security.MastersSecurityGroupId,
            security.WorkersSecurityGroupId,
            tags), WithProvider());

        // The data-access ENIs (DataAccess) were attached to master ECS instances; the master machines are
        // now nodes their pool creates and replaces, with no instance for Pulumi to attach to, so the spec
        // refuses dataAccess.vswitches (IsolationSpecBuilder) until their attachment is replaced, and the
        // component is not declared.

        var engine = new FlinkEngine(name, new FlinkEngineArgs(
            spec.Engine, spec.Compute, spec.DataAccess, spec.Cluster.Region, compute.ClusterId, compute.RrsaMetadata, compute.NodePools,
            spec.EndpointCredentials, tags), WithProvider());

        if (spec.Network.InternetEgress.Enabled)
        {
            new InternetEgress(name, new InternetEgressArgs(
                spec.Network.InternetEgress, network.VpcId, zones, network.VswitchIds, network.PodVswitchIds, tags), WithProvider());
        }

        VpcId = network.VpcId;
        VswitchIds = network.VswitchIds;
        MastersSecurityGroupId = security.MastersSecurityGroupId;
        WorkersSecurityGroupId = security.WorkersSecurityGroupId;
        ClusterId = compute.ClusterId;
        NodePoolIds = compute.NodePoolIds;
        StateBucket = engine.BucketName;
    }

    private static StackOptions ToStackOptions(BlinkStackOptions options)
    {
        var stackOptions = new StackOptions();
        stackOptions.ResourceTransformations.AddRange(options.Transformations);
        return stackOptions;
    }
}
