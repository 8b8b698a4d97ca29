namespace BlinkInfra.Config;

/// <summary>`blink-infra:engine.jobs[i].autoscaler`: the operator's autoscaler for one job.</summary>
public sealed class AutoscalerConfig
{
    public bool? Enabled { get; set; }
    public double? TargetUtilization { get; set; }
    public int? StabilizationMinutes { get; set; }
    public int? MetricsWindowMinutes { get; set; }
    public double? ScaleDownMaxFactor { get; set; }
    public int? MaxParallelism { get; set; }
}
