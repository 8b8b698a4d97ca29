using System.Net;

namespace BlinkInfra.Config;

/// <summary>
/// An IPv4 CIDR block as the config gives it (network.cidrBlock, a zone's blocks, usedCidrBlocks, an endpoint's cidr,
/// the tenant's block, the Service CIDR, the NAT firewall's block), parsed once, as the config is read
/// (<see cref="ConfigShape.Read"/>): the text as written, which messages quote and resources take; the block; or why
/// the text is none (<see cref="Cidr.TryParse"/>'s strict rules), which the section's validator reports with its key.
/// Nothing after the read parses the text again: validators and builders take <see cref="Block"/>.
/// </summary>
public sealed record CidrValue : ConfigValue
{
    private CidrValue(string text, IPNetwork2? block, string? problem)
        : base(text, problem)
    {
        Block = block;
    }

    /// <summary>The block; null when the text is not one.</summary>
    public IPNetwork2? Block { get; }

    /// <summary>The value of a config text: the one place a CIDR block of the config is parsed.</summary>
    public static CidrValue Parse(string text)
    {
        return Cidr.TryParse(text, out var block, out var problem) ? new CidrValue(text, block, null) : new CidrValue(text, null, problem);
    }
}
