using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;

namespace BlinkInfra.Config;

/// <summary>Rules for `blink-infra:observability`.</summary>
public sealed class ObservabilityValidator : AbstractValidator<ObservabilityConfig>
{
    private static readonly Regex ProjectName = new(Logging.ProjectNamePattern, RegexOptions.CultureInvariant);

    public ObservabilityValidator()
    {
        RuleFor(o => o.Metrics!.Alerts)
            .NotEqual(true)
            .When(o => o.Metrics is { Enabled: false })
            .WithMessage("the alert rules are evaluated by the managed Prometheus, which metrics.enabled: false leaves out; allowed: alerts: false, or metrics.enabled: true")
            .OverridePropertyName("Metrics.Alerts");
        RuleFor(o => o.Logs!.Project)
            .Must(project => project is null || ProjectName.IsMatch(project))
            .When(o => o.Logs is not null)
            .WithMessage("not a Log Service project name; allowed: 3 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit, unique in the region across all accounts")
            .OverridePropertyName("Logs.Project");
        RuleFor(o => o.Logs!.RetentionDays)
            .InclusiveBetween(Logging.MinRetentionDays, Logging.MaxRetentionDays)
            .When(o => o.Logs is not null)
            .WithMessage($"allowed: {Logging.MinRetentionDays} to {Logging.MaxRetentionDays} days the logstores and the control plane's logs keep a log")
            .OverridePropertyName("Logs.RetentionDays");
        RuleFor(o => o.Logs!.ControlPlane)
            .NotEqual(true)
            .When(o => o.Logs is { Enabled: false })
            .WithMessage("the control plane's logs go to the stack's Log Service project, which logs.enabled: false leaves out; allowed: controlPlane: false, or logs.enabled: true")
            .OverridePropertyName("Logs.ControlPlane");
        RuleFor(o => o.Logs!.Audit)
            .NotEqual(true)
            .When(o => o.Logs is { Enabled: false })
            .WithMessage("the API server's audit log goes to the stack's Log Service project, which logs.enabled: false leaves out; allowed: audit: false, or logs.enabled: true")
            .OverridePropertyName("Logs.Audit");
    }

    /// <summary>The spec of a validated config: metrics, alerts and logs on unless turned off.</summary>
    public static ObservabilitySpec Build(ObservabilityConfig observability, string clusterName)
    {
        var prometheus = observability.Metrics?.Enabled ?? true;
        var logs = observability.Logs;
        var logsSpec = logs?.Enabled ?? true
            ? new LogsSpec(logs?.Project ?? Logging.DefaultProject(clusterName), logs?.RetentionDays ?? Logging.DefaultRetentionDays,
                logs?.ControlPlane ?? true, logs?.Audit ?? true)
            : null;
        return new ObservabilitySpec(prometheus, prometheus && (observability.Metrics?.Alerts ?? true), logsSpec);
    }
}
