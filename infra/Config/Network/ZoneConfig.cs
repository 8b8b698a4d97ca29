
namespace BlinkInfra.Config;

/// <summary>One item of `blink-infra:network.zones`.</summary>
public sealed class ZoneConfig
{
    public string? Id { get; set; }
    public CidrValue? CidrBlock { get; set; }
    public CidrValue? PodCidrBlock { get; set; }
}
