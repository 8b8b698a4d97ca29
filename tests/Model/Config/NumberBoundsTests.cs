using System.Linq;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>Every number the config takes has bounds, and sums of them are computed so they cannot overflow.</summary>
public class NumberBoundsTests
{
    private const string Network = TestStacks.SmallClusterAndNetwork;

    private static string[] Errors(string compute, string engine = "")
        => SpecLoader.TryLoad(StackRunner.Stack(Network + "\n  blink-infra:compute:\n" + compute + engine).ToRaw(), StackRunner.NoPolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public void A_pool_larger_than_any_cluster_is_refused_before_anything_is_added_up()
    {
        Assert.That(Errors("    workerPools:\n      - {name: a, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2147483647}\n      - {name: b, family: g7, instanceTypes: [ecs.g7.xlarge], minNodes: 1, maxNodes: 2147483647}\n"), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].nodes = \"2147483647\": allowed: 1 to 1000",
            "blink-infra:compute.workerPools[1].maxNodes = \"2147483647\": more workers than a cluster may have; allowed: 1 to 1000",
        }));
        Assert.That(Errors("    workerPools:\n      - {name: a, family: g7, instanceTypes: [ecs.g7.xlarge], computeUnits: 2147483647}\n"), Is.EqualTo(new[]
        {
            $"blink-infra:compute.workerPools[0].computeUnits = \"2147483647\": allowed: 1 to {WorkerPoolValidator.MaxComputeUnits} (the pools' workers are 2 to 1000 in all)",
        }));
    }

    [Test]
    public void Pools_each_within_bounds_whose_sum_is_not_are_refused_by_their_total()
    {
        Assert.That(Errors("    workerPools:\n      - {name: a, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 1000}\n      - {name: b, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 1000}\n"), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools = \"[a, b]\": the pools have up to 2000 workers; allowed: 2 to 1000 workers in total",
        }));
    }

    [Test]
    public void Engine_numbers_have_bounds()
    {
        const string pools = "    workerPools:\n      - {name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2}\n";
        Assert.That(Errors(pools, "  blink-infra:engine:\n    jobManagerReplicas: 4\n    checkpointIntervalSeconds: 2147483647\n    jobs: [{name: j, pool: cpu, jarPath: udf/j.jar, parallelism: 100000}]\n"), Is.EqualTo(new[]
        {
            "blink-infra:engine.jobManagerReplicas = \"4\": allowed: 1, or 2 to 3 with blink-infra:compute.highAvailability (one JobManager per master zone)",
            "blink-infra:engine.checkpointIntervalSeconds = \"2147483647\": allowed: seconds between checkpoints, at most 86400 (a day), or 0 to turn checkpoints off",
            "blink-infra:engine.jobs[0].parallelism = \"100000\": allowed: 1 to 32768, Flink's largest parallelism",
        }));
    }
}

/// <summary>Free text the cloud or Kubernetes limits, refused past its limit naming the key.</summary>
public class TextLimitTests
{
    [Test]
    public void A_driver_version_longer_than_a_label_value_is_refused()
    {
        var yaml = StackRunner.DevConfig.Replace("      - name: cpu\n        family: g7\n        instanceTypes: [ecs.g7.xlarge]\n        nodes: 2",
            "      - name: cpu\n        family: g7\n        instanceTypes: [ecs.g7.xlarge]\n        nodes: 2\n      - {name: gpu, family: gn7i, instanceTypes: [ecs.gn7i-c16g1.4xlarge], nodes: 1, gpuDriverVersion: \"1." + new string('1', 70) + "\"}");
        var errors = SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), StackRunner.NoPolicyNames).Errors.Select(e => e.Message);

        Assert.That(errors, Has.One.EndWith("not an NVIDIA driver version; allowed: a version ACK offers, such as 535.161.08 (a label value: at most 63 characters)"));
    }
}
