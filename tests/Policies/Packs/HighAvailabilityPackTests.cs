using System.Collections.Generic;
using BlinkInfra.Engine;
using BlinkInfra.Policies.Packs;
using NUnit.Framework;
using Pulumi.AliCloud.Ecs;
using static BlinkInfra.Tests.Policies.Packs.PolicyFixture;

namespace BlinkInfra.Tests.Policies.Packs;

/// <summary>blink-ha's policies on minimal resource sets.</summary>
public class HighAvailabilityPackTests
{
    public static readonly IEnumerable<string> Covered = new[] { "three-masters-three-zones", "jobmanager-ha-on-bucket" };

    private static PlannedResource Master(string name, string zone)
        => Resource(Token<Instance>(), name, $$$"""{"availabilityZone":"{{{zone}}}","tags":{"blink.io/role":"master"}}""");

    private static PlannedResource Session(string flinkConfiguration, int replicas)
        => Resource(FlinkResources.DeploymentType, "session",
            "{\"spec\":{\"flinkConfiguration\":" + flinkConfiguration + ",\"jobManager\":{\"replicas\":" + replicas + "}}}");

    [Test]
    public void Three_masters_in_three_zones_pass_and_two_zones_fail()
    {
        var policy = HighAvailabilityPack.ThreeMastersThreeZones();
        var ha = Settings(highAvailability: true);

        Assert.That(Found(policy, Input(ha, Master("m1", "cn-hangzhou-h"), Master("m2", "cn-hangzhou-i"), Master("m3", "cn-hangzhou-j"))), Is.Empty);
        Assert.That(Found(policy, Input(Settings(highAvailability: false), Master("m1", "cn-hangzhou-h"))), Is.Empty, "not in HA mode");
        Assert.That(Found(policy, Input(ha, Master("m1", "cn-hangzhou-h"), Master("m2", "cn-hangzhou-h"), Master("m3", "cn-hangzhou-j"))),
            Is.EqualTo(new[] { "stack: high availability has 3 master(s) in 2 zone(s); allowed: 3 masters in 3 distinct zones" }));
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
}
