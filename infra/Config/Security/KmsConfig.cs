namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:security.kms`: one KMS key for the cluster's Kubernetes Secrets, its node disks and the state bucket,
/// declared by the stack (with rotation, a pending-deletion window and deletion protection) or given by its id.
/// </summary>
public sealed class KmsConfig
{
    public bool? Enabled { get; set; }
    public string? KeyId { get; set; }
    public bool? AutomaticRotation { get; set; }
    public int? RotationIntervalDays { get; set; }
    public int? PendingWindowDays { get; set; }
    public bool? DeletionProtection { get; set; }
}
