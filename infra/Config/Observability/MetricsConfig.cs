namespace BlinkInfra.Config;

/// <summary>`blink-infra:observability.metrics`: the managed Prometheus add-on and the default alerts.</summary>
public sealed class MetricsConfig
{
    public bool? Enabled { get; set; }
    public bool? Alerts { get; set; }
}
