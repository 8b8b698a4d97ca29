using System.Collections.Generic;
using System.Collections.Immutable;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using Pulumi;
using Pulumi.AliCloud.Arms;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
using KubernetesProvider = Pulumi.Kubernetes.Provider;

namespace BlinkInfra.Observability;

/// <summary>
/// What <see cref="ClusterObservability"/> is built from: with logs, the project (<see cref="ClusterLogs"/>) and the
/// engine's Kubernetes provider, which waits for the node pools and so for the cluster's log add-on.
/// </summary>
public sealed record ClusterObservabilityArgs(ObservabilitySpec Spec, string FlinkNamespace, Input<string> ClusterId,
    KubernetesProvider? Kubernetes = null, ClusterLogs? Logs = null, ImmutableDictionary<string, Resource>? Addons = null)
{
    /// <summary>Options of a child that needs an add-on (<see cref="ClusterAddons"/>): it waits for the add-on's resource.</summary>
    public CustomResourceOptions Needing(Resource parent, string addon, KubernetesProvider? provider = null)
    {
        var options = new CustomResourceOptions { Parent = parent, Provider = provider };
        if (Addons is not null && Addons.TryGetValue(addon, out var resource))
            options.DependsOn.Add(resource);
        return options;
    }
}

/// <summary>
/// What the platform team is told about: the default alert rules (<see cref="Alerts"/>) on the managed Prometheus
/// that ACK's arms-prometheus add-on (declared with the cluster) runs for the cluster. Source:
/// terraform-provider-alicloud v1.285.0, alicloud_arms_prometheus_alert_rule (cluster_id the ACK cluster's id, whose
/// Prometheus instance the add-on created; duration, expression, message and prometheus_alert_rule_name required;
/// notify_type ALERT_MANAGER sends through ARMS' notification policies). Its replacement facts (every input
/// replaces a rule): infra/Facts/alicloud-replacement-inputs.json.
/// With logs, what the log add-on collects: the Flink pods' and the operator's console output (see <see cref="Logging"/>).
/// </summary>
public sealed class ClusterObservability : ComponentResource
{
    public const string TypeToken = "blink:observability:ClusterObservability";

    public ClusterObservability(string name, ClusterObservabilityArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        if (args.Spec.Alerts)
        {
            foreach (var alert in Alerts.For(args.FlinkNamespace))
            {
                new PrometheusAlertRule($"{name}-alert-{alert.Name}", new PrometheusAlertRuleArgs
                {
                    ClusterId = args.ClusterId,
                    PrometheusAlertRuleName = DerivedNames.AlertRule(name, alert.Name),
                    Expression = alert.Expression,
                    Duration = alert.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Message = alert.Message,
                    NotifyType = "ALERT_MANAGER",
                    // The rule needs the cluster's Prometheus instance, which the arms-prometheus add-on creates: the cluster's
                    // id alone would let it be created first.
                }, args.Needing(this, ClusterDefaults.PrometheusAddon));
            }
        }
        if (args.Kubernetes is not null && args.Logs is not null)
        {
            Collect($"{name}-logs-{Logging.FlinkStore}", args.FlinkNamespace, Logging.FlinkStore, args);
            Collect($"{name}-logs-{Logging.OperatorStore}", FlinkDefaults.OperatorNamespace, Logging.OperatorStore, args);
        }
        RegisterOutputs(new Dictionary<string, object?>());
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
        }, args.Needing(this, Logging.Addon, args.Kubernetes));

    private static ImmutableDictionary<string, object> Tree(params (string Key, object Value)[] entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object>();
        foreach (var (key, value) in entries)
            builder.Add(key, value);
        return builder.ToImmutable();
    }
}
