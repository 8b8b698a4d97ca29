using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BlinkInfra.Bill;
using BlinkInfra.Config;
using BlinkInfra.Diff;
using BlinkInfra.Plan;

namespace BlinkInfra.Fleet;

/// <summary>
/// A fleet as a table, a row per stack (stack, region, billing, HA, pools, CU, policy verdict, bill of
/// materials, and the estimate and change when asked for), then the platform's totals and, with
/// --against, the tenants the change touches and how. Whole lines, never wrapped; coloured only in a terminal.
/// </summary>
public static class FleetText
{
    /// <summary>How many touched resources are listed per tenant before "and N more".</summary>
    public const int TouchedShown = 8;

    public static string Of(FleetReport fleet, Colours? colours = null)
    {
        colours ??= Colours.None;
        var writer = new StringWriter { NewLine = "\n" };
        Write(fleet, writer, colours);
        return writer.ToString();
    }

    public static void Write(FleetReport fleet, TextWriter writer, Colours colours)
    {
        var priced = fleet.Options.Prices is not null;
        var against = fleet.Options.AgainstDir is not null;
        var header = new List<string> { "STACK", "REGION", "BILLING", "HA", "POOLS", "CU", "POLICY", "BILL OF MATERIALS" };
        if (priced)
            header.Add($"ESTIMATE ({fleet.Options.Prices!.Currency}/month)");
        if (against)
            header.Add("CHANGE");

        var rows = fleet.Tenants.Select(t => Row(t, priced, against)).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Text.Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(IReadOnlyList<(string Text, Func<string, string>? Paint)> cells)
            => string.Join("  ", cells.Select((c, i) =>
            {
                var padded = i == cells.Count - 1 ? c.Text : c.Text.PadRight(widths[i]);
                return c.Paint is null ? padded : c.Paint(c.Text) + padded[c.Text.Length..];
            })).TrimEnd();
        writer.WriteLine(colours.Bold(Line(header.Select(h => (h, (Func<string, string>?)null)).ToList())));
        foreach (var (row, tenant) in rows.Zip(fleet.Tenants))
        {
            var painted = row.Select((cell, i) => i == 6
                ? (cell.Text, tenant.Verdict switch { "pass" => colours.Green, "fail" => (Func<string, string>)colours.Red, _ => colours.Loud })
                : cell).ToList();
            writer.WriteLine(Line(painted));
        }

        writer.WriteLine();
        writer.WriteLine(Verdicts(fleet));
        foreach (var line in Totals(fleet))
            writer.WriteLine(line);
        if (against)
        {
            writer.WriteLine();
            WriteChanges(fleet, writer, colours);
        }
    }

    private static List<(string Text, Func<string, string>? Paint)> Row(Tenant t, bool priced, bool against)
    {
        var cells = new List<string>();
        if (t.Status != TenantStatus.Checked)
        {
            cells.AddRange([t.Stack, "-", "-", "-", "-", "-", $"{t.Verdict}: {FirstLine(t.Error)}", "-"]);
            if (priced)
                cells.Add("-");
            if (against)
                cells.Add("-");
            return cells.Select(c => (c, (Func<string, string>?)null)).ToList();
        }
        var bill = t.Bill!;
        cells.Add(t.Stack);
        cells.Add(t.Settings?.Region ?? "-");
        cells.Add(t.Settings?.Billing ?? "-");
        cells.Add(bill.HighAvailabilityPremium is not null ? "yes" : "no");
        cells.Add(bill.Pools.IsEmpty ? "-" : string.Join("; ", bill.Pools.Select(BillText.PoolCell)));
        cells.Add(bill.ComputeUnits?.ToString() ?? "-");
        cells.Add(Policy(t));
        cells.Add(BillText.Summary(bill));
        if (priced)
            cells.Add(t.Estimate is { } e ? Money.Format(e.PerMonth.Min) + (e.PerMonth.Min == e.PerMonth.Max ? "" : "-" + Money.Format(e.PerMonth.Max)) + (e.Unpriced.IsEmpty ? "" : " (+unpriced)") : "-");
        if (against)
            cells.Add(ChangeCell(t.Change));
        return cells.Select(c => (c, (Func<string, string>?)null)).ToList();
    }

    /// <summary>"pass", or "fail: 1 mandatory (policy), 2 advisory (a, b)": the counts with the policies' names, which are their stable codes.</summary>
    public static string Policy(Tenant t)
    {
        if (t.Report is not { } report)
            return t.Verdict;
        var parts = new List<string>();
        foreach (var level in new[] { EnforcementLevel.Mandatory, EnforcementLevel.Advisory })
        {
            var found = report.Violations.Where(v => v.Level == level).ToList();
            if (found.Count > 0)
                parts.Add($"{found.Count} {EnforcementLevels.Name(level)} ({string.Join(", ", found.Select(v => v.Policy).Distinct())})");
        }
        return parts.Count == 0 ? t.Verdict : $"{t.Verdict}: {string.Join(", ", parts)}";
    }

    private static string ChangeCell(TenantChange? change) => change switch
    {
        null => "-",
        { Error: { } error } => $"unreadable saved plan: {FirstLine(error)}",
        { Saved: null } => $"new: {change.Count(DiffOp.Create)} to create",
        { Touches: false } => "unchanged",
        _ => Counts(change),
    };

    /// <summary>"1 to replace, 2 to update": each op a change counts, in the order `pulumi preview` sums them.</summary>
    public static string Counts(TenantChange change)
    {
        var parts = new List<string>();
        void Add(DiffOp op, string what)
        {
            if (change.Count(op) > 0)
                parts.Add($"{change.Count(op).ToString(CultureInfo.InvariantCulture)} to {what}");
        }
        Add(DiffOp.Create, "create");
        Add(DiffOp.Update, "update");
        Add(DiffOp.Replace, "replace");
        Add(DiffOp.Delete, "delete");
        Add(DiffOp.DeleteReplaced, "delete (replaced earlier)");
        return parts.Count == 0 ? "unchanged" : string.Join(", ", parts);
    }

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].TrimEnd(':');

    public static string Verdicts(FleetReport fleet)
    {
        int Count(string verdict) => fleet.Tenants.Count(t => t.Verdict == verdict);
        var text = $"{fleet.Tenants.Length} stack{(fleet.Tenants.Length == 1 ? "" : "s")}: {Count("pass")} pass, {Count("fail")} fail (a mandatory violation), {Count("invalid")} invalid";
        if (Count("error") > 0)
            text += $", {Count("error")} stopped by an internal error";
        return text + $"; exit {fleet.ExitCode.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The platform's totals: machines by type and billing, disks, network, what HA costs over the fleet, and the estimate.</summary>
    public static IEnumerable<string> Totals(FleetReport fleet)
    {
        var bills = fleet.Tenants.Where(t => t.Bill is not null).Select(t => t.Bill!).ToList();
        if (bills.Count == 0)
            yield break;
        var machines = bills.SelectMany(b => b.MachinesByType)
            .GroupBy(g => (g.InstanceType, g.Billing))
            .Select(g => (g.Key, Machines: g.Aggregate(Amount.Zero, (sum, m) => sum + m.Machines)))
            .OrderByDescending(g => g.Machines.Max).ThenBy(g => g.Key.InstanceType, StringComparer.Ordinal).ThenBy(g => g.Key.Billing, StringComparer.Ordinal)
            .ToList();
        var total = bills.Aggregate(Amount.Zero, (sum, b) => sum + b.Machines);
        yield return $"Machines: {total} in all: {string.Join(", ", machines.Select(m => $"{m.Machines} x {m.Key.InstanceType} {m.Key.Billing}"))}";
        var disk = bills.Aggregate(Amount.Zero, (sum, b) => sum + b.DiskGiB);
        yield return $"Disks: {disk} GiB; NAT gateways: {bills.Sum(b => b.NatGateways.Length)}; EIPs: {bills.Sum(b => b.Eips.Length)}; "
                     + $"API server load balancers: {bills.Sum(b => b.Clusters.Length)}; Log Service shards: {bills.Sum(b => b.LogShards)}; KMS keys: {bills.Sum(b => b.KmsKeys.Length)}";
        var ha = bills.Where(b => b.HighAvailabilityPremium is not null).Select(b => b.HighAvailabilityPremium!).ToList();
        var haMachines = ha.Aggregate(Amount.Zero, (sum, p) => sum + p.Machines);
        yield return ha.Count == 0
            ? "HA premium: no stack runs HA"
            : $"HA premium: {ha.Count} of {bills.Count} stacks run HA, {haMachines} master machines: "
              + string.Join(", ", ha.GroupBy(p => (p.TypeName, p.Billing)).Select(g => $"{g.Aggregate(Amount.Zero, (sum, p) => sum + p.Machines)} x {g.Key.TypeName} {g.Key.Billing}"));
        if (fleet.Options.Prices is { } prices)
        {
            var estimates = fleet.Tenants.Where(t => t.Estimate is not null).Select(t => t.Estimate!).ToList();
            var sum = estimates.Aggregate(Money.Zero, (s, e) => s + e.PerMonth);
            var haSum = estimates.Where(e => e.HighAvailabilityPremium is not null).Aggregate(Money.Zero, (s, e) => s + e.HighAvailabilityPremium!.Value);
            var unpriced = estimates.SelectMany(e => e.Unpriced).Distinct().ToList();
            yield return $"Estimate: {sum.Text(prices.Currency)} per month, of which the HA premium {haSum.Text(prices.Currency)}, with {prices.Path}"
                         + (unpriced.Count == 0 ? "" : $" (not priced there: {string.Join(", ", unpriced)})")
                         + $": {Estimate.Caveat}; usage is not in it";
        }
    }

    private static void WriteChanges(FleetReport fleet, TextWriter writer, Colours colours)
    {
        var touched = fleet.Tenants.Where(t => t.Change is { } c && (c.Touches || c.Error is not null)).ToList();
        var unchanged = fleet.Tenants.Count(t => t.Change is { Touches: false, Error: null });
        writer.WriteLine(colours.Bold($"Against the saved plans in {fleet.Options.AgainstDir}: {touched.Count + fleet.Removed.Length} of {fleet.Tenants.Length + fleet.Removed.Length} tenants touched"));
        foreach (var t in touched)
        {
            var change = t.Change!;
            if (change.Error is not null)
            {
                writer.WriteLine($"  {t.Stack}: {colours.Red("cannot compare")}: {change.Error}");
                continue;
            }
            writer.WriteLine($"  {colours.Bold(t.Stack)}: {(change.Saved is null ? $"new, no saved plan {SavedPath(fleet, t.Stack)}: " : "")}{Counts(change)}");
            foreach (var warning in change.Replacements)
                writer.WriteLine("    " + colours.Loud("! ") + warning);
            foreach (var warning in change.Warnings)
                writer.WriteLine("    " + colours.Yellow("warning: ") + warning);
            if (change.Saved is null)
                continue;
            foreach (var step in change.Touched.Take(TouchedShown))
            {
                var symbol = step.Op switch { DiffOp.Create => "+ ", DiffOp.Delete or DiffOp.DeleteReplaced => "- ", DiffOp.Replace => "+-", _ => "~ " };
                var reasons = step.ReplaceReasons.IsEmpty ? "" : $" ({string.Join(", ", step.ReplaceReasons)} forces replacement)";
                writer.WriteLine($"    {symbol} {step.Type} {step.Name} ({DiffJson.OpName(step.Op)}){reasons}");
            }
            if (change.Touched.Length > TouchedShown)
                writer.WriteLine($"    ... and {change.Touched.Length - TouchedShown} more: {CommandName} diff --config {t.File} --against {change.Saved}");
        }
        foreach (var r in fleet.Removed)
            writer.WriteLine($"  {colours.Bold(r.Stack)}: removed (a saved plan, {r.Saved}, and no stack file): {r.Resources} to delete, {r.Bill.Machines} machines among them, where its stack is destroyed");
        writer.WriteLine($"  {unchanged} tenant{(unchanged == 1 ? "" : "s")} unchanged");
    }

    private const string CommandName = "./blink";

    private static string SavedPath(FleetReport fleet, string stack) => Path.Combine(fleet.Options.AgainstDir!, FleetRunner.SavedPlanName(stack));
}
