using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:network.internetEgress`.</summary>
public sealed class InternetEgressConfig
{
    public bool? Enabled { get; set; }
    public int? BandwidthMbps { get; set; }

    /// <summary>The only hosts the cluster may reach, each "host:port": a NAT firewall filters by name (see <see cref="Facts.EgressFirewall"/>).</summary>
    public List<string> AllowedHosts { get; set; } = new();

    /// <summary>A free block of the VPC where Cloud Firewall makes the NAT firewall's vSwitch; required with <see cref="AllowedHosts"/>.</summary>
    public string? FirewallCidrBlock { get; set; }
}
