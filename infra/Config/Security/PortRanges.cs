using System.Globalization;
using System.Net;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>Port ranges as security group rules take them: "from/to", "-1/-1" for protocols without ports.</summary>
public static class PortRanges
{
    /// <summary>Normalises "8081" or "6121/6122" for a protocol; null with a problem when it does not fit.</summary>
    public static string? Normalise(string protocol, string? ports, out string problem)
    {
        problem = "";
        if (ClusterPorts.IsPortless(protocol))
        {
            if (ports is null or "-1/-1")
                return "-1/-1";
            problem = $"{protocol} has no ports; allowed: -1/-1 or no ports";
            return null;
        }
        if (ports is null)
        {
            problem = $"{protocol} needs ports; allowed: a port such as 8081, or a range such as 6121/6122, within 1 to 65535";
            return null;
        }
        var parts = ports.Split('/');
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && from is >= 1 and <= 65535 && to is >= 1 and <= 65535 && from <= to)
        {
            return $"{from}/{to}";
        }
        problem = "not a port range; allowed: a port such as 8081, or a range such as 6121/6122, within 1 to 65535";
        return null;
    }
}
