namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:security.kms`: one KMS key for the cluster's Kubernetes Secrets, its node disks and the state bucket,
/// declared by the stack (with rotation, a pending-deletion window and deletion protection) or given by its id.
/// </summary>
public sealed class KmsConfig
{
    [ConfigDoc("`true`: one KMS key (`blink:security:ClusterKey`, `alicloud:kms/key:Key` `<name>-kms`, `Aliyun_AES_256`, `ENCRYPT/DECRYPT`, `protect`ed) for the cluster's Kubernetes Secrets (the cluster's `encryptionProviderKey`, with `disableEncryption: false`, which the provider requires beside it: left computed, a state that reads `true` makes it ignore the key; ACK Pro Secrets encryption at rest, which every BlinkInfra cluster is), every node pool's system disk (`systemDiskEncrypted`, `systemDiskKmsKey`) and encrypted data disks (`kmsKeyId`), and the state bucket (`sseAlgorithm: KMS` with `kmsMasterKeyId`; without a key the bucket keeps OSS-managed `AES256`); each session cluster's RRSA role may `kms:Decrypt`, `kms:DescribeKey` and `kms:GenerateDataKey` on that key alone, the operator's role `kms:Decrypt` and `kms:DescribeKey` (OSS asks KMS for each object's data key as the caller). **Cost:** KMS bills each version of a software-protected key by the day (USD 0.002 a day, about USD 0.06 a month per version; each rotation adds a version) and cryptographic calls per 10,000 (USD 0.08 in the Chinese mainland, 0.03 elsewhere): the API server calls KMS as it reads and writes Secrets, OSS for objects of the bucket, ECS when disks are created; a key pending deletion is not billed (KMS billing, read 2026-11-27). An account without KMS may need a KMS instance first (KMS's 2022 upgrade): give its key with `keyId` then", Default = "`false`")]
    public bool? Enabled { get; set; }
    [ConfigDoc("an existing symmetric key of the stack's region (`key-…` or a GUID) used the same way, nothing declared; its owner keeps it (the options below are refused with it)")]
    public string? KeyId { get; set; }
    [ConfigDoc("`true` rotates the declared key every `rotationIntervalDays`. Off by default: an earlier edition of ACK's Secrets-encryption page said ACK Pro does not support automatic rotation of the key; the current one (\"Use KMS to encrypt Kubernetes Secrets\", last updated 2026-03-26, read 2026-11-27) says neither that nor the opposite. KMS keeps a rotated key's earlier versions for decryption (KMS, \"Automatic key rotation\"), so envelope-encrypted Secrets should stay readable, but no source read says ACK supports it: still unverified", Default = "`false`")]
    public bool? AutomaticRotation { get; set; }
    [ConfigDoc("7 to 730, only with `automaticRotation: true` (written as `rotationInterval: <days>d`)", Default = "`365`")]
    public int? RotationIntervalDays { get; set; }
    [ConfigDoc("7 to 30: days a deleted key waits, restorable, before KMS destroys it (`pendingWindowInDays`)", Default = "`30`")]
    public int? PendingWindowDays { get; set; }
    [ConfigDoc("KMS refuses to delete the key while on (`deletionProtection: Enabled`, provider 1.240.0 and later); Pulumi's `protect` stays on either way", Default = "`true`")]
    public bool? DeletionProtection { get; set; }
}
