using System.Collections.Immutable;
using System.Linq;
using System.Net;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// The facts' blocks (infra/Facts keeps them as text: the facts ring takes no IP library), parsed once for the rules
/// and builders that compare the config's blocks with them.
/// </summary>
public static class KnownBlocks
{
    /// <summary>What no VPC's block may overlap (AlibabaCloud.VpcForbiddenCidrs).</summary>
    public static readonly ImmutableArray<IPNetwork2> VpcForbidden = AlibabaCloud.VpcForbiddenCidrs.Select(IPNetwork2.Parse).ToImmutableArray();

    /// <summary>The private address ranges (AlibabaCloud.PrivateRanges).</summary>
    public static readonly ImmutableArray<IPNetwork2> PrivateRanges = AlibabaCloud.PrivateRanges.Select(IPNetwork2.Parse).ToImmutableArray();

    /// <summary>Alibaba Cloud's services inside every VPC (PodNetworking.AlibabaServiceBlock).</summary>
    public static readonly IPNetwork2 AlibabaServices = IPNetwork2.Parse(PodNetworking.AlibabaServiceBlock);

    /// <summary>The ranges ACK takes a Service CIDR from (ClusterDefaults.ServiceCidrRanges).</summary>
    public static readonly ImmutableArray<IPNetwork2> ServiceCidrRanges = ClusterDefaults.ServiceCidrRanges.Select(IPNetwork2.Parse).ToImmutableArray();

    /// <summary>The Service CIDRs BlinkInfra picks from when none is given, in order (ClusterDefaults.ServiceCidrCandidates).</summary>
    public static readonly ImmutableArray<IPNetwork2> ServiceCidrCandidates = ClusterDefaults.ServiceCidrCandidates.Select(IPNetwork2.Parse).ToImmutableArray();

    /// <summary>A created VPC's block when network.cidrBlock gives none (SpecDefaults.VpcCidrBlock).</summary>
    public static readonly IPNetwork2 DefaultVpc = IPNetwork2.Parse(SpecDefaults.VpcCidrBlock);
}
