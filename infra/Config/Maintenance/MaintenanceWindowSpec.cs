namespace BlinkInfra.Config;

/// <summary>The window: days (comma-separated, as ACK takes them), start time (RFC3339, its time of day and offset what counts), length in hours.</summary>
public sealed record MaintenanceWindowSpec(string Days, string StartTime, int DurationHours);
