using System;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using BlinkInfra.Facts;
using BlinkInfra.Network;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-isolation: the isolation exclusive mode promised.</summary>
public static class IsolationPack
{
    /// <summary>An all-ports accept rule to a block wider than this is not least privilege.</summary>
    public const int WidestAllPortsPrefix = 16;

    public const string Name = "blink-isolation";

    /// <summary>The pack's policies, each at its default level.</summary>
    public static PolicyPack Create() => new(Name, "1.0.0", ImmutableArray.Create<Policy>(
        NoIngressFromInternet(),
        NoPublicIp(),
        InternetOnlyThroughNat(),
        VpcSecurityGroups(),
        LeastPrivilegeDataEgress(),
        EnisInDeclaredVswitches(),
        PrivateApiServer(),
        PrivateAddressSpace()));

    /// <summary>private-address-space: The cluster's vSwitches lie in private address space (RFC 1918).</summary>
    // Alibaba Cloud allows a VPC in public address space (outside its reserved ranges), but the VPC routes
    // those addresses to itself: the internet's hosts at them become unreachable from the cluster.
    public static ResourcePolicy PrivateAddressSpace(EnforcementLevel level = EnforcementLevel.Advisory)
        => new("private-address-space", "The cluster's vSwitches lie in private address space (RFC 1918).", level,
            ImmutableArray.Create(TypeTokens.Of<Pulumi.AliCloud.Vpc.Switch>()), (vswitch, _) =>
            {
                var cidr = vswitch.Text("cidrBlock");
                if (cidr is null || !IPNetwork2.TryParse(cidr, out var block)
                    || AlibabaCloud.PrivateRanges.Any(range => IPNetwork2.Parse(range).Contains(block)))
                    return Array.Empty<string>();
                return new[] { $"{cidr} is public address space: the VPC routes it to itself, so the internet's hosts at those addresses become unreachable from the cluster; allowed: blocks inside {string.Join(", ", AlibabaCloud.PrivateRanges)}" };
            });

    /// <summary>no-ingress-from-internet: No security group rule lets in 0.0.0.0/0 or ::/0.</summary>
    public static ResourcePolicy NoIngressFromInternet(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("no-ingress-from-internet", "No security group rule lets in 0.0.0.0/0 or ::/0.", level,
            ImmutableArray.Create(TypeTokens.Of<Pulumi.AliCloud.Ecs.SecurityGroupRule>()), (rule, _) =>
                rule.Text("type") == "ingress" && rule.Text("policy") != "drop" && (rule.Text("cidrIp") == "0.0.0.0/0" || rule.Text("ipv6CidrIp") == "::/0")
                    ? new[] { $"ingress from {rule.Text("cidrIp") ?? rule.Text("ipv6CidrIp")} on {rule.Text("ipProtocol")} {rule.Text("portRange")} lets the internet in; allowed: a source security group or a private block" }
                    : Array.Empty<string>());

    /// <summary>no-public-ip: No machine has a public IP.</summary>
    public static ResourcePolicy NoPublicIp(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("no-public-ip", "No machine has a public IP.", level,
            ImmutableArray.Create(TypeTokens.Of<Pulumi.AliCloud.CS.NodePool>()), (machine, _) =>
                machine.Number("internetMaxBandwidthOut") is > 0
                    ? new[] { $"internetMaxBandwidthOut {machine.Number("internetMaxBandwidthOut")} gives the machine a public IP; allowed: 0 (internet through the NAT gateway)" }
                    : Array.Empty<string>());

    /// <summary>internet-only-through-nat: EIPs are associated with the NAT gateway only, and ACK makes no NAT gateway of its own.</summary>
    public static ResourcePolicy InternetOnlyThroughNat(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("internet-only-through-nat", "EIPs are associated with the NAT gateway only, and ACK makes no NAT gateway of its own.", level,
            ImmutableArray.Create(TypeTokens.Of<Pulumi.AliCloud.Ecs.EipAssociation>(), TypeTokens.Of<Pulumi.AliCloud.CS.ManagedKubernetes>()), (resource, _) =>
                resource.Type == TypeTokens.Of<Pulumi.AliCloud.Ecs.EipAssociation>()
                    ? resource.Text("instanceType") == "Nat"
                        ? Array.Empty<string>()
                        : new[] { $"an EIP associated with a {resource.Text("instanceType") ?? "machine"} reaches the internet around the NAT gateway; allowed: instanceType Nat" }
                    : resource.Flag("newNatGateway") is false
                        ? Array.Empty<string>()
                        : new[] { "the cluster would create a NAT gateway of its own; allowed: newNatGateway false (the stack's NAT gateway)" });

    /// <summary>vpc-security-groups: Security groups are VPC groups.</summary>
    public static ResourcePolicy VpcSecurityGroups(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("vpc-security-groups", "Security groups are VPC groups.", level,
            ImmutableArray.Create(TypeTokens.Of<Pulumi.AliCloud.Ecs.SecurityGroup>()), (group, _) =>
                group.Inputs.ContainsKey("vpcId") && group.Text("securityGroupType") is "normal" or "enterprise"
                    ? Array.Empty<string>()
                    : new[] { $"a {(group.Inputs.ContainsKey("vpcId") ? group.Text("securityGroupType") ?? "classic" : "classic-network")} group; allowed: a VPC group (vpcId) of type normal or enterprise" });

    /// <summary>least-privilege-data-egress: No accept rule opens all ports to a wide block.</summary>
    public static ResourcePolicy LeastPrivilegeDataEgress(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("least-privilege-data-egress", "No accept rule opens all ports to a wide block.", level,
            ImmutableArray.Create(TypeTokens.Of<Pulumi.AliCloud.Ecs.SecurityGroupRule>()), (rule, _) =>
            {
                var allPorts = rule.Text("ipProtocol") == "all" || rule.Text("portRange") is "-1/-1" or "1/65535";
                var wide = rule.Text("cidrIp") is { } cidr && IPNetwork2.TryParse(cidr, out var block) && block.Cidr < WidestAllPortsPrefix;
                return rule.Text("type") == "egress" && rule.Text("policy") != "drop" && allPorts && wide
                    ? new[] { $"egress on all ports to {rule.Text("cidrIp")}; allowed: one port to an endpoint's block, or all ports to a /{WidestAllPortsPrefix} or narrower" }
                    : Array.Empty<string>();
            });

    /// <summary>enis-in-declared-vswitches: ENIs sit in vSwitches the spec declared.</summary>
    public static ResourcePolicy EnisInDeclaredVswitches(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("enis-in-declared-vswitches", "ENIs sit in vSwitches the spec declared.", level,
            ImmutableArray.Create(TypeTokens.Of<Pulumi.AliCloud.Ecs.EcsNetworkInterface>()), (eni, input) =>
                eni.Text("vswitchId") is { } vswitch && !input.Settings.DataVswitchIds.Contains(vswitch)
                    ? new[] { $"vSwitch {vswitch} is not one of blink-infra:dataAccess.vswitches; allowed: {(input.Settings.DataVswitchIds.IsEmpty ? "no ENI, as the stack lists no vSwitch" : string.Join(", ", input.Settings.DataVswitchIds))}" }
                    : Array.Empty<string>());

    /// <summary>private-api-server: The API server is not public unless the stack explicitly allows it.</summary>
    public static ResourcePolicy PrivateApiServer(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("private-api-server", "The API server is not public unless the stack explicitly allows it.", level,
            ImmutableArray.Create(TypeTokens.Of<Pulumi.AliCloud.CS.ManagedKubernetes>()), (cluster, input) =>
                cluster.Flag("slbInternetEnabled") is true && !input.Settings.ApiServerPublic
                    ? new[] { "the API server is exposed to the internet, which the stack does not allow; allowed: slbInternetEnabled false, or blink-infra:compute.kubernetes.apiServerPublic true" }
                    : Array.Empty<string>());
}
