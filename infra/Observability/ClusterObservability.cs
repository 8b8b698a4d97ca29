using System.Collections.Generic;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using Pulumi;
using Pulumi.AliCloud.Arms;

namespace BlinkInfra.Observability;

/// <summary>What <see cref="ClusterObservability"/> is built from.</summary>
public sealed record ClusterObservabilityArgs(ObservabilitySpec Spec, string FlinkNamespace, Input<string> ClusterId);

/// <summary>
/// What the platform team is told about: the default alert rules (<see cref="Alerts"/>) on the managed Prometheus
/// that ACK's arms-prometheus add-on (declared with the cluster) runs for the cluster. Source:
/// terraform-provider-alicloud v1.285.0, alicloud_arms_prometheus_alert_rule (cluster_id the ACK cluster's id, whose
/// Prometheus instance the add-on created; duration, expression, message and prometheus_alert_rule_name required;
/// notify_type ALERT_MANAGER sends through ARMS' notification policies). Not in
/// infra/Facts/alicloud-replacement-inputs.json, which lists only the types read so far.
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
                    PrometheusAlertRuleName = $"{name}-{alert.Name}",
                    Expression = alert.Expression,
                    Duration = alert.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Message = alert.Message,
                    NotifyType = "ALERT_MANAGER",
                }, new CustomResourceOptions { Parent = this });
            }
        }
        RegisterOutputs(new Dictionary<string, object?>());
    }
}
