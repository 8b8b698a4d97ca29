
namespace BlinkInfra.Config;

/// <summary>`blink-infra:compute.masters`.</summary>
public sealed class MastersConfig
{
    public string? InstanceType { get; set; }
    public string? ImageId { get; set; }
    public bool? Trusted { get; set; }
}
