using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace BlinkInfra.Config;

/// <summary>IPv4 CIDR blocks as config gives them: strict parsing, no guessing of masks.</summary>
public static class Cidr
{
    /// <summary>
    /// Parses "a.b.c.d/n" into an IPv4 network. Unlike IPNetwork2's own parsing it refuses a block
    /// without a mask and one with host bits set, because a silently corrected address plan is
    /// worse than an error.
    /// </summary>
    public static bool TryParse(string? text, out IPNetwork2 network, out string problem)
    {
        network = null!;
        problem = "";
        var slash = text?.IndexOf('/') ?? -1;
        // The address strictly (HostNames: no octal or hexadecimal forms), the mask as plain digits (no sign, no spaces).
        if (text is null || slash < 0
            || !HostNames.TryParseIPv4(text[..slash], out var address)
            || text.Length - slash - 1 is < 1 or > 2
            || !byte.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) || prefix > 32
            || !IPNetwork2.TryParse(text, out var parsed))
        {
            problem = "not an IPv4 CIDR block; allowed: a block such as 10.0.0.0/16";
            return false;
        }

        if (!parsed.Network.Equals(address) || parsed.Cidr != prefix)
        {
            problem = $"host bits are set; allowed: the block's network address, here {parsed.Network}/{parsed.Cidr}";
            return false;
        }

        network = parsed;
        return true;
    }
}
