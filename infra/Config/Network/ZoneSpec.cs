using System.Net;

namespace BlinkInfra.Config;

/// <summary>One zone of the cluster and the CIDR blocks of its node and pod vSwitches (given or planned).</summary>
public sealed record ZoneSpec(string ZoneId, IPNetwork2 CidrBlock, IPNetwork2 PodCidrBlock);
