namespace BlinkInfra.Config;

/// <summary>Port ranges as security group rules take them: "from/to", "-1/-1" for protocols without ports.</summary>
public static class PortRanges
{
    /// <summary>
    /// The rule's port range for a protocol, from the ports as parsed once (<see cref="PortRangeValue"/>): "from/to" for
    /// tcp and udp, "-1/-1" for the others; null with a problem when the ports do not fit the protocol.
    /// </summary>
    public static string? For(string protocol, PortRangeValue? ports, out string problem)
    {
        problem = "";
        if (Facts.ClusterPorts.IsPortless(protocol))
        {
            if (ports is null || ports.IsNoPorts)
                return PortRangeValue.NoPorts;
            problem = $"{protocol} has no ports; allowed: -1/-1 or no ports";
            return null;
        }
        if (ports is null)
        {
            problem = $"{protocol} needs ports; allowed: a port such as 8081, or a range such as 6121/6122, within 1 to 65535";
            return null;
        }
        if (ports.Problem is { } notARange)
        {
            problem = notARange;
            return null;
        }
        return $"{ports.From}/{ports.To}";
    }
}
