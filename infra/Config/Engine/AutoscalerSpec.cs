namespace BlinkInfra.Config;

/// <summary>
/// A job's autoscaler: the operator rescales the job's vertices to keep them <see cref="TargetUtilization"/> busy,
/// judging over <see cref="MetricsWindowMinutes"/>, waiting <see cref="StabilizationMinutes"/> after a restart,
/// never below <see cref="ScaleDownMaxFactor"/> of a vertex's parallelism at once nor above <see cref="MaxParallelism"/>.
/// </summary>
public sealed record AutoscalerSpec(double TargetUtilization, int StabilizationMinutes, int MetricsWindowMinutes, double ScaleDownMaxFactor, int MaxParallelism);
