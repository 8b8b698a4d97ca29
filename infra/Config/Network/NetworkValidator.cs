using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>Rules for `blink-infra:network`; zones are checked against the cluster's region.</summary>
public sealed class NetworkValidator : AbstractValidator<NetworkConfig>
{
    private static readonly Regex VpcIdPattern = new("^vpc-[a-z0-9]{6,}\\z", RegexOptions.CultureInvariant);

    public NetworkValidator(string? region)
    {
        RuleFor(n => n.VpcId)
            .Must(id => id is null || VpcIdPattern.IsMatch(id))
            .WithMessage("not a VPC id; allowed: an existing VPC's id such as vpc-bp1a2b3c4d5e6f7g8h9i0, or no vpcId to create a VPC");

        RuleFor(n => n.CidrBlock)
            .NotEmpty()
            .When(n => n.VpcId != null)
            .WithMessage("the CIDR block of the VPC given by vpcId is required; allowed: that VPC's IPv4 CIDR block, such as 172.16.0.0/12");

        RuleFor(n => n.CidrBlock)
            .Custom((cidr, context) =>
            {
                if (cidr is null)
                    return;
                if (!Cidr.TryParse(cidr, out var vpc, out var problem))
                    context.Fail(cidr, problem);
                else if (vpc.Cidr is < AlibabaCloud.VpcMinPrefixLength or > AlibabaCloud.VpcMaxPrefixLength)
                    context.Fail(cidr, $"a VPC's mask is /{AlibabaCloud.VpcMinPrefixLength} to /{AlibabaCloud.VpcMaxPrefixLength}; allowed: a block such as 10.0.0.0/16");
                else if (AlibabaCloud.VpcForbiddenCidrs.Select(IPNetwork2.Parse).FirstOrDefault(vpc.Overlap) is { } reserved)
                    context.Fail(cidr, $"overlaps {reserved}, which Alibaba Cloud reserves; allowed: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or their subnets, or another block outside {string.Join(", ", AlibabaCloud.VpcForbiddenCidrs)}");
            });

        RuleFor(n => n.VswitchPrefixLength)
            .InclusiveBetween(AlibabaCloud.VswitchMinPrefixLength, AlibabaCloud.VswitchMaxPrefixLength)
            .WithMessage($"allowed: {AlibabaCloud.VswitchMinPrefixLength} to {AlibabaCloud.VswitchMaxPrefixLength}, and not shorter than the VPC's mask");

        RuleFor(n => n.PodVswitchPrefixLength)
            .InclusiveBetween(AlibabaCloud.VswitchMinPrefixLength, AlibabaCloud.VswitchMaxPrefixLength)
            .WithMessage($"allowed: {AlibabaCloud.VswitchMinPrefixLength} to {AlibabaCloud.VswitchMaxPrefixLength}, and not shorter than the VPC's mask");

        RuleFor(n => n.InternetEgress!.BandwidthMbps)
            .InclusiveBetween(1, SpecDefaults.EgressMaxBandwidthMbps)
            .WithMessage($"allowed: 1 to {SpecDefaults.EgressMaxBandwidthMbps} Mbit/s (an EIP billed by traffic)")
            .OverridePropertyName("InternetEgress.BandwidthMbps")
            .When(n => n.InternetEgress != null);

        RuleFor(n => n.UsedCidrBlocks)
            .Empty()
            .When(n => n.VpcId is null)
            .WithMessage("only an existing VPC (vpcId) has CIDR blocks in use; allowed: no usedCidrBlocks without vpcId");

        RuleForEach(n => n.UsedCidrBlocks)
            .Custom((cidr, context) =>
            {
                if (!Cidr.TryParse(cidr, out var used, out var problem))
                    context.Fail(cidr, problem);
                else if (SpecDefaults.VpcNetwork(context.InstanceToValidate) is { } vpc && !vpc.Contains(used))
                    context.Fail(cidr, $"outside the VPC's {vpc}; allowed: blocks inside it");
            });

        RuleFor(n => n.Zones)
            .NotEmpty()
            .WithMessage(region is null
                ? "at least one zone of the cluster's region is required"
                : $"at least one zone is required; allowed: zones of {region}: {string.Join(", ", AlibabaCloud.ZonesOf(region))}");

        RuleForEach(n => n.Zones).SetValidator(n => new ZoneValidator(region, n));

        RuleFor(n => n.Zones).Custom((zones, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < zones.Count; i++)
            {
                if (zones[i].Id is { } id && !seen.Add(id))
                    context.AddFailure(new ValidationFailure($"Zones[{i}].Id", "listed twice; allowed: each zone once") { AttemptedValue = id });
            }
        });
    }
}
