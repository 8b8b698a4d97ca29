using System.Collections.Generic;
using System.Globalization;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.Ecs;

namespace BlinkInfra.Security;

/// <summary>
/// The cluster's security groups, one per role, each carried by the machines of that role AND by their
/// pods' network interfaces: masters (the JobManager and operator pods, through the masters' Terway
/// config, see <see cref="PodNetworking"/>) and workers (the TaskManager pods, through the cluster's
/// Terway config; also the ACK control plane's ENIs). In: members of a group reach each other; between
/// the groups only the ports the cluster and the engine use; peers only on what the spec gives (the web
/// UI). Out: to the other group on the ports it accepts, to Alibaba Cloud's services, to the API server,
/// to the declared endpoints, with internet egress to HTTP(S) anywhere; everything else dropped.
/// Nothing is open to 0.0.0.0/0.
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
        var masters = Group(name, "masters", args);
        var workers = Group(name, "workers", args);
        MastersSecurityGroupId = masters.Id;
        WorkersSecurityGroupId = workers.Id;

        // In and out between the groups: each port one group accepts from the other is one ingress rule
        // on it and one egress rule on the other, so the egress drop below never cuts the cluster's own traffic.
        foreach (var (to, from, accepted) in new[] { ("workers", "masters", ClusterPorts.WorkersFromMasters), ("masters", "workers", ClusterPorts.MastersFromWorkers) })
        {
            var (toGroup, fromGroup) = to == "workers" ? (workers, masters) : (masters, workers);
            foreach (var traffic in accepted)
            {
                var ports = $"{traffic.Protocol}-{SecurityRules.NamePart(traffic.PortRange)}";
                SecurityRules.FromGroup($"{name}-sgr-{to}-from-{from}-{ports}",
                    toGroup.Id, fromGroup.Id, traffic.Protocol, traffic.PortRange, $"from {from}: {traffic.Purpose}", this);
                SecurityRules.ToGroup($"{name}-sgr-{from}-to-{to}-{ports}",
                    fromGroup.Id, toGroup.Id, traffic.Protocol, traffic.PortRange, $"to {to}: {traffic.Purpose}", this);
            }
        }

        var groups = new Dictionary<string, SecurityGroup> { ["masters"] = masters, ["workers"] = workers };
        foreach (var peer in args.Spec.PeerGroups)
        {
            SecurityRules.FromGroup($"{name}-sgr-{peer.Role}-from-{peer.SecurityGroupId}-{peer.Protocol}-{SecurityRules.NamePart(peer.PortRange)}",
                groups[peer.Role].Id, peer.SecurityGroupId, peer.Protocol, peer.PortRange,
                peer.Description ?? $"from {peer.SecurityGroupId} (blink-infra:security.peerGroups)", this);
        }

        foreach (var (role, group) in groups)
            DeclareEgress(name, role, group, args);

        // Every [Output] property, under its name (ComponentResource.RegisterOutputs(), Pulumi 3.59 and later).
        RegisterOutputs();
    }

    /// <summary>
    /// What a role's machines and pods may reach beyond the other group. Rules: ECS
    /// AuthorizeSecurityGroupEgress (priority 1 to 100, the smaller first; at equal priority drop wins),
    /// terraform-provider-alicloud alicloud_security_group_rule (every field ForceNew but description).
    /// JobManagers reach the endpoints as TaskManagers do: Flink's sources enumerate their splits there
    /// (FLIP-27 SplitEnumerator, such as the Kafka source's, which lists partitions).
    /// </summary>
    private void DeclareEgress(string name, string role, SecurityGroup group, ClusterSecurityArgs args)
    {
        // Explicit, so members reach each other whatever precedence ECS gives the group's inner access over the drop rule.
        SecurityRules.ToGroup($"{name}-sgr-{role}-to-{role}-all", group.Id, group.Id, "all", "-1/-1", $"to {role}: members of the group", this);
        SecurityRules.ToCidr($"{name}-sgr-{role}-to-alibaba-services", group.Id, PodNetworking.AlibabaServiceBlock, "all", "-1/-1",
            SecurityRules.Accept, SecurityRules.AcceptPriority, "to Alibaba Cloud's services in the VPC: DNS, metadata, NTP, OSS, registries", this);
        var apiServer = string.Create(CultureInfo.InvariantCulture, $"{PodNetworking.ApiServerPort}/{PodNetworking.ApiServerPort}");
        foreach (var block in args.ClusterVswitchBlocks)
        {
            SecurityRules.ToCidr($"{name}-sgr-{role}-to-api-server-{block.Replace('/', '-')}", group.Id, block, "tcp", apiServer,
                SecurityRules.Accept, SecurityRules.AcceptPriority, "to the API server's intranet load balancer", this);
        }
        foreach (var endpoint in args.Endpoints)
        {
            var port = string.Create(CultureInfo.InvariantCulture, $"{endpoint.Port}/{endpoint.Port}");
            SecurityRules.ToCidr($"{name}-sgr-{role}-to-{endpoint.Name}", group.Id, endpoint.Cidr.ToString(), "tcp", port,
                SecurityRules.Accept, SecurityRules.AcceptPriority, DerivedNames.EndpointRuleDescription(endpoint.Kind, endpoint.Name), this);
        }
        if (args.InternetEgress)
        {
            // Security groups filter by address: with allowed hosts the NAT firewall behind them filters by name.
            foreach (var port in args.InternetPorts)
            {
                SecurityRules.ToCidr(string.Create(CultureInfo.InvariantCulture, $"{name}-sgr-{role}-to-internet-tcp-{port}"), group.Id, PodNetworking.Anywhere, "tcp",
                    string.Create(CultureInfo.InvariantCulture, $"{port}/{port}"), SecurityRules.Accept, SecurityRules.AcceptPriority,
                    args.HostsFiltered ? "to the allowed hosts through the NAT firewall" : "to the internet through the NAT gateway", this);
            }
        }
        SecurityRules.ToCidr($"{name}-sgr-{role}-drop-rest", group.Id, PodNetworking.Anywhere, "all", "-1/-1",
            SecurityRules.Drop, SecurityRules.DropPriority, "nothing but the cluster, its services and the declared endpoints", this);
    }

    private SecurityGroup Group(string name, string role, ClusterSecurityArgs args)
        => new($"{name}-sg-{role}", new SecurityGroupArgs
        {
            SecurityGroupName = DerivedNames.SecurityGroup(name, role),
            Description = DerivedNames.SecurityGroupDescription(name, role),
            VpcId = args.VpcId,
            SecurityGroupType = SecurityGroupType,
            InnerAccessPolicy = InnerAccessPolicy,
            Tags = Tagging.ToInputMap(args.Tags),
        }, new CustomResourceOptions { Parent = this });
}
