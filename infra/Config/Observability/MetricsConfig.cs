namespace BlinkInfra.Config;

/// <summary>`blink-infra:observability.metrics`: the managed Prometheus add-on and the default alerts.</summary>
public sealed class MetricsConfig
{
    [ConfigDoc("ACK's managed Prometheus add-on (`arms-prometheus`: the cluster's Managed Service for Prometheus instance and its agent on the workers), which scrapes the pods annotated `prometheus.io/scrape` on `prometheus.io/port`: every JobManager and TaskManager (Flink's Prometheus reporter, `metrics.reporter.prom.*`, port 9249) and the operator (`kubernetes.operator.metrics.reporter.prom.*`, port 9999, exposed by the chart's `metrics.port`); `false` leaves the add-on out (the reporters still listen). **Cost:** Managed Service for Prometheus bills the metrics it ingests beyond ACK's free basic container metrics (by samples or GB written, per its pricing), and keeps them for its retention", Default = "`true`")]
    public bool? Enabled { get; set; }
    [ConfigDoc("four ARMS Prometheus alert rules on the cluster's instance (`alicloud:arms/prometheusAlertRule`; notify type `DISPATCH_RULE` to the stack's notification policy with `alerting.contacts`, otherwise `ALERT_MANAGER`, where only a notification policy of the account's own reaches anyone, and the advisory `alerts-have-receivers` says so): `flink-job-down` (a job's uptime 0 for 2 minutes), `flink-job-restarts` (any restart in 10 minutes), `flink-checkpoint-failures` (any failed checkpoint in 10 minutes), `flink-backpressure` (a task back-pressured more than 500 ms/s for 10 minutes), each over the engine's namespace (`infra/Facts/Alerts.cs`; a rule's `duration` is in minutes, 1 to 1440, as ARMS's API documents it); `false` for none; `true` with `enabled: false` is refused. Alert rules cost nothing beyond the notifications' channels (SMS and phone are billed)", Default = "`true` (with `metrics.enabled`)")]
    public bool? Alerts { get; set; }
}
