namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:engine.savepoints` (every job's defaults) and `blink-infra:engine.jobs[i].savepoints` (a job's own,
/// key by key over those): the savepoints the operator takes and keeps.
/// </summary>
public sealed class SavepointsConfig
{
    public int? IntervalMinutes { get; set; }
    public int? MaxCount { get; set; }
    public int? MaxAgeDays { get; set; }
    public bool? DisposeOnDelete { get; set; }
}
