
namespace BlinkInfra.Config;

/// <summary>`blink-infra:network.internetEgress`.</summary>
public sealed class InternetEgressConfig
{
    public bool? Enabled { get; set; }
    public int? BandwidthMbps { get; set; }
}
