using System.Net;

namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:network.cidrBlock` (10.0.0.0/16 when the stack creates its VPC and gives none), parsed once on its way
/// from the config to the VPC resource: the validators, the planner and the spec take this, never the text again.
/// <see cref="Block"/> is null when the text is not a CIDR block (<see cref="Problem"/> says why) or when an existing
/// VPC is given without one (a missing-key error of its own).
/// </summary>
public sealed record VpcBlock(string? Given, IPNetwork2? Block, string? Problem)
{
    public static VpcBlock Of(NetworkConfig network)
    {
        var text = network.CidrBlock ?? (network.VpcId is null ? SpecDefaults.VpcCidrBlock : null);
        if (text is null)
            return new VpcBlock(null, null, null);
        return Cidr.TryParse(text, out var block, out var problem)
            ? new VpcBlock(network.CidrBlock, block, null)
            : new VpcBlock(network.CidrBlock, null, problem);
    }
}
