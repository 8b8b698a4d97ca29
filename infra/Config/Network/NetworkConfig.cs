using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:network`.</summary>
public sealed class NetworkConfig
{
    [ConfigDoc("an existing VPC's id (`vpc-…`) to carve the cluster's vSwitches in it; it is looked up at deploy time and must have `cidrBlock`", Default = "none: a VPC is created")]
    public string? VpcId { get; set; }
    [ConfigDoc("an IPv4 block, mask /{=AlibabaCloud.VpcMinPrefixLength} to /{=AlibabaCloud.VpcMaxPrefixLength}, not overlapping {=AlibabaCloud.VpcForbiddenCidrs}", Default = "`{=SpecDefaults.VpcCidrBlock}` for a new VPC; required with `vpcId`")]
    public CidrValue? CidrBlock { get; set; }
    [ConfigDoc("with `vpcId` only: blocks of that VPC already in use, which planned vSwitches avoid")]
    public List<CidrValue> UsedCidrBlocks { get; set; } = new();
    [ConfigDoc("{=AlibabaCloud.VswitchMinPrefixLength} to {=AlibabaCloud.VswitchMaxPrefixLength}, not shorter than the VPC's mask: the size of each planned node vSwitch (a /24 holds 252 machines)", Default = "`{=SpecDefaults.VswitchPrefixLength}`")]
    public int? VswitchPrefixLength { get; set; }
    [ConfigDoc("{=AlibabaCloud.VswitchMinPrefixLength} to {=AlibabaCloud.VswitchMaxPrefixLength}: the size of each planned pod vSwitch (Terway gives pods VPC addresses from these)", Default = "`{=ClusterDefaults.PodVswitchPrefixLength}` (or the VPC's mask, if longer)")]
    public int? PodVswitchPrefixLength { get; set; }
    [ConfigDoc("a list of `{id, cidrBlock?, podCidrBlock?}`: zones of the region (`./blink catalog` lists them; the table in `infra/Facts/AlibabaCloud.cs`; full zone ids such as `cn-hangzhou-h`, and `ap-southeast-1a` in Singapore), each once. Blocks are planned so they never move: a node block and a pod block are reserved for every zone of the region in the catalogue's order (node blocks first, then pod blocks, each the first free one of its size in address order, around `usedCidrBlocks` only), whether the stack uses the zone or not, and each zone of the stack takes its own. A pinned block (`cidrBlock`, `podCidrBlock`) is taken instead and leaves its zone's reservation unused, so adding, removing or pinning a zone to any block never moves another zone's vSwitches (a moved vSwitch is replaced, and its node pools and cluster with it). Only a zone whose own reserved block a pin overlaps moves: to the first block no zone reserves, or else to the reservation the pinning zone left; with neither, an error names both keys (`infra/Config/Network/CidrPlanner.cs`). Until issue 32 a pin shifted the zones after it in the catalogue: a stack that pinned some zones and left others to planning may see those others planned back in their own blocks; run `diff` against the stack's state first and pin them where they stand (the `zones:` block `plan --zones` prints). A VPC too small to hold a block for every zone of the region reserves blocks for the stack's zones alone, in their order; one too small even for that plans the unpinned zones around the pinned ones, in their order. A given block (mask /16 to /29) must lie inside the VPC and overlap no other block and no `usedCidrBlocks`", Default = "(required)")]
    public List<ZoneConfig> Zones { get; set; } = new();
    public InternetEgressConfig? InternetEgress { get; set; }
}
