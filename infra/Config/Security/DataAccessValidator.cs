using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>Rules for `blink-infra:dataAccess` on their own; the checks against the cluster's VPC come later (IsolationSpecBuilder).</summary>
public sealed class DataAccessValidator : AbstractValidator<DataAccessConfig>
{
    private static readonly Regex VswitchIdPattern = new("^vsw-[a-z0-9]{6,}\\z", RegexOptions.CultureInvariant);
    private static readonly Regex VpcIdPattern = new("^vpc-[a-z0-9]{6,}\\z", RegexOptions.CultureInvariant);
    private static readonly Regex AccountIdPattern = new(@"^[0-9]{16}\z", RegexOptions.CultureInvariant);
    private static readonly Regex EndpointNamePattern = new("^[a-z][a-z0-9-]{0,62}\\z", RegexOptions.CultureInvariant);
    public const int WidestEndpointPrefix = 8;

    /// <summary>
    /// Why `dataAccess.vswitches` is refused, and what replaced it. The seed's ENIs sat on the master
    /// machines' hosts, while the pods (TaskManagers above all) reach sources and sinks through ENIs of
    /// their own that Terway gives them in the pod vSwitches: the ENIs carried none of that traffic.
    /// </summary>
    public const string VswitchesRetired =
        "retired: the data-access ENIs sat on the master machines, and the pods reach sources and sinks through network interfaces of their own (Terway, in the pod vSwitches), so the ENIs carried none of their traffic; " +
        "replaced by: in the same account, the cluster carved inside the customer's VPC (blink-infra:network.vpcId), whose pods reach dataAccess.endpoints directly, each endpoint an egress rule on the pods' security groups; " +
        "across accounts, dataAccess.crossAccount (tenantRoleArn, platformAccountId, vpcId, cidrBlock, vswitches), a CEN transit router between the cluster's VPC and the tenant's; allowed: no vswitches";

    /// <summary>
    /// The tenant's block held to what a VPC's block may be (AlibabaCloud: a mask of /8 to /28, none of the reserved
    /// ranges) and to private address space: the stack routes the block from the cluster's VPC to the transit router,
    /// so a public block would send that part of the internet to the tenant.
    /// </summary>
    public static string? TenantBlockProblem(IPNetwork2 block)
    {
        if (block.Cidr is < AlibabaCloud.VpcMinPrefixLength or > AlibabaCloud.VpcMaxPrefixLength)
            return $"a /{block.Cidr}, and a VPC's block has a mask of /{AlibabaCloud.VpcMinPrefixLength} to /{AlibabaCloud.VpcMaxPrefixLength}: it cannot be the tenant VPC's block, and the route the stack declares for it (the cluster's VPC to the transit router) would send {block.Total} addresses to the tenant; allowed: the tenant VPC's own block, inside {string.Join(", ", AlibabaCloud.PrivateRanges)}";
        if (KnownBlocks.VpcForbidden.FirstOrDefault(block.Overlap) is { } reserved)
            return $"overlaps {reserved}, which Alibaba Cloud reserves and no VPC holds; allowed: the tenant VPC's own block, inside {string.Join(", ", AlibabaCloud.PrivateRanges)}";
        if (!KnownBlocks.PrivateRanges.Any(range => range.Contains(block)))
            return $"public address space: the route the stack declares for the tenant's block would send these internet addresses from the cluster to the tenant; allowed: the tenant VPC's block inside {string.Join(", ", AlibabaCloud.PrivateRanges)}";
        return null;
    }

    /// <summary>The hint for a kind that is not one: the kind a product's other name is (DataEndpointKinds.Aliases), the lower-case spelling, or the closest kind.</summary>
    public static string KindHint(string given)
    {
        if (DataEndpointKinds.Aliases.TryGetValue(given.Trim(), out var alias))
            return $"{alias.Note}; ";
        if (DataEndpointKinds.Find(given.Trim().ToLowerInvariant()) is { } cased)
            return $"kinds are lower case: {cased.Name}; ";
        return Suggestions.DidYouMean(given, DataEndpointKinds.All.Select(k => k.Name));
    }

    public DataAccessValidator(string? region)
    {
        RuleFor(d => d.Vswitches)
            .Must(vswitches => vswitches.Count == 0)
            .WithCode(DiagnosticCatalogue.RetiredSetting).WithMessage(VswitchesRetired);

        RuleFor(d => d.CrossAccount!.TenantRoleArn)
            .Cascade(CascadeMode.Stop)
            .Must(arn => !string.IsNullOrWhiteSpace(arn?.Text)).WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("the RAM role the stack assumes in the tenant's account is required; allowed: an ARN such as acs:ram::1234567890123456:role/blink-tenant")
            // The ARN as parsed once (RoleArnValue).
            .Must(arn => arn!.Problem is null).WithCode(DiagnosticCatalogue.MalformedValue).WithMessage((_, arn) => arn!.Problem!)
            .OverridePropertyName("CrossAccount.TenantRoleArn")
            .When(d => d.CrossAccount != null);

        RuleFor(d => d.CrossAccount!.PlatformAccountId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("the account that hosts the cluster and owns the transit router is required; allowed: a 16-digit Alibaba Cloud account id")
            .Must(id => AccountIdPattern.IsMatch(id!)).WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not an Alibaba Cloud account id; allowed: 16 digits")
            .Must((d, id) => d.CrossAccount!.TenantRoleArn?.Account != id)
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("the tenant's role is in the platform's own account; allowed: another account's id (in the same account, carve the cluster inside the customer's VPC with blink-infra:network.vpcId and leave crossAccount out)")
            .OverridePropertyName("CrossAccount.PlatformAccountId")
            .When(d => d.CrossAccount != null);

        RuleFor(d => d.CrossAccount!.VpcId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("the tenant's VPC is required; allowed: a VPC id such as vpc-bp1a2b3c4d5e6f")
            .Must(id => VpcIdPattern.IsMatch(id!)).WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not a VPC id; allowed: an id such as vpc-bp1a2b3c4d5e6f")
            .OverridePropertyName("CrossAccount.VpcId")
            .When(d => d.CrossAccount != null);

        RuleFor(d => d.CrossAccount).Custom((cross, context) =>
        {
            if (cross is null)
                return;
            if (cross.CidrBlock is null)
                context.FailAt(DiagnosticCatalogue.MissingRequired, "CrossAccount.CidrBlock", null, "the tenant VPC's CIDR block is required (its routes send the cluster's pods back through the transit router); allowed: a block such as 192.168.0.0/16");
            else if (cross.CidrBlock.Block is not { } block)
                context.FailAt(DiagnosticCatalogue.NotACidr, "CrossAccount.CidrBlock", cross.CidrBlock, cross.CidrBlock.Problem!);
            else if (TenantBlockProblem(block) is { } vpcProblem)
                context.FailAt(DiagnosticCatalogue.CidrNotAllowed, "CrossAccount.CidrBlock", cross.CidrBlock, vpcProblem);
        });

        RuleFor(d => d.CrossAccount!.Vswitches)
            .Must(vswitches => vswitches.Count > 0)
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("the transit router attaches to the tenant's VPC through its vSwitches; allowed: a list of {id, zone}, one vSwitch per zone the transit router serves")
            .OverridePropertyName("CrossAccount.Vswitches")
            .When(d => d.CrossAccount != null);

        // CEN: an Enterprise Edition transit router's VPC connection takes a vSwitch in a primary and a secondary zone
        // of the region (TransitRouterCen.MinAttachmentZones).
        RuleFor(d => d.CrossAccount!.Vswitches)
            .Must(vswitches => vswitches.Select(v => v.Zone).OfType<string>().Distinct(StringComparer.Ordinal).Count() >= TransitRouterCen.MinAttachmentZones)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage(d => $"vSwitches in {d.CrossAccount!.Vswitches.Select(v => v.Zone).OfType<string>().Distinct(StringComparer.Ordinal).Count()} zone(s): {TransitRouterCen.ZonesRule}; allowed: vSwitches of the tenant's VPC in at least {TransitRouterCen.MinAttachmentZones} zones of {region ?? "the region"}, one per zone")
            .OverridePropertyName("CrossAccount.Vswitches")
            .When(d => d.CrossAccount is { Vswitches.Count: > 0 });

        RuleForEach(d => d.CrossAccount!.Vswitches).ChildRules(vswitch =>
        {
            vswitch.RuleFor(v => v.Id)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("allowed: the id of a vSwitch of the tenant's VPC, such as vsw-bp1a2b3c4d5e6f")
                .Must(id => VswitchIdPattern.IsMatch(id!)).WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not a vSwitch id; allowed: an id such as vsw-bp1a2b3c4d5e6f");
            vswitch.RuleFor(v => v.Zone)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage(region is null ? "the vSwitch's zone is required" : $"the vSwitch's zone is required; allowed: zones of {region}: {string.Join(", ", AlibabaCloud.ZonesOf(region))}")
                .Must(zone => region is null || AlibabaCloud.ZonesOf(region).Contains(zone!))
                .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage(_ => $"not a zone of the stack's region {region}: the transit router is the region's; allowed: {string.Join(", ", AlibabaCloud.ZonesOf(region!))}");
        }).When(d => d.CrossAccount != null);

        RuleFor(d => d.CrossAccount!.Vswitches).Custom((vswitches, context) =>
        {
            var zones = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < vswitches.Count; i++)
            {
                if (vswitches[i].Zone is { } zone && !zones.Add(zone))
                    context.AddFailure(new ValidationFailure($"CrossAccount.Vswitches[{i}].Zone", "a zone already attached; allowed: one vSwitch per zone (a transit router's VPC connection takes one per zone)") { ErrorCode = DiagnosticCatalogue.ListedTwice.Code, AttemptedValue = zone });
            }
        }).When(d => d.CrossAccount != null);

        RuleForEach(d => d.Endpoints).ChildRules(endpoint =>
        {
            endpoint.RuleFor(e => e.Name)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("allowed: lower-case letters, digits and '-', starting with a letter")
                .Must(name => EndpointNamePattern.IsMatch(name!)).WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not a valid endpoint name; allowed: lower-case letters, digits and '-', starting with a letter, at most 63 characters");
            endpoint.RuleFor(e => e.Kind)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage($"allowed: {DataEndpointKinds.Names}")
                .Must(kind => DataEndpointKinds.Find(kind!) != null).WithCode(DiagnosticCatalogue.UnknownValue).WithMessage(e => $"unknown kind of source or sink; {KindHint(e.Kind!)}allowed: {DataEndpointKinds.Names}");
            endpoint.RuleFor(e => e.Port)
                .InclusiveBetween(1, 65535).WithCode(DiagnosticCatalogue.OutOfRange).WithMessage("allowed: 1 to 65535, or none for the kind's usual port");
            // The host parsed by what it is, whether or not a cidr is given: it is the endpoints ConfigMap's value as given.
            endpoint.RuleFor(e => e.Host).Custom((host, context) =>
            {
                if (host is null)
                    return;
                if (host.Problem is { } problem)
                    context.Fail(DiagnosticCatalogue.MalformedValue, host, problem);
                else if (context.InstanceToValidate.Cidr is { Block: { } block } cidr
                         && host.Address is { } address && !block.Contains(address))
                    context.Fail(DiagnosticCatalogue.CidrNotAllowed, host, $"an address outside the endpoint's cidr {cidr}, the only addresses its egress rule opens; allowed: an address inside it, or a cidr that holds it");
            });
            endpoint.RuleFor(e => e.Cidr).Custom((cidr, context) =>
            {
                var host = context.InstanceToValidate.Host;
                if (cidr is null)
                {
                    if (host is null)
                        context.Fail(DiagnosticCatalogue.MissingRequired, null, "an endpoint needs the addresses its egress rule opens; allowed: cidr, or host as an IPv4 address");
                    else if (host.IsName)
                        context.Fail(DiagnosticCatalogue.MalformedValue, null, $"host {UserText.Quote(host.Text)} is a name, and a security group rule needs addresses; allowed: the CIDR block of the endpoint's addresses");
                    return;
                }
                if (cidr.Block is not { } block)
                    context.Fail(DiagnosticCatalogue.NotACidr, cidr, cidr.Problem!);
                else if (block.Cidr < WidestEndpointPrefix)
                    context.Fail(DiagnosticCatalogue.CidrNotAllowed, cidr, $"wider than /{WidestEndpointPrefix}: an endpoint's rule opens its port to these addresses only; allowed: the endpoint's own block, /{WidestEndpointPrefix} or narrower");
            });
        });

        RuleFor(d => d.Endpoints).Custom((endpoints, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < endpoints.Count; i++)
            {
                if (endpoints[i].Name is { } name && !seen.Add(name))
                    context.AddFailure(new ValidationFailure($"Endpoints[{i}].Name", "used by another endpoint; allowed: a name of its own") { ErrorCode = DiagnosticCatalogue.ListedTwice.Code, AttemptedValue = name });
            }
        });
    }
}
