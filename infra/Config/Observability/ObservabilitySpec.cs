namespace BlinkInfra.Config;

/// <summary>
/// What the platform team sees: whether the cluster runs ACK's managed Prometheus add-on (which scrapes the Flink
/// and operator metrics every session cluster and the operator report on their Prometheus ports), and whether the
/// default alert rules are declared on it; where the logs go (none without <see cref="Logs"/>).
/// </summary>
public sealed record ObservabilitySpec(bool ManagedPrometheus, bool Alerts, LogsSpec? Logs = null)
{
    /// <summary>Who the alert rules reach (<c>observability.alerting</c> with the secret <c>alertContacts</c>); null for no one.</summary>
    public AlertReceiversSpec? Receivers { get; init; }
}
