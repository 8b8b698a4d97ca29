using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.Ecs;

namespace BlinkInfra.Security;

/// <summary>What <see cref="ClusterSecurity"/> is built from.</summary>
public sealed record ClusterSecurityArgs(Input<string> VpcId, SecuritySpec Spec, IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The cluster's security groups, one per role: masters (the engine's control plane) and workers
/// (TaskManagers; also the group of the ACK control plane's ENIs). Members of a group reach each
/// other; between the groups only the ports the cluster and the engine use are open; other security
/// groups the spec names are let in on the ports it gives. Nothing is open to 0.0.0.0/0.
/// </summary>
public sealed class ClusterSecurity : ComponentResource
{
    public const string TypeToken = "blink:security:ClusterSecurity";

    // VPC-type groups; "normal" groups allow up to 2000 private IPs, which a Flink cluster needs for its
    // pods' ENIs. Members of a role's group reach each other: TaskManagers shuffle among themselves,
    // JobManagers elect a leader among themselves.
    internal const string SecurityGroupType = "normal";
    internal const string InnerAccessPolicy = "Accept";

    [Output("mastersSecurityGroupId")]
    public Output<string> MastersSecurityGroupId { get; private set; }

    [Output("workersSecurityGroupId")]
    public Output<string> WorkersSecurityGroupId { get; private set; }

    public ClusterSecurity(string name, ClusterSecurityArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var masters = Group(name, "masters", "masters of the cluster: JobManagers and the operator", args);
        var workers = Group(name, "workers", "workers of the cluster: TaskManagers, and the ACK control plane's ENIs", args);
        MastersSecurityGroupId = masters.Id;
        WorkersSecurityGroupId = workers.Id;

        foreach (var traffic in ClusterPorts.WorkersFromMasters)
        {
            SecurityRules.FromGroup($"{name}-sgr-workers-from-masters-{traffic.Protocol}-{SecurityRules.NamePart(traffic.PortRange)}",
                workers.Id, masters.Id, traffic.Protocol, traffic.PortRange, $"from masters: {traffic.Purpose}", this);
        }
        foreach (var traffic in ClusterPorts.MastersFromWorkers)
        {
            SecurityRules.FromGroup($"{name}-sgr-masters-from-workers-{traffic.Protocol}-{SecurityRules.NamePart(traffic.PortRange)}",
                masters.Id, workers.Id, traffic.Protocol, traffic.PortRange, $"from workers: {traffic.Purpose}", this);
        }

        var groups = new Dictionary<string, SecurityGroup> { ["masters"] = masters, ["workers"] = workers };
        foreach (var peer in args.Spec.PeerGroups)
        {
            SecurityRules.FromGroup($"{name}-sgr-{peer.Role}-from-{peer.SecurityGroupId}-{peer.Protocol}-{SecurityRules.NamePart(peer.PortRange)}",
                groups[peer.Role].Id, peer.SecurityGroupId, peer.Protocol, peer.PortRange,
                peer.Description ?? $"from {peer.SecurityGroupId} (blink-infra:security.peerGroups)", this);
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["mastersSecurityGroupId"] = MastersSecurityGroupId,
            ["workersSecurityGroupId"] = WorkersSecurityGroupId,
        });
    }

    private SecurityGroup Group(string name, string role, string purpose, ClusterSecurityArgs args)
        => new($"{name}-sg-{role}", new SecurityGroupArgs
        {
            SecurityGroupName = $"{name}-{role}",
            Description = $"BlinkInfra cluster {name}: {purpose}",
            VpcId = args.VpcId,
            SecurityGroupType = SecurityGroupType,
            InnerAccessPolicy = InnerAccessPolicy,
            Tags = Tagging.ToInputMap(args.Tags),
        }, new CustomResourceOptions { Parent = this });
}
