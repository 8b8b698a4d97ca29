namespace BlinkInfra.Config;

/// <summary>`blink-infra:maintenance.window`: the weekly window ACK's automatic operations run in.</summary>
public sealed class MaintenanceWindowConfig
{
    public bool? Enabled { get; set; }
    public string? Days { get; set; }
    public string? StartTime { get; set; }
    public int? DurationHours { get; set; }
}
