using System.Net;

namespace BlinkInfra.Config;

/// <summary>
/// A data endpoint's `host` (`dataAccess.endpoints[].host`), parsed once, as the config is read, by what it is
/// (<see cref="HostNames"/>): the text as written, which the endpoints ConfigMap carries to jobs as given; the IPv4
/// address when it is one (its egress rule's /32 without a cidr); or why it is neither an address nor a host name.
/// </summary>
public sealed record HostValue : ConfigValue
{
    private HostValue(string text, IPAddress? address, string? problem)
        : base(text, problem)
    {
        Address = address;
    }

    /// <summary>The IPv4 address; null for a host name or a text that is neither.</summary>
    public IPAddress? Address { get; }

    /// <summary>Whether the text is a host name (not an address): a security group rule cannot open it.</summary>
    public bool IsName => Problem is null && Address is null;

    /// <summary>The value of a config text: the one place an endpoint's host is parsed.</summary>
    public static HostValue Parse(string text)
    {
        return HostNames.ProblemWith(text, out var address) is { } problem
            ? new HostValue(text, null, $"{problem}; allowed: {HostNames.Allowed}")
            : new HostValue(text, address, null);
    }
}
