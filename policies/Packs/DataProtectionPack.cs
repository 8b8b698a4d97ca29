using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-data-protection: the state bucket, secrets kept secret, and the engine able to reach its state.</summary>
public static class DataProtectionPack
{
    public const string Name = "blink-data-protection";

    /// <summary>The pack's policies, each at its default level.</summary>
    public static PolicyPack Create() => new(Name, "1.0.0", ImmutableArray.Create<Policy>(
        StateBucketLockedDown(),
        StateBucketProtected(),
        SecretsKeyKept(),
        NoPlaintextSecrets(),
        FlinkReadsOssThroughRrsa(),
        OperatorReadsOssJars(),
        DataDisksEncryptedWithStackKey()));

    /// <summary>data-disks-encrypted: With a KMS key in the stack, every pool's data disks are encrypted.</summary>
    // An advisory (issue 31.7): blink-infra:compute.workerPools[i].dataDisk.encrypted: false is a choice, but with a
    // KMS key the stack encrypts the Kubernetes Secrets and every system disk, and RocksDB's working state on the data
    // disk (Flink's keyed state, with whatever the jobs hold) would be the one copy on a disk in plain. The key's
    // presence: the Kms.Key the stack declares, the cluster's encryptionProviderKey, or a pool's systemDiskKmsKey (an
    // existing key by keyId declares no Kms.Key). Source: terraform-provider-alicloud v1.285.0,
    // alicloud_cs_kubernetes_node_pool data_disks.encrypted ("true"/"false") and kms_key_id.
    public static StackPolicy DataDisksEncryptedWithStackKey(EnforcementLevel level = EnforcementLevel.Advisory)
        => new(DiagnosticCatalogue.DataDisksEncrypted, level, input =>
        {
            var pools = input.OfType(TypeTokens.AliCloud.CS.NodePool).ToList();
            var hasKey = input.OfType(TypeTokens.AliCloud.Kms.Key).Any()
                         || input.OfType(TypeTokens.AliCloud.CS.ManagedKubernetes).Any(cluster => cluster.Inputs.ContainsKey("encryptionProviderKey"))
                         || pools.Any(pool => pool.Inputs.ContainsKey("systemDiskKmsKey"));
            if (!hasKey)
                return Enumerable.Empty<(PlannedResource?, string)>();
            return pools.SelectMany(pool => pool.Objects("dataDisks")
                .Select((disk, index) => (disk, index))
                .Where(d => Inputs.Text(d.disk["encrypted"]) is not ("true" or "True"))
                .Select(d => ((PlannedResource?)pool,
                    $"data disk {d.index} ({Inputs.Text(d.disk["category"]) ?? "a disk"}) is not encrypted, while the stack has a KMS key that encrypts its Secrets and system disks: Flink's local state (RocksDB) would be the one copy in plain; allowed: encrypted true ({ConfigKeys.Section("compute")}.workerPools[].dataDisk.encrypted: true, its default)")));
        });

    /// <summary>
    /// state-bucket-locked-down: The state bucket is private (a BucketAcl), blocks public access, is
    /// encrypted and versioned, and expires noncurrent versions and incomplete uploads.
    /// </summary>
    // Shape: terraform-provider-alicloud v1.285.0 deprecates the bucket's own `acl` (since 1.220.0) for
    // alicloud_oss_bucket_acl; alicloud_oss_bucket_public_access_block blocks public ACLs and policies; a
    // versioned bucket without a noncurrent-version expiration keeps every checkpoint Flink deleted.
    public static StackPolicy StateBucketLockedDown(EnforcementLevel level = EnforcementLevel.Mandatory)
        => StackPolicy.OnEach(DiagnosticCatalogue.StateBucketLockedDown, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Oss.Bucket), (bucket, input) =>
            {
                var problems = new List<string>();
                if (bucket.Text("acl") is { } deprecatedAcl)
                    problems.Add($"acl {deprecatedAcl} on the bucket, deprecated since provider 1.220.0; allowed: no acl on the bucket, an {TypeTokens.AliCloud.Oss.BucketAcl} instead");
                var acls = OnBucket(input, TypeTokens.AliCloud.Oss.BucketAcl, bucket).ToList();
                if (acls.Count == 0)
                    problems.Add($"no {TypeTokens.AliCloud.Oss.BucketAcl} on the bucket; allowed: one with acl private");
                problems.AddRange(acls.Where(acl => acl.Text("acl") != "private").Select(acl => $"{acl.Name} sets acl {acl.Text("acl") ?? "(none)"}; allowed: private"));
                if (!OnBucket(input, TypeTokens.AliCloud.Oss.BucketPublicAccessBlock, bucket).Any(block => block.Flag("blockPublicAccess") == true))
                    problems.Add($"public access is not blocked; allowed: an {TypeTokens.AliCloud.Oss.BucketPublicAccessBlock} on the bucket with blockPublicAccess true");
                // OSS-managed keys (AES256, SM4) or a KMS key (KMS, the account's OSS key unless kmsMasterKeyId names one):
                // infra/Facts/Encryption.cs.
                var algorithm = Inputs.Text(bucket.At("serverSideEncryptionRule", "sseAlgorithm"));
                if (algorithm is null)
                    problems.Add($"no server-side encryption; allowed: serverSideEncryptionRule with {string.Join(", ", Encryption.SseAlgorithms)}");
                else if (!Encryption.SseAlgorithms.Contains(algorithm))
                    problems.Add($"server-side encryption {algorithm}, which OSS does not offer; allowed: {string.Join(", ", Encryption.SseAlgorithms)}");
                else if (algorithm != Encryption.SseKms && bucket.At("serverSideEncryptionRule", "kmsMasterKeyId") is not null)
                    problems.Add($"a kmsMasterKeyId with sseAlgorithm {algorithm}, which does not use it, so the objects are not encrypted with that key; allowed: sseAlgorithm {Encryption.SseKms} with the key");
                if (bucket.At("versioning", "status")?.GetValue<string>() != "Enabled")
                    problems.Add("versioning is off; allowed: versioning Enabled");
                var wholeBucketRules = bucket.Objects("lifecycleRules")
                    .Where(rule => rule["enabled"] is JsonValue enabled && enabled.TryGetValue<bool>(out var on) && on
                        && string.IsNullOrEmpty(rule.Field("prefix")) && rule["filter"] is null)
                    .ToList();
                if (!wholeBucketRules.Any(rule => HasDays(rule, "noncurrentVersionExpirations")))
                    problems.Add("no lifecycle rule expires noncurrent versions, so every checkpoint Flink deletes stays stored and billed; allowed: an enabled rule for the whole bucket with noncurrentVersionExpirations (blink-infra:engine.stateRetention.noncurrentVersionDays)");
                if (!wholeBucketRules.Any(rule => HasDays(rule, "abortMultipartUploads")))
                    problems.Add("no lifecycle rule aborts incomplete multipart uploads, whose parts stay billed; allowed: an enabled rule for the whole bucket with abortMultipartUploads (blink-infra:engine.stateRetention.incompleteUploadDays)");
                return problems;
            });

    /// <summary>The resources of a type that configure this bucket: by its name, or through a dependency of their `bucket` input on it.</summary>
    private static IEnumerable<PlannedResource> OnBucket(PolicyInput input, string type, PlannedResource bucket)
        => input.OfType(type).Where(r => (r.Text("bucket") is { } name && name == bucket.Text("bucket"))
            || (r.PropertyDependencies.TryGetValue("bucket", out var on) && on.Contains(bucket.Ref)));

    private static bool HasDays(JsonObject rule, string action)
        => rule[action] is JsonArray actions && actions.OfType<JsonObject>().Any(a => a["days"] is JsonValue days && days.GetValueKind() == System.Text.Json.JsonValueKind.Number);

    /// <summary>state-bucket-protected: The state bucket is protected from deletion by Pulumi.</summary>
    public static ResourcePolicy StateBucketProtected(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.StateBucketProtected, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Oss.Bucket), bucket =>
                bucket.Protect ? Array.Empty<string>() : new[] { "the bucket is not protected; allowed: protect: true" });

    /// <summary>
    /// secrets-key-kept: The KMS key a cluster encrypts its Secrets with is a symmetric key the stack keeps: protected
    /// from deletion by Pulumi and enabled.
    /// </summary>
    // ACK, "Use KMS to encrypt Kubernetes Secrets": never disable or delete the key, or the API server cannot read
    // Secrets and service accounts; a symmetric Aliyun_AES_256 key (infra/Facts/Encryption.cs). A key the stack does not
    // declare (a given keyId) is its owner's to keep: nothing to check here.
    public static StackPolicy SecretsKeyKept(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.SecretsKeyKept, level, input =>
            input.OfType(TypeTokens.AliCloud.CS.ManagedKubernetes)
                .SelectMany(cluster => cluster.PropertyDependencies.TryGetValue("encryptionProviderKey", out var on) ? on : ImmutableArray<ResourceRef>.Empty)
                .Distinct()
                .SelectMany(reference => input.OfType(TypeTokens.AliCloud.Kms.Key).Where(key => key.Ref == reference))
                .SelectMany(key => KeyKept(key).Select(problem => ((PlannedResource?)key, problem))));

    private static IEnumerable<string> KeyKept(PlannedResource key)
    {
        if (!key.Protect)
            yield return "the cluster's Secrets key is not protected, and deleting it leaves the API server unable to read Secrets; allowed: protect: true";
        if (key.Text("status") is { } status && status != "Enabled")
            yield return $"the cluster's Secrets key is {status}, and the API server cannot read Secrets without it; allowed: status Enabled";
        if (key.Text("keySpec") is { } spec && spec != Encryption.KeySpec)
            yield return $"key spec {spec}; allowed: {Encryption.KeySpec}, the symmetric key ACK's Secrets encryption takes";
    }

    /// <summary>no-plaintext-secrets: No credential travels as plain text in an input.</summary>
    public static StackPolicy NoPlaintextSecrets(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.NoPlaintextSecrets, level, input =>
            input.Resources.SelectMany(resource => PlainSecrets(resource.Inputs, "")
                .Select(path => ((PlannedResource?)resource, $"input {path} holds a credential in plain text; allowed: a Pulumi secret"))));

    /// <summary>flink-reads-oss-through-rrsa: Session clusters whose jobs checkpoint to the bucket run an image that can read it through RRSA.</summary>
    // Stock Flink 1.20's OSS filesystem reads access keys only; RRSA support is an open change (FLINK-38987).
    // With HA, blink-ha's mandatory ha-metadata-readable-through-rrsa covers the same session cluster.
    public static StackPolicy FlinkReadsOssThroughRrsa(EnforcementLevel level = EnforcementLevel.Advisory)
        => StackPolicy.OnEach(DiagnosticCatalogue.FlinkReadsOssThroughRrsa, level,
            ImmutableArray.Create(FlinkDefaults.DeploymentType), (deployment, input) =>
            {
                var name = deployment.At("metadata", "name")?.GetValue<string>();
                var haOnBucket = deployment.At("spec", "flinkConfiguration", "high-availability.storageDir") is not null;
                var runsJobs = input.OfType(FlinkDefaults.SessionJobType).Any(job => job.At("spec", "deploymentName")?.GetValue<string>() == name);
                var image = deployment.At("spec", "image")?.GetValue<string>();
                if (haOnBucket || !runsJobs || image is null || !FlinkDefaults.IsStockImage(image))
                    return Array.Empty<string>();
                return new[] { $"the stock image {image} cannot read OSS with RRSA credentials (FLINK-38987), which its jobs' checkpoints need; allowed: blink-infra:engine.image with an RRSA-capable credentials provider (images/flink-rrsa/), named in blink-infra:engine.flinkConfiguration {FlinkDefaults.OssCredentialsProvider}" };
            });

    /// <summary>operator-reads-oss-jars: The operator can download session jobs' jars from oss://.</summary>
    public static StackPolicy OperatorReadsOssJars(EnforcementLevel level = EnforcementLevel.Advisory)
        => StackPolicy.OnEach(DiagnosticCatalogue.OperatorReadsOssJars, level,
            ImmutableArray.Create(TypeTokens.Kubernetes.Helm.V3.Release), (release, input) =>
            {
                if (release.Text("chart") != FlinkDefaults.OperatorChart)
                    return Array.Empty<string>();
                var ossJobs = input.OfType(FlinkDefaults.SessionJobType).Count(job => job.At("spec", "job", "jarURI")?.GetValue<string>()?.StartsWith("oss://", StringComparison.Ordinal) == true);
                // No image.repository: the chart's own (ghcr.io), the stock image.
                var repository = release.At("values", "image", "repository")?.GetValue<string>() ?? ImageSources.OperatorChartImage;
                if (ossJobs == 0 || !FlinkDefaults.IsStockOperatorImage(repository, release.At("values", "image", "tag")?.GetValue<string>()))
                    return Array.Empty<string>();
                return new[] { $"{ossJobs} session job(s) load jars from oss://, which the stock operator image cannot read (no filesystem plugin, FLINK-30851); allowed: blink-infra:engine.operatorImage with flink-oss-fs-hadoop under plugins/ (images/flink-operator-oss/)" };
            });

    private static IEnumerable<string> PlainSecrets(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    // Credentials by the documented names and patterns (infra/Facts/SecretNames.cs), the config's checks' own.
                    var secretish = SecretNames.IsSecret(key);
                    // An empty string holds no credential: it is what a provider fills in for one not given
                    // (pulumi-kubernetes' Helm release records repositoryOpts.password: "").
                    if (secretish && value is JsonValue plain && plain.TryGetValue<string>(out var text) && text.Length > 0 && text != Secrets.Mask)
                        yield return childPath;
                    else if (key == "stringData" && value is JsonObject data && data.Any(kv => kv.Value is not JsonValue v || !v.TryGetValue<string>(out var s) || (s.Length > 0 && s != Secrets.Mask)))
                        yield return childPath;
                    else
                        foreach (var nested in PlainSecrets(value, childPath))
                            yield return nested;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    foreach (var nested in PlainSecrets(array[i], $"{path}[{i}]"))
                        yield return nested;
                break;
        }
    }
}
