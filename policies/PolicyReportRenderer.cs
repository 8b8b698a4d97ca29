using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>Reports as the Pulumi CLI prints policy violations, and as JSON for machines.</summary>
public static class PolicyReportRenderer
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(PolicyReportJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    public static void Write(PolicyReport report, TextWriter writer)
    {
        writer.WriteLine($"Policy packs: {string.Join(", ", report.Packs)}");
        foreach (var violation in report.Violations)
        {
            // Resource names and messages can quote a state's or a plan's values: shown through UserText.
            var subject = violation.ResourceType is null ? "stack" : $"{UserText.Shown(violation.ResourceType)}: {UserText.Shown(violation.ResourceName ?? "")}";
            writer.WriteLine($"[{EnforcementLevels.Name(violation.Level)}] {violation.Code} {violation.Policy} ({subject})");
            writer.WriteLine($"    {violation.Pack}: {UserText.Shown(violation.Message)}");
        }
        foreach (var lowered in report.Lowered)
            writer.WriteLine($"{PolicyReport.NoticePrefix}{PolicyReport.Notice(lowered)}");
        var mandatory = report.Violations.Count(v => v.Level == EnforcementLevel.Mandatory);
        var advisory = report.Violations.Count(v => v.Level == EnforcementLevel.Advisory);
        // What was checked, never more: a policy switched off or not applicable is counted as such.
        var switchedOff = report.SwitchedOff.ToList();
        var counted = $"{report.PoliciesChecked} policies of {report.Packs.Length} packs checked"
                      + (switchedOff.Count == 0 ? "" : $", {switchedOff.Count} switched off by {ConfigKeys.Section("policy")}.levels ({string.Join(", ", switchedOff.Select(l => l.Policy))})")
                      + (report.NotApplicable == 0 ? "" : $", {report.NotApplicable} not applicable");
        writer.WriteLine(report.Violations.IsEmpty
            ? $"No policy violations: {counted}."
            : $"{mandatory} mandatory and {advisory} advisory violation(s); {counted}.");
    }

    /// <summary>
    /// The report as `plan` prints it by default, wrapped to <paramref name="lineWidth"/>: every mandatory violation
    /// whole (what stops the deployment), each advisory on one line cut to the width, a short notice for each policy the stack lowered (never silent), and the count; the
    /// packs' versions and each lowered policy's description are in the full report (`plan --details`, `check`).
    /// </summary>
    public static string Brief(PolicyReport report, int lineWidth)
    {
        var text = new StringBuilder();
        foreach (var violation in report.Violations.Where(v => v.Level == EnforcementLevel.Mandatory))
        {
            var subject = violation.ResourceType is null ? "stack" : $"{UserText.Shown(violation.ResourceType)}: {UserText.Shown(violation.ResourceName ?? "")}";
            text.Append(TerminalText.Wrapped($"[{EnforcementLevels.Name(violation.Level)}] {violation.Code} {violation.Policy} ({subject})", lineWidth));
            text.Append(TerminalText.Wrapped($"    {violation.Pack}: {UserText.Shown(violation.Message)}", lineWidth));
        }
        // An advisory stops nothing: a line each, its message cut to the width (whole in `check` and `plan --details`),
        // so a stack's standing advisories do not push the plan past a screen.
        foreach (var violation in report.Violations.Where(v => v.Level != EnforcementLevel.Mandatory))
            text.Append(TerminalText.End($"[{EnforcementLevels.Name(violation.Level)}] {violation.Code} {violation.Policy} ({UserText.Shown(violation.ResourceName ?? "stack")}): {UserText.Shown(violation.Message)}", lineWidth)).Append('\n');
        // The key without its namespace: with the notice's code the line still fits 80 columns (the full key in check and --details).
        const string levels = "policy.levels";
        foreach (var lowered in report.Lowered)
        {
            var what = lowered.Level == EnforcementLevel.Disabled
                ? $"switched off by {levels}"
                : $"only {EnforcementLevels.Name(lowered.Level)} by {levels}";
            text.Append(TerminalText.Wrapped($"{PolicyReport.NoticePrefix}{lowered.Policy} {what}", lineWidth));
        }
        var mandatory = report.Violations.Count(v => v.Level == EnforcementLevel.Mandatory);
        var advisory = report.Violations.Count(v => v.Level == EnforcementLevel.Advisory);
        var switchedOff = report.SwitchedOff.Count();
        var counted = $"{report.PoliciesChecked} policies of {report.Packs.Length} packs checked"
                      + (switchedOff == 0 ? "" : $", {switchedOff} switched off")
                      + (report.NotApplicable == 0 ? "" : $", {report.NotApplicable} not applicable");
        text.Append(TerminalText.Wrapped(report.Violations.IsEmpty
            ? $"No policy violations: {counted}."
            : $"{mandatory} mandatory and {advisory} advisory violation(s); {counted}.", lineWidth));
        return text.ToString();
    }

    public static string Text(PolicyReport report)
    {
        var writer = new StringWriter { NewLine = "\n" };
        Write(report, writer);
        return writer.ToString();
    }

    /// <summary>A violation as one line for the engine's log: an error when mandatory, a warning when advisory.</summary>
    public static string Diagnostic(Violation violation)
        => UserText.Shown($"[{EnforcementLevels.Name(violation.Level)}] {violation.Code} {violation.Policy} ({violation.ResourceType ?? "stack"}{(violation.ResourceName is null ? "" : ": " + violation.ResourceName)}): {violation.Message}");

    public static string Json(PolicyReport report) => JsonSerializer.Serialize(report, JsonOptions);
}
