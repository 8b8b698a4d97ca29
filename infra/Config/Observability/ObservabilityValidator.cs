using System.Linq;
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
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("the alert rules are evaluated by the managed Prometheus, which metrics.enabled: false leaves out; allowed: alerts: false, or metrics.enabled: true")
            .OverridePropertyName("Metrics.Alerts");
        RuleFor(o => o.Logs!.Project)
            .Must(project => project is null || ProjectName.IsMatch(project))
            .When(o => o.Logs is not null)
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not a Log Service project name; allowed: 3 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit, unique in the region across all accounts")
            .OverridePropertyName("Logs.Project");
        RuleFor(o => o.Logs!.RetentionDays)
            .InclusiveBetween(Logging.MinRetentionDays, Logging.MaxRetentionDays)
            .When(o => o.Logs is not null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: {Logging.MinRetentionDays} to {Logging.MaxRetentionDays} days the logstores and the control plane's logs keep a log")
            .OverridePropertyName("Logs.RetentionDays");
        RuleFor(o => o.Logs!.ControlPlane)
            .NotEqual(true)
            .When(o => o.Logs is { Enabled: false })
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("the control plane's logs go to the stack's Log Service project, which logs.enabled: false leaves out; allowed: controlPlane: false, or logs.enabled: true")
            .OverridePropertyName("Logs.ControlPlane");
        RuleFor(o => o.Logs!.Audit)
            .NotEqual(true)
            .When(o => o.Logs is { Enabled: false })
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("the API server's audit log goes to the stack's Log Service project, which logs.enabled: false leaves out; allowed: audit: false, or logs.enabled: true")
            .OverridePropertyName("Logs.Audit");
        AlertingRules();
    }

    /// <summary>An alert contact's name: it names the ARMS contact (with the cluster's name before it) and its entry in the secret.</summary>
    public const string ContactNamePattern = "^[a-z][a-z0-9-]{0,30}[a-z0-9]$|^[a-z]$";

    private static readonly Regex ContactName = new(ContactNamePattern, RegexOptions.CultureInvariant);

    private void AlertingRules()
    {
        RuleFor(o => o.Alerting!.Contacts)
            .Must(contacts => contacts.Count <= AlertNotifications.MaxContacts)
            .When(o => o.Alerting is not null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: at most {AlertNotifications.MaxContacts} contacts")
            .OverridePropertyName("Alerting.Contacts");
        RuleFor(o => o.Alerting!.Contacts)
            .Must(contacts => contacts.Count == 0)
            .When(o => o.Alerting is not null && (o.Metrics?.Enabled == false || o.Metrics?.Alerts == false))
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("contacts receive the alert rules, which metrics.alerts: false (or metrics.enabled: false) leaves out; allowed: no contacts, or alerts on")
            .OverridePropertyName("Alerting.Contacts");
        RuleFor(o => o.Alerting!.Contacts)
            .Must(contacts => contacts.Where(c => c.Name is not null).GroupBy(c => c.Name).All(g => g.Count() == 1))
            .When(o => o.Alerting is not null)
            .WithCode(DiagnosticCatalogue.ListedTwice).WithMessage("a contact's name appears twice; allowed: each name once")
            .OverridePropertyName("Alerting.Contacts");
        RuleForEach(o => o.Alerting!.Contacts).ChildRules(contact =>
        {
            contact.RuleFor(c => c.Name)
                .Must(name => name is not null && ContactName.IsMatch(name))
                .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("allowed: 1 to 32 lower-case letters, digits and '-', starting with a letter and not ending with '-' (a role such as oncall-primary: the name is no secret); it keys the contact's details in blink-infra:alertContacts");
            contact.RuleFor(c => c.Via)
                .Must(via => via.Count > 0)
                .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage($"how the contact is reached; allowed: one or more of {string.Join(", ", AlertNotifications.ChannelOf.Keys)}");
            contact.RuleFor(c => c.Via)
                .Must(via => via.All(AlertNotifications.ChannelOf.ContainsKey) && via.Distinct().Count() == via.Count)
                .WithCode(DiagnosticCatalogue.ListedTwice).WithMessage($"allowed: each of {string.Join(", ", AlertNotifications.ChannelOf.Keys)} at most once (sms needs the contact's phone, email its address, dingTalk its DingTalk robot's webhook, in blink-infra:alertContacts)");
        }).When(o => o.Alerting is not null);
    }

    /// <summary>The spec of a validated config: metrics, alerts and logs on unless turned off.</summary>
    public static ObservabilitySpec? Build(ObservabilityConfig observability, SpecContext context)
    {
        if (context.Cluster?.Name is not { } clusterName)
            return null;
        var prometheus = observability.Metrics?.Enabled ?? true;
        var logs = observability.Logs;
        var logsSpec = logs?.Enabled ?? true
            ? new LogsSpec(logs?.Project ?? Logging.DefaultProject(clusterName), logs?.RetentionDays ?? Logging.DefaultRetentionDays,
                logs?.ControlPlane ?? true, logs?.Audit ?? true)
            : null;
        return new ObservabilitySpec(prometheus, prometheus && (observability.Metrics?.Alerts ?? true), logsSpec);
    }
}
