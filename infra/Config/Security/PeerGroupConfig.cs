
namespace BlinkInfra.Config;

/// <summary>One item of `blink-infra:security.peerGroups`: another security group allowed in.</summary>
public sealed class PeerGroupConfig
{
    public string? SecurityGroupId { get; set; }
    public string? Role { get; set; }
    public string? Protocol { get; set; }
    public PortRangeValue? Ports { get; set; }
    public string? Description { get; set; }
}
