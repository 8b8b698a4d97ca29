using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>A default alert: its name, PromQL expression, how long it must hold (minutes) and the message it sends.</summary>
public sealed record AlertRule(string Name, string Expression, int DurationMinutes, string Message);

/// <summary>
/// The default alerts every cluster with the managed Prometheus gets, on the metrics Flink's Prometheus reporter
/// exports (its names: flink_&lt;scope&gt;_&lt;metric&gt;, scope jobmanager_job for a job's uptime, numRestarts and
/// numberOfFailedCheckpoints, taskmanager_job_task for backPressuredTimeMsPerSecond; Flink 1.20's metrics
/// documentation, read 2026-11-27), each over the engine's namespace. The rule's duration is a bare number of minutes,
/// 1 to 1440: ARMS's API models (alibabacloud SDKs, PrometheusAlertRule Duration: "Valid values: 1 to 1440. Unit:
/// minutes") and terraform-provider-alicloud website/docs/r/arms_prometheus_alert_rule.html.markdown (`duration`, a
/// string in Pulumi.AliCloud 3.105.0, ForceNew; its example `duration = 1`), read 2026-11-27.
/// </summary>
public static class Alerts
{
    /// <summary>ARMS's bounds on a rule's duration, in minutes.</summary>
    public const int MinDurationMinutes = 1;
    public const int MaxDurationMinutes = 1440;

    public static ImmutableArray<AlertRule> For(string flinkNamespace)
    {
        var scope = $"{{namespace=\"{flinkNamespace}\"}}";
        return ImmutableArray.Create(
            new AlertRule("flink-job-down", $"max by (job_name) (flink_jobmanager_job_uptime{scope}) <= 0", 2,
                "A Flink job in namespace " + flinkNamespace + " is not running (uptime 0): failing, restarting or suspended"),
            new AlertRule("flink-job-restarts", $"increase(flink_jobmanager_job_numRestarts{scope}[10m]) > 0", 1,
                "A Flink job in namespace " + flinkNamespace + " restarted in the last 10 minutes"),
            new AlertRule("flink-checkpoint-failures", $"increase(flink_jobmanager_job_numberOfFailedCheckpoints{scope}[10m]) > 0", 1,
                "A Flink job in namespace " + flinkNamespace + " failed a checkpoint in the last 10 minutes"),
            new AlertRule("flink-backpressure", $"max by (job_name) (flink_taskmanager_job_task_backPressuredTimeMsPerSecond{scope}) > 500", 10,
                "A Flink job in namespace " + flinkNamespace + " has been back-pressured more than half the time for 10 minutes"));
    }
}
