
namespace BlinkInfra.Config;

/// <summary>Internet egress through a NAT gateway and an EIP; off unless enabled.</summary>
public sealed record InternetEgressSpec(bool Enabled, int BandwidthMbps);
