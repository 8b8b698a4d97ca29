namespace BlinkInfra.Config;

/// <summary>`blink-infra:observability.logs`: the Log Service project and logstores, ACK's log add-on, control-plane and audit logs.</summary>
public sealed class LogsConfig
{
    public bool? Enabled { get; set; }
    public string? Project { get; set; }
    public int? RetentionDays { get; set; }
    public bool? ControlPlane { get; set; }
    public bool? Audit { get; set; }
}
