namespace BlinkInfra.Config;

/// <summary>The window: days (comma-separated, as ACK takes them), start time (RFC3339, its time of day and offset what counts), length in hours.</summary>
public sealed record MaintenanceWindowSpec(string Days, string StartTime, int DurationHours)
{
    /// <summary>The start time as the stack wrote it, when it wrote one.</summary>
    public string? StartTimeGiven { get; init; }

    /// <summary>When the stack's start time had no offset: the time zone it was read in (the region's), for a note.</summary>
    public string? StartTimeZoneUsed { get; init; }
}
