using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

// One validator per config section. Each failure's message is the "what is wrong; allowed: …" part
// of a SpecError; SpecLoader adds the key (from the property chain) and the value given.

/// <summary>Rules for `blink-infra:cluster`.</summary>
public sealed class ClusterValidator : AbstractValidator<ClusterConfig>
{
    // ACK cluster and resource names are built from it, so: lower-case DNS label, at most 40 characters.
    private static readonly Regex NamePattern = new("^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$", RegexOptions.CultureInvariant);
    private const string NameRule = "lower-case letters, digits and '-', starting with a letter and not ending with '-', at most 40 characters";

    /// <param name="nameFromStack">True when the name was not given and defaults to the stack's name.</param>
    public ClusterValidator(bool nameFromStack = false)
    {
        RuleFor(c => c.Name)
            .Must(name => name is null || NamePattern.IsMatch(name))
            .WithMessage(nameFromStack
                ? $"not a valid cluster name (it defaults to the stack's name; set blink-infra:cluster.name); allowed: {NameRule}"
                : $"not a valid cluster name; allowed: {NameRule}");

        RuleFor(c => c.Billing)
            .Must(billing => billing is null || SpecDefaults.ParseBilling(billing) is not null)
            .WithMessage($"unknown billing mode; allowed: {string.Join(", ", AlibabaCloud.BillingModes.Select(b => b.Name))}");

        RuleFor(c => c.Mode)
            .Must(mode => mode is null or SpecDefaults.ExclusiveMode)
            .WithMessage(c => c.Mode == "shared"
                ? $"shared mode was retired on 2019-12-24; use exclusive mode; allowed: {SpecDefaults.ExclusiveMode}"
                : $"unknown mode; allowed: {SpecDefaults.ExclusiveMode}");

        RuleFor(c => c.Region)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(c => $"allowed for {BillingName(c)} billing: {string.Join(", ", AlibabaCloud.RegionsFor(Billing(c)))}")
            .Must((c, region) => AlibabaCloud.RegionsFor(Billing(c)).Contains(region!))
            .WithMessage((c, region) => RegionProblem(c, region!))
            .When(c => c.Billing is null || SpecDefaults.ParseBilling(c.Billing) is not null);

        RuleFor(c => c.Tags).Custom((tags, context) =>
        {
            // BlinkInfra's own tags count towards the limit: 3 on every resource and a 4th, blink.io/role,
            // on master machines (infra/Compute ClusterCompute), so 16 are left, not the 17 a count of 3
            // would leave.
            var left = AlibabaCloud.MaxTagsPerResource - OwnTags.AtMost;
            if (tags.Count > left)
                context.Fail($"{tags.Count} tags", $"Alibaba Cloud allows {AlibabaCloud.MaxTagsPerResource} tags on a resource and BlinkInfra puts up to {OwnTags.AtMost} of its own on one ({string.Join(", ", OwnTags.MasterInstanceKeys)} on master machines); allowed: at most {left} tags");
            foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var problem = TagProblem(key, value);
                if (problem != null)
                    context.AddFailure(new ValidationFailure($"Tags[\"{key}\"]", problem) { AttemptedValue = value });
            }
        });
    }

    private static BillingMode Billing(ClusterConfig c) => SpecDefaults.ParseBilling(c.Billing ?? "") ?? SpecDefaults.Billing;

    private static string BillingName(ClusterConfig c) => SpecDefaults.BillingName(Billing(c));

    private static string RegionProblem(ClusterConfig c, string region)
    {
        var allowed = string.Join(", ", AlibabaCloud.RegionsFor(Billing(c)));
        return Billing(c) == BillingMode.PayAsYouGo && AlibabaCloud.RegionsFor(BillingMode.Subscription).Contains(region)
            ? $"offered with subscription billing only (set blink-infra:cluster.billing to subscription); allowed for pay-as-you-go billing: {allowed}"
            : $"not a region for {BillingName(c)} billing; allowed: {allowed}";
    }

    // Source: Alibaba Cloud Tag documentation (TagResources): keys up to 128 characters and values up
    // to 128, neither starting with "aliyun" or "acs:" nor containing "http://" or "https://".
    // "blink.io/" keys are BlinkInfra's own.
    private static string? TagProblem(string key, string value)
    {
        const string allowed = "allowed: keys and values of at most 128 characters, not starting with \"aliyun\", \"acs:\" or \"blink.io/\", without \"http://\" or \"https://\"";
        var invalid = (string s) => s.StartsWith("aliyun", StringComparison.OrdinalIgnoreCase)
                                    || s.StartsWith("acs:", StringComparison.OrdinalIgnoreCase)
                                    || s.Contains("http://", StringComparison.OrdinalIgnoreCase)
                                    || s.Contains("https://", StringComparison.OrdinalIgnoreCase);
        if (key.Length is 0 or > 128 || invalid(key) || key.StartsWith(SpecDefaults.TagPrefix, StringComparison.Ordinal))
            return $"tag key \"{key}\" is not allowed; {allowed}";
        if (value.Length > 128 || invalid(value))
            return $"tag value is not allowed; {allowed}";
        return null;
    }
}

/// <summary>Rules for `blink-infra:network`; zones are checked against the cluster's region.</summary>
public sealed class NetworkValidator : AbstractValidator<NetworkConfig>
{
    private static readonly Regex VpcIdPattern = new("^vpc-[a-z0-9]{6,}$", RegexOptions.CultureInvariant);

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

/// <summary>Rules for one item of `blink-infra:network.zones`.</summary>
public sealed class ZoneValidator : AbstractValidator<ZoneConfig>
{
    public ZoneValidator(string? region, NetworkConfig network)
    {
        RuleFor(z => z.Id)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(region is null ? "a zone id is required" : $"allowed: zones of {region}: {string.Join(", ", AlibabaCloud.ZonesOf(region))}");

        RuleFor(z => z.Id)
            .Must(id => AlibabaCloud.ZonesOf(region!).Contains(id!))
            .When(z => region is not null && !string.IsNullOrEmpty(z.Id))
            .WithMessage(_ => $"not a zone of {region}; allowed: {string.Join(", ", AlibabaCloud.ZonesOf(region!))}");

        RuleFor(z => z.CidrBlock).Custom((cidr, context) => CheckBlock(cidr, context, network, isPod: false));
        RuleFor(z => z.PodCidrBlock).Custom((cidr, context) => CheckBlock(cidr, context, network, isPod: true));
    }

    /// <summary>A zone's node or pod block: a vSwitch-sized block inside the VPC that overlaps no other block of the network.</summary>
    private static void CheckBlock(string? cidr, ValidationContext<ZoneConfig> context, NetworkConfig network, bool isPod)
    {
        if (cidr is null)
            return;
        if (!Cidr.TryParse(cidr, out var block, out var problem))
        {
            context.Fail(cidr, problem);
            return;
        }
        if (block.Cidr is < AlibabaCloud.VswitchMinPrefixLength or > AlibabaCloud.VswitchMaxPrefixLength)
        {
            context.Fail(cidr, $"a vSwitch's mask is /{AlibabaCloud.VswitchMinPrefixLength} to /{AlibabaCloud.VswitchMaxPrefixLength}; allowed: a block such as 10.0.1.0/24");
            return;
        }
        if (SpecDefaults.VpcNetwork(network) is not { } vpc)
            return;
        if (!vpc.Contains(block))
        {
            context.Fail(cidr, $"outside the VPC's {vpc}; allowed: a block inside it");
            return;
        }
        var self = context.InstanceToValidate;
        var others = network.UsedCidrBlocks.Concat(network.Zones.SelectMany(z => new[]
        {
            ReferenceEquals(z, self) && !isPod ? null : z.CidrBlock,
            ReferenceEquals(z, self) && isPod ? null : z.PodCidrBlock,
        }));
        var clash = others
            .Select(text => Cidr.TryParse(text, out var other, out _) ? other : null)
            .OfType<IPNetwork2>()
            .FirstOrDefault(block.Overlap);
        if (clash != null)
            context.Fail(cidr, $"overlaps {clash}; allowed: a block that overlaps no other zone's block and no usedCidrBlocks");
    }
}

internal static class ValidationContextExtensions
{
    /// <summary>Adds a failure for the property being validated that records the value given.</summary>
    public static void Fail<T>(this ValidationContext<T> context, object? given, string problem)
        => context.AddFailure(new ValidationFailure(context.PropertyPath, problem) { AttemptedValue = given });

    /// <summary>Adds a failure for a property of the object being validated, wherever it sits in the config.</summary>
    public static void FailAt<T>(this ValidationContext<T> context, string property, object? given, string problem)
        => context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(property), problem) { AttemptedValue = given });
}
