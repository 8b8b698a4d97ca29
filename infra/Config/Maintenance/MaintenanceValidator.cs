using System;
using System.Linq;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;

namespace BlinkInfra.Config;

/// <summary>Rules for `blink-infra:maintenance`; the one against `compute.kubernetes.version` comes with the spec.</summary>
public sealed class MaintenanceValidator : AbstractValidator<MaintenanceConfig>
{
    public MaintenanceValidator(string? region = null)
    {
        RuleFor(m => m.Window!.Days)
            .Must(days => days is null || IsDays(days))
            .When(m => m.Window is not null)
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not days of the week; allowed: one or more of {string.Join(", ", Maintenance.Days)}, comma-separated, each once")
            .OverridePropertyName("Window.Days");
        // The start time as parsed once (StartTimeValue); what is allowed names the region.
        RuleFor(m => m.Window!.StartTime).Custom((time, context) =>
            {
                if (time?.Problem is { } problem)
                    context.Fail(DiagnosticCatalogue.MalformedValue, time, $"{problem}; allowed: {StartTimeValue.Allowed(region)}");
            })
            .When(m => m.Window is not null);
        RuleFor(m => m.Window!.DurationHours)
            .InclusiveBetween(Maintenance.MinDurationHours, Maintenance.MaxDurationHours)
            .When(m => m.Window is not null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: {Maintenance.MinDurationHours} to {Maintenance.MaxDurationHours} hours")
            .OverridePropertyName("Window.DurationHours");
        RuleFor(m => m.AutoUpgrade!.Channel)
            .Must(channel => channel is null || Maintenance.Channels.Contains(channel))
            .When(m => m.AutoUpgrade is not null)
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"not an ACK auto-upgrade channel; allowed: {string.Join(", ", Maintenance.Channels)}")
            .OverridePropertyName("AutoUpgrade.Channel");
        RuleFor(m => m.AutoUpgrade!.Enabled)
            .NotEqual(true)
            .When(m => m.Window is { Enabled: false } && m.AutoUpgrade is not null)
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("ACK upgrades the cluster only in its maintenance window, which window.enabled: false leaves out; allowed: autoUpgrade.enabled: false, or window.enabled: true")
            .OverridePropertyName("AutoUpgrade.Enabled");
        RuleFor(m => m.Workers!.MaxUnavailable)
            .InclusiveBetween(1, Maintenance.MaxMaxUnavailable)
            .When(m => m.Workers is not null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {Maintenance.MaxMaxUnavailable} nodes of a pool repaired or upgraded at a time")
            .OverridePropertyName("Workers.MaxUnavailable");
        RuleFor(m => m.Masters!.MaxUnavailable)
            .Equal(1)
            .When(m => m.Masters is not null && m.Masters.MaxUnavailable is not null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage("allowed: 1: the masters run the JobManagers, one per zone, so one at a time")
            .OverridePropertyName("Masters.MaxUnavailable");
    }

    private static bool IsDays(string days)
    {
        var given = days.Split(',');
        return given.All(d => Maintenance.Days.Contains(d)) && given.Distinct(StringComparer.Ordinal).Count() == given.Length;
    }

    /// <summary>The spec of a validated config, a start time without an offset read in the context's region.</summary>
    public static MaintenanceSpec Build(MaintenanceConfig maintenance, SpecContext context) => Of(maintenance, context.Region);

    /// <summary>The spec of a config: a window on Sunday 03:00 China time (UTC+8) for 3 hours, no cluster auto-upgrade, workers repaired and upgraded, masters neither.</summary>
    internal static MaintenanceSpec Of(MaintenanceConfig maintenance, string? region)
    {
        var startTime = maintenance.Window?.StartTime is { } given ? given.In(region) : (Value: Maintenance.DefaultStartTime, ZoneUsed: null);
        var window = maintenance.Window?.Enabled ?? true
            ? new MaintenanceWindowSpec(maintenance.Window?.Days ?? Maintenance.DefaultDays, startTime.Value,
                maintenance.Window?.DurationHours ?? Maintenance.DefaultDurationHours)
            {
                StartTimeZoneUsed = startTime.ZoneUsed,
                StartTimeGiven = maintenance.Window?.StartTime?.Text,
            }
            : null;
        var channel = maintenance.AutoUpgrade?.Enabled ?? false ? maintenance.AutoUpgrade?.Channel ?? Maintenance.DefaultChannel : null;
        var workers = new NodePoolManagementSpec(maintenance.Workers?.AutoRepair ?? true, maintenance.Workers?.AutoUpgrade ?? true,
            maintenance.Workers?.MaxUnavailable ?? Maintenance.DefaultMaxUnavailable);
        var masters = new NodePoolManagementSpec(maintenance.Masters?.AutoRepair ?? false, maintenance.Masters?.AutoUpgrade ?? false, 1);
        return new MaintenanceSpec(window, channel, workers, masters);
    }
}
