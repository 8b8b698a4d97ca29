using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkInfra.Bill;
using BlinkInfra.Config;
using BlinkInfra.Facts;

namespace BlinkInfra.Fleet;

/// <summary>
/// The fleet page (`fleet --html`): one self-contained HTML file, a row per tenant with its verdict,
/// machines and estimate, sortable by any column and filtered by a search, each stack linking to its
/// plan page written beside it. The rows are written here, so the page reads without its script; the
/// script (inline in the template, tools/Fleet/fleet-page.html) sorts and filters. Nothing is fetched
/// when it is opened: its Content-Security-Policy forbids it, as the plan page's does.
/// </summary>
public static class FleetPage
{
    public const string TemplateResource = "BlinkInfra.Fleet.fleet-page.html";

    private sealed record Column(string Key, string Title, bool Number, Func<Tenant, (string Text, string Value)> Cell, string? Class = null);

    public static string Html(FleetReport fleet)
    {
        var currency = fleet.Options.Prices?.Currency;
        var columns = Columns(fleet).ToList();
        var title = $"Fleet of {ConfigKeys.Namespace}: {fleet.Tenants.Length} stack{(fleet.Tenants.Length == 1 ? "" : "s")}";

        var headers = string.Concat(columns.Select(c =>
            $"<th data-key=\"{c.Key}\" data-type=\"{(c.Number ? "number" : "text")}\" aria-sort=\"none\"><button type=\"button\">{E(c.Title)}</button></th>"));
        var rows = new StringBuilder();
        foreach (var tenant in fleet.Tenants)
        {
            rows.Append($"<tr data-stack=\"{E(tenant.Stack)}\" data-verdict=\"{tenant.Verdict}\" class=\"verdict-{tenant.Verdict}\">");
            foreach (var column in columns)
            {
                var (text, value) = column.Cell(tenant);
                var classes = string.Join(" ", new[] { column.Number ? "number" : null, column.Class }.OfType<string>());
                var content = column.Key == "stack" && tenant.Page is not null
                    ? $"<a href=\"{E(Uri.EscapeDataString(tenant.Page))}\">{E(text)}</a>"
                    : E(text);
                rows.Append($"<td data-key=\"{column.Key}\" data-value=\"{E(value)}\"{(classes.Length > 0 ? $" class=\"{classes}\"" : "")}>{content}</td>");
            }
            rows.Append("</tr>\n");
        }

        var totals = string.Concat(new[] { FleetText.Verdicts(fleet) }.Concat(FleetText.Totals(fleet)).Select(line => $"<p>{E(line)}</p>\n"));
        if (currency is not null)
            totals += $"<p class=\"note\">{E($"Usage is not in the estimates: {Facts.Billing.UsageBilled}.")}</p>\n";

        var model = new JsonObject
        {
            ["title"] = title,
            ["currency"] = currency,
            ["tenants"] = new JsonArray(fleet.Tenants.Select(t => (JsonNode?)new JsonObject
            {
                ["stack"] = t.Stack,
                ["verdict"] = t.Verdict,
                ["mandatory"] = t.Mandatory,
                ["advisory"] = t.Advisory,
                ["policies"] = new JsonArray((t.Report?.Violations.Select(v => v.Policy).Distinct() ?? []).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
                ["region"] = t.Settings?.Region,
                ["billing"] = t.Settings?.Billing,
                ["highAvailability"] = t.Bill?.HighAvailabilityPremium is not null,
                ["machines"] = t.Bill is { } b ? BillJson.Bounds(b.Machines) : null,
                ["masterMachines"] = t.Bill?.MastersPool?.Machines.Max,
                ["estimatePerMonth"] = t.Estimate is { } e ? BillJson.Bounds(e.PerMonth) : null,
                ["page"] = t.Page,
            }).ToArray()),
        };
        // The default encoder escapes <, > and &, so no "</script>" in a value can close the data early.
        var data = model.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

        return Fill(Template(), new Dictionary<string, string>
        {
            ["{{TITLE}}"] = E(title),
            ["{{COUNTS}}"] = E(FleetText.Verdicts(fleet)),
            ["{{HEADERS}}"] = headers,
            ["{{ROWS}}"] = rows.ToString(),
            ["{{TOTALS}}"] = totals,
            ["{{DATA}}"] = data,
        });
    }

    private static IEnumerable<Column> Columns(FleetReport fleet)
    {
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        yield return new Column("stack", "Stack", false, t => (t.Stack, t.Stack));
        yield return new Column("region", "Region", false, t => (t.Settings?.Region ?? "-", t.Settings?.Region ?? ""));
        yield return new Column("billing", "Billing", false, t => (t.Settings?.Billing ?? "-", t.Settings?.Billing ?? ""));
        yield return new Column("ha", "HA", false, t => t.Bill is null ? ("-", "") : t.Bill.HighAvailabilityPremium is not null ? ("yes", "yes") : ("no", "no"));
        yield return new Column("machines", "Machines", true, t => t.Bill is null ? ("-", "") : (t.Bill.Machines.ToString(), N(t.Bill.Machines.Max)));
        yield return new Column("pools", "Pools", false, t => t.Bill is null ? ("-", "") : (string.Join("; ", t.Bill.Pools.Select(BillText.PoolCell)), string.Join("; ", t.Bill.Pools.Select(BillText.PoolCell))), "pools");
        yield return new Column("cu", "CU", true, t => t.Bill?.ComputeUnits is { } cu ? (cu.ToString(), N(cu.Max)) : ("-", ""));
        // Sorted by severity first (mandatory violations, then advisory), then by name.
        yield return new Column("policy", "Policy", true, t => (t.Status == TenantStatus.Checked ? FleetText.Policy(t) : $"{t.Verdict}: {t.Error?.Split('\n')[0]}",
            t.Status == TenantStatus.Checked ? N(t.Mandatory * 1000 + t.Advisory) : "1000000"), "policy");
        yield return new Column("bill", "Bill of materials", false, t => t.Bill is null ? ("-", "") : (BillText.Summary(t.Bill), BillText.Summary(t.Bill)));
        if (fleet.Options.Prices is { } prices)
        {
            yield return new Column("estimate", $"Estimate ({prices.Currency}/month)", true, t => t.Estimate is { } e
                ? (e.PerMonth.Min == e.PerMonth.Max ? Money.Format(e.PerMonth.Min) : $"{Money.Format(e.PerMonth.Min)}-{Money.Format(e.PerMonth.Max)}", e.PerMonth.Max.ToString(CultureInfo.InvariantCulture))
                : ("-", ""));
        }
        if (fleet.Options.AgainstDir is not null)
        {
            yield return new Column("change", "Change", true, t => t.Change switch
            {
                null => ("-", ""),
                { Error: { } error } => ($"cannot compare: {error.Split('\n')[0]}", "-1"),
                { Saved: null } => ($"new: {FleetText.Counts(t.Change)}", N(t.Change.Touched.Length)),
                { Touches: false } => ("unchanged", "0"),
                _ => (FleetText.Counts(t.Change), N(t.Change.Touched.Length)),
            });
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Each placeholder of the template replaced once, in one pass: what is put in is never searched again.</summary>
    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(template.Length + values.Values.Sum(v => v.Length));
        var at = 0;
        while (true)
        {
            var next = values.Keys.Select(k => (Key: k, Index: template.IndexOf(k, at, StringComparison.Ordinal))).Where(p => p.Index >= 0).OrderBy(p => p.Index).FirstOrDefault();
            if (next.Key is null)
                break;
            text.Append(template, at, next.Index - at).Append(values[next.Key]);
            at = next.Index + next.Key.Length;
        }
        return text.Append(template, at, template.Length - at).ToString();
    }

    private static string Template()
    {
        using var stream = typeof(FleetPage).Assembly.GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException($"the program was built without its resource {TemplateResource}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
