using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Compute;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Plan;
using NUnit.Framework;
using Pulumi.Testing;

namespace BlinkInfra.Tests;

/// <summary>The compute slice: the ACK cluster, the masters and their pool, worker pools, and the sizing rules.</summary>
public class ComputeTests
{
    private const string ClusterType = "alicloud:cs/managedKubernetes:ManagedKubernetes";
    private const string NodePoolType = "alicloud:cs/nodePool:NodePool";
    private const string DeploymentSetType = "alicloud:ecs/ecsDeploymentSet:EcsDeploymentSet";

    private static string Stack(string compute, string zones = "[{id: cn-hangzhou-h}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]", string billing = "pay-as-you-go")
        => $"""
            config:
              blink-infra:cluster:
                name: blink-t
                region: cn-hangzhou
                billing: {billing}
              blink-infra:network:
                cidrBlock: 10.0.0.0/16
                vswitchPrefixLength: 22
                zones: {zones}
              blink-infra:compute:
            {string.Concat(compute.Split('\n').Select(line => "    " + line + "\n"))}
            """;

    private static string[] Errors(string yaml)
        => SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    private static ComputeSpec Spec(string yaml)
    {
        var (spec, errors) = SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames);
        Assert.That(errors.Select(e => e.Message), Is.Empty);
        return spec!.Compute;
    }

    private const string CpuPool = "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.2xlarge]\n    nodes: 3";

    private static IEnumerable<string> LabelsOf(MockResourceArgs pool)
        => ((ImmutableArray<object>)pool.Inputs["labels"]).Cast<ImmutableDictionary<string, object>>().Select(l => $"{l["key"]}={l["value"]}");

    private static IEnumerable<string> TaintsOf(MockResourceArgs pool)
        => pool.Inputs.TryGetValue("taints", out var taints)
            ? ((ImmutableArray<object>)taints).Cast<ImmutableDictionary<string, object>>().Select(t => $"{t["key"]}={t["value"]}:{t["effect"]}")
            : Enumerable.Empty<string>();

    private const string ElasticPool = "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.2xlarge]\n    nodes: 2\n  - name: elastic\n    family: c7\n    instanceTypes: [ecs.c7.2xlarge]\n    minNodes: 0\n    maxNodes: 10";

    [Test]
    public async Task An_autoscaling_pool_gets_the_clusters_autoscaler_and_fixed_pools_none()
    {
        var (_, elastic) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + ElasticPool));
        var autoscaler = elastic.OfType("alicloud:cs/autoscalingConfig:AutoscalingConfig").Single();
        Assert.That(autoscaler.Name, Is.EqualTo("blink-t-autoscaler"));
        Assert.That(autoscaler.Inputs, Is.EquivalentTo(new Dictionary<string, object>
        {
            ["clusterId"] = "blink-t-ack-id",
            ["scalerType"] = "cluster-autoscaler",
            ["expander"] = "least-waste",
            ["scaleDownEnabled"] = true,
            ["utilizationThreshold"] = "0.5",
            ["gpuUtilizationThreshold"] = "0.5",
            ["unneededDuration"] = "10m",
            ["coolDownDuration"] = "10m",
            ["scanInterval"] = "30s",
        }));

        var (_, fixedOnly) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool));
        Assert.That(fixedOnly.OfType("alicloud:cs/autoscalingConfig:AutoscalingConfig"), Is.Empty);
    }

    [Test]
    public async Task A_zone_added_to_a_pool_reaches_terway_through_the_pools_own_config_not_the_clusters_create_only_pod_vswitches()
    {
        // Issue 28.2: the cluster's podVswitchIds is applied at creation only, so Terway never used a zone added later. Each
        // pool's Terway config (read by its nodes, labelled terway-config) lists its zones' pod vSwitches, and a pool's nodes
        // are created after it.
        const string TwoZones = "highAvailability: false\nworkerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.2xlarge]\n    nodes: 3\n    zones: [cn-hangzhou-h, cn-hangzhou-i]";
        var before = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(TwoZones)));
        var after = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(TwoZones.Replace("[cn-hangzhou-h, cn-hangzhou-i]", "[cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j]", System.StringComparison.Ordinal))));

        string Config(BlinkInfra.Plan.StackPlan plan, string name) => plan.Resources.Single(r => r.Name == name).Inputs["data"]!["eni_conf"]!.GetValue<string>();
        Assert.That(Config(before, "blink-t-eni-config-cpu"), Is.EqualTo("""{"vswitches":{"cn-hangzhou-h":["${blink-t-pod-vsw-cn-hangzhou-h.id}"],"cn-hangzhou-i":["${blink-t-pod-vsw-cn-hangzhou-i.id}"]}}"""));
        Assert.That(Config(after, "blink-t-eni-config-cpu"), Is.EqualTo("""{"vswitches":{"cn-hangzhou-h":["${blink-t-pod-vsw-cn-hangzhou-h.id}"],"cn-hangzhou-i":["${blink-t-pod-vsw-cn-hangzhou-i.id}"],"cn-hangzhou-j":["${blink-t-pod-vsw-cn-hangzhou-j.id}"]}}"""));
        var configMap = after.Resources.Single(r => r.Name == "blink-t-eni-config-cpu");
        Assert.That(configMap.Inputs["metadata"]!.ToJsonString(), Is.EqualTo("""{"name":"blink-eni-cpu","namespace":"kube-system"}"""));
        var pool = after.Resources.Single(r => r.Name == "blink-t-pool-cpu");
        Assert.That(pool.DependsOn, Does.Contain(configMap.Ref), "Terway on a labelled node fails without its ConfigMap");
        Assert.That(pool.Inputs["labels"]!.AsArray().Select(l => $"{l!["key"]}={l["value"]}"), Does.Contain("terway-config=blink-eni-cpu"));
        // The masters' config lists the master zone's pod vSwitch beside the masters' group.
        Assert.That(Config(after, "blink-t-eni-config-masters"), Does.EndWith("""
            "vswitches":{"cn-hangzhou-h":["${blink-t-pod-vsw-cn-hangzhou-h.id}"]}}
            """));
    }

    [Test]
    public void Jobmanagers_that_may_share_a_master_machine_must_fit_it()
    {
        var pools = string.Concat(Enumerable.Range(1, 4).Select(i => $"\n  - name: p{i}\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 1"));
        Assert.That(Errors(Stack("highAvailability: false\nmasters:\n  instanceType: ecs.g7.xlarge\nworkerPools:" + pools)), Is.EqualTo(new[]
        {
            "blink-infra:compute.masters.instanceType = \"ecs.g7.xlarge\": 4 session clusters (one per worker pool) put up to 4 JobManagers of 1000m CPU and 2048Mi memory each on one master machine, beside the operator (500m CPU and 1024Mi memory): 4500m CPU and 9216Mi memory, and its pods have 3220m CPU and 11834Mi memory (infra/Facts/NodeAllocatable.cs); allowed: a larger master type, or fewer worker pools",
        }));
        Assert.That(Errors(Stack("highAvailability: false\nmasters:\n  instanceType: ecs.g7.2xlarge\nworkerPools:" + pools)), Is.Empty);
    }

    [Test]
    public void Autoscaling_on_subscription_billing_is_refused_naming_the_pool()
    {
        Assert.That(Errors(Stack("highAvailability: false\n" + ElasticPool, billing: "subscription")), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[1].maxNodes = \"10\": pool elastic autoscales on subscription billing (blink-infra:cluster.billing), whose machines ACK removes on scale-in but does not release, so they stay billed; allowed: a fixed size (nodes or computeUnits) with subscription billing, or autoscaling with pay-as-you-go",
        }));
        Assert.That(Errors(Stack("highAvailability: false\n" + CpuPool, billing: "subscription")), Is.Empty);
    }

    [Test]
    public async Task High_availability_declares_three_master_nodes_spread_over_three_zones_in_an_availability_deployment_set()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: true\n" + CpuPool));

        var set = mocks.Single(DeploymentSetType, "blink-t-masters-ds");
        Assert.That(set.Inputs["strategy"], Is.EqualTo("Availability"));
        var pool = mocks.Single(NodePoolType, "blink-t-pool-masters").Inputs;
        Assert.That(pool["desiredSize"], Is.EqualTo("3"), "ACK creates the three nodes itself");
        Assert.That(pool["vswitchIds"], Is.EqualTo(new[] { "blink-t-vsw-cn-hangzhou-h-id", "blink-t-vsw-cn-hangzhou-i-id", "blink-t-vsw-cn-hangzhou-j-id" }));
        Assert.That(pool["multiAzPolicy"], Is.EqualTo("BALANCE"), "one node in each zone's vSwitch");
        Assert.That(pool["deploymentSetId"], Is.EqualTo("blink-t-masters-ds-id"), "each on its own physical server");
        Assert.That(pool["instanceTypes"], Is.EqualTo(new[] { "ecs.g7.xlarge" }), "18 CU (3 machines of 6): the 4-core 16 GiB step of the ladder");
        Assert.That(pool["instanceChargeType"], Is.EqualTo("PostPaid"));
        Assert.That(pool.ContainsKey("internetMaxBandwidthOut"), Is.False, "no public IP");
    }

    [Test]
    public async Task Without_high_availability_one_master_node_and_no_deployment_set()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool));

        var pool = mocks.Single(NodePoolType, "blink-t-pool-masters").Inputs;
        Assert.That(pool["desiredSize"], Is.EqualTo("1"));
        Assert.That(pool["vswitchIds"], Is.EqualTo(new[] { "blink-t-vsw-cn-hangzhou-h-id" }));
        Assert.That(mocks.OfType(DeploymentSetType), Is.Empty);
        Assert.That(pool.ContainsKey("deploymentSetId"), Is.False);
        Assert.That(pool.ContainsKey("multiAzPolicy"), Is.False);
    }

    [Test]
    public async Task The_master_machines_are_a_tainted_and_labelled_node_pool_that_creates_its_own_nodes()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: true\n" + CpuPool));

        Assert.That(mocks.Resources.Select(r => r.Type), Has.None.EqualTo("alicloud:ecs/instance:Instance"), "no ECS instance that Pulumi and ACK would both own");
        var pool = mocks.Single(NodePoolType, "blink-t-pool-masters");
        Assert.That(pool.Inputs["clusterId"], Is.EqualTo("blink-t-ack-id"));
        Assert.That(pool.Inputs["nodePoolName"], Is.EqualTo("masters"));
        Assert.That(pool.Inputs.ContainsKey("instances"), Is.False, "nothing joined: the pool's own nodes");
        Assert.That(LabelsOf(pool), Is.EqualTo(new[] { "blink.io/role=master", "blink.io/pool=masters", "terway-config=blink-eni-masters" }), "the masters' pods carry the masters' group (Terway node config)");
        Assert.That(TaintsOf(pool), Is.EqualTo(new[] { "blink.io/role=master:NoSchedule" }));
        Assert.That(pool.Inputs["securityGroupIds"], Is.EqualTo(new[] { "blink-t-sg-masters-id" }));
        Assert.That((pool.Inputs["systemDiskCategory"], pool.Inputs["systemDiskSize"]), Is.EqualTo(("cloud_essd", 120.0)));
        Assert.That(pool.Inputs.ContainsKey("imageId"), Is.False, "ACK's own image unless masters.imageId gives one");
        Assert.That(((ImmutableDictionary<string, object>)pool.Inputs["tags"])["blink.io/role"], Is.EqualTo("master"));
    }

    [Test]
    public async Task The_cluster_is_managed_pro_with_terway_pod_vswitches_a_private_api_server_and_no_nat_of_its_own()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool));

        var cluster = mocks.Single(ClusterType, "blink-t-ack").Inputs;
        Assert.That(cluster["clusterSpec"], Is.EqualTo("ack.pro.small"));
        Assert.That(cluster["name"], Is.EqualTo("blink-t"));
        Assert.That(cluster["vswitchIds"], Is.EqualTo(new[] { "blink-t-vsw-cn-hangzhou-h-id", "blink-t-vsw-cn-hangzhou-i-id", "blink-t-vsw-cn-hangzhou-j-id" }));
        Assert.That(cluster["podVswitchIds"], Is.EqualTo(new[] { "blink-t-pod-vsw-cn-hangzhou-h-id", "blink-t-pod-vsw-cn-hangzhou-i-id", "blink-t-pod-vsw-cn-hangzhou-j-id" }));
        Assert.That(((ImmutableArray<object>)cluster["addons"]).Cast<ImmutableDictionary<string, object>>().Select(a => a["name"]), Is.EqualTo(new[] { "terway-eniip" }),
            "only the network plugin, which the cluster must be created with: its addons are create-only");
        // Every optional add-on is a KubernetesAddon of its own, installed and removed on a live cluster, after the node pools.
        var addons = mocks.OfType("alicloud:cs/kubernetesAddon:KubernetesAddon").ToList();
        Assert.That(addons.Select(a => (a.Name, a.Inputs["name"], a.Inputs["clusterId"])), Is.EqualTo(new[]
        {
            ("blink-t-addon-ack-pod-identity-webhook", (object)"ack-pod-identity-webhook", (object)"blink-t-ack-id"),
            ("blink-t-addon-arms-prometheus", "arms-prometheus", "blink-t-ack-id"),
            ("blink-t-addon-loongcollector", "loongcollector", "blink-t-ack-id"),
        }), "ACK's managed Prometheus and log add-on by default (blink-infra:observability.metrics, .logs)");
        Assert.That(cluster["enableRrsa"], Is.EqualTo(true), "pods assume RAM roles through RRSA, without access keys");
        Assert.That(cluster["serviceCidr"], Is.EqualTo("172.21.0.0/20"));
        Assert.That(cluster["slbInternetEnabled"], Is.EqualTo(false));
        Assert.That(cluster["newNatGateway"], Is.EqualTo(false));
        Assert.That(cluster["securityGroupId"], Is.EqualTo("blink-t-sg-workers-id"), "the control plane's ENIs join the workers' group");
        Assert.That(cluster["version"], Is.EqualTo("1.35.2-aliyun.1"), "pinned: never ACK's latest of the day");
        Assert.That(cluster["deletionProtection"], Is.EqualTo(true), "protected like the state bucket");
    }

    [Test]
    public async Task A_stack_may_turn_deletion_protection_off_and_pin_another_version()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\nkubernetes: {version: 1.36.1-aliyun.1, deletionProtection: false}\n" + CpuPool));

        var cluster = mocks.Single(ClusterType, "blink-t-ack").Inputs;
        Assert.That((cluster["version"], cluster["deletionProtection"]), Is.EqualTo(("1.36.1-aliyun.1", false)));
        Assert.That(Errors(Stack("highAvailability: false\nkubernetes: {version: latest}\n" + CpuPool)), Is.EqualTo(new[]
        {
            "blink-infra:compute.kubernetes.version = \"latest\": not an ACK Kubernetes version; allowed: a version ACK offers, such as 1.35.2-aliyun.1, or none for that one",
        }));
        Assert.That(Errors(Stack("highAvailability: false\nkubernetes: {version: \"\", proxyMode: nftables}\n" + CpuPool)), Is.EqualTo(new[]
        {
            "blink-infra:compute.kubernetes.version = \"\": not an ACK Kubernetes version; allowed: a version ACK offers, such as 1.35.2-aliyun.1, or none for that one",
            "blink-infra:compute.kubernetes.proxyMode = \"nftables\": nftables needs Kubernetes 1.35 or later (ACK CreateCluster proxy_mode), and blink-infra:compute.kubernetes.version is ; allowed: ipvs or iptables on that version, or a version of 1.35 or later",
        }));
    }

    [Test]
    public async Task Worker_pools_carry_family_and_pool_labels_their_vswitches_and_size()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\nworkerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.2xlarge, ecs.g7.4xlarge]\n    nodes: 3\n    zones: [cn-hangzhou-i, cn-hangzhou-j]\n  - name: elastic\n    family: c7\n    instanceTypes: [ecs.c7.2xlarge]\n    minNodes: 0\n    maxNodes: 10"));

        var cpu = mocks.Single(NodePoolType, "blink-t-pool-cpu");
        Assert.That(cpu.Inputs["nodePoolName"], Is.EqualTo("cpu"));
        Assert.That(cpu.Inputs["instanceTypes"], Is.EqualTo(new[] { "ecs.g7.2xlarge", "ecs.g7.4xlarge" }));
        Assert.That(cpu.Inputs["desiredSize"], Is.EqualTo("3"));
        Assert.That(cpu.Inputs["vswitchIds"], Is.EqualTo(new[] { "blink-t-vsw-cn-hangzhou-i-id", "blink-t-vsw-cn-hangzhou-j-id" }));
        Assert.That(cpu.Inputs["securityGroupIds"], Is.EqualTo(new[] { "blink-t-sg-workers-id" }));
        Assert.That(LabelsOf(cpu), Is.EqualTo(new[] { "blink.io/role=worker", "blink.io/pool=cpu", "blink.io/family=g7", "terway-config=blink-eni-cpu" }));
        Assert.That(TaintsOf(cpu), Is.Empty, "CPU pools take any job");

        var elastic = mocks.Single(NodePoolType, "blink-t-pool-elastic");
        Assert.That(elastic.Inputs.ContainsKey("desiredSize"), Is.False);
        Assert.That(elastic.Inputs["scalingConfig"], Is.EquivalentTo(new Dictionary<string, object> { ["enable"] = true, ["minSize"] = 0.0, ["maxSize"] = 10.0, ["type"] = "cpu" }));
    }

    [Test]
    public async Task A_new_cluster_runs_kube_proxy_in_nftables_not_the_deprecated_ipvs_and_the_mode_is_a_key()
    {
        foreach (var stack in new[] { "dev", "prod-hangzhou", "gpu-shanghai" })
        {
            var plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack(stack)));
            Assert.That(plan.Resources.Single(r => r.Type == ClusterType).Inputs["proxyMode"]!.GetValue<string>(), Is.EqualTo("nftables"), stack);
        }
        Assert.That(Spec(Stack("kubernetes:\n  proxyMode: ipvs\n" + CpuPool)).Kubernetes.ProxyMode, Is.EqualTo("ipvs"), "a cluster created with ipvs keeps it: the input is ForceNew");
        Assert.That(Spec(Stack("kubernetes:\n  version: 1.34.3-aliyun.1\n" + CpuPool)).Kubernetes.ProxyMode, Is.EqualTo("ipvs"), "ACK creates nftables from 1.35 only");
        Assert.That(Errors(Stack("kubernetes:\n  proxyMode: userspace\n" + CpuPool)), Is.EqualTo(new[]
        {
            "blink-infra:compute.kubernetes.proxyMode = \"userspace\": not a kube-proxy mode ACK creates; allowed: nftables, ipvs, iptables (nftables by default; ipvs is deprecated since Kubernetes 1.35; the provider replaces the cluster when it changes, so a cluster created with ipvs keeps it by saying so)",
        }));
        Assert.That(Errors(Stack("kubernetes:\n  version: 1.34.3-aliyun.1\n  proxyMode: nftables\n" + CpuPool)), Is.EqualTo(new[]
        {
            "blink-infra:compute.kubernetes.proxyMode = \"nftables\": nftables needs Kubernetes 1.35 or later (ACK CreateCluster proxy_mode), and blink-infra:compute.kubernetes.version is 1.34.3-aliyun.1; allowed: ipvs or iptables on that version, or a version of 1.35 or later",
        }));
    }

    [Test]
    public async Task An_autoscaling_gpu_pool_scales_as_gpu_as_acks_node_pool_api_says()
    {
        var plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("gpu-shanghai")));
        var gpu = plan.Resources.Single(r => r.Name == "blink-gpu-pool-gpu");

        Assert.That(gpu.Inputs["scalingConfig"]!.ToJsonString(), Is.EqualTo("""{"enable":true,"maxSize":4,"minSize":1,"type":"gpu"}"""));
    }

    [Test]
    public async Task Gpu_pools_are_tainted_and_can_pin_the_nvidia_driver()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool + "\n  - name: gpu\n    family: gn7i\n    instanceTypes: [ecs.gn7i-c16g1.4xlarge]\n    nodes: 2\n    gpuDriverVersion: \"535.161.08\""));

        var gpu = mocks.Single(NodePoolType, "blink-t-pool-gpu");
        Assert.That(TaintsOf(gpu), Is.EqualTo(new[] { "blink.io/accelerator=gpu:NoSchedule" }));
        Assert.That(LabelsOf(gpu), Is.EqualTo(new[]
        {
            "blink.io/role=worker", "blink.io/pool=gpu", "blink.io/family=gn7i", "terway-config=blink-eni-gpu", "blink.io/accelerator=gpu", "ack.aliyun.com/nvidia-driver-version=535.161.08",
        }));
    }

    [Test]
    public async Task Fpga_pools_are_tainted_and_boot_the_fpga_image()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool + "\n  - name: fpga\n    family: f3\n    instanceTypes: [ecs.f3-c16f1.4xlarge]\n    nodes: 1\n    imageId: m-bp1fpgaimage0001"));

        var fpga = mocks.Single(NodePoolType, "blink-t-pool-fpga");
        Assert.That(TaintsOf(fpga), Is.EqualTo(new[] { "blink.io/accelerator=fpga:NoSchedule" }));
        Assert.That(fpga.Inputs["imageId"], Is.EqualTo("m-bp1fpgaimage0001"));
        Assert.That(fpga.Inputs["imageType"], Is.EqualTo("Custom"));
    }

    [Test]
    public async Task Subscription_billing_buys_machines_monthly_with_auto_renewal()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool, billing: "subscription"));

        foreach (var name in new[] { "blink-t-pool-masters", "blink-t-pool-cpu" })
        {
            var pool = mocks.Single(NodePoolType, name).Inputs;
            Assert.That((pool["instanceChargeType"], pool["period"], pool["periodUnit"], pool["autoRenew"]), Is.EqualTo(("PrePaid", 1.0, "Month", true)), name);
        }
    }

    [Test]
    public async Task A_thousand_workers_declare_as_many_resources_as_two()
    {
        static string Pool(int nodes) => $"highAvailability: true\nworkerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: {nodes}";

        var small = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(Pool(2))));
        var large = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(Pool(ComputeUnits.MaxWorkers - 200))));

        Assert.That(large.Resources.Length, Is.EqualTo(small.Resources.Length));
        Assert.That(large.Resources.Single(r => r.Name == "blink-t-pool-cpu").Inputs["desiredSize"]!.GetValue<string>(), Is.EqualTo("800"));
    }

    [TestCase(80, "ecs.g7.xlarge")]
    [TestCase(81, "ecs.g7.2xlarge")]
    [TestCase(160, "ecs.g7.2xlarge")]
    [TestCase(161, "ecs.g7.4xlarge")]
    [TestCase(800, "ecs.g7.4xlarge")]
    [TestCase(801, "ecs.g7.6xlarge")]
    [TestCase(1000, "ecs.g7.6xlarge")]
    public void Master_size_follows_the_cu_ladder(int computeUnits, string master)
    {
        // ecs.g7.xlarge offers 2 CU: a pool of computeUnits has ceil(computeUnits / 2) machines, so its CU are
        // computeUnits or one more.
        var spec = Spec(Stack($"highAvailability: true\nworkerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    computeUnits: {computeUnits}"));

        Assert.That(spec.TotalComputeUnits, Is.InRange(computeUnits, computeUnits + 1));
        Assert.That(spec.Masters.InstanceType, Is.EqualTo(master));
    }

    [Test]
    public void More_than_800_cu_need_a_master_of_24_cores_and_96_gib()
    {
        Assert.That(Errors(Stack("masters:\n  instanceType: ecs.g7.4xlarge\nworkerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 401")), Is.EqualTo(new[]
        {
            "blink-infra:compute.masters.instanceType = \"ecs.g7.4xlarge\": ecs.g7.4xlarge (16 cores, 64 GiB) serves up to 800 CU but the worker pools total 802 CU; allowed: a master of at least 24 cores and 96 GiB",
        }));
        Assert.That(Spec(Stack("masters:\n  instanceType: ecs.g7.6xlarge\nworkerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.16xlarge]\n    nodes: 1000")).TotalComputeUnits, Is.EqualTo(56_000),
            "the top step serves any number of CU; the workers stay within 1000");
    }

    // The CU of each machine are those it offers once the system has its share (Alibaba's sizing
    // table): 8c32g 6, 8c16g 2 (its memory runs out first), 4c32g 3, 4c15g 2.
    [TestCase("ecs.g7.2xlarge", 100, 17)]
    [TestCase("ecs.c7.2xlarge", 100, 50)]
    [TestCase("ecs.r7.xlarge", 8, 4)]
    [TestCase("ecs.gn6i-c4g1.xlarge", 10, 5)]
    public void A_pool_sized_in_cu_gets_enough_nodes_of_its_instance_type(string type, int computeUnits, int nodes)
    {
        var family = InstanceCatalog.FamilyOfTypeName(type);
        var spec = Spec(Stack($"workerPools:\n  - name: pool\n    family: {family}\n    instanceTypes: [{type}]\n    computeUnits: {computeUnits}"));

        Assert.That(spec.WorkerPools.Single().Size, Is.EqualTo(new PoolSize(nodes, nodes, Autoscaling: false, RequestedComputeUnits: computeUnits)));
    }

    [Test]
    public void A_pool_of_several_types_is_sized_by_its_smallest()
    {
        var spec = Spec(Stack("workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.4xlarge, ecs.g7.2xlarge]\n    computeUnits: 64"));

        Assert.That(spec.WorkerPools.Single().UsablePerNode, Is.EqualTo(new UsableResources(6, 24)));
        Assert.That(spec.WorkerPools.Single().ComputeUnitsPerNode, Is.EqualTo(6));
        Assert.That(spec.WorkerPools.Single().Size.MaxNodes, Is.EqualTo(11));
    }

    [Test]
    public void The_prod_examples_128_cu_take_22_machines_of_8_cores()
    {
        var compute = SpecLoader.Load(StackFile.Load(TestPaths.ExampleStack("prod-hangzhou")).ToRaw(), PolicyEngine.PolicyNames).Compute;

        Assert.That(compute.WorkerPools.Single().Size, Is.EqualTo(new PoolSize(22, 22, Autoscaling: false, RequestedComputeUnits: 128)), "8 cores and 32 GiB offer 6 CU, not 8: 128 / 6 rounded up");
        Assert.That(compute.TotalComputeUnits, Is.EqualTo(132));
    }

    [Test]
    public void A_worker_type_that_offers_no_cu_is_refused()
    {
        Assert.That(Errors(Stack("workerPools:\n  - name: cpu\n    family: c7\n    instanceTypes: [ecs.c7.large]\n    nodes: 2")), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].instanceTypes[0] = \"ecs.c7.large\": 2 cores and 4 GiB leave no CU once the system has its share (1 core, 4 GiB); allowed: a worker type that offers at least 1 CU: ecs.c7.2xlarge, ecs.c7.4xlarge, ecs.c7.8xlarge, ecs.c7.16xlarge",
        }));
    }

    [Test]
    public void High_availability_with_fewer_than_three_zones_is_refused()
    {
        Assert.That(Errors(Stack("highAvailability: true\n" + CpuPool, zones: "[{id: cn-hangzhou-h}, {id: cn-hangzhou-i}]")), Is.EqualTo(new[]
        {
            "blink-infra:network.zones = \"[cn-hangzhou-h, cn-hangzhou-i]\": blink-infra:compute.highAvailability is true: its 3 masters need 3 distinct zones; allowed: 3 or more zones, or highAvailability: false",
        }));
    }

    [Test]
    public void High_availability_is_the_default()
    {
        Assert.That(Spec(Stack(CpuPool)).HighAvailability, Is.True);
        Assert.That(Spec(Stack(CpuPool)).Masters.Zones, Is.EqualTo(new[] { "cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j" }));
    }

    private static IEnumerable<TestCaseData> ComputeErrors()
    {
        TestCaseData Case(string name, string compute, string message) => new TestCaseData(compute, message).SetName(name);

        yield return Case("no worker pool", "highAvailability: false",
            "blink-infra:compute.workerPools = \"[]\": at least one worker pool is required; allowed: a list of pools, each with name, family, instanceTypes and a size");
        yield return Case("unknown family", "workerPools:\n  - name: cpu\n    family: g9\n    instanceTypes: [ecs.g9.xlarge]\n    nodes: 2",
            "blink-infra:compute.workerPools[0].family = \"g9\": unknown instance family; allowed: g7, c7, r7, gn6i, gn7i, gn6v, f1, f3, or trusted: true with kind");
        yield return Case("unknown type", "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.5xlarge]\n    nodes: 2",
            "blink-infra:compute.workerPools[0].instanceTypes[0] = \"ecs.g7.5xlarge\": unknown instance type; allowed: types of g7: ecs.g7.large, ecs.g7.xlarge, ecs.g7.2xlarge, ecs.g7.3xlarge, ecs.g7.4xlarge, ecs.g7.6xlarge, ecs.g7.8xlarge, ecs.g7.16xlarge, or trusted: true");
        yield return Case("type of another family", "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.c7.xlarge]\n    nodes: 2",
            "blink-infra:compute.workerPools[0].instanceTypes[0] = \"ecs.c7.xlarge\": of family c7, not the pool's g7; allowed: types of g7");
        yield return Case("no size", "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]",
            "blink-infra:compute.workerPools[0].nodes = \"none\": no size given; allowed: exactly one of nodes, computeUnits, or minNodes with maxNodes");
        yield return Case("two sizes", "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 2\n    computeUnits: 8",
            "blink-infra:compute.workerPools[0].nodes = \"nodes: 2, computeUnits: 8\": more than one size given; allowed: exactly one of nodes, computeUnits, or minNodes with maxNodes");
        yield return Case("fewer than 2 workers", "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 1",
            "blink-infra:compute.workerPools = \"[cpu]\": the pools have as few as 1 workers; allowed: 2 to 1000 workers in total");
        yield return Case("autoscaling from 1 is fewer than 2 workers", "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    minNodes: 1\n    maxNodes: 5",
            "blink-infra:compute.workerPools = \"[cpu]\": the pools have as few as 1 workers; allowed: 2 to 1000 workers in total");
        // Trusted types of unknown size, so only the worker count is at stake, not the CU total.
        yield return Case("more than 1000 workers", "masters:\n  instanceType: ecs.g7.4xlarge\nworkerPools:\n  - name: a\n    family: g8i\n    kind: cpu\n    trusted: true\n    instanceTypes: [ecs.g8i.large]\n    nodes: 600\n  - name: b\n    family: g8i\n    kind: cpu\n    trusted: true\n    instanceTypes: [ecs.g8i.large]\n    minNodes: 0\n    maxNodes: 401",
            "blink-infra:compute.workerPools = \"[a, b]\": the pools have up to 1001 workers; allowed: 2 to 1000 workers in total");
        yield return Case("fpga without image", "workerPools:\n  - name: fpga\n    family: f1\n    instanceTypes: [ecs.f1-c8f1.2xlarge]\n    nodes: 2",
            "blink-infra:compute.workerPools[0].imageId is missing; an FPGA pool needs the FPGA image Alibaba Cloud shares with your account through a support ticket; allowed: that image's id (m-...)");
        yield return Case("driver on a cpu pool", "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 2\n    gpuDriverVersion: \"535.161.08\"",
            "blink-infra:compute.workerPools[0].gpuDriverVersion = \"535.161.08\": only GPU pools have an NVIDIA driver; allowed: no gpuDriverVersion on this pool");
        yield return Case("malformed driver", "workerPools:\n  - name: gpu\n    family: gn6i\n    instanceTypes: [ecs.gn6i-c4g1.xlarge]\n    nodes: 2\n    gpuDriverVersion: latest",
            "blink-infra:compute.workerPools[0].gpuDriverVersion = \"latest\": not an NVIDIA driver version; allowed: a version ACK offers, such as 535.161.08 (a label value: at most 63 characters)");
        yield return Case("pool zone outside the network", "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 2\n    zones: [cn-hangzhou-k]",
            "blink-infra:compute.workerPools[0].zones[0] = \"cn-hangzhou-k\": not a zone of the cluster's network; allowed: cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j");
        yield return Case("reserved pool name", "workerPools:\n  - name: masters\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 2",
            "blink-infra:compute.workerPools[0].name = \"masters\": not a valid pool name; allowed: lower-case letters, digits and '-', starting with a letter, at most 63 characters (less when its session cluster's name needs the room), not \"masters\"");
        yield return Case("pool name twice", "workerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 2\n  - name: cpu\n    family: c7\n    instanceTypes: [ecs.c7.2xlarge]\n    nodes: 2",
            "blink-infra:compute.workerPools[1].name = \"cpu\": used by another pool; allowed: a name of its own");
        yield return Case("master too small", "masters:\n  instanceType: ecs.g7.xlarge\nworkerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 50",
            "blink-infra:compute.masters.instanceType = \"ecs.g7.xlarge\": ecs.g7.xlarge (4 cores, 16 GiB) serves up to 80 CU but the worker pools total 100 CU; allowed: a master of at least 8 cores and 32 GiB");
        yield return Case("gpu master", "masters:\n  instanceType: ecs.gn6i-c4g1.xlarge\n" + CpuPool,
            "blink-infra:compute.masters.instanceType = \"ecs.gn6i-c4g1.xlarge\": masters run the engine's control plane on CPU machines; allowed: a CPU instance type (families g7, c7, r7)");
        yield return Case("service cidr overlapping the vpc", "kubernetes:\n  serviceCidr: 10.0.128.0/20\n" + CpuPool,
            "blink-infra:compute.kubernetes.serviceCidr = \"10.0.128.0/20\": overlaps the VPC's 10.0.0.0/16, which the cluster must reach; allowed: a block outside it, such as 172.21.0.0/20");
        yield return Case("service cidr outside the private ranges", "kubernetes:\n  serviceCidr: 100.100.0.0/20\n" + CpuPool,
            "blink-infra:compute.kubernetes.serviceCidr = \"100.100.0.0/20\": outside the private ranges ACK takes a Service CIDR from; allowed: a /16 to /24 block inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, such as 172.21.0.0/20");
        yield return Case("service cidr mask", "kubernetes:\n  serviceCidr: 172.21.0.0/26\n" + CpuPool,
            "blink-infra:compute.kubernetes.serviceCidr = \"172.21.0.0/26\": a Service CIDR's mask is /16 to /24; allowed: a block such as 172.21.0.0/20");
        yield return Case("not a managed pro spec", "kubernetes:\n  clusterSpec: ack.standard\n" + CpuPool,
            "blink-infra:compute.kubernetes.clusterSpec = \"ack.standard\": not an ACK managed Pro cluster spec; allowed: ack.pro.small");
        yield return Case("trusted unknown type needs a master size", "workerPools:\n  - name: cpu\n    family: g8i\n    kind: cpu\n    trusted: true\n    instanceTypes: [ecs.g8i.2xlarge]\n    nodes: 2",
            "blink-infra:compute.masters.instanceType is missing; a pool uses trusted instance types whose size BlinkInfra does not know, so the master size cannot be derived from the CU ladder; allowed: a master instance type such as ecs.g7.2xlarge");
        yield return Case("trusted unknown family needs its kind", "masters:\n  instanceType: ecs.g7.2xlarge\nworkerPools:\n  - name: cpu\n    family: g8i\n    trusted: true\n    instanceTypes: [ecs.g8i.2xlarge]\n    nodes: 2",
            "blink-infra:compute.workerPools[0].kind is missing; a trusted family BlinkInfra does not know needs its kind; allowed: cpu, gpu, fpga");
    }

    [TestCaseSource(nameof(ComputeErrors))]
    public void Invalid_compute_config_gets_one_clear_message(string compute, string message)
    {
        Assert.That(Errors(Stack(compute)), Is.EqualTo(new[] { message }));
    }

    [Test]
    public void A_trusted_pool_of_a_family_the_catalogue_lacks_is_accepted()
    {
        var spec = Spec(Stack("masters:\n  instanceType: ecs.g7.2xlarge\nworkerPools:\n  - name: cpu\n    family: g8i\n    kind: cpu\n    trusted: true\n    instanceTypes: [ecs.g8i.2xlarge]\n    nodes: 2"));

        Assert.That(spec.WorkerPools.Single().Kind, Is.EqualTo(MachineKind.Cpu));
        Assert.That(spec.TotalComputeUnits, Is.Null);
        Assert.That(spec.Masters.InstanceType, Is.EqualTo("ecs.g7.2xlarge"));
    }

    [Test]
    public void The_service_cidr_default_avoids_the_vpc()
    {
        var yaml = Stack(CpuPool).Replace("cidrBlock: 10.0.0.0/16", "cidrBlock: 172.16.0.0/12");

        Assert.That(Spec(yaml).Kubernetes.ServiceCidr, Is.EqualTo(System.Net.IPNetwork2.Parse("192.168.0.0/20")));
    }

    /// <summary>A pool's state disk: the first of its two data disks (the last is the container runtime's).</summary>
    private static ImmutableDictionary<string, object> DataDiskOf(MockResourceArgs pool)
        => DataDisksOf(pool)[0];

    private static List<ImmutableDictionary<string, object>> DataDisksOf(MockResourceArgs pool)
        => ((ImmutableArray<object>)pool.Inputs["dataDisks"]).Cast<ImmutableDictionary<string, object>>().ToList();

    [Test]
    public async Task A_pool_with_a_state_disk_gets_a_runtime_disk_after_it_which_acks_node_initialization_takes_for_containerd()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool));
        var disks = DataDisksOf(mocks.Single(NodePoolType, "blink-t-pool-cpu"));

        Assert.That(disks, Has.Count.EqualTo(2));
        Assert.That(disks[0]["mountTarget"], Is.EqualTo("/mnt/blink-state"), "the state disk first");
        Assert.That(disks[1], Is.EquivalentTo(new Dictionary<string, object>
        {
            ["category"] = "cloud_essd", ["size"] = 100.0, ["performanceLevel"] = "PL0", ["encrypted"] = "true",
        }), "the runtime's disk last, left for ACK to format and mount as /var/lib/containerd");

        (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool + "\n    dataDisk: {category: cloud_auto, runtimeSizeGiB: 200}"));
        disks = DataDisksOf(mocks.Single(NodePoolType, "blink-t-pool-cpu"));
        Assert.That((disks[1]["category"], disks[1]["size"], disks[1].ContainsKey("performanceLevel")), Is.EqualTo(("cloud_auto", 200.0, false)));
    }

    [Test]
    public async Task Every_worker_gets_an_encrypted_essd_for_flink_state_of_20_gib_per_cu_mounted_where_the_taskmanager_finds_it()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool));

        // ecs.g7.2xlarge offers 6 CU: 120 GiB.
        Assert.That(DataDiskOf(mocks.Single(NodePoolType, "blink-t-pool-cpu")), Is.EquivalentTo(new Dictionary<string, object>
        {
            ["category"] = "cloud_essd", ["size"] = 120.0, ["performanceLevel"] = "PL1", ["encrypted"] = "true",
            ["autoFormat"] = "true", ["fileSystem"] = "ext4", ["mountTarget"] = "/mnt/blink-state",
        }));
        Assert.That(mocks.Single(NodePoolType, "blink-t-pool-masters").Inputs.ContainsKey("dataDisks"), Is.False, "JobManagers keep no RocksDB state");
    }

    [Test]
    public async Task A_pools_data_disk_is_configurable_or_off()
    {
        var given = CpuPool + "\n    dataDisk: {category: cloud_auto, sizeGiB: 500, encrypted: false}";
        var (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + given));
        var disk = DataDiskOf(mocks.Single(NodePoolType, "blink-t-pool-cpu"));
        Assert.That((disk["category"], disk["size"], disk["encrypted"], disk.ContainsKey("performanceLevel")), Is.EqualTo(("cloud_auto", 500.0, "false", false)));

        (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool + "\n    dataDisk: {performanceLevel: PL2}"));
        Assert.That(DataDiskOf(mocks.Single(NodePoolType, "blink-t-pool-cpu"))["size"], Is.EqualTo(461.0), "the default size grows to PL2's smallest disk");

        (_, mocks) = await StackRunner.RunAsync(Stack("highAvailability: false\n" + CpuPool + "\n    dataDisk: {enabled: false}"));
        Assert.That(mocks.Single(NodePoolType, "blink-t-pool-cpu").Inputs.ContainsKey("dataDisks"), Is.False);
    }

    [Test]
    public void Data_disk_errors_name_the_key_the_value_and_what_is_allowed()
    {
        string[] ErrorsOf(string disk) => Errors(Stack("highAvailability: false\n" + CpuPool + "\n    dataDisk: " + disk));

        Assert.That(ErrorsOf("{category: cloud_efficiency}"), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].dataDisk.category = \"cloud_efficiency\": not an SSD category a node pool's data disk may be (RocksDB compacts constantly); allowed: cloud_essd, cloud_auto, cloud_essd_entry, cloud_ssd",
        }));
        Assert.That(ErrorsOf("{sizeGiB: 20}"), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].dataDisk.sizeGiB = \"20\": allowed: 40 to 32767 GiB (a node pool's data disk)",
        }));
        Assert.That(ErrorsOf("{sizeGiB: 32768}"), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].dataDisk.sizeGiB = \"32768\": allowed: 40 to 32767 GiB (a node pool's data disk)",
        }), "the provider's data_disks.size is 40 to 32767");
        Assert.That(ErrorsOf("{runtimeSizeGiB: 20}"), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].dataDisk.runtimeSizeGiB = \"20\": allowed: 40 to 32767 GiB (the container runtime's disk, the pool's last data disk, default 100)",
        }));
        Assert.That(ErrorsOf("{performanceLevel: PL3, sizeGiB: 1000}"), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].dataDisk.sizeGiB = \"1000\": an ESSD at PL3 is at least 1261 GiB; allowed: 1261 to 32767 GiB, or a lower level",
        }));
        Assert.That(ErrorsOf("{performanceLevel: PL9}"), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].dataDisk.performanceLevel = \"PL9\": not an ESSD performance level; allowed: PL0, PL1, PL2, PL3",
        }));
        Assert.That(ErrorsOf("{category: cloud_auto, performanceLevel: PL1}"), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].dataDisk.performanceLevel = \"PL1\": only cloud_essd disks have performance levels, and this one is cloud_auto; allowed: no performanceLevel, or category: cloud_essd",
        }));
        Assert.That(ErrorsOf("{enabled: false, sizeGiB: 100}"), Is.EqualTo(new[]
        {
            "blink-infra:compute.workerPools[0].dataDisk.enabled = \"false\": the pool has no data disk, so its other keys would be ignored; allowed: enabled: false alone, or a disk (category, sizeGiB, performanceLevel, encrypted, runtimeSizeGiB) without enabled: false",
        }));
    }

    [Test]
    public async Task The_example_stacks_plan_their_cluster_masters_and_pools()
    {
        var expectations = new (string Stack, int Masters, bool DeploymentSet, string MasterType, string[] Pools)[]
        {
            ("dev", 1, false, "ecs.g7.xlarge", new[] { "masters", "cpu" }),
            ("prod-hangzhou", 3, true, "ecs.g7.2xlarge", new[] { "masters", "cpu" }),
            // 4 machines of 8c32g (6 CU) and up to 4 of 16c60g (12 CU): 72 CU, the 4-core step.
            ("gpu-shanghai", 3, true, "ecs.g7.xlarge", new[] { "masters", "cpu", "gpu" }),
        };
        foreach (var (stack, masterCount, deploymentSet, masterType, pools) in expectations)
        {
            var file = StackFile.Load(TestPaths.ExampleStack(stack));
            var plan = await BlinkCli.PlanStackAsync(file);

            Assert.That(plan.Resources.Select(r => r.Type), Has.None.EqualTo("alicloud:ecs/instance:Instance"), $"{stack}: no ECS instance joined to a pool");
            var masters = plan.Resources.Single(r => r.Name.EndsWith("-pool-masters", System.StringComparison.Ordinal));
            Assert.That(masters.Inputs["desiredSize"]!.GetValue<string>(), Is.EqualTo(masterCount.ToString(System.Globalization.CultureInfo.InvariantCulture)), stack);
            Assert.That(masters.Inputs["vswitchIds"]!.AsArray().Select(v => v!.GetValue<string>()).Distinct().Count(), Is.EqualTo(masterCount), $"{stack}: masters over distinct zones' vSwitches");
            Assert.That(masters.Inputs["instanceTypes"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { masterType }), stack);
            Assert.That(plan.Resources.Where(r => r.Type == NodePoolType).SelectMany(r => r.Inputs["instances"]?.AsArray() ?? new System.Text.Json.Nodes.JsonArray()), Is.Empty, stack);
            Assert.That(plan.Resources.Any(r => r.Type == DeploymentSetType), Is.EqualTo(deploymentSet), stack);
            Assert.That(plan.Resources.Count(r => r.Type == ClusterType), Is.EqualTo(1), stack);
            Assert.That(plan.Resources.Where(r => r.Type == NodePoolType).Select(r => r.Inputs["nodePoolName"]!.GetValue<string>()), Is.EqualTo(pools), stack);
            Assert.That(plan.Resources.Where(r => r.Type is NodePoolType or ClusterType or DeploymentSetType).All(r => r.Parent!.Type == ClusterCompute.TypeToken), stack);
        }
    }
}
