using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace BlinkInfra.Facts;

/// <summary>
/// KMS and key-pair facts, in one place. Sources, read 2026-11-27:
/// terraform-provider-alicloud v1.285.0, alicloud_kms_key (automatic_rotation Enabled or Disabled, default Disabled;
/// rotation_interval as integer[unit], such as 365d; pending_window_in_days; deletion_protection Enabled or Disabled,
/// since 1.240.0; key_spec and key_usage ForceNew, default Aliyun_AES_256 and ENCRYPT/DECRYPT; status Enabled,
/// Disabled or PendingDeletion); ROS ALIYUN::KMS::Key (PendingWindowInDays 7 to 30, default 30; RotationInterval 7 to
/// 730 days); KMS CreateKey (key ids); ACK, "Use KMS to encrypt Kubernetes Secrets" (ACK Pro clusters only; the key in
/// the cluster's region; the account authorised for the AliyunCSManagedSecurityRole service role; never disable or
/// delete the key, or the API server cannot read Secrets and service accounts; the control plane reaches KMS in
/// 100.64.0.0/10; an earlier edition: Aliyun_AES_256 keys only, without automatic rotation; the current edition, last
/// updated 2026-03-26: default, software- and hardware-protected keys, and nothing on rotation, so whether ACK accepts
/// a rotating key stays unverified and rotation stays off by default; the provider's own cluster example picks its key
/// by KeySpec Aliyun_AES_256; alicloud_cs_managed_kubernetes `disable_encryption` false beside
/// encryption_provider_key, as its doc requires); KMS, "Automatic key rotation" (earlier versions kept to decrypt); OSS, server-side
/// encryption (SSE-KMS with a given key: uploading, downloading or reading objects needs permission to use the key);
/// KMS billing (a software key version USD 0.002 a day, cryptographic calls per 10,000: USD 0.08 in the Chinese
/// mainland, 0.03 elsewhere; keys pending deletion not billed); ECS, CreateKeyPair/ImportKeyPair (names 2 to 128
/// characters, starting with a letter; letters, digits, '.', '_', '-').
/// </summary>
public static class Encryption
{
    /// <summary>A symmetric key, the only kind ACK's Secrets encryption (and OSS SSE-KMS, and disk encryption) takes.</summary>
    public const string KeySpec = "Aliyun_AES_256";
    public const string KeyUsage = "ENCRYPT/DECRYPT";

    public const int MinPendingWindowDays = 7;
    public const int MaxPendingWindowDays = 30;
    public const int DefaultPendingWindowDays = 30;
    public const int MinRotationIntervalDays = 7;
    public const int MaxRotationIntervalDays = 730;
    public const int DefaultRotationIntervalDays = 365;

    /// <summary>The provider's on/off values for automatic_rotation and deletion_protection.</summary>
    public static string OnOff(bool on) => on ? "Enabled" : "Disabled";

    /// <summary>OSS server-side encryption: with a KMS key, or with keys OSS manages.</summary>
    public const string SseKms = "KMS";
    public const string SseAes256 = "AES256";
    /// <summary>The algorithms the bucket's serverSideEncryptionRule.sseAlgorithm takes.</summary>
    public static readonly ImmutableArray<string> SseAlgorithms = ImmutableArray.Create(SseAes256, SseKms, "SM4");

    /// <summary>
    /// What a RAM role must be allowed on the key to read and write objects the bucket encrypts with it (OSS asks KMS
    /// for a data key on upload, to decrypt it on download) and to describe it.
    /// </summary>
    public static readonly ImmutableArray<string> ObjectKeyActions = ImmutableArray.Create("kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey");

    /// <summary>What a RAM role that only reads such objects must be allowed on the key.</summary>
    public static readonly ImmutableArray<string> ObjectReadKeyActions = ImmutableArray.Create("kms:Decrypt", "kms:DescribeKey");

    /// <summary>A key's ARN in any account of the region: RAM policies name the key by it.</summary>
    public static string KeyArn(string region, string keyId) => $"acs:kms:{region}:*:key/{keyId}";

    /// <summary>A KMS key id: a GUID (keys made before KMS 3.0) or key-… (KMS 3.0).</summary>
    public static readonly Regex KeyId = new("^(key-[a-z0-9]{8,64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\z", RegexOptions.CultureInvariant);

    /// <summary>The account-wide service role ACK assumes to call KMS for Secrets encryption (granted once, not declared).</summary>
    public const string AckSecretsServiceRole = "AliyunCSManagedSecurityRole";

    /// <summary>An ECS key pair's name.</summary>
    public static readonly Regex KeyPairName = new("^[A-Za-z][A-Za-z0-9._-]{1,127}\\z", RegexOptions.CultureInvariant);

    /// <summary>The OpenSSH public key types ECS imports, each followed by its base64 body on one line.</summary>
    public static readonly Regex PublicKey = new(@"^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,3}( [^\r\n]*)?\z", RegexOptions.CultureInvariant);
}
