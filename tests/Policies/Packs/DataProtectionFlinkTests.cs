using System.Collections.Generic;
using BlinkInfra.Facts;
using BlinkInfra.Policies.Packs;
using NUnit.Framework;
using static BlinkInfra.Tests.Policies.Packs.PolicyFixture;

namespace BlinkInfra.Tests.Policies.Packs;

/// <summary>blink-data-protection's bucket and Flink policies on minimal resource sets.</summary>
public class DataProtectionFlinkTests
{
    public static readonly IEnumerable<string> Covered = new[] { "state-bucket-locked-down", "flink-reads-oss-through-rrsa", "operator-reads-oss-jars" };

    private static PlannedResource Session(string image, bool ha)
    {
        var configuration = ha ? """{"high-availability.type":"kubernetes","high-availability.storageDir":"oss://state/ha"}""" : "{}";
        return Resource(FlinkDefaults.DeploymentType, "session-cpu",
            "{\"metadata\":{\"name\":\"session-cpu\"},\"spec\":{\"image\":\"" + image + "\",\"flinkConfiguration\":" + configuration + "}}");
    }

    private static PlannedResource Job(string jarUri)
        => Resource(FlinkDefaults.SessionJobType, "job", "{\"spec\":{\"deploymentName\":\"session-cpu\",\"job\":{\"jarURI\":\"" + jarUri + "\"}}}");

    private const string LockedDownBucket = """{"bucket":"state","serverSideEncryptionRule":{"sseAlgorithm":"AES256"},"versioning":{"status":"Enabled"},"lifecycleRules":[{"id":"r","enabled":true,"noncurrentVersionExpirations":[{"days":7}],"abortMultipartUploads":[{"days":1}]}]}""";

    [Test]
    public void A_bucket_with_a_private_acl_blocked_public_access_encryption_versioning_and_lifecycle_passes()
    {
        var policy = DataProtectionPack.StateBucketLockedDown();

        Assert.That(Found(policy, Input(Resource(TypeTokens.AliCloud.Oss.Bucket, "state", LockedDownBucket),
            Resource(TypeTokens.AliCloud.Oss.BucketAcl, "acl", """{"bucket":"state","acl":"private"}"""),
            Resource(TypeTokens.AliCloud.Oss.BucketPublicAccessBlock, "block", """{"bucket":"state","blockPublicAccess":true}"""))), Is.Empty);
    }

    [TestCase("""{"sseAlgorithm":"KMS","kmsMasterKeyId":"key-hzz62f1cb66fa42qo1a2b"}""")]
    [TestCase("""{"sseAlgorithm":"KMS"}""")]
    [TestCase("""{"sseAlgorithm":"SM4"}""")]
    public void A_bucket_encrypted_with_kms_or_an_oss_managed_key_passes(string rule)
    {
        var policy = DataProtectionPack.StateBucketLockedDown();
        var bucket = LockedDownBucket.Replace("""{"sseAlgorithm":"AES256"}""", rule, System.StringComparison.Ordinal);

        Assert.That(Found(policy, Input(Resource(TypeTokens.AliCloud.Oss.Bucket, "state", bucket),
            Resource(TypeTokens.AliCloud.Oss.BucketAcl, "acl", """{"bucket":"state","acl":"private"}"""),
            Resource(TypeTokens.AliCloud.Oss.BucketPublicAccessBlock, "block", """{"bucket":"state","blockPublicAccess":true}"""))), Is.Empty);
    }

    [TestCase("""{"sseAlgorithm":"aws:kms"}""", "state: server-side encryption aws:kms, which OSS does not offer; allowed: AES256, KMS, SM4")]
    [TestCase("""{"sseAlgorithm":"AES256","kmsMasterKeyId":"key-hzz62f1cb66fa42qo1a2b"}""", "state: a kmsMasterKeyId with sseAlgorithm AES256, which does not use it, so the objects are not encrypted with that key; allowed: sseAlgorithm KMS with the key")]
    public void An_unknown_algorithm_or_a_key_the_algorithm_ignores_is_named(string rule, string expected)
    {
        var policy = DataProtectionPack.StateBucketLockedDown();
        var bucket = LockedDownBucket.Replace("""{"sseAlgorithm":"AES256"}""", rule, System.StringComparison.Ordinal);

        Assert.That(Found(policy, Input(Resource(TypeTokens.AliCloud.Oss.Bucket, "state", bucket),
            Resource(TypeTokens.AliCloud.Oss.BucketAcl, "acl", """{"bucket":"state","acl":"private"}"""),
            Resource(TypeTokens.AliCloud.Oss.BucketPublicAccessBlock, "block", """{"bucket":"state","blockPublicAccess":true}"""))), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Each_gap_of_the_bucket_is_named()
    {
        var policy = DataProtectionPack.StateBucketLockedDown();

        // The deprecated acl on the bucket, the ACL and the block on another bucket, no encryption,
        // versioning or lifecycle rule.
        Assert.That(Found(policy, Input(Resource(TypeTokens.AliCloud.Oss.Bucket, "state", """{"bucket":"state","acl":"private"}"""),
            Resource(TypeTokens.AliCloud.Oss.BucketAcl, "acl", """{"bucket":"other","acl":"private"}"""),
            Resource(TypeTokens.AliCloud.Oss.BucketPublicAccessBlock, "block", """{"bucket":"other","blockPublicAccess":true}"""))), Is.EqualTo(new[]
        {
            "state: acl private on the bucket, deprecated since provider 1.220.0; allowed: no acl on the bucket, an alicloud:oss/bucketAcl:BucketAcl instead",
            "state: no alicloud:oss/bucketAcl:BucketAcl on the bucket; allowed: one with acl private",
            "state: public access is not blocked; allowed: an alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock on the bucket with blockPublicAccess true",
            "state: no server-side encryption; allowed: serverSideEncryptionRule with AES256, KMS, SM4",
            "state: versioning is off; allowed: versioning Enabled",
            "state: no lifecycle rule expires noncurrent versions, so every checkpoint Flink deletes stays stored and billed; allowed: an enabled rule for the whole bucket with noncurrentVersionExpirations (blink-infra:engine.stateRetention.noncurrentVersionDays)",
            "state: no lifecycle rule aborts incomplete multipart uploads, whose parts stay billed; allowed: an enabled rule for the whole bucket with abortMultipartUploads (blink-infra:engine.stateRetention.incompleteUploadDays)",
        }));
    }

    [Test]
    public void A_public_acl_an_unblocking_block_and_rules_for_part_of_the_bucket_or_disabled_are_named()
    {
        var policy = DataProtectionPack.StateBucketLockedDown();
        var partial = LockedDownBucket.Replace("\"id\":\"r\",\"enabled\":true", "\"id\":\"r\",\"enabled\":true,\"prefix\":\"checkpoints/\"", System.StringComparison.Ordinal);
        var disabled = LockedDownBucket.Replace("\"enabled\":true", "\"enabled\":false", System.StringComparison.Ordinal);
        var gaps = new[]
        {
            "state: acl public-read sets acl public-read; allowed: private",
            "state: public access is not blocked; allowed: an alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock on the bucket with blockPublicAccess true",
            "state: no lifecycle rule expires noncurrent versions, so every checkpoint Flink deletes stays stored and billed; allowed: an enabled rule for the whole bucket with noncurrentVersionExpirations (blink-infra:engine.stateRetention.noncurrentVersionDays)",
            "state: no lifecycle rule aborts incomplete multipart uploads, whose parts stay billed; allowed: an enabled rule for the whole bucket with abortMultipartUploads (blink-infra:engine.stateRetention.incompleteUploadDays)",
        };

        foreach (var bucket in new[] { partial, disabled })
        {
            Assert.That(Found(policy, Input(Resource(TypeTokens.AliCloud.Oss.Bucket, "state", bucket),
                Resource(TypeTokens.AliCloud.Oss.BucketAcl, "acl public-read", """{"bucket":"state","acl":"public-read"}"""),
                Resource(TypeTokens.AliCloud.Oss.BucketPublicAccessBlock, "block", """{"bucket":"state","blockPublicAccess":false}"""))), Is.EqualTo(gaps));
        }
    }

    [Test]
    public void The_stock_image_is_named_where_a_session_cluster_without_ha_runs_jobs()
    {
        var policy = DataProtectionPack.FlinkReadsOssThroughRrsa();

        Assert.That(Found(policy, Input(Session(FlinkDefaults.Image, ha: false))), Is.Empty, "no jobs: the bucket is not needed");
        Assert.That(Found(policy, Input(Session("registry.example/flink-rrsa:1.20", ha: false), Job("oss://state/udf/a.jar"))), Is.Empty, "an image of the stack's own");
        Assert.That(Found(policy, Input(Session(FlinkDefaults.Image, ha: true), Job("oss://state/udf/a.jar"))), Is.Empty, "with HA, ha-metadata-readable-through-rrsa decides, mandatorily");
        Assert.That(Found(policy, Input(Session(FlinkDefaults.Image, ha: false), Job("oss://state/udf/a.jar"))), Is.EqualTo(new[]
        {
            $"session-cpu: the stock image {FlinkDefaults.Image} cannot read OSS with RRSA credentials (FLINK-38987), which its jobs' checkpoints need; allowed: blink-infra:engine.image with an RRSA-capable credentials provider (images/flink-rrsa/), named in blink-infra:engine.flinkConfiguration {FlinkDefaults.OssCredentialsProvider}",
        }));
    }

    [Test]
    public void The_stock_operator_is_named_where_jobs_load_jars_from_oss()
    {
        var policy = DataProtectionPack.OperatorReadsOssJars();
        var chart = "{\"chart\":\"" + FlinkDefaults.OperatorChart + "\",";
        var stock = Resource(TypeTokens.Kubernetes.Helm.V3.Release, "operator", chart + "\"values\":{}}");
        var own = Resource(TypeTokens.Kubernetes.Helm.V3.Release, "operator", chart + "\"values\":{\"image\":{\"repository\":\"registry.example/operator\"}}}");

        Assert.That(Found(policy, Input(stock, Job("https://example.com/a.jar"))), Is.Empty);
        Assert.That(Found(policy, Input(own, Job("oss://state/udf/a.jar"))), Is.Empty);
        Assert.That(Found(policy, Input(stock, Job("oss://state/udf/a.jar"))), Is.EqualTo(new[]
        {
            "operator: 1 session job(s) load jars from oss://, which the stock operator image cannot read (no filesystem plugin, FLINK-30851); allowed: blink-infra:engine.operatorImage with flink-oss-fs-hadoop under plugins/ (images/flink-operator-oss/)",
        }));
    }
}
