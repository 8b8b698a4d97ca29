namespace BlinkInfra.Config;

/// <summary>
/// The cluster's KMS key: an existing one (<see cref="ExistingKeyId"/>), or one the stack declares with these
/// options. Used for the Kubernetes Secrets, the node pools' system and data disks, and the state bucket.
/// </summary>
public sealed record KmsSpec(string? ExistingKeyId, bool AutomaticRotation, int RotationIntervalDays, int PendingWindowDays, bool DeletionProtection)
{
    /// <summary>Whether the stack declares the key itself.</summary>
    public bool Declared => ExistingKeyId is null;
}
