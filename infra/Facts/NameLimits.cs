using System;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace BlinkInfra.Facts;

/// <summary>
/// A documented limit on a name or a description a cloud resource (or a Kubernetes object) takes: its
/// length in characters, the characters and the first character allowed, as the source states them.
/// </summary>
public sealed record NameLimit(string What, int MinLength, int MaxLength, Regex? Shape, string Rule, string Source)
{
    /// <summary>Why the text does not fit, or null when it does.</summary>
    public string? ProblemWith(string text)
    {
        if (text.Length < MinLength || text.Length > MaxLength)
            return $"{text.Length} characters";
        if (Shape is not null && !Shape.IsMatch(text))
            return "characters or a start it does not allow";
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return "a start with http:// or https://";
        return null;
    }

    /// <summary>What is allowed, for a message: "1 to 64 characters: letters, digits, '.' and '-'".</summary>
    public string Allowed => $"{MinLength} to {MaxLength} characters{(Rule.Length == 0 ? "" : ": " + Rule)}";
}

/// <summary>
/// Alibaba Cloud's (and Kubernetes' and Flink's) documented limits on every name and description
/// BlinkInfra gives a resource, in one table. The config checks each free-text key against the row of
/// what it becomes, and each name the program derives from the config (the cluster name with a
/// suffix, a pool's session cluster) against the row of the resource that takes it
/// (infra/Config/DerivedNames.cs), naming the key that makes it too long.
/// None of these may start with http:// or https:// (the VPC, ECS and NAT references say so for
/// theirs; the check applies it to all, since no BlinkInfra name does).
/// </summary>
public static class NameLimits
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // Shapes, as the references state them; \p{L} is a letter of any script (the references allow Chinese characters).
    private static readonly Regex AnyText = new(@"^[^\x00-\x1f\x7f]*\z", Options);
    private static readonly Regex StartsWithLetter = new(@"^\p{L}[^\x00-\x1f\x7f]*\z", Options);
    private static readonly Regex LetterThenWordChars = new(@"^\p{L}[\p{L}\p{Nd}._:-]*\z", Options);
    private static readonly Regex LetterOrDigitThenHyphens = new(@"^[\p{L}\p{Nd}][\p{L}\p{Nd}-]*\z", Options);
    private static readonly Regex DnsLabel = new("^[a-z0-9]([a-z0-9-]*[a-z0-9])?\\z", Options);
    private static readonly Regex DnsLabelStartingWithLetter = new("^[a-z]([a-z0-9-]*[a-z0-9])?\\z", Options);

    // Alibaba Cloud VPC (read 2026-11-27 through the search tool's stored copies of alibabacloud.com/help):
    // CreateVpc (VpcName 1 to 128 characters, Description 1 to 256, neither starting with http:// or https://;
    // ROS ALIYUN::ECS::VPC states 2 to 128, starting with a letter, which every derived name meets);
    // CreateVSwitch (the same for VSwitchName and Description); CreateNatGateway (Name 2 to 128, letters,
    // digits, '_' and '-', starting with a letter; Description 2 to 256); ModifySnatEntry (SnatEntryName 2 to
    // 128, starting with a letter).
    public static readonly NameLimit VpcName = new("a VPC's name", 1, 128, AnyText, "", "VPC API CreateVpc, VpcName");
    public static readonly NameLimit VpcDescription = new("a VPC's description", 1, 256, AnyText, "", "VPC API CreateVpc, Description");
    public static readonly NameLimit VswitchName = new("a vSwitch's name", 1, 128, AnyText, "", "VPC API CreateVSwitch, VSwitchName");
    public static readonly NameLimit VswitchDescription = new("a vSwitch's description", 1, 256, AnyText, "", "VPC API CreateVSwitch, Description");
    public static readonly NameLimit NatGatewayName = new("a NAT gateway's name", 2, 128, new Regex(@"^\p{L}[\p{L}\p{Nd}_-]*\z", Options),
        "letters, digits, '_' and '-', starting with a letter", "NAT Gateway API CreateNatGateway, Name");
    public static readonly NameLimit NatGatewayDescription = new("a NAT gateway's description", 2, 256, AnyText, "", "NAT Gateway API CreateNatGateway, Description");
    public static readonly NameLimit NatFirewallName = new("a NAT firewall's name", 4, 50, new Regex(@"^[\p{L}\p{Nd}][\p{L}\p{Nd}_]*$", Options),
        "letters, digits and '_', not starting with '_'", "Cloud Firewall API CreateSecurityProxy, ProxyName");
    public static readonly NameLimit SnatEntryName = new("an SNAT entry's name", 2, 128, StartsWithLetter, "starting with a letter", "NAT Gateway API ModifySnatEntry, SnatEntryName");

    // Elastic IP Address, AllocateEipAddress (Name 1 to 128 characters starting with a letter: letters, digits,
    // '.', '_' and '-'; Description 2 to 256 starting with a letter). The pages read did not show the name's
    // limit in full: these are the figures the EIP reference gave when last read by this project.
    public static readonly NameLimit EipName = new("an EIP's name", 1, 128, new Regex(@"^\p{L}[\p{L}\p{Nd}._-]*\z", Options),
        "letters, digits, '.', '_' and '-', starting with a letter", "EIP API AllocateEipAddress, Name");
    public static readonly NameLimit EipDescription = new("an EIP's description", 2, 256, StartsWithLetter, "starting with a letter", "EIP API AllocateEipAddress, Description");

    // ECS: CreateSecurityGroup and ModifySecurityGroupAttribute (SecurityGroupName 2 to 128 characters, starting
    // with a letter: letters, digits, '.', ':', '_' and '-'; Description 2 to 256); AuthorizeSecurityGroup
    // (Permissions.N.Description 1 to 512, which the provider's alicloud_security_group_rule passes on unchecked,
    // so a longer one fails only at apply); CreateDeploymentSet (DeploymentSetName 2 to 128, starting with a
    // letter: letters, digits, ':', '_' and '-'; Description 2 to 256).
    public static readonly NameLimit SecurityGroupName = new("a security group's name", 2, 128, LetterThenWordChars,
        "letters, digits, '.', ':', '_' and '-', starting with a letter", "ECS API CreateSecurityGroup, SecurityGroupName");
    public static readonly NameLimit SecurityGroupDescription = new("a security group's description", 2, 256, AnyText, "", "ECS API CreateSecurityGroup, Description");
    public static readonly NameLimit SecurityGroupRuleDescription = new("a security group rule's description", 1, 512, AnyText, "", "ECS API AuthorizeSecurityGroup, Permissions.N.Description");
    public static readonly NameLimit DeploymentSetName = new("a deployment set's name", 2, 128, LetterThenWordChars,
        "letters, digits, '.', ':', '_' and '-', starting with a letter", "ECS API CreateDeploymentSet, DeploymentSetName");
    public static readonly NameLimit DeploymentSetDescription = new("a deployment set's description", 2, 256, AnyText, "", "ECS API CreateDeploymentSet, Description");

    // ACK (cs 2015-12-15): CreateCluster's name and CreateClusterNodePool's nodepool_info.name, each 1 to 63
    // characters of letters, digits and '-', not starting with '-' (as the project's cluster name rule has
    // followed them since issue 12; the stored copies of the pages did not show the parameter's text again).
    public static readonly NameLimit AckClusterName = new("an ACK cluster's name", 1, 63, LetterOrDigitThenHyphens,
        "letters, digits and '-', not starting with '-'", "ACK API CreateCluster, name");
    public static readonly NameLimit AckNodePoolName = new("an ACK node pool's name", 1, 63, LetterOrDigitThenHyphens,
        "letters, digits and '-', not starting with '-'", "ACK API CreateClusterNodePool, nodepool_info.name");

    // OSS bucket naming: 3 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit.
    public static readonly NameLimit OssBucketName = new("an OSS bucket's name", 3, 63, DnsLabel,
        "lower-case letters, digits and '-', starting and ending with a letter or digit", "OSS, bucket naming conventions");

    // RAM and STS: CreateRole (RoleName 1 to 64 characters: letters, digits, '.' and '-'; Description 1 to 1,024);
    // CreatePolicy (PolicyName 1 to 128: letters, digits and '-'; Description 1 to 1,024); AssumeRole
    // (RoleSessionName 2 to 32 characters: letters, digits, '.', '@', '-' and '_'; the pages read give 32, a
    // newer SDK reference may allow more: the lower figure is kept until a page says otherwise).
    public static readonly NameLimit RamRoleName = new("a RAM role's name", 1, 64, new Regex(@"^[A-Za-z0-9.-]*\z", Options),
        "letters, digits, '.' and '-'", "RAM API CreateRole, RoleName");
    public static readonly NameLimit RamRoleDescription = new("a RAM role's description", 1, 1024, AnyText, "", "RAM API CreateRole, Description");
    public static readonly NameLimit RamPolicyName = new("a RAM policy's name", 1, 128, new Regex(@"^[A-Za-z0-9-]*\z", Options),
        "letters, digits and '-'", "RAM API CreatePolicy, PolicyName");
    public static readonly NameLimit RamPolicyDescription = new("a RAM policy's description", 1, 1024, AnyText, "", "RAM API CreatePolicy, Description");
    public static readonly NameLimit StsRoleSessionName = new("an STS role session's name", 2, 32, new Regex(@"^[A-Za-z0-9.@_-]*\z", Options),
        "letters, digits, '.', '@', '_' and '-'", "STS API AssumeRole, RoleSessionName");

    // Cloud Enterprise Network (cbn 2017-09-12): CreateCen, CreateTransitRouter, CreateTransitRouterVpcAttachment,
    // CreateTransitRouterRouteTable and VPC CreateRouteEntry take names of 1 to 128 characters and descriptions
    // of 1 to 256, neither starting with http:// or https:// (the pages read did not show the parameters' text:
    // the VPC family's figures, which every derived name and description here is far below).
    public static readonly NameLimit CenName = new("a CEN resource's name", 1, 128, AnyText, "", "CEN API CreateCen, CreateTransitRouter, CreateTransitRouterVpcAttachment, CreateTransitRouterRouteTable: names");
    public static readonly NameLimit CenDescription = new("a CEN resource's description", 1, 256, AnyText, "", "CEN API CreateCen, CreateTransitRouter, CreateTransitRouterRouteTable: descriptions");
    public static readonly NameLimit RouteEntryName = new("a route entry's name", 1, 128, AnyText, "", "VPC API CreateRouteEntry, RouteEntryName");
    public static readonly NameLimit RouteEntryDescription = new("a route entry's description", 1, 256, AnyText, "", "VPC API CreateRouteEntry, Description");

    // Tags: TagResources (keys and values up to 128 characters; neither starting with "aliyun" or "acs:", nor
    // containing "http://" or "https://"; a key not empty). The prefixes are checked with the tags themselves.
    public static readonly NameLimit TagKey = new("a tag's key", 1, 128, AnyText, "", "Tag API TagResources, Tag.N.Key");
    public static readonly NameLimit TagValue = new("a tag's value", 0, 128, AnyText, "", "Tag API TagResources, Tag.N.Value");

    // Kubernetes: a namespace's name is an RFC 1123 DNS label (at most 63 lower-case letters, digits and '-',
    // starting and ending with a letter or digit); a label's value at most 63 characters, alphanumerics with
    // '-', '_' and '.' inside (Kubernetes documentation, "Object Names and IDs" and "Labels and Selectors").
    // A FlinkSessionJob could take a DNS subdomain name (up to 253 characters); BlinkInfra holds job names, like
    // the namespace, to the label form (KubernetesName).
    // Flink: a native Kubernetes cluster's id, which the operator sets to the FlinkDeployment's name, is at most
    // 45 lower-case letters, digits and '-' starting with a letter (KubernetesConfigOptions.CLUSTER_ID: the
    // id names the cluster's Kubernetes objects with suffixes such as -rest and -config-map).
    public static readonly NameLimit KubernetesNamespace = new("a Kubernetes namespace's name", 1, 63, DnsLabel,
        "lower-case letters, digits and '-', starting and ending with a letter or digit", "Kubernetes, Object Names and IDs: RFC 1123 label names");
    public static readonly NameLimit KubernetesName = new("a Kubernetes object's name", 1, 63, DnsLabelStartingWithLetter,
        "lower-case letters, digits and '-', starting with a letter and ending with a letter or digit", "Kubernetes, Object Names and IDs: RFC 1123 label names");
    public static readonly NameLimit KubernetesLabelValue = new("a Kubernetes label's value", 0, 63, new Regex(@"^([A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?)?\z", Options),
        "letters, digits, '-', '_' and '.', starting and ending with a letter or digit", "Kubernetes, Labels and Selectors: syntax and character set");
    public static readonly NameLimit FlinkClusterId = new("a Flink session cluster's name (its kubernetes.cluster-id)", 1, 45, DnsLabelStartingWithLetter,
        "lower-case letters, digits and '-', starting with a letter", "Flink 1.20 KubernetesConfigOptions.CLUSTER_ID");

    // DNS: a host name is at most 253 characters (RFC 1035).
    public static readonly NameLimit HostName = new("a host name", 1, 253, new Regex(@"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?\z", Options),
        "letters, digits, '-' and '.'", "RFC 1035, host names");

    // Log Service: a project's name, 3 to 63 characters of lower-case letters, digits and '-', starting and ending
    // with a letter or digit (the pattern Logging.ProjectNamePattern holds, with its source).
    public static readonly NameLimit SlsProjectName = new("a Log Service project's name", 3, 63, new Regex(Logging.ProjectNamePattern, Options),
        "lower-case letters, digits and '-', starting and ending with a letter or digit", "SLS API CreateProject, projectName");

    /// <summary>Every row, for the table's own tests.</summary>
    public static readonly ImmutableArray<NameLimit> All = ImmutableArray.Create(
        VpcName, VpcDescription, VswitchName, VswitchDescription, NatGatewayName, NatGatewayDescription, SnatEntryName,
        EipName, EipDescription, SecurityGroupName, SecurityGroupDescription, SecurityGroupRuleDescription, DeploymentSetName,
        DeploymentSetDescription, AckClusterName, AckNodePoolName, OssBucketName, RamRoleName, RamRoleDescription, RamPolicyName,
        RamPolicyDescription, StsRoleSessionName, CenName, CenDescription, RouteEntryName, RouteEntryDescription, TagKey, TagValue,
        KubernetesNamespace, KubernetesName, KubernetesLabelValue, FlinkClusterId, HostName, SlsProjectName);
}
