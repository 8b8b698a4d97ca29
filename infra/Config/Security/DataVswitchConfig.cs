namespace BlinkInfra.Config;

/// <summary>
/// An entry of the retired `blink-infra:dataAccess.vswitches` (the seed's ENIs on the master machines),
/// still read so that a stack naming it gets one error saying what replaced it.
/// </summary>
public sealed class DataVswitchConfig
{
    public string? Id { get; set; }
    public string? Zone { get; set; }
    public string? VpcId { get; set; }
    /// <summary>The vSwitch's block, optional: given, it is checked against the cluster's network and Service CIDR.</summary>
    public CidrValue? CidrBlock { get; set; }
}
