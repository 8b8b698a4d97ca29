using System.Net;

namespace BlinkInfra.Config;

/// <summary>A source or sink: the CIDR its egress rule opens, its port, and the host jobs connect to.</summary>
public sealed record DataEndpointSpec(string Name, string Kind, string? Host, IPNetwork2 Cidr, int Port);
