using FluentValidation;

namespace BlinkInfra.Config;

/// <summary>Rules for `blink-infra:observability`.</summary>
public sealed class ObservabilityValidator : AbstractValidator<ObservabilityConfig>
{
    public ObservabilityValidator()
    {
        RuleFor(o => o.Metrics!.Alerts)
            .NotEqual(true)
            .When(o => o.Metrics is { Enabled: false })
            .WithMessage("the alert rules are evaluated by the managed Prometheus, which metrics.enabled: false leaves out; allowed: alerts: false, or metrics.enabled: true")
            .OverridePropertyName("Metrics.Alerts");
    }

    /// <summary>The spec of a validated config: metrics and alerts on unless turned off.</summary>
    public static ObservabilitySpec Build(ObservabilityConfig observability)
    {
        var prometheus = observability.Metrics?.Enabled ?? true;
        return new ObservabilitySpec(prometheus, prometheus && (observability.Metrics?.Alerts ?? true));
    }
}
