using System;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// An entry of `network.internetEgress.allowedHosts`, `host:port` (<see cref="EgressFirewall.HostPortPattern"/>), parsed
/// once, as the config is read: the text as written; the host name and the port; or why the text is none (an address,
/// which the NAT firewall cannot filter by name, or not host:port), which NetworkValidator reports with its key.
/// </summary>
public sealed record HostPortValue : ConfigValue
{
    private static readonly Regex HostPort = new(EgressFirewall.HostPortPattern, RegexOptions.CultureInvariant);

    private HostPortValue(string text, string? host, int? port, string? problem)
        : base(text, problem)
    {
        Host = host;
        Port = port;
    }

    /// <summary>The host name ("*." before it for all its subdomains); null when the text is not host:port.</summary>
    public string? Host { get; }

    /// <summary>The port, 1 to 65535; null when the text is not host:port.</summary>
    public int? Port { get; }

    /// <summary>The value of a config text: the one place an allowed host's text is parsed.</summary>
    public static HostPortValue Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        var host = colon >= 0 ? text[..colon] : text;
        if (IPAddress.TryParse(host, out _))
            return new HostPortValue(text, null, null, "an address; allowed: a host name and port, such as api.partner.com:443 (the NAT firewall filters by name)");
        const string notHostPort = "not host:port; allowed: a host name in lower case with at least one dot (\"*.\" before it for all its subdomains), at most 253 characters, ':' and a port 1 to 65535, such as api.partner.com:443";
        if (!HostPort.IsMatch(text) || host.Length > EgressFirewall.MaxHostLength)
            return new HostPortValue(text, null, null, notHostPort);
        // The pattern bounds the port to five digits, so it reads as a number; above 65535 it is no port.
        var port = int.Parse(text[(colon + 1)..], CultureInfo.InvariantCulture);
        return port > 65535 ? new HostPortValue(text, null, null, notHostPort) : new HostPortValue(text, host, port, null);
    }
}
