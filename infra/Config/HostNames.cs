using System;
using System.Globalization;
using System.Linq;
using System.Net;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// Hosts and IPv4 addresses as config gives them, parsed by what they are: an IPv4 address is four decimal
/// numbers 0 to 255 without leading zeros (.NET and inet_aton would also read 10.1, 0x0a.0.0.1, 167772161 or
/// 010.0.0.1, the last as octal, each a different address than a reader expects); a host name is RFC 1123's:
/// labels of 1 to 63 letters, digits and hyphens, neither starting nor ending with a hyphen, at most 253
/// characters in all (<see cref="NameLimits.HostName"/>), one final dot allowed.
/// </summary>
public static class HostNames
{
    public const string Allowed = "an IPv4 address such as 10.20.201.15, or a host name such as alikafka-pre-cn-xxx-1-vpc.alikafka.aliyuncs.com (letters, digits, '-' and '.', no port, no scheme)";

    /// <summary>A strict dotted-quad IPv4 address.</summary>
    public static bool TryParseIPv4(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var parts = text.Split('.');
        if (parts.Length != 4)
            return false;
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0')
                || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
                return false;
        }
        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>What is wrong with a host, or null when it is an IPv4 address (then <paramref name="address"/>) or a host name.</summary>
    public static string? ProblemWith(string host, out IPAddress? address)
    {
        address = null;
        if (host.Length == 0)
            return "an empty host";
        if (UserText.FirstControl(host) is not null || host.Any(char.IsWhiteSpace))
            return "a host holds no spaces, line breaks or control characters";
        if (host.Contains("://", StringComparison.Ordinal))
            return "a URL, where a host belongs";
        if (host.Contains(':', StringComparison.Ordinal))
            return "a port or an IPv6 address in the host: the port is the endpoint's own key (port), and its rule opens IPv4 addresses only";
        if (host.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            if (!TryParseIPv4(host, out var parsed))
                return "not an IPv4 address: four numbers 0 to 255, without leading zeros";
            address = parsed;
            return null;
        }
        if (host.Length > NameLimits.HostName.MaxLength)
            return $"a host name of {host.Length} characters; at most {NameLimits.HostName.MaxLength} ({NameLimits.HostName.Source})";
        var name = host.EndsWith('.') ? host[..^1] : host;
        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63)
                return $"a host name whose labels (between dots) are 1 to 63 characters; \"{label}\" is {label.Length}";
            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || label[0] == '-' || label[^1] == '-')
                return $"not a host name: the label \"{label}\" holds other characters than letters, digits and '-', or starts or ends with '-'";
        }
        return null;
    }
}
