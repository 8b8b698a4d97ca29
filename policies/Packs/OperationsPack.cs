using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-operations: what the platform team is told reaches someone.</summary>
public static class OperationsPack
{
    public const string Name = "blink-operations";

    /// <summary>The pack's policies, each at its default level.</summary>
    public static PolicyPack Create() => new(Name, "1.0.0", ImmutableArray.Create<Policy>(
        AlertsHaveReceivers()));

    /// <summary>alerts-have-receivers: Every alert rule is routed to a notification policy of the stack that notifies someone.</summary>
    // An advisory, not a refusal: alerts are on by default, and a rule routed nowhere still fires in ARMS' alert
    // management, where a notification policy the account keeps outside the stack may route it (notify type
    // ALERT_MANAGER); refusing would break every stack without receivers and push personal data into each. What is
    // known from the resources alone: a rule of notify type DISPATCH_RULE names a dispatch rule of the stack (by
    // dependency, or the id a plan or state writes) that notifies at least one contact or group (Facts/Alerts.cs).
    public static StackPolicy AlertsHaveReceivers(EnforcementLevel level = EnforcementLevel.Advisory)
        => new(DiagnosticCatalogue.AlertsHaveReceivers, level, input =>
        {
            var rules = input.OfType(TypeTokens.AliCloud.Arms.PrometheusAlertRule).ToList();
            var dispatching = input.OfType(TypeTokens.AliCloud.Arms.DispatchRule)
                .Where(d => d.Objects("notifyRules").Any(r => r["notifyObjects"] is System.Text.Json.Nodes.JsonArray { Count: > 0 }))
                .ToList();
            bool Reaches(PlannedResource rule)
            {
                if (rule.Text("notifyType") != AlertNotifications.DispatchRuleNotifyType)
                    return false;
                var on = rule.PropertyDependencies.TryGetValue("dispatchRuleId", out var refs) ? refs : ImmutableArray<ResourceRef>.Empty;
                var id = rule.Text("dispatchRuleId");
                return dispatching.Any(d => on.Contains(d.Ref) || id == PlannedResource.IdOf(d.Name) || (id is not null && id == d.Text("id")));
            }
            var unrouted = rules.Where(r => !Reaches(r)).Select(r => r.Text("prometheusAlertRuleName") ?? r.Name).ToList();
            return unrouted.Count == 0
                ? Enumerable.Empty<(PlannedResource?, string)>()
                : new[]
                {
                    ((PlannedResource?)null,
                        $"{unrouted.Count} alert rule(s) ({string.Join(", ", unrouted)}) reach no one: the stack routes them to no notification policy, so only one the account keeps elsewhere could; "
                        + "allowed: receivers in blink-infra:observability.alerting.contacts (their details in the secret blink-infra:alertContacts), or blink-infra:observability.metrics.alerts: false"),
                };
        });
}
