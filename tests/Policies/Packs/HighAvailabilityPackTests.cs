using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Facts;
using BlinkInfra.Policies.Packs;
using NUnit.Framework;
using static BlinkInfra.Tests.Policies.Packs.PolicyFixture;

namespace BlinkInfra.Tests.Policies.Packs;

/// <summary>blink-ha's policies on minimal resource sets.</summary>
public class HighAvailabilityPackTests
{
    public static readonly IEnumerable<string> Covered = new[] { "three-masters-three-zones", "jobmanager-ha-on-bucket", "ha-metadata-readable-through-rrsa" };

    private static PlannedResource MastersPool(string desiredSize, string[] vswitchIds, string? multiAzPolicy = "BALANCE", string? deploymentSetId = "ds")
    {
        var inputs = new System.Text.Json.Nodes.JsonObject
        {
            ["desiredSize"] = desiredSize,
            ["vswitchIds"] = new System.Text.Json.Nodes.JsonArray(System.Array.ConvertAll(vswitchIds, v => (System.Text.Json.Nodes.JsonNode?)v)),
            ["labels"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"key":"blink.io/role","value":"master"}]"""),
        };
        if (multiAzPolicy != null)
            inputs["multiAzPolicy"] = multiAzPolicy;
        if (deploymentSetId != null)
            inputs["deploymentSetId"] = deploymentSetId;
        return Resource(TypeTokens.AliCloud.CS.NodePool, "masters", inputs.ToJsonString());
    }

    private static PlannedResource Session(string flinkConfiguration, int replicas)
        => Resource(FlinkDefaults.DeploymentType, "session",
            "{\"spec\":{\"flinkConfiguration\":" + flinkConfiguration + ",\"jobManager\":{\"replicas\":" + replicas + "}}}");

    [Test]
    public void A_masters_pool_of_three_balanced_nodes_in_a_deployment_set_passes_and_each_gap_is_named()
    {
        var policy = HighAvailabilityPack.ThreeMastersThreeZones();
        var ha = Settings(highAvailability: true);

        Assert.That(Found(policy, Input(ha, MastersPool("3", new[] { "vsw-h", "vsw-i", "vsw-j" }))), Is.Empty);
        Assert.That(Found(policy, Input(Settings(highAvailability: false), MastersPool("1", new[] { "vsw-h" }, null, null))), Is.Empty, "not in HA mode");
        Assert.That(Found(policy, Input(ha, MastersPool("3", new[] { "vsw-h", "vsw-h", "vsw-j" }, multiAzPolicy: null, deploymentSetId: null))), Is.EqualTo(new[]
        {
            "masters: high availability has 3 master(s) over 2 zone(s); allowed: desiredSize 3 over 3 vSwitches of distinct zones",
            "masters: multiAzPolicy (none) may place masters in one zone; allowed: BALANCE",
            "masters: no deployment set, so masters may share a physical server; allowed: deploymentSetId of a set with the Availability strategy",
        }));
        Assert.That(Found(policy, Input(ha)), Is.EqualTo(new[] { "stack: high availability has 0 master pool(s); allowed: one node pool labelled blink.io/role=master" }));
    }

    [Test]
    public void Ha_session_clusters_need_an_image_of_their_own_that_names_its_credentials_provider()
    {
        var policy = HighAvailabilityPack.HaMetadataReadableThroughRrsa();
        var ha = Settings(highAvailability: true);
        PlannedResource Session(string image, string extra)
            => Resource(FlinkDefaults.DeploymentType, "session",
                "{\"spec\":{\"image\":\"" + image + "\",\"flinkConfiguration\":{\"high-availability.storageDir\":\"oss://state/ha\"" + extra + "}}}");
        var provider = ",\"" + BlinkInfra.Facts.FlinkDefaults.OssCredentialsProvider + "\":\"io.example.Rrsa\"";

        Assert.That(Found(policy, Input(ha, Session("registry.example/flink-rrsa:1.20", provider))), Is.Empty);
        Assert.That(Found(policy, Input(ha, Session(BlinkInfra.Facts.FlinkDefaults.Image, provider))).Single(),
            Does.StartWith($"session: the stock image {BlinkInfra.Facts.FlinkDefaults.Image} cannot read OSS with RRSA credentials (FLINK-38987), so the JobManagers fail on high-availability.storageDir and never start; allowed: "));
        Assert.That(Found(policy, Input(ha, Session("registry.example/flink-rrsa:1.20", ""))).Single(),
            Does.StartWith($"session: no {BlinkInfra.Facts.FlinkDefaults.OssCredentialsProvider} is set, so Flink's OSS filesystem looks for access keys, so the JobManagers fail"));
    }

    [Test]
    public void Kubernetes_ha_on_the_bucket_with_a_standby_passes_and_each_gap_is_named()
    {
        var policy = HighAvailabilityPack.JobmanagerHaOnBucket();
        var ha = Settings(highAvailability: true, stateBucket: "state");

        Assert.That(Found(policy, Input(ha, Session("""{"high-availability.type":"kubernetes","high-availability.storageDir":"oss://state/ha"}""", 2))), Is.Empty);
        Assert.That(Found(policy, Input(ha, Session("{}", 1))), Is.EqualTo(new[]
        {
            "session: high-availability.type is not kubernetes; allowed: kubernetes",
            "session: high-availability.storageDir (none) is not on the state bucket; allowed: oss://state/...",
            "session: one JobManager only; allowed: 2 or more",
        }));
    }

    [Test]
    public void A_session_cluster_hosting_session_jobs_runs_exactly_one_jobmanager()
    {
        var policy = HighAvailabilityPack.JobmanagerHaOnBucket();
        var ha = Settings(highAvailability: true, stateBucket: "state");
        const string onBucket = """{"high-availability.type":"kubernetes","high-availability.storageDir":"oss://state/ha"}""";
        PlannedResource Named(int replicas) => Resource(FlinkDefaults.DeploymentType, "blink-flink-cpu",
            "{\"metadata\":{\"name\":\"session-cpu\"},\"spec\":{\"flinkConfiguration\":" + onBucket + ",\"jobManager\":{\"replicas\":" + replicas + "}}}");
        var job = Resource(FlinkDefaults.SessionJobType, "blink-job-orders", """{"metadata":{"name":"orders"},"spec":{"deploymentName":"session-cpu"}}""");
        var elsewhere = Resource(FlinkDefaults.SessionJobType, "blink-job-other", """{"metadata":{"name":"other"},"spec":{"deploymentName":"session-gpu"}}""");

        Assert.That(Found(policy, Input(ha, Named(1), job)), Is.Empty);
        Assert.That(Found(policy, Input(ha, Named(2), job)), Is.EqualTo(new[]
        {
            "blink-flink-cpu: 2 JobManagers for session jobs (orders): the operator uploads a job's jar and runs it in two requests through the rest Service, and a JobManager that did not receive the jar fails the run; allowed: 1 (Kubernetes HA restarts it from the bucket)",
        }));
        Assert.That(Found(policy, Input(ha, Named(1), elsewhere)), Is.EqualTo(new[] { "blink-flink-cpu: one JobManager only; allowed: 2 or more" }), "a job on another session cluster needs no standby-less session here");
    }
}

/// <summary>masters-pool-not-auto-repaired on minimal node pools.</summary>
public class MastersPoolAutoRepairTests
{
    public static readonly IEnumerable<string> Covered = new[] { "masters-pool-not-auto-repaired" };

    private static PlannedResource Pool(string role, string management)
        => Resource(TypeTokens.AliCloud.CS.NodePool, role, "{\"labels\":[{\"key\":\"blink.io/role\",\"value\":\"" + role + "\"}],\"management\":" + management + "}");

    [Test]
    public void The_masters_pool_auto_repaired_is_refused_and_nothing_else_is()
    {
        var policy = HighAvailabilityPack.MastersPoolNotAutoRepaired();

        Assert.That(policy.Level, Is.EqualTo(BlinkInfra.Config.EnforcementLevel.Mandatory));
        Assert.That(Found(policy, Input(Pool("master", """{"enable":true,"autoRepair":true,"autoUpgrade":false,"maxUnavailable":1}"""))), Is.EqualTo(new[]
        {
            "master: the masters' pool is auto-repaired: ACK would drain a JobManager's and the operator's node on its own; allowed: management.autoRepair false (blink-infra:maintenance.masters.autoRepair: false)",
        }));
        // Off, or on but the management itself off (auto_repair takes effect with enable only), or a worker pool's.
        Assert.That(Found(policy, Input(Pool("master", """{"enable":true,"autoRepair":false,"autoUpgrade":true}"""))), Is.Empty);
        Assert.That(Found(policy, Input(Pool("master", """{"enable":false,"autoRepair":true}"""))), Is.Empty);
        Assert.That(Found(policy, Input(Pool("worker", """{"enable":true,"autoRepair":true}"""))), Is.Empty);
    }
}
