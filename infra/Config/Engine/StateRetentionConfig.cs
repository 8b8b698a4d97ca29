namespace BlinkInfra.Config;

/// <summary>`blink-infra:engine.stateRetention`: how long the state bucket keeps what Flink no longer needs.</summary>
public sealed class StateRetentionConfig
{
    public int? NoncurrentVersionDays { get; set; }
    public int? IncompleteUploadDays { get; set; }
    public int? SavepointDays { get; set; }
}
