using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>
/// The Flink Kubernetes Operator's job autoscaler, as a FlinkSessionJob's flinkConfiguration sets it per job. Sources,
/// read 2026-11-27: apache/flink-kubernetes-operator, flink-autoscaler AutoScalerOptions (the job.autoscaler. keys,
/// each with a fallback key under kubernetes.operator.job.autoscaler.; enabled default false; target.utilization
/// default 0.7; stabilization.interval 5 min; metrics.window 15 min; scale-down.max-factor 0.6, 1 meaning no limit;
/// vertex.max-parallelism 200, ignored above the job's own max parallelism) and docs/custom-resource/autoscaler.md
/// (rescaling through the operator's job upgrade by default; in-place scaling from Flink 1.18 through the resource
/// requirements endpoint, which needs the adaptive scheduler, jobmanager.scheduler: adaptive; session jobs need a
/// Flink with FLINK-33534, fixed in 1.18.1 and 1.19, so the session clusters' 1.20 has it; target utilization
/// close to 1 not recommended; a metrics window of 3 to 60 minutes suggested).
/// </summary>
public static class JobAutoscaling
{
    public const string Prefix = "job.autoscaler.";
    /// <summary>The operator's older spelling of every autoscaler key, still read as a fallback.</summary>
    public const string FallbackPrefix = "kubernetes.operator.job.autoscaler.";

    public const string Enabled = Prefix + "enabled";
    // AutoScalerOptions.UTILIZATION_TARGET (read 2026-12-05): key job.autoscaler.utilization.target, default 0.7, with
    // job.autoscaler.target.utilization as its deprecated key.
    public const string TargetUtilization = Prefix + "utilization.target";
    public const string StabilizationInterval = Prefix + "stabilization.interval";
    public const string MetricsWindow = Prefix + "metrics.window";
    public const string ScaleDownMaxFactor = Prefix + "scale-down.max-factor";
    public const string VertexMaxParallelism = Prefix + "vertex.max-parallelism";

    /// <summary>The scheduler setting of the session cluster (Flink's JobManagerOptions.SCHEDULER) and its value for in-place rescaling.</summary>
    public const string Scheduler = "jobmanager.scheduler";
    public const string AdaptiveScheduler = "adaptive";

    public const double DefaultTargetUtilization = 0.7;
    public const double MinTargetUtilization = 0.1;
    public const double MaxTargetUtilization = 0.95;
    public const int DefaultStabilizationMinutes = 5;
    public const int DefaultMetricsWindowMinutes = 15;
    public const int MinMetricsWindowMinutes = 1;
    public const int MaxWindowMinutes = 1_440;
    public const double DefaultScaleDownMaxFactor = 0.6;
    public const int DefaultMaxParallelism = 200;

    /// <summary>The settings a job's autoscaler writes, for the derived-settings rules.</summary>
    public static readonly ImmutableArray<string> Prefixes = ImmutableArray.Create(Prefix, FallbackPrefix);
}
