
namespace BlinkInfra.Config;

/// <summary>One of the customer's vSwitches the cluster reaches through an ENI.</summary>
public sealed class DataVswitchConfig
{
    public string? Id { get; set; }
    public string? Zone { get; set; }
    public string? VpcId { get; set; }
    /// <summary>The vSwitch's block, optional: given, it is checked against the cluster's network and Service CIDR.</summary>
    public string? CidrBlock { get; set; }
}
