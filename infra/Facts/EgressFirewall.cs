using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>
/// Egress limited to named hosts: Cloud Firewall's NAT firewall in front of the stack's NAT gateway, with one access
/// control policy per allowed host and port and a last one dropping the rest. Security groups filter by address only
/// (ECS AuthorizeSecurityGroupEgress takes a CIDR block); the NAT firewall matches the destination's domain.
/// Sources, read 2026-12-05:
/// - terraform-provider-alicloud v1.285.0 website/docs/r/cloud_firewall_nat_firewall.html.markdown: nat_gateway_id,
///   nat_route_entry_list (destination_cidr, nexthop_id the NAT gateway, nexthop_type NatGateway, route_table_id
///   the table of the gateway's default route), proxy_name, region_no and vpc_id required; firewall_switch open or
///   close; vswitch_auto true with vswitch_cidr (automatic mode: Cloud Firewall makes its own vSwitch there); ForceNew
///   per infra/Facts/alicloud-replacement-inputs.json: natGatewayId, natRouteEntryLists, proxyName, regionNo,
///   strictMode, vpcId.
/// - cloud_firewall_nat_firewall_control_policy.html.markdown: acl_action accept, drop or log; application_name_list,
///   description, destination, destination_type (net, group, domain), direction (out, ForceNew), nat_gateway_id
///   (ForceNew), proto (ANY, TCP, UDP, ICMP), source and source_type (net, group) required; dest_port with
///   dest_port_type port; domain_resolve_type 0 FQDN, 1 DNS, 2 both; new_order the priority from 1 (smaller first);
///   release true or false. Two policies given orders at once may race ("do not set new_order in parallel"), so the
///   stack creates them one after another.
/// - Cloud Firewall CreateSecurityProxy (the NAT firewall; ProxyName 4 to 50 letters, digits, Chinese characters and
///   '_', not starting with '_') and CreateNatFirewallControlPolicy (DestPort 80 as its example; Destination
///   *.aliyuncs.com for a domain).
/// - Cloud Firewall "Supported regions" (help.aliyun.com document 195657, updated 2026-02-11): NAT firewalls in
///   every region of BlinkInfra's table, Hohhot (cn-huhehaote) not.
/// - Cloud Firewall "NAT Firewall": turning it on or off switches the NAT route, dropping long-lived connections for
///   1 to 2 seconds; it needs Cloud Firewall enabled in the account (an edition billed by subscription or
///   pay-as-you-go), which nothing offline can see.
/// </summary>
public static class EgressFirewall
{
    /// <summary>Regions whose Cloud Firewall offers NAT firewalls (document 195657).</summary>
    public static readonly ImmutableArray<string> NatFirewallRegions = ImmutableArray.Create(
        "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-zhangjiakou", "cn-shenzhen", "cn-hongkong", "ap-southeast-1",
        "cn-qingdao", "cn-wulanchabu", "cn-heyuan", "cn-guangzhou", "cn-chengdu");

    /// <summary>At most this many allowed hosts: BlinkInfra's bound (a policy each), not one Cloud Firewall states.</summary>
    public const int MaxAllowedHosts = 50;

    /// <summary>A host name (lower case, at least two labels), optionally "*." for its subdomains, then ':' and a port.</summary>
    public const string HostPortPattern = @"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]:([1-9][0-9]{0,4})$";

    public const int MaxHostLength = 253;

    public const string NexthopType = "NatGateway";
    public const string DefaultRoute = "0.0.0.0/0";
    public const string FirewallOn = "open";
    public const string Out = "out";
    public const string Accept = "accept";
    public const string Drop = "drop";
    public const string DomainDestination = "domain";
    public const string NetDestination = "net";
    public const string NetSource = "net";
    public const string Tcp = "TCP";
    public const string AnyProtocol = "ANY";
    public const string PortType = "port";
    public static readonly ImmutableArray<string> AnyApplication = ImmutableArray.Create("ANY");

    /// <summary>Matched by name (TLS SNI, HTTP Host) and by the addresses DNS gives it, so ports that carry no name match too.</summary>
    public const int FqdnAndDnsResolution = 2;
}
