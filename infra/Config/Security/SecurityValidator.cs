using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>Rules for `blink-infra:security`.</summary>
public sealed class SecurityValidator : AbstractValidator<SecurityConfig>
{
    public static readonly string[] Roles = { "masters", "workers" };
    private static readonly Regex GroupIdPattern = new("^sg-[a-z0-9]{6,}$", RegexOptions.CultureInvariant);

    public SecurityValidator()
    {
        RuleForEach(s => s.PeerGroups).ChildRules(peer =>
        {
            peer.RuleFor(p => p.SecurityGroupId)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("allowed: the id of the security group to let in, such as sg-bp1a2b3c4d5e6f")
                .Must(id => GroupIdPattern.IsMatch(id!)).WithMessage("not a security group id; allowed: an id such as sg-bp1a2b3c4d5e6f");
            peer.RuleFor(p => p.Role)
                .Must(role => role is null || Roles.Contains(role))
                .WithMessage($"unknown role; allowed: {string.Join(", ", Roles)}");
            peer.RuleFor(p => p.Protocol)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage($"allowed: {string.Join(", ", ClusterPorts.Protocols)}")
                .Must(protocol => ClusterPorts.Protocols.Contains(protocol!))
                .WithMessage($"not a protocol the provider takes; allowed: {string.Join(", ", ClusterPorts.Protocols)} (lower case)");
            peer.RuleFor(p => p.Description)
                .Must(description => NameLimits.SecurityGroupRuleDescription.ProblemWith(description!) is null)
                .When(p => p.Description != null)
                .WithMessage(p => $"a rule's description of {p.Description!.Length} characters; allowed: {NameLimits.SecurityGroupRuleDescription.Allowed} (infra/Facts/NameLimits.cs), or none for BlinkInfra's own");
            peer.RuleFor(p => p.Ports).Custom((ports, context) =>
            {
                var protocol = context.InstanceToValidate.Protocol;
                if (protocol != null && ClusterPorts.Protocols.Contains(protocol) && PortRanges.Normalise(protocol, ports, out var problem) is null)
                    context.Fail(ports, problem);
            });
        });
    }
}
