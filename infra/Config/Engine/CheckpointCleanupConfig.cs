namespace BlinkInfra.Config;

/// <summary>`blink-infra:engine.checkpointCleanup`: the CronJob that removes the checkpoint folders of jobs a session no longer runs.</summary>
public sealed class CheckpointCleanupConfig
{
    public bool? Enabled { get; set; }
    public string? Image { get; set; }
    public int? GraceHours { get; set; }
    public bool? DryRun { get; set; }
}

/// <summary>The checkpoint cleaner: its image, grace period, whether it only reports, and the session clusters it cleans (those hosting jobs).</summary>
public sealed record CheckpointCleanupSpec(string Image, int GraceHours, bool DryRun, System.Collections.Immutable.ImmutableArray<string> Sessions);
