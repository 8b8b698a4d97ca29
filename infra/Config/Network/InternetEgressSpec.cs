using System.Collections.Immutable;
using System.Linq;
using System.Net;

namespace BlinkInfra.Config;

/// <summary>One host the cluster may reach on the internet, and its port.</summary>
public sealed record AllowedHost(string Host, int Port)
{
    public override string ToString() => $"{Host}:{Port}";
}

/// <summary>
/// Internet egress through a NAT gateway and an EIP; off unless enabled. With <see cref="AllowedHosts"/>, a NAT
/// firewall in front of the gateway lets out only those hosts, its vSwitch in <see cref="FirewallBlock"/>.
/// </summary>
public sealed record InternetEgressSpec(bool Enabled, int BandwidthMbps)
{
    public ImmutableArray<AllowedHost> AllowedHosts { get; init; } = ImmutableArray<AllowedHost>.Empty;

    public IPNetwork2? FirewallBlock { get; init; }

    /// <summary>Whether egress is limited to named hosts.</summary>
    public bool Restricted => Enabled && !AllowedHosts.IsDefaultOrEmpty;

    /// <summary>The tcp ports the pods' groups let out to anywhere: the allowed hosts' with a NAT firewall, HTTP(S) without.</summary>
    public ImmutableArray<int> Ports => Restricted
        ? AllowedHosts.Select(h => h.Port).Distinct().Order().ToImmutableArray()
        : Facts.PodNetworking.InternetPorts;
}
