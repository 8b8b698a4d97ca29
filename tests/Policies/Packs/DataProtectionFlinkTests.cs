using System.Collections.Generic;
using BlinkInfra.Engine;
using BlinkInfra.Facts;
using BlinkInfra.Policies.Packs;
using NUnit.Framework;
using Pulumi.AliCloud.Oss;
using static BlinkInfra.Tests.Policies.Packs.PolicyFixture;

namespace BlinkInfra.Tests.Policies.Packs;

/// <summary>blink-data-protection's bucket and Flink policies on minimal resource sets.</summary>
public class DataProtectionFlinkTests
{
    public static readonly IEnumerable<string> Covered = new[] { "state-bucket-locked-down", "flink-reads-oss-through-rrsa", "operator-reads-oss-jars" };

    private static PlannedResource Session(string image, bool ha)
    {
        var configuration = ha ? """{"high-availability.type":"kubernetes","high-availability.storageDir":"oss://state/ha"}""" : "{}";
        return Resource(FlinkResources.DeploymentType, "session-cpu",
            "{\"metadata\":{\"name\":\"session-cpu\"},\"spec\":{\"image\":\"" + image + "\",\"flinkConfiguration\":" + configuration + "}}");
    }

    private static PlannedResource Job(string jarUri)
        => Resource(FlinkResources.SessionJobType, "job", "{\"spec\":{\"deploymentName\":\"session-cpu\",\"job\":{\"jarURI\":\"" + jarUri + "\"}}}");

    [Test]
    public void A_private_encrypted_versioned_bucket_passes_and_each_gap_is_named()
    {
        var policy = DataProtectionPack.StateBucketLockedDown();

        Assert.That(Found(policy, Input(Resource(Token<Bucket>(), "state",
            """{"acl":"private","serverSideEncryptionRule":{"sseAlgorithm":"AES256"},"versioning":{"status":"Enabled"}}"""))), Is.Empty);
        Assert.That(Found(policy, Input(Resource(Token<Bucket>(), "state", """{"acl":"public-read"}"""))), Is.EqualTo(new[]
        {
            "state: acl public-read; allowed: private",
            "state: no server-side encryption; allowed: serverSideEncryptionRule with AES256 or KMS",
            "state: versioning is off; allowed: versioning Enabled",
        }));
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
        var stock = Resource(Token<Pulumi.Kubernetes.Helm.V3.Release>(), "operator", chart + "\"values\":{}}");
        var own = Resource(Token<Pulumi.Kubernetes.Helm.V3.Release>(), "operator", chart + "\"values\":{\"image\":{\"repository\":\"registry.example/operator\"}}}");

        Assert.That(Found(policy, Input(stock, Job("https://example.com/a.jar"))), Is.Empty);
        Assert.That(Found(policy, Input(own, Job("oss://state/udf/a.jar"))), Is.Empty);
        Assert.That(Found(policy, Input(stock, Job("oss://state/udf/a.jar"))), Is.EqualTo(new[]
        {
            "operator: 1 session job(s) load jars from oss://, which the stock operator image cannot read (no filesystem plugin, FLINK-30851); allowed: blink-infra:engine.operatorImage with flink-oss-fs-hadoop under plugins/ (images/flink-operator-oss/)",
        }));
    }
}
