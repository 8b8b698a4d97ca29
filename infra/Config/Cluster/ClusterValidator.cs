using System;
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
    // The ACK cluster takes it as its name (at most 63 characters, infra/Facts/NameLimits.cs), and the
    // names of the cluster's other resources, its state bucket's among them, are built from it: so a
    // lower-case DNS label. How long a name each derived one leaves room for is checked with the spec
    // (DerivedNames), naming this key.
    private static readonly Regex NamePattern = new("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?\\z", RegexOptions.CultureInvariant);
    private static readonly string NameRule = $"lower-case letters, digits and '-', starting with a letter and not ending with '-', at most {NameLimits.AckClusterName.MaxLength} characters (less when a name BlinkInfra derives from it needs the room)";

    /// <param name="nameFromStack">True when the name was not given and defaults to the stack's name.</param>
    public ClusterValidator(bool nameFromStack = false)
    {
        RuleFor(c => c.Name)
            .Must(name => name is null || NamePattern.IsMatch(name))
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage(nameFromStack
                ? $"not a valid cluster name (it defaults to the stack's name; set blink-infra:cluster.name); allowed: {NameRule}"
                : $"not a valid cluster name; allowed: {NameRule}");

        // A former name is where the engine looks for the cluster's resources before it creates them anew:
        // a name the cluster could have had, never its name now, each once.
        RuleForEach(c => c.FormerNames)
            .Must(former => NamePattern.IsMatch(former))
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not a name the cluster could have had; allowed: {NameRule}")
            .Must((c, former) => former != c.Name)
            .WithCode(DiagnosticCatalogue.InvalidValue).WithMessage("the cluster's name now; allowed: names it had before, not its current one")
            .Must((c, former) => c.FormerNames.Count(f => f == former) == 1)
            .WithCode(DiagnosticCatalogue.ListedTwice).WithMessage("given twice; allowed: each former name once");

        RuleFor(c => c.Billing)
            .Must(billing => billing is null || billing.Mode is not null)
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage(c => c.Billing!.Problem!);

        RuleFor(c => c.Mode)
            .Must(mode => mode is null or SpecDefaults.ExclusiveMode)
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage(c => c.Mode == "shared"
                ? $"shared mode was retired on 2019-12-24; use exclusive mode; allowed: {SpecDefaults.ExclusiveMode}"
                : $"unknown mode; allowed: {SpecDefaults.ExclusiveMode}");

        RuleFor(c => c.Region)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage(c => $"allowed for {BillingName(c)} billing: {string.Join(", ", AlibabaCloud.RegionsFor(Billing(c)))}")
            // A region no billing mode offers is unknown; one offered only for the other billing mode is not offered.
            .Must(region => AlibabaCloud.BillingModes.Any(b => AlibabaCloud.RegionsFor(b.Mode).Contains(region!)))
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage((c, region) => RegionProblem(c, region!))
            .Must((c, region) => AlibabaCloud.RegionsFor(Billing(c)).Contains(region!))
            .WithCode(DiagnosticCatalogue.NotOffered).WithMessage((c, region) => RegionProblem(c, region!))
            .When(c => c.Billing is null || c.Billing.Mode is not null);

        RuleFor(c => c.Tags).Custom((tags, context) =>
        {
            // BlinkInfra's own tags count towards the limit: 3 on every resource and a 4th, blink.io/role,
            // on master machines (infra/Compute ClusterCompute), so 16 are left, not the 17 a count of 3
            // would leave.
            var left = OwnTags.UserTagsLeft;
            if (tags.Count > left)
                context.Fail(DiagnosticCatalogue.OutOfRange, $"{tags.Count} tags", $"Alibaba Cloud allows {AlibabaCloud.MaxTagsPerResource} tags on a resource and BlinkInfra puts up to {OwnTags.AtMost} of its own on one ({string.Join(", ", OwnTags.MasterMachineKeys)} on master machines); allowed: at most {left} tags");
            foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var problem = TagProblem(key, value);
                if (problem != null)
                    context.AddFailure(new ValidationFailure($"Tags[\"{key}\"]", problem) { ErrorCode = DiagnosticCatalogue.MalformedValue.Code, AttemptedValue = value });
            }
        });
    }

    private static BillingMode Billing(ClusterConfig c) => c.Billing?.Mode ?? SpecDefaults.Billing;

    private static string BillingName(ClusterConfig c) => SpecDefaults.BillingName(Billing(c));

    private static string RegionProblem(ClusterConfig c, string region)
    {
        var allowed = string.Join(", ", AlibabaCloud.RegionsFor(Billing(c)));
        return Billing(c) == BillingMode.PayAsYouGo && AlibabaCloud.RegionsFor(BillingMode.Subscription).Contains(region)
            ? $"offered with subscription billing only (set blink-infra:cluster.billing to subscription); allowed for pay-as-you-go billing: {allowed}"
            : $"not a region for {BillingName(c)} billing; allowed: {allowed}";
    }

    // Source: Alibaba Cloud Tag documentation (TagResources): keys and values up to 128 characters
    // (infra/Facts/NameLimits.cs), neither starting with "aliyun" or "acs:" nor containing "http://" or
    // "https://". "blink.io/" keys are BlinkInfra's own.
    private static string? TagProblem(string key, string value)
    {
        var allowed = $"allowed: keys and values of at most {NameLimits.TagKey.MaxLength} characters, not starting with \"aliyun\", \"acs:\" or \"blink.io/\", without \"http://\" or \"https://\"";
        var invalid = (string s) => s.StartsWith("aliyun", StringComparison.OrdinalIgnoreCase)
                                    || s.StartsWith("acs:", StringComparison.OrdinalIgnoreCase)
                                    || s.Contains("http://", StringComparison.OrdinalIgnoreCase)
                                    || s.Contains("https://", StringComparison.OrdinalIgnoreCase);
        if (NameLimits.TagKey.ProblemWith(key) is not null || invalid(key) || key.StartsWith(SpecDefaults.TagPrefix, StringComparison.Ordinal))
            return $"tag key \"{key}\" is not allowed; {allowed}";
        if (NameLimits.TagValue.ProblemWith(value) is not null || invalid(value))
            return $"tag value is not allowed; {allowed}";
        return null;
    }
}
