using System.Linq;
using System.Net;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>Rules for one item of `blink-infra:network.zones`.</summary>
public sealed class ZoneValidator : AbstractValidator<ZoneConfig>
{
    public ZoneValidator(string? region, NetworkConfig network, VpcBlock vpcBlock)
    {
        RuleFor(z => z.Id)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage(region is null ? "a zone id is required" : $"allowed: zones of {region}: {string.Join(", ", AlibabaCloud.ZonesOf(region))}");

        RuleFor(z => z.Id)
            .Must(id => AlibabaCloud.ZonesOf(region!).Contains(id!))
            .When(z => region is not null && !string.IsNullOrEmpty(z.Id))
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage(_ => $"not a zone of {region}; allowed: {string.Join(", ", AlibabaCloud.ZonesOf(region!))}");

        RuleFor(z => z.CidrBlock).Custom((cidr, context) => CheckBlock(cidr, context, network, vpcBlock, isPod: false));
        RuleFor(z => z.PodCidrBlock).Custom((cidr, context) => CheckBlock(cidr, context, network, vpcBlock, isPod: true));
    }

    /// <summary>A zone's node or pod block: a vSwitch-sized block inside the VPC that overlaps no other block of the network.</summary>
    private static void CheckBlock(CidrValue? cidr, ValidationContext<ZoneConfig> context, NetworkConfig network, VpcBlock vpcBlock, bool isPod)
    {
        if (cidr is null)
            return;
        if (cidr.Block is not { } block)
        {
            context.Fail(DiagnosticCatalogue.NotACidr, cidr, cidr.Problem!);
            return;
        }
        if (block.Cidr is < AlibabaCloud.VswitchMinPrefixLength or > AlibabaCloud.VswitchMaxPrefixLength)
        {
            context.Fail(DiagnosticCatalogue.CidrNotAllowed, cidr, $"a vSwitch's mask is /{AlibabaCloud.VswitchMinPrefixLength} to /{AlibabaCloud.VswitchMaxPrefixLength}; allowed: a block such as 10.0.1.0/24");
            return;
        }
        if (vpcBlock.Block is not { } vpc)
            return;
        if (!vpc.Contains(block))
        {
            context.Fail(DiagnosticCatalogue.CidrNotAllowed, cidr, $"outside the VPC's {vpc}; allowed: a block inside it");
            return;
        }
        var self = context.InstanceToValidate;
        var others = network.UsedCidrBlocks.Concat(network.Zones.SelectMany(z => new[]
        {
            ReferenceEquals(z, self) && !isPod ? null : z.CidrBlock,
            ReferenceEquals(z, self) && isPod ? null : z.PodCidrBlock,
        }));
        var clash = others
            .Select(other => other?.Block)
            .OfType<IPNetwork2>()
            .FirstOrDefault(block.Overlap);
        if (clash != null)
            context.Fail(DiagnosticCatalogue.BlocksOverlap, cidr, $"overlaps {clash}; allowed: a block that overlaps no other zone's block and no usedCidrBlocks");
    }
}
