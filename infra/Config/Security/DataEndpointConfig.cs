
namespace BlinkInfra.Config;

/// <summary>One source or sink of the customer's.</summary>
public sealed class DataEndpointConfig
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public HostValue? Host { get; set; }
    public CidrValue? Cidr { get; set; }
    public int? Port { get; set; }
}
