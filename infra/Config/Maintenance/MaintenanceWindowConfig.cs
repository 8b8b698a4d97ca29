namespace BlinkInfra.Config;

/// <summary>`blink-infra:maintenance.window`: the weekly window ACK's automatic operations run in.</summary>
public sealed class MaintenanceWindowConfig
{
    [ConfigDoc("ACK's weekly maintenance window (the cluster's `maintenanceWindow`), in which its automatic operations run: the cluster's auto-upgrade and the node pools' repairs and kubelet upgrades. `false` turns it off (then `autoUpgrade.enabled: true` is refused)", Default = "`true`")]
    public bool? Enabled { get; set; }
    [ConfigDoc("one or more of `Monday` … `Sunday`, comma-separated, each once (ACK's `weekly_period`), in the time zone of `startTime`", Default = "`Sunday`")]
    public string? Days { get; set; }
    [ConfigDoc("a time of day as a person writes it (`23:00`, `23:00:00`), read in the region's time zone (every region here is UTC+08:00; `check` and `plan` say so in a note) unless it carries an offset (`Z`, `+08:00`), and completed into the RFC3339 the provider takes (on 2026-01-04); or an RFC3339 date and time with its offset, as the provider documents ACK's `maintenance_time` (its time of day and offset are what count). The date and time must exist (2026-02-30 is refused)", Default = "`2026-01-04T03:00:00.000+08:00` (03:00 in China)")]
    public StartTimeValue? StartTime { get; set; }
    [ConfigDoc("1 to 24", Default = "`3`")]
    public int? DurationHours { get; set; }
}
