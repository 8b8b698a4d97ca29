using System.Net;

namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:network.cidrBlock` (10.0.0.0/16 when the stack creates its VPC and gives none), parsed once on its way
/// from the config to the VPC resource: the validators, the planner and the spec take this, never the text again.
/// <see cref="Block"/> is null when the text is not a CIDR block (<see cref="Problem"/> says why) or when an existing
/// VPC is given without one (a missing-key error of its own).
/// </summary>
public sealed record VpcBlock(CidrValue? Given, IPNetwork2? Block, string? Problem)
{
    public static VpcBlock Of(NetworkConfig network)
        => network.CidrBlock is { } given ? new VpcBlock(given, given.Block, given.Problem)
            : network.VpcId is null ? new VpcBlock(null, KnownBlocks.DefaultVpc, null)
            : new VpcBlock(null, null, null);
}
