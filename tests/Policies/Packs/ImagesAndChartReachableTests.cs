using System.Collections.Generic;
using BlinkInfra.Facts;
using BlinkInfra.Policies.Packs;
using NUnit.Framework;
using static BlinkInfra.Tests.Policies.Packs.PolicyFixture;

namespace BlinkInfra.Tests.Policies.Packs;

/// <summary>blink-isolation's images-and-chart-reachable on minimal resource sets.</summary>
public class ImagesAndChartReachableTests
{
    public static readonly IEnumerable<string> Covered = new[] { "images-and-chart-reachable" };

    private static PlannedResource Session(string image)
        => Resource(FlinkDefaults.DeploymentType, "session-cpu", "{\"spec\":{\"image\":\"" + image + "\"}}");

    private static PlannedResource Operator(string values, string repo = "https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/")
        => Resource(TypeTokens.Kubernetes.Helm.V3.Release, "operator",
            "{\"chart\":\"flink-kubernetes-operator\",\"repositoryOpts\":{\"repo\":\"" + repo + "\"},\"values\":" + values + "}");

    [Test]
    public void Without_internet_egress_images_on_the_regions_acr_vpc_endpoints_pass()
    {
        var policy = IsolationPack.ImagesAndChartReachable();

        Assert.That(Found(policy, Input(Session("registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink:1.20.1-scala_2.12-java17"),
            Session("crpi-abc123-vpc.cn-hangzhou.personal.cr.aliyuncs.com/acme/flink:1.20.1-rrsa"),
            Operator("""{"image":{"repository":"registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink-kubernetes-operator","tag":"1.15.0"}}"""))), Is.Empty);
    }

    [Test]
    public void Without_internet_egress_public_registries_other_regions_and_the_charts_default_image_are_named()
    {
        var policy = IsolationPack.ImagesAndChartReachable();

        Assert.That(Found(policy, Input(Session("flink:1.20.1-scala_2.12-java17"), Session("registry-vpc.cn-shanghai.aliyuncs.com/acme/flink:1"),
            Session("registry.cn-hangzhou.aliyuncs.com/acme/flink:1"), Operator("{}"))), Is.EqualTo(new[]
        {
            "session-cpu: image flink:1.20.1-scala_2.12-java17 is on docker.io, which the nodes reach only through the internet, and the stack has no internet egress; allowed: an image on the region's ACR VPC endpoint (registry-vpc.cn-hangzhou.aliyuncs.com/..., blink-infra:engine.registry or engine.image), or blink-infra:network.internetEgress.enabled true",
            "session-cpu: image registry-vpc.cn-shanghai.aliyuncs.com/acme/flink:1 is on registry-vpc.cn-shanghai.aliyuncs.com, which the nodes reach only through the internet, and the stack has no internet egress; allowed: an image on the region's ACR VPC endpoint (registry-vpc.cn-hangzhou.aliyuncs.com/..., blink-infra:engine.registry or engine.image), or blink-infra:network.internetEgress.enabled true",
            "session-cpu: image registry.cn-hangzhou.aliyuncs.com/acme/flink:1 is on registry.cn-hangzhou.aliyuncs.com, which the nodes reach only through the internet, and the stack has no internet egress; allowed: an image on the region's ACR VPC endpoint (registry-vpc.cn-hangzhou.aliyuncs.com/..., blink-infra:engine.registry or engine.image), or blink-infra:network.internetEgress.enabled true",
            "operator: image ghcr.io/apache/flink-kubernetes-operator is on ghcr.io, which the nodes reach only through the internet, and the stack has no internet egress; allowed: an image on the region's ACR VPC endpoint (registry-vpc.cn-hangzhou.aliyuncs.com/..., blink-infra:engine.registry or engine.operatorImage), or blink-infra:network.internetEgress.enabled true",
        }));
    }

    [Test]
    public void Without_internet_egress_the_checkpoint_cleaners_image_is_checked_too()
    {
        var policy = IsolationPack.ImagesAndChartReachable();
        PlannedResource Cleaner(string image) => Resource(TypeTokens.Kubernetes.Batch.V1.CronJob, "cleaner",
            "{\"spec\":{\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"cleaner\",\"image\":\"" + image + "\"}]}}}}}}");

        Assert.That(Found(policy, Input(Cleaner("registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/blink-checkpoint-cleaner:1.0.0"))), Is.Empty);
        Assert.That(Found(policy, Input(Cleaner("python:3.12-slim"))), Is.EqualTo(new[]
        {
            "cleaner: image python:3.12-slim is on docker.io, which the nodes reach only through the internet, and the stack has no internet egress; allowed: an image on the region's ACR VPC endpoint (registry-vpc.cn-hangzhou.aliyuncs.com/..., blink-infra:engine.registry or engine.checkpointCleanup.image), or blink-infra:network.internetEgress.enabled true",
        }));
    }

    [Test]
    public void With_internet_egress_any_registry_passes_but_a_chart_on_a_current_releases_host_never_does()
    {
        var policy = IsolationPack.ImagesAndChartReachable();
        var egress = Settings(internetEgress: true);

        Assert.That(Found(policy, Input(egress, Session("flink:1.20.1-scala_2.12-java17"), Operator("{}"))), Is.Empty);
        Assert.That(Found(policy, Input(egress, Operator("{}", "https://downloads.apache.org/flink/flink-kubernetes-operator-1.15.0/"))), Is.EqualTo(new[]
        {
            "operator: the chart repository https://downloads.apache.org/flink/flink-kubernetes-operator-1.15.0/ keeps only current releases (the ASF moves superseded ones to archive.apache.org), and the provider fetches the chart on every preview and up; allowed: a permanent location such as https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/ (blink-infra:engine.operatorChartRepository)",
        }));
    }
}
