using System;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using BlinkInfra.Network;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-isolation: the isolation exclusive mode promised.</summary>
public static class IsolationPack
{
    private const string RuleType = "alicloud:ecs/securityGroupRule:SecurityGroupRule";

    /// <summary>An all-ports accept rule to a block wider than this is not least privilege.</summary>
    public const int WidestAllPortsPrefix = 16;

    public static readonly PolicyPack Pack = new("blink-isolation", "1.0.0", ImmutableArray.Create<Policy>(
        new ResourcePolicy("no-ingress-from-internet", "No security group rule lets in 0.0.0.0/0 or ::/0.", EnforcementLevel.Mandatory,
            ImmutableArray.Create(RuleType), (rule, _) =>
                rule.Text("type") == "ingress" && rule.Text("policy") != "drop" && (rule.Text("cidrIp") == "0.0.0.0/0" || rule.Text("ipv6CidrIp") == "::/0")
                    ? new[] { $"ingress from {rule.Text("cidrIp") ?? rule.Text("ipv6CidrIp")} on {rule.Text("ipProtocol")} {rule.Text("portRange")} lets the internet in; allowed: a source security group or a private block" }
                    : Array.Empty<string>()),

        new ResourcePolicy("no-public-ip", "No machine has a public IP.", EnforcementLevel.Mandatory,
            ImmutableArray.Create("alicloud:ecs/instance:Instance", "alicloud:cs/nodePool:NodePool"), (machine, _) =>
                machine.Number("internetMaxBandwidthOut") is > 0
                    ? new[] { $"internetMaxBandwidthOut {machine.Number("internetMaxBandwidthOut")} gives the machine a public IP; allowed: 0 (internet through the NAT gateway)" }
                    : Array.Empty<string>()),

        new ResourcePolicy("internet-only-through-nat", "EIPs are associated with the NAT gateway only, and ACK makes no NAT gateway of its own.", EnforcementLevel.Mandatory,
            ImmutableArray.Create("alicloud:ecs/eipAssociation:EipAssociation", "alicloud:cs/managedKubernetes:ManagedKubernetes"), (resource, _) =>
                resource.Type == "alicloud:ecs/eipAssociation:EipAssociation"
                    ? resource.Text("instanceType") == "Nat"
                        ? Array.Empty<string>()
                        : new[] { $"an EIP associated with a {resource.Text("instanceType") ?? "machine"} reaches the internet around the NAT gateway; allowed: instanceType Nat" }
                    : resource.Flag("newNatGateway") is false
                        ? Array.Empty<string>()
                        : new[] { "the cluster would create a NAT gateway of its own; allowed: newNatGateway false (the stack's NAT gateway)" }),

        new ResourcePolicy("vpc-security-groups", "Security groups are VPC groups.", EnforcementLevel.Mandatory,
            ImmutableArray.Create("alicloud:ecs/securityGroup:SecurityGroup"), (group, _) =>
                group.Inputs.ContainsKey("vpcId") && group.Text("securityGroupType") is "normal" or "enterprise"
                    ? Array.Empty<string>()
                    : new[] { $"a {(group.Inputs.ContainsKey("vpcId") ? group.Text("securityGroupType") ?? "classic" : "classic-network")} group; allowed: a VPC group (vpcId) of type normal or enterprise" }),

        new ResourcePolicy("least-privilege-data-egress", "No accept rule opens all ports to a wide block.", EnforcementLevel.Mandatory,
            ImmutableArray.Create(RuleType), (rule, _) =>
            {
                var allPorts = rule.Text("ipProtocol") == "all" || rule.Text("portRange") is "-1/-1" or "1/65535";
                var wide = rule.Text("cidrIp") is { } cidr && IPNetwork2.TryParse(cidr, out var block) && block.Cidr < WidestAllPortsPrefix;
                return rule.Text("type") == "egress" && rule.Text("policy") != "drop" && allPorts && wide
                    ? new[] { $"egress on all ports to {rule.Text("cidrIp")}; allowed: one port to an endpoint's block, or all ports to a /{WidestAllPortsPrefix} or narrower" }
                    : Array.Empty<string>();
            }),

        new ResourcePolicy("enis-in-declared-vswitches", "ENIs sit in vSwitches the spec declared.", EnforcementLevel.Mandatory,
            ImmutableArray.Create("alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface"), (eni, input) =>
                eni.Text("vswitchId") is { } vswitch && !input.Settings.DataVswitchIds.Contains(vswitch)
                    ? new[] { $"vSwitch {vswitch} is not one of blink-infra:dataAccess.vswitches; allowed: {string.Join(", ", input.Settings.DataVswitchIds)}" }
                    : Array.Empty<string>()),

        new ResourcePolicy("private-api-server", "The API server is not public unless the stack explicitly allows it.", EnforcementLevel.Mandatory,
            ImmutableArray.Create("alicloud:cs/managedKubernetes:ManagedKubernetes"), (cluster, input) =>
                cluster.Flag("slbInternetEnabled") is true && !input.Settings.ApiServerPublic
                    ? new[] { "the API server is exposed to the internet, which the stack does not allow; allowed: slbInternetEnabled false, or blink-infra:compute.kubernetes.apiServerPublic true" }
                    : Array.Empty<string>())));
}
