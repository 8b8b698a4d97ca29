using System.Collections.Generic;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.Ecs;

namespace BlinkInfra.Security;

/// <summary>What <see cref="ClusterSecurity"/> is built from.</summary>
public sealed record ClusterSecurityArgs(Input<string> VpcId, IReadOnlyDictionary<string, string> Tags);

/// <summary>The cluster's security groups. This first slice declares the cluster group the nodes join.</summary>
public sealed class ClusterSecurity : ComponentResource
{
    public const string TypeToken = "blink:security:ClusterSecurity";

    // A VPC-type group; "normal" groups allow up to 2000 private IPs, which a Flink cluster needs
    // for its pods' ENIs. Members talk to each other: the cluster's nodes form one trust zone.
    internal const string SecurityGroupType = "normal";
    internal const string InnerAccessPolicy = "Accept";

    [Output("clusterSecurityGroupId")]
    public Output<string> ClusterSecurityGroupId { get; private set; }

    public ClusterSecurity(string name, ClusterSecurityArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var cluster = new SecurityGroup($"{name}-sg-cluster", new SecurityGroupArgs
        {
            SecurityGroupName = $"{name}-cluster",
            Description = $"BlinkInfra cluster {name}: nodes of the cluster",
            VpcId = args.VpcId,
            SecurityGroupType = SecurityGroupType,
            InnerAccessPolicy = InnerAccessPolicy,
            Tags = Tagging.ToInputMap(args.Tags),
        }, new CustomResourceOptions { Parent = this });
        ClusterSecurityGroupId = cluster.Id;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["clusterSecurityGroupId"] = ClusterSecurityGroupId,
        });
    }
}
