using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>Rules for `blink-infra:network`; zones are checked against the cluster's region, blocks against the VPC's block as parsed once (<see cref="VpcBlock"/>).</summary>
public sealed class NetworkValidator : AbstractValidator<NetworkConfig>
{
    private static readonly Regex VpcIdPattern = new("^vpc-[a-z0-9]{6,}\\z", RegexOptions.CultureInvariant);

    public NetworkValidator(string? region, VpcBlock vpcBlock)
    {
        RuleFor(n => n.VpcId)
            .Must(id => id is null || VpcIdPattern.IsMatch(id))
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not a VPC id; allowed: an existing VPC's id such as vpc-bp1a2b3c4d5e6f7g8h9i0, or no vpcId to create a VPC");

        RuleFor(n => n.CidrBlock)
            .NotEmpty()
            .When(n => n.VpcId != null)
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("the CIDR block of the VPC given by vpcId is required; allowed: that VPC's IPv4 CIDR block, such as 172.16.0.0/12");

        RuleFor(n => n.CidrBlock)
            .Custom((cidr, context) =>
            {
                if (cidr is null)
                    return;
                if (vpcBlock.Block is not { } vpc)
                    context.Fail(DiagnosticCatalogue.NotACidr, cidr, vpcBlock.Problem!);
                else if (vpc.Cidr is < AlibabaCloud.VpcMinPrefixLength or > AlibabaCloud.VpcMaxPrefixLength)
                    context.Fail(DiagnosticCatalogue.CidrNotAllowed, cidr, $"a VPC's mask is /{AlibabaCloud.VpcMinPrefixLength} to /{AlibabaCloud.VpcMaxPrefixLength}; allowed: a block such as 10.0.0.0/16");
                else if (KnownBlocks.VpcForbidden.FirstOrDefault(vpc.Overlap) is { } reserved)
                    context.Fail(DiagnosticCatalogue.CidrNotAllowed, cidr, $"overlaps {reserved}, which Alibaba Cloud reserves; allowed: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or their subnets, or another block outside {string.Join(", ", AlibabaCloud.VpcForbiddenCidrs)}");
            });

        RuleFor(n => n.VswitchPrefixLength)
            .InclusiveBetween(AlibabaCloud.VswitchMinPrefixLength, AlibabaCloud.VswitchMaxPrefixLength)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: {AlibabaCloud.VswitchMinPrefixLength} to {AlibabaCloud.VswitchMaxPrefixLength}, and not shorter than the VPC's mask");

        RuleFor(n => n.PodVswitchPrefixLength)
            .InclusiveBetween(AlibabaCloud.VswitchMinPrefixLength, AlibabaCloud.VswitchMaxPrefixLength)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: {AlibabaCloud.VswitchMinPrefixLength} to {AlibabaCloud.VswitchMaxPrefixLength}, and not shorter than the VPC's mask");

        RuleFor(n => n.InternetEgress!.BandwidthMbps)
            .InclusiveBetween(1, SpecDefaults.EgressMaxBandwidthMbps)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {SpecDefaults.EgressMaxBandwidthMbps} Mbit/s (an EIP billed by traffic)")
            .OverridePropertyName("InternetEgress.BandwidthMbps")
            .When(n => n.InternetEgress != null);

        EgressRules(region, vpcBlock);

        RuleFor(n => n.UsedCidrBlocks)
            .Empty()
            .When(n => n.VpcId is null)
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("only an existing VPC (vpcId) has CIDR blocks in use; allowed: no usedCidrBlocks without vpcId");

        RuleForEach(n => n.UsedCidrBlocks)
            .Custom((cidr, context) =>
            {
                if (cidr.Block is not { } used)
                    context.Fail(DiagnosticCatalogue.NotACidr, cidr, cidr.Problem!);
                else if (vpcBlock.Block is { } vpc && !vpc.Contains(used))
                    context.Fail(DiagnosticCatalogue.CidrNotAllowed, cidr, $"outside the VPC's {vpc}; allowed: blocks inside it");
            });

        RuleFor(n => n.Zones)
            .NotEmpty()
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage(region is null
                ? "at least one zone of the cluster's region is required"
                : $"at least one zone is required; allowed: zones of {region}: {string.Join(", ", AlibabaCloud.ZonesOf(region))}");

        RuleForEach(n => n.Zones).SetValidator(n => new ZoneValidator(region, n, vpcBlock));

        RuleFor(n => n.Zones).Custom((zones, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < zones.Count; i++)
            {
                if (zones[i].Id is { } id && !seen.Add(id))
                    context.AddFailure(new ValidationFailure($"Zones[{i}].Id", "listed twice; allowed: each zone once") { ErrorCode = DiagnosticCatalogue.ListedTwice.Code, AttemptedValue = id });
            }
        });
    }

    /// <summary>`internetEgress.allowedHosts` and `firewallCidrBlock` (a NAT firewall in front of the gateway, <see cref="EgressFirewall"/>).</summary>
    private void EgressRules(string? region, VpcBlock vpcBlock)
    {
        RuleFor(n => n.InternetEgress!.AllowedHosts)
            .Must(hosts => hosts.Count == 0)
            .When(n => n.InternetEgress is { Enabled: not true })
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("the hosts a NAT firewall lets out, in front of the NAT gateway that internet egress declares; allowed: internetEgress.enabled: true, or no allowedHosts")
            .OverridePropertyName("InternetEgress.AllowedHosts");
        RuleFor(n => n.InternetEgress!.AllowedHosts)
            .Must(hosts => hosts.Count <= EgressFirewall.MaxAllowedHosts)
            .When(n => n.InternetEgress is not null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: at most {EgressFirewall.MaxAllowedHosts} hosts (a NAT firewall policy each)")
            .OverridePropertyName("InternetEgress.AllowedHosts");
        RuleFor(n => n.InternetEgress!.AllowedHosts)
            .Must(hosts => hosts.Select(h => h.Text).Distinct(StringComparer.Ordinal).Count() == hosts.Count)
            .When(n => n.InternetEgress is not null)
            .WithCode(DiagnosticCatalogue.ListedTwice).WithMessage("a host and port listed twice; allowed: each once")
            .OverridePropertyName("InternetEgress.AllowedHosts");
        RuleFor(n => n.InternetEgress!.AllowedHosts)
            .Must(_ => region is null || EgressFirewall.NatFirewallRegions.Contains(region))
            .When(n => n.InternetEgress is { AllowedHosts.Count: > 0 })
            .WithCode(DiagnosticCatalogue.NotOffered).WithMessage($"Cloud Firewall offers no NAT firewall in {region}, which limiting egress to hosts needs; allowed: no allowedHosts there, or a region of {string.Join(", ", EgressFirewall.NatFirewallRegions)}")
            .OverridePropertyName("InternetEgress.AllowedHosts");
        // Each entry as parsed once (HostPortValue): an address or not host:port.
        RuleForEach(n => n.InternetEgress!.AllowedHosts)
            .Custom((entry, context) =>
            {
                if (entry.Problem is { } problem)
                    context.Fail(DiagnosticCatalogue.MalformedValue, entry, problem);
            })
            .When(n => n.InternetEgress is not null);

        RuleFor(n => n.InternetEgress!.FirewallCidrBlock)
            .NotEmpty()
            .When(n => n.InternetEgress is { AllowedHosts.Count: > 0 })
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("required with allowedHosts: a block of the VPC no vSwitch uses, where Cloud Firewall makes the NAT firewall's vSwitch (automatic mode); allowed: a block such as 10.0.250.0/24 inside network.cidrBlock, outside every zone's blocks and usedCidrBlocks")
            .OverridePropertyName("InternetEgress.FirewallCidrBlock");
        RuleFor(n => n.InternetEgress!.FirewallCidrBlock)
            .Null()
            .When(n => n.InternetEgress is { AllowedHosts.Count: 0 })
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("the NAT firewall's vSwitch, which only allowedHosts declares; allowed: allowedHosts with it, or no firewallCidrBlock")
            .OverridePropertyName("InternetEgress.FirewallCidrBlock");
        RuleFor(n => n.InternetEgress!.FirewallCidrBlock)
            .Custom((cidr, context) =>
            {
                if (cidr is null)
                    return;
                var network = context.InstanceToValidate;
                if (cidr.Block is not { } block)
                    context.Fail(DiagnosticCatalogue.NotACidr, cidr, cidr.Problem!);
                else if (block.Cidr is < AlibabaCloud.VswitchMinPrefixLength or > AlibabaCloud.VswitchMaxPrefixLength)
                    context.Fail(DiagnosticCatalogue.CidrNotAllowed, cidr, $"a vSwitch's mask is /{AlibabaCloud.VswitchMinPrefixLength} to /{AlibabaCloud.VswitchMaxPrefixLength}; allowed: a block such as 10.0.250.0/24");
                else if (vpcBlock.Block is { } vpc && !vpc.Contains(block))
                    context.Fail(DiagnosticCatalogue.CidrNotAllowed, cidr, $"outside the VPC's {vpc}; allowed: a block inside it");
                else if (network.UsedCidrBlocks.Concat(network.Zones.SelectMany(z => new[] { z.CidrBlock, z.PodCidrBlock }))
                             .FirstOrDefault(b => b?.Block is { } other && other.Overlap(block)) is { } clash)
                    context.Fail(DiagnosticCatalogue.BlocksOverlap, cidr, $"overlaps {clash}; allowed: a block that overlaps no zone's block and no usedCidrBlocks");
            })
            .When(n => n.InternetEgress is not null);
    }
}
