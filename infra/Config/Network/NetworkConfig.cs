using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:network`.</summary>
public sealed class NetworkConfig
{
    public string? VpcId { get; set; }
    public string? CidrBlock { get; set; }
    public List<string> UsedCidrBlocks { get; set; } = new();
    public int? VswitchPrefixLength { get; set; }
    public int? PodVswitchPrefixLength { get; set; }
    public List<ZoneConfig> Zones { get; set; } = new();
    public InternetEgressConfig? InternetEgress { get; set; }
}
