namespace BlinkInfra.Config;

/// <summary>`blink-infra:observability`: what the platform team sees of the cluster: metrics and alerts, logs.</summary>
public sealed class ObservabilityConfig
{
    public MetricsConfig? Metrics { get; set; }
    public LogsConfig? Logs { get; set; }
    public AlertingConfig? Alerting { get; set; }
}
