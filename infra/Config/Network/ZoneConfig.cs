
namespace BlinkInfra.Config;

/// <summary>One item of `blink-infra:network.zones`.</summary>
public sealed class ZoneConfig
{
    public string? Id { get; set; }
    public string? CidrBlock { get; set; }
    public string? PodCidrBlock { get; set; }
}
