using System;
using Pulumi;
using Pulumi.AliCloud.Ecs;

namespace BlinkInfra.Security;

/// <summary>
/// Security group rules in the provider's terms: ip_protocol lower case, port_range "from/to"
/// ("-1/-1" without ports), priority 1 to 100, and exactly one of a CIDR block or a source group.
/// </summary>
public static class SecurityRules
{
    public const string Ingress = "ingress";
    public const string Egress = "egress";
    public const string Accept = "accept";
    public const string Drop = "drop";
    public const string Intranet = "intranet";

    /// <summary>Highest precedence, for the rules that let traffic through.</summary>
    public const int AcceptPriority = 1;

    /// <summary>Lowest precedence, for the rule that drops what nothing else accepts.</summary>
    public const int DropPriority = 100;

    /// <summary>Traffic from another security group.</summary>
    public static SecurityGroupRule FromGroup(string name, Input<string> groupId, Input<string> sourceGroupId, string protocol, string portRange, string description, Resource parent, ProviderResource? provider = null)
        => BetweenGroups(name, groupId, Ingress, sourceGroupId, protocol, portRange, description, parent, provider);

    /// <summary>Traffic out to another security group's members (for an egress rule, the source group field names the destination).</summary>
    public static SecurityGroupRule ToGroup(string name, Input<string> groupId, Input<string> destinationGroupId, string protocol, string portRange, string description, Resource parent, ProviderResource? provider = null)
        => BetweenGroups(name, groupId, Egress, destinationGroupId, protocol, portRange, description, parent, provider);

    /// <summary>An accept rule whose other end is a security group: the source of an ingress rule, the destination of an egress one.</summary>
    private static SecurityGroupRule BetweenGroups(string name, Input<string> groupId, string type, Input<string> otherGroupId, string protocol, string portRange, string description, Resource parent, ProviderResource? provider)
        => Rule(name, groupId, type, args => args.SourceSecurityGroupId = otherGroupId, protocol, portRange, Accept, AcceptPriority, description, parent, provider);

    /// <summary>Traffic out to a CIDR block.</summary>
    public static SecurityGroupRule ToCidr(string name, Input<string> groupId, string cidr, string protocol, string portRange, string policy, int priority, string description, Resource parent, ProviderResource? provider = null)
        => Rule(name, groupId, Egress, args => args.CidrIp = cidr, protocol, portRange, policy, priority, description, parent, provider);

    /// <summary>One rule of a group on the cluster's private network; <paramref name="otherEnd"/> sets its peer (a group or a block).</summary>
    private static SecurityGroupRule Rule(string name, Input<string> groupId, string type, Action<SecurityGroupRuleArgs> otherEnd, string protocol, string portRange,
        string policy, int priority, string description, Resource parent, ProviderResource? provider)
    {
        var args = new SecurityGroupRuleArgs
        {
            SecurityGroupId = groupId,
            Type = type,
            IpProtocol = protocol,
            PortRange = portRange,
            NicType = Intranet,
            Policy = policy,
            Priority = priority,
            Description = description,
        };
        otherEnd(args);
        return new SecurityGroupRule(name, args, Options(parent, provider));
    }

    private static CustomResourceOptions Options(Resource parent, ProviderResource? provider)
    {
        var options = new CustomResourceOptions { Parent = parent };
        if (provider != null)
            options.Provider = provider;
        return options;
    }

    /// <summary>"6121/6122" as a resource-name fragment: "6121-6122"; "-1/-1" as "any".</summary>
    public static string NamePart(string portRange) => portRange == "-1/-1" ? "any" : portRange.Replace('/', '-');
}
