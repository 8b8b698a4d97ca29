using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:network.internetEgress`.</summary>
public sealed class InternetEgressConfig
{
    [ConfigDoc("`true`: an enhanced NAT gateway (billed by LCU) in the first zone, an EIP associated with it, one SNAT entry per node and pod vSwitch; the only way out to the internet, and the pods' groups then let out tcp 80 and 443 to anywhere (nothing else). The gateway adds the route 0.0.0.0/0 to itself (VPC CreateNatGateway), so no route is declared; in an existing VPC (`vpcId`) the route table is looked up first, and a VPC that already routes 0.0.0.0/0 elsewhere (which would carry the traffic instead) is refused naming this key", Default = "`false`")]
    public bool? Enabled { get; set; }
    [ConfigDoc("1 to {=SpecDefaults.EgressMaxBandwidthMbps}: the EIP's bandwidth (billed by traffic)", Default = "`{=SpecDefaults.EgressBandwidthMbps}`")]
    public int? BandwidthMbps { get; set; }

    /// <summary>The only hosts the cluster may reach, each "host:port": a NAT firewall filters by name (see <see cref="Facts.EgressFirewall"/>).</summary>
    [ConfigDoc("the only hosts the cluster reaches on the internet, each `host:port` (`api.partner.com:443`; `*.partner-cdn.com:443` for every subdomain): a host name in lower case with at least one dot, at most {=EgressFirewall.MaxHostLength} characters, a port 1 to 65535, each once, at most {=EgressFirewall.MaxAllowedHosts}; an IP address is refused (the firewall filters by name). Needs `enabled: true` and `firewallCidrBlock`. Security groups filter by address only, so Cloud Firewall's **NAT firewall** (`alicloud:cloudfirewall/natFirewall:NatFirewall` `<name>-nat-firewall`, switched on, after the SNAT entries) takes the VPC's default route in front of the NAT gateway, with one accept policy per entry (`natFirewallControlPolicy` `<name>-egress-<host>-<port>`, destination type `domain`, tcp, matched by name and by DNS), in the order given, and a last one dropping the rest (`<name>-egress-drop-rest`: Cloud Firewall lets through what no policy matches); they are created one after another, each with its order (`newOrder`), since orders asked for at once can race. The pods' groups then let out only the entries' ports to anywhere (`443` alone for the example), and `images-and-chart-reachable` requires each image's registry to be on a VPC endpoint or allowed on 443. **The account must have Cloud Firewall enabled** (an edition of its own, billed by subscription or pay-as-you-go, plus the traffic it protects: Cloud Firewall pricing), which nothing offline can see: the advisory `cloud-firewall-enabled` says so until the stack sets its level to `disabled` once confirmed. Every region of the catalogue offers NAT firewalls (Cloud Firewall, \"Supported regions\", 2026-02-11). Turning the firewall on or off moves the default route and drops long-lived connections for 1 to 2 seconds. `proxyName` (`<cluster>_egress`, the cluster's `-` as `_`: 4 to 50 characters) and the NAT gateway are ForceNew for the firewall", Default = "none: tcp 80 and 443 to anywhere")]
    public List<HostPortValue> AllowedHosts { get; set; } = new();

    /// <summary>A free block of the VPC where Cloud Firewall makes the NAT firewall's vSwitch; required with <see cref="AllowedHosts"/>.</summary>
    [ConfigDoc("a block of the VPC (mask /{=AlibabaCloud.VswitchMinPrefixLength} to /{=AlibabaCloud.VswitchMaxPrefixLength}) that no vSwitch uses, where Cloud Firewall makes the NAT firewall's own vSwitch (automatic mode, `vswitchCidr`): inside `cidrBlock`, overlapping no zone's planned or given blocks and no `usedCidrBlocks` (the provider's example gives a /24; the smallest block Cloud Firewall takes is not stated in what could be read)", Default = "(required with `allowedHosts`)")]
    public CidrValue? FirewallCidrBlock { get; set; }
}
