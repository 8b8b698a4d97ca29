using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using Pulumi;
using Pulumi.AliCloud.Arms;
using Pulumi.AliCloud.Arms.Inputs;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
using KubernetesProvider = Pulumi.Kubernetes.Provider;

namespace BlinkInfra.Observability;

/// <summary>
/// What <see cref="ClusterObservability"/> is built from, set by name as Pulumi's own Args are: with logs, the project
/// (<see cref="ClusterLogs"/>) and the engine's Kubernetes provider, which waits for the node pools and so for the
/// cluster's log add-on.
/// </summary>
public sealed class ClusterObservabilityArgs
{
    /// <summary>The observability section of the spec: alerts, their receivers, logs.</summary>
    public required ObservabilitySpec Spec { get; init; }

    /// <summary>The namespace of the Flink pods, which the alerts and the Flink logs' collection select.</summary>
    public required string FlinkNamespace { get; init; }

    /// <summary>The ACK cluster, whose managed Prometheus the alert rules go to.</summary>
    public required Input<string> ClusterId { get; init; }

    /// <summary>The engine's Kubernetes provider, which the log collection configs (with logs) are declared through.</summary>
    public KubernetesProvider? Kubernetes { get; init; }

    /// <summary>With logs, the project and logstores the collection configs send to; null without.</summary>
    public ClusterLogs? Logs { get; init; }

    /// <summary>The cluster's optional add-ons by name (<see cref="ClusterAddons"/>): a child needing one waits for it.</summary>
    public ImmutableDictionary<string, Resource>? Addons { get; init; }
}

/// <summary>
/// What the platform team is told about: the default alert rules (<see cref="Alerts"/>) on the managed Prometheus
/// that ACK's arms-prometheus add-on (declared with the cluster) runs for the cluster. Source:
/// terraform-provider-alicloud v1.285.0, alicloud_arms_prometheus_alert_rule (cluster_id the ACK cluster's id, whose
/// Prometheus instance the add-on created; duration, expression, message and prometheus_alert_rule_name required;
/// notify_type ALERT_MANAGER sends through ARMS' notification policies, DISPATCH_RULE with dispatch_rule_id through
/// the one named; ForceNew: cluster_id, duration, expression, message, prometheus_alert_rule_name, type, per
/// infra/Facts/alicloud-replacement-inputs.json, so routing a rule to receivers later updates it in place). A rule depends on the
/// arms-prometheus add-on, which creates the cluster's Prometheus instance. With
/// <c>observability.alerting</c>, who they reach: contacts, a contact group and a dispatch rule (<see cref="Receivers"/>).
/// With logs, what the log add-on collects: the Flink pods' and the operator's console output (see <see cref="Logging"/>).
/// </summary>
public sealed class ClusterObservability : ComponentResource
{
    public const string TypeToken = "blink:observability:ClusterObservability";

    /// <summary>The default alert rules' ids by alert name (<see cref="Alerts"/>), as ARMS knows them; empty without alerts.</summary>
    [Output("alertRuleIds")]
    public Output<ImmutableDictionary<string, string>> AlertRuleIds { get; private set; }

    public ClusterObservability(string name, ClusterObservabilityArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var rules = new List<(string Alert, PrometheusAlertRule Rule)>();
        if (args.Spec.Alerts)
        {
            var alerts = Alerts.For(args.FlinkNamespace);
            // Without receivers the rules go to ARMS' alert management, where only a notification policy of the
            // account's own reaches anyone (the advisory alerts-have-receivers says so).
            var dispatch = args.Spec.Receivers is { } receivers ? Receivers(name, receivers, alerts) : null;
            foreach (var alert in alerts)
            {
                var rule = new PrometheusAlertRuleArgs
                {
                    ClusterId = args.ClusterId,
                    PrometheusAlertRuleName = DerivedNames.AlertRule(name, alert.Name),
                    Expression = alert.Expression,
                    Duration = alert.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Message = alert.Message,
                    NotifyType = dispatch is null ? AlertNotifications.AlertManagerNotifyType : AlertNotifications.DispatchRuleNotifyType,
                };
                if (dispatch is not null)
                    rule.DispatchRuleId = dispatch.Id;
                // The rule needs the cluster's Prometheus instance, which the arms-prometheus add-on creates: the cluster's
                // id alone would let it be created first.
                rules.Add((alert.Name, new PrometheusAlertRule($"{name}-alert-{alert.Name}", rule, Needing(args, ClusterDefaults.PrometheusAddon))));
            }
        }
        if (args.Kubernetes is not null && args.Logs is not null)
        {
            Collect($"{name}-logs-{Logging.FlinkStore}", args.FlinkNamespace, Logging.FlinkStore, args);
            Collect($"{name}-logs-{Logging.OperatorStore}", FlinkDefaults.OperatorNamespace, Logging.OperatorStore, args);
        }
        AlertRuleIds = Output.All(rules.Select(r => r.Rule.Id))
            .Apply(ids => rules.Select((r, i) => (r.Alert, Id: ids[i])).ToImmutableDictionary(r => r.Alert, r => r.Id));
        // Every [Output] property, under its name (ComponentResource.RegisterOutputs(), Pulumi 3.59 and later).
        RegisterOutputs();
    }

    /// <summary>
    /// The stack's alert contacts, one contact group of them and the notification (dispatch) policy that sends the
    /// stack's alert rules, matched by name, to that group on every way a contact is reached (<see cref="AlertNotifications"/>).
    /// A contact's email, phone and webhook are Pulumi secrets from the config on, so the state keeps them, and the
    /// outputs the provider returns for them, encrypted (Pulumi marks outputs secret from secret inputs:
    /// pulumi.com/docs/iac/concepts/resources/options/additionalsecretoutputs, read 2026-12-05); offline, where the secret
    /// cannot be read, each detail a contact is reached by is planned masked.
    /// </summary>
    private DispatchRule Receivers(string name, AlertReceiversSpec receivers, IReadOnlyList<AlertRule> alerts)
    {
        Input<string>? Detail(AlertContactSpec contact, string via, string? value)
        {
            if (!contact.Via.Contains(via))
                return null;
            return Output.CreateSecret(receivers.Readable ? value! : Secrets.Mask);
        }

        var contacts = receivers.Contacts.Select(contact => new AlertContact($"{name}-alert-contact-{contact.Name}", new AlertContactArgs
        {
            AlertContactName = DerivedNames.AlertContact(name, contact.Name),
            Email = Detail(contact, "email", contact.Email),
            PhoneNum = Detail(contact, "sms", contact.Phone),
            DingRobotWebhookUrl = Detail(contact, "dingTalk", contact.DingTalkWebhook),
            SystemNoc = false,
        }, new CustomResourceOptions { Parent = this })).ToList();

        var groupName = DerivedNames.AlertContactGroup(name);
        var group = new AlertContactGroup($"{name}-alert-contacts", new AlertContactGroupArgs
        {
            AlertContactGroupName = groupName,
            ContactIds = contacts.Select(c => (Input<string>)c.Id).ToImmutableArray(),
        }, new CustomResourceOptions { Parent = this });

        // The rules' names hold only lower-case letters, digits and '-': nothing a regular expression reads specially.
        var ruleNames = "^(" + string.Join("|", alerts.Select(a => DerivedNames.AlertRule(name, a.Name))) + ")$";
        return new DispatchRule($"{name}-alert-dispatch", new DispatchRuleArgs
        {
            DispatchRuleName = DerivedNames.AlertDispatchRule(name),
            DispatchType = AlertNotifications.CreateAlert,
            IsRecover = true,
            GroupRules =
            {
                new DispatchRuleGroupRuleArgs
                {
                    GroupWaitTime = AlertNotifications.GroupWaitSeconds,
                    GroupInterval = AlertNotifications.GroupIntervalSeconds,
                    RepeatInterval = AlertNotifications.RepeatIntervalSeconds,
                    GroupingFields = AlertNotifications.GroupingFields.ToList(),
                },
            },
            LabelMatchExpressionGrids =
            {
                new DispatchRuleLabelMatchExpressionGridArgs
                {
                    LabelMatchExpressionGroups =
                    {
                        new DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupArgs
                        {
                            LabelMatchExpressions =
                            {
                                new DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupLabelMatchExpressionArgs
                                {
                                    Key = AlertNotifications.AlertNameLabel,
                                    Operator = AlertNotifications.MatchesRegex,
                                    Value = ruleNames,
                                },
                            },
                        },
                    },
                },
            },
            NotifyRules =
            {
                new DispatchRuleNotifyRuleArgs
                {
                    NotifyObjects =
                    {
                        new DispatchRuleNotifyRuleNotifyObjectArgs
                        {
                            NotifyObjectId = group.Id,
                            NotifyType = AlertNotifications.ContactGroupType,
                            Name = groupName,
                        },
                    },
                    NotifyChannels = receivers.Channels.ToList(),
                    NotifyStartTime = AlertNotifications.NotifyStartTime,
                    NotifyEndTime = AlertNotifications.NotifyEndTime,
                },
            },
        }, new CustomResourceOptions { Parent = this });
    }

    /// <summary>
    /// One namespace's console output (stdout and stderr of every container) into a logstore, a Java stack trace kept
    /// with the line it belongs to: every Flink and operator log line starts with its date, the operator's behind a
    /// colour escape (<see cref="Logging.EntryStartPattern"/>).
    /// </summary>
    private void Collect(string resourceName, string kubernetesNamespace, string logstore, ClusterObservabilityArgs args)
        => new KubernetesCustomResource(resourceName, new PipelineConfigArgs
        {
            Metadata = new ObjectMetaArgs { Name = resourceName },
            Spec = Output.Tuple(args.Logs!.ProjectName, args.Logs.Logstores[logstore]).Apply(names => Tree(
                ("project", Tree(("name", names.Item1))),
                ("config", Tree(
                    ("inputs", ImmutableArray.Create<object>(Tree(
                        ("Type", Logging.StdioInput),
                        ("IgnoringStdout", false),
                        ("IgnoringStderr", false),
                        ("ContainerFilters", Tree(("K8sNamespaceRegex", $"^{kubernetesNamespace}$"))),
                        ("Multiline", Tree(("Mode", Logging.MultilineMode), ("StartPattern", Logging.EntryStartPattern)))))),
                    ("flushers", ImmutableArray.Create<object>(Tree(("Type", Logging.SlsFlusher), ("Logstore", names.Item2)))))))),
            // The CRD is the log collector's: the config waits for its add-on.
        }, Needing(args, Logging.Addon, args.Kubernetes));

    /// <summary>Options of a child that needs an add-on (<see cref="ClusterAddons"/>): it waits for the add-on's resource.</summary>
    private CustomResourceOptions Needing(ClusterObservabilityArgs args, string addon, KubernetesProvider? provider = null)
    {
        var options = new CustomResourceOptions { Parent = this, Provider = provider };
        if (args.Addons is not null && args.Addons.TryGetValue(addon, out var resource))
            options.DependsOn.Add(resource);
        return options;
    }

    private static ImmutableDictionary<string, object> Tree(params (string Key, object Value)[] entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object>();
        foreach (var (key, value) in entries)
            builder.Add(key, value);
        return builder.ToImmutable();
    }
}
