namespace BlinkInfra.Config;

/// <summary>
/// The cluster's logs: the Log Service project they go to, how many days its logstores keep them, and whether ACK
/// also sends its control plane's logs and the API server's audit log there.
/// </summary>
public sealed record LogsSpec(string Project, int RetentionDays, bool ControlPlane, bool Audit);
