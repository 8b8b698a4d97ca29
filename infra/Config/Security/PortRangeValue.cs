using System.Globalization;

namespace BlinkInfra.Config;

/// <summary>
/// A peer group's `ports` (`security.peerGroups[].ports`): a port ("8081") or a range ("6121/6122") within 1 to 65535,
/// or "-1/-1", the provider's "no ports", parsed once, as the config is read. Which of them the rule may have depends
/// on its protocol (<see cref="PortRanges.For"/>), which the validator and the builder apply to the parts.
/// </summary>
public sealed record PortRangeValue : ConfigValue
{
    /// <summary>The provider's port range for a protocol without ports (alicloud_security_group_rule port_range).</summary>
    public const string NoPorts = "-1/-1";

    private PortRangeValue(string text, int? from, int? to, string? problem)
        : base(text, problem)
    {
        From = from;
        To = to;
    }

    /// <summary>The first port; null when the text is not a port range.</summary>
    public int? From { get; }

    /// <summary>The last port (the first, for a single port); null when the text is not a port range.</summary>
    public int? To { get; }

    /// <summary>Whether the text is the provider's "no ports".</summary>
    public bool IsNoPorts => Text == NoPorts;

    /// <summary>The value of a config text: the one place a port range's text is parsed.</summary>
    public static PortRangeValue Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && from is >= 1 and <= 65535 && to is >= 1 and <= 65535 && from <= to)
            return new PortRangeValue(text, from, to, null);
        return new PortRangeValue(text, null, null, "not a port range; allowed: a port such as 8081, or a range such as 6121/6122, within 1 to 65535");
    }
}
