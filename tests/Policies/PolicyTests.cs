using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Facts;
using BlinkInfra.Plan;
using BlinkInfra.Policies;
using NUnit.Framework;
using Pulumi;
using Pulumi.Testing;

namespace BlinkInfra.Tests;

/// <summary>Each policy with a passing fixture (an example stack's plan) and a failing one (that plan with one thing changed).</summary>
public class PolicyTests
{
    private static readonly Dictionary<string, StackPlan> Plans = new();

    private static async Task<StackPlan> PlanOf(string stack)
    {
        if (!Plans.TryGetValue(stack, out var plan))
        {
            plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack(stack)));
            Plans[stack] = plan;
        }
        return plan;
    }

    /// <summary>The plan with one resource's inputs (or flags) changed.</summary>
    private static StackPlan Change(StackPlan plan, string name, Action<JsonObject> inputs, bool? protect = null)
        => plan with
        {
            Resources = plan.Resources.Select(r =>
            {
                if (r.Name != name)
                    return r;
                var changed = (JsonObject)r.Inputs.DeepClone();
                inputs(changed);
                return r with { Inputs = changed, Protect = protect ?? r.Protect };
            }).ToImmutableArray(),
        };

    private static string[] Found(StackPlan plan, string policy, IReadOnlyDictionary<string, EnforcementLevel>? overrides = null)
        => PolicyEngine.Check(overrides is null ? plan : TestPlans.WithLevels(plan, overrides)).Violations.Where(v => v.Policy == policy)
            .Select(v => $"[{EnforcementLevels.Name(v.Level)}] {v.Pack} {v.ResourceType ?? "stack"}:{v.ResourceName} {v.Message}").ToArray();

    public delegate StackPlan Breaker(StackPlan plan);

    /// <summary>A session job the plan did not have, on one of its session clusters.</summary>
    private static PlannedResource SessionJobOn(StackPlan plan, string deployment, string jarUri)
    {
        var engine = plan.Resources.Single(r => r.Type == "blink:engine:FlinkEngine");
        var inputs = new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkSessionJob",
            ["metadata"] = new JsonObject { ["name"] = "added", ["namespace"] = "flink" },
            ["spec"] = new JsonObject
            {
                ["deploymentName"] = deployment,
                ["job"] = new JsonObject { ["jarURI"] = jarUri, ["parallelism"] = 1, ["upgradeMode"] = "savepoint", ["state"] = "running" },
            },
        };
        return new PlannedResource("kubernetes:flink.apache.org/v1beta1:FlinkSessionJob", "blink-dev-job-added", true, engine.Ref,
            ImmutableArray<ResourceRef>.Empty, ImmutableSortedDictionary<string, ImmutableArray<ResourceRef>>.Empty, null, false, inputs);
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string policy, string stack, Breaker breaker, string violation) => new TestCaseData(policy, stack, breaker, violation).SetName(policy);

        yield return Case("region-allowed-for-billing", "dev", p => p with { Settings = p.Settings! with { Region = "cn-hongkong" } },
            "[mandatory] blink-region@1.0.0 stack: region cn-hongkong is not offered for pay-as-you-go billing; allowed: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen");
        yield return Case("zones-in-region", "dev", p => Change(p, "blink-dev-vsw-cn-hangzhou-h", i => i["zoneId"] = "cn-shanghai-l"),
            "[mandatory] blink-region@1.0.0 alicloud:vpc/switch:Switch:blink-dev-vsw-cn-hangzhou-h zone cn-shanghai-l is not a zone of the stack's region cn-hangzhou; allowed: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k");
        yield return Case("resources-in-stack-region", "dev", p => Change(p, "blink-dev-alicloud", i => i["region"] = "cn-beijing"),
            "[mandatory] blink-region@1.0.0 pulumi:providers:alicloud:blink-dev-alicloud provider region cn-beijing is not the stack's region cn-hangzhou; allowed: cn-hangzhou");
        yield return Case("no-ingress-from-internet", "dev", p => Change(p, "blink-dev-sgr-masters-from-workers-tcp-8081-8081", i => { i.Remove("sourceSecurityGroupId"); i["cidrIp"] = "0.0.0.0/0"; }),
            "[mandatory] blink-isolation@1.0.0 alicloud:ecs/securityGroupRule:SecurityGroupRule:blink-dev-sgr-masters-from-workers-tcp-8081-8081 ingress from 0.0.0.0/0 on tcp 8081/8081 lets the internet in; allowed: a source security group or a private block");
        yield return Case("no-public-ip", "dev", p => Change(p, "blink-dev-pool-masters", i => i["internetMaxBandwidthOut"] = 10),
            "[mandatory] blink-isolation@1.0.0 alicloud:cs/nodePool:NodePool:blink-dev-pool-masters internetMaxBandwidthOut 10 gives the machine a public IP; allowed: 0 (internet through the NAT gateway)");
        yield return Case("internet-only-through-nat", "prod-hangzhou", p => Change(p, "blink-prod-eip-nat", i => i["instanceType"] = "EcsInstance"),
            "[mandatory] blink-isolation@1.0.0 alicloud:ecs/eipAssociation:EipAssociation:blink-prod-eip-nat an EIP associated with a EcsInstance reaches the internet around the NAT gateway; allowed: instanceType Nat");
        yield return Case("vpc-security-groups", "dev", p => Change(p, "blink-dev-sg-workers", i => i.Remove("vpcId")),
            "[mandatory] blink-isolation@1.0.0 alicloud:ecs/securityGroup:SecurityGroup:blink-dev-sg-workers a classic-network group; allowed: a VPC group (vpcId) of type normal or enterprise");
        yield return Case("least-privilege-data-egress", "prod-hangzhou", p => Change(p, "blink-prod-sgr-masters-from-workers-tcp-8081-8081", i => { i["type"] = "egress"; i["ipProtocol"] = "all"; i["portRange"] = "-1/-1"; i["cidrIp"] = "10.0.0.0/8"; }),
            "[mandatory] blink-isolation@1.0.0 alicloud:ecs/securityGroupRule:SecurityGroupRule:blink-prod-sgr-masters-from-workers-tcp-8081-8081 egress on all ports to 10.0.0.0/8; allowed: one port to an endpoint's block, all ports to a /16 or narrower, or to Alibaba Cloud's services (100.64.0.0/10)");
        yield return Case("pod-ports-only-cluster", "prod-hangzhou", p => Change(p, "blink-prod-sgr-masters-from-sg-bp1opsbastion0001-tcp-8081-8081", i => i["portRange"] = "22/22"),
            "[mandatory] blink-isolation@1.0.0 alicloud:ecs/securityGroupRule:SecurityGroupRule:blink-prod-sgr-masters-from-sg-bp1opsbastion0001-tcp-8081-8081 ingress on tcp 22/22 opens what no pod of the cluster listens on; allowed: "
            + string.Join(", ", BlinkInfra.Facts.ClusterPorts.All.Select(t => $"{t.Protocol} {t.PortRange}").Distinct()));
        yield return Case("web-ui-only-from-peers", "prod-hangzhou", p => Change(p, "blink-prod-sgr-masters-from-sg-bp1opsbastion0001-tcp-8081-8081", i => i["sourceSecurityGroupId"] = "sg-bp1elsewhere0001"),
            "[mandatory] blink-isolation@1.0.0 alicloud:ecs/securityGroupRule:SecurityGroupRule:blink-prod-sgr-masters-from-sg-bp1opsbastion0001-tcp-8081-8081 the web UI (tcp 8081) is let in from sg-bp1elsewhere0001; allowed: the cluster's own groups, or a group of blink-infra:security.peerGroups (sg-bp1opsbastion0001)");
        yield return Case("pod-egress-only-declared", "prod-hangzhou", p => Change(p, "blink-prod-sgr-workers-to-orders-kafka", i => i["portRange"] = "9093/9093"),
            "[mandatory] blink-isolation@1.0.0 alicloud:ecs/securityGroupRule:SecurityGroupRule:blink-prod-sgr-workers-to-orders-kafka egress on tcp 9093/9093 to 10.20.200.0/24 is not the cluster's nor a declared endpoint; "
            + "allowed: the cluster's groups, 100.64.0.0/10, tcp 6443 to the cluster's vSwitches, tcp 9092 to 10.20.200.0/24, tcp 3306 to 10.20.201.15/32, tcp 80 to 100.100.0.0/16, tcp 443 to 0.0.0.0/0");
        yield return Case("private-api-server", "dev", p => Change(p, "blink-dev-ack", i => i["slbInternetEnabled"] = true),
            "[mandatory] blink-isolation@1.0.0 alicloud:cs/managedKubernetes:ManagedKubernetes:blink-dev-ack the API server is exposed to the internet, which the stack does not allow; allowed: slbInternetEnabled false, or blink-infra:compute.kubernetes.apiServerPublic true");
        yield return Case("data-disks-encrypted", "prod-hangzhou", p => Change(p, "blink-prod-pool-cpu", i => i["dataDisks"]![0]!["encrypted"] = "false"),
            "[advisory] blink-data-protection@1.0.0 alicloud:cs/nodePool:NodePool:blink-prod-pool-cpu data disk 0 (cloud_essd) is not encrypted, while the stack has a KMS key that encrypts its Secrets and system disks: Flink's local state (RocksDB) would be the one copy in plain; allowed: encrypted true (blink-infra:compute.workerPools[].dataDisk.encrypted: true, its default)");
        yield return Case("api-server-audit-log", "dev", p => Change(p, "blink-dev-ack", i => i.Remove("auditLogConfig")),
            "[advisory] blink-isolation@1.0.0 alicloud:cs/managedKubernetes:ManagedKubernetes:blink-dev-ack the API server's audit log is off (auditLogConfig): nothing records who read a Secret or ran a command in a pod through it; allowed: auditLogConfig enabled (blink-infra:observability.logs.audit: true, with logs.enabled: true, the defaults)");
        yield return Case("private-address-space", "dev", p => Change(p, "blink-dev-vsw-cn-hangzhou-h", i => i["cidrBlock"] = "11.0.0.0/20"),
            "[advisory] blink-isolation@1.0.0 alicloud:vpc/switch:Switch:blink-dev-vsw-cn-hangzhou-h 11.0.0.0/20 is public address space: the VPC routes it to itself, so the internet's hosts at those addresses become unreachable from the cluster; allowed: blocks inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (blink-infra:network.zones[].cidrBlock and podCidrBlock, or the block they are planned in, blink-infra:network.cidrBlock)");
        yield return Case("three-masters-three-zones", "prod-hangzhou", p => Change(p, "blink-prod-pool-masters", i => i["vswitchIds"]![2] = "${blink-prod-vsw-cn-hangzhou-h.id}"),
            "[mandatory] blink-ha@1.0.0 alicloud:cs/nodePool:NodePool:blink-prod-pool-masters high availability has 3 master(s) over 2 zone(s); allowed: desiredSize 3 over 3 vSwitches of distinct zones");
        yield return Case("masters-pool-not-auto-repaired", "prod-hangzhou", p => Change(p, "blink-prod-pool-masters", i => { i["management"]!["enable"] = true; i["management"]!["autoRepair"] = true; }),
            "[mandatory] blink-ha@1.0.0 alicloud:cs/nodePool:NodePool:blink-prod-pool-masters the masters' pool is auto-repaired: ACK would drain a JobManager's and the operator's node on its own; allowed: management.autoRepair false (blink-infra:maintenance.masters.autoRepair: false)");
        yield return Case("pools-create-their-nodes", "dev", p => Change(p, "blink-dev-pool-masters", i => i["instances"] = new JsonArray("i-bp1master0001")),
            "[mandatory] blink-hardware@1.0.0 alicloud:cs/nodePool:NodePool:blink-dev-pool-masters 1 ECS instance(s) joined through instances, owned by both Pulumi and ACK; allowed: no instances, the pool's own nodes (desiredSize or scalingConfig)");
        yield return Case("jobmanager-ha-on-bucket", "prod-hangzhou", p => Change(p, "blink-prod-flink-cpu", i => i["spec"]!["flinkConfiguration"]!["high-availability.storageDir"] = "file:///tmp/ha"),
            "[mandatory] blink-ha@1.0.0 kubernetes:flink.apache.org/v1beta1:FlinkDeployment:blink-prod-flink-cpu high-availability.storageDir file:///tmp/ha is not on the state bucket; allowed: oss://blink-prod-hangzhou-flink-state/...");
        yield return Case("accelerator-pools-tainted", "gpu-shanghai", p => Change(p, "blink-gpu-pool-gpu", i => i.Remove("taints")),
            "[mandatory] blink-hardware@1.0.0 alicloud:cs/nodePool:NodePool:blink-gpu-pool-gpu a GPU pool without the taint blink.io/accelerator=gpu:NoSchedule; allowed: that taint");
        yield return Case("fpga-pools-have-image", "dev", p => Change(p, "blink-dev-pool-cpu", i => { i["instanceTypes"] = new JsonArray("ecs.f3-c16f1.4xlarge"); i["taints"] = JsonNode.Parse("""[{"key":"blink.io/accelerator","value":"fpga","effect":"NoSchedule"}]"""); }),
            "[mandatory] blink-hardware@1.0.0 alicloud:cs/nodePool:NodePool:blink-dev-pool-cpu an FPGA pool without an image; allowed: the FPGA image Alibaba Cloud shares by a support ticket (imageId)");
        yield return Case("instance-families-known", "dev", p => Change(p, "blink-dev-pool-cpu", i => i["instanceTypes"] = new JsonArray("ecs.g8i.2xlarge")),
            "[advisory] blink-hardware@1.0.0 alicloud:cs/nodePool:NodePool:blink-dev-pool-cpu instance type ecs.g8i.2xlarge is not in BlinkInfra's catalogue, which cannot say it is offered in cn-hangzhou; allowed: g7, c7, r7, gn6i, gn7i, gn6v, f1, f3 types the catalogue lists");
        yield return Case("images-and-chart-reachable", "dev", p => Change(p, "blink-dev-flink-cpu", i => i["spec"]!["image"] = "flink:1.20.1-scala_2.12-java17"),
            "[mandatory] blink-isolation@1.0.0 kubernetes:flink.apache.org/v1beta1:FlinkDeployment:blink-dev-flink-cpu image flink:1.20.1-scala_2.12-java17 is on docker.io, which the nodes reach only through the internet, and the stack has no internet egress; allowed: an image on the region's ACR VPC endpoint (registry-vpc.cn-hangzhou.aliyuncs.com/..., blink-infra:engine.registry or engine.image), or blink-infra:network.internetEgress.enabled true");
        yield return Case("state-bucket-locked-down", "dev", p => Change(p, "blink-dev-state-acl", i => i["acl"] = "public-read"),
            "[mandatory] blink-data-protection@1.0.0 alicloud:oss/bucket:Bucket:blink-dev-state blink-dev-state-acl sets acl public-read; allowed: private");
        yield return Case("state-bucket-protected", "dev", p => Change(p, "blink-dev-state", _ => { }, protect: false),
            "[mandatory] blink-data-protection@1.0.0 alicloud:oss/bucket:Bucket:blink-dev-state the bucket is not protected; allowed: protect: true");
        yield return Case("flink-reads-oss-through-rrsa", "dev", p => p with { Resources = p.Resources.Add(SessionJobOn(p, "session-cpu", "oss://blink-dev-flink-state/udf/enrich.jar")) },
            "[advisory] blink-data-protection@1.0.0 kubernetes:flink.apache.org/v1beta1:FlinkDeployment:blink-dev-flink-cpu the stock image registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink:1.20.1-scala_2.12-java17 cannot read OSS with RRSA credentials (FLINK-38987), which its jobs' checkpoints need; allowed: blink-infra:engine.image with an RRSA-capable credentials provider (images/flink-rrsa/), named in blink-infra:engine.flinkConfiguration fs.oss.credentials.provider");
        yield return Case("ha-metadata-readable-through-rrsa", "prod-hangzhou", p => Change(p, "blink-prod-flink-cpu", i => i["spec"]!["flinkConfiguration"]!.AsObject().Remove("fs.oss.credentials.provider")),
            "[mandatory] blink-ha@1.0.0 kubernetes:flink.apache.org/v1beta1:FlinkDeployment:blink-prod-flink-cpu no fs.oss.credentials.provider is set, so Flink's OSS filesystem looks for access keys, so the JobManagers fail on high-availability.storageDir and never start; allowed: blink-infra:engine.image with an RRSA-capable credentials provider (images/flink-rrsa/), named in blink-infra:engine.flinkConfiguration fs.oss.credentials.provider");
        yield return Case("operator-reads-oss-jars", "dev", p => p with { Resources = p.Resources.Add(SessionJobOn(p, "session-cpu", "oss://blink-dev-flink-state/udf/enrich.jar")) },
            "[advisory] blink-data-protection@1.0.0 kubernetes:helm.sh/v3:Release:blink-dev-operator 1 session job(s) load jars from oss://, which the stock operator image cannot read (no filesystem plugin, FLINK-30851); allowed: blink-infra:engine.operatorImage with flink-oss-fs-hadoop under plugins/ (images/flink-operator-oss/)");
        yield return Case("secrets-key-kept", "prod-hangzhou", p => Change(p, "blink-prod-kms", i => i["status"] = "Disabled"),
            "[mandatory] blink-data-protection@1.0.0 alicloud:kms/key:Key:blink-prod-kms the cluster's Secrets key is Disabled, and the API server cannot read Secrets without it; allowed: status Enabled");
        yield return Case("no-autoscaling-subscription-pools", "prod-hangzhou", p => Change(p, "blink-prod-pool-cpu", i => { i.Remove("desiredSize"); i["scalingConfig"] = JsonNode.Parse("""{"enable":true,"minSize":2,"maxSize":22}"""); }),
            "[mandatory] blink-hardware@1.0.0 alicloud:cs/nodePool:NodePool:blink-prod-pool-cpu an autoscaling pool of subscription (PrePaid) machines, which ACK removes on scale-in but does not release, so they stay billed; allowed: a fixed desiredSize with subscription, or autoscaling with PostPaid");
        yield return Case("state-disk-not-runtime-disk", "prod-hangzhou", p => Change(p, "blink-prod-pool-cpu", i => i["dataDisks"]!.AsArray().RemoveAt(1)),
            "[mandatory] blink-hardware@1.0.0 alicloud:cs/nodePool:NodePool:blink-prod-pool-cpu the last of 1 data disk(s) is mounted at /mnt/blink-state, but ACK formats the last data disk as the container runtime's directory, so /mnt/blink-state is never mounted; allowed: the state disk first and a disk for the runtime after it (BlinkInfra declares both)");
        yield return Case("taskmanager-fits-beside-system-pods", "dev", p => Change(p, "blink-dev-flink-cpu", i => { i["spec"]!["taskManager"]!["resource"]!["cpu"] = 3; i["spec"]!["taskManager"]!["resource"]!["memory"] = "11264m"; }),
            "[mandatory] blink-hardware@1.0.0 kubernetes:flink.apache.org/v1beta1:FlinkDeployment:blink-dev-flink-cpu a TaskManager of 3000m CPU and 11264Mi memory does not fit pool cpu's ecs.g7.xlarge beside the DaemonSets (680m CPU and 760Mi memory) and the system Deployments the tainted masters push onto the workers (1000m CPU and 1620Mi memory), which leave it 2220m CPU and 10214Mi memory (infra/Facts/NodeAllocatable.cs); allowed: a TaskManager within that, as BlinkInfra sizes it from the pool's types");
        yield return Case("break-glass-key-pair", "dev", p => Change(p, "blink-dev-pool-cpu", i => i["keyName"] = "ops-break-glass"),
            "[advisory] blink-isolation@1.0.0 alicloud:cs/nodePool:NodePool:blink-dev-pool-cpu the pool's machines accept SSH logins with the key pair ops-break-glass: whoever holds its private key reaches them on port 22 from wherever the security groups let it in (never the internet: no-ingress-from-internet); allowed: no keyName once break-glass access is not needed (blink-infra:security.breakGlass)");
        yield return Case("cloud-firewall-enabled", "gpu-shanghai", p => p with
            {
                Resources = p.Resources.Add(new PlannedResource("alicloud:cloudfirewall/natFirewall:NatFirewall", "blink-gpu-nat-firewall", true, null,
                    ImmutableArray<ResourceRef>.Empty, ImmutableSortedDictionary<string, ImmutableArray<ResourceRef>>.Empty, null, false, new JsonObject { ["firewallSwitch"] = "open" })),
            },
            "[advisory] blink-isolation@1.0.0 alicloud:cloudfirewall/natFirewall:NatFirewall:blink-gpu-nat-firewall the NAT firewall that limits egress to blink-infra:network.internetEgress.allowedHosts needs Cloud Firewall enabled in the account (an edition of its own, billed by subscription or pay-as-you-go, plus the traffic it protects), which nothing offline can see; allowed: confirm it in the Cloud Firewall console, then set blink-infra:policy.levels {cloud-firewall-enabled: disabled}");
        yield return Case("alerts-have-receivers", "prod-hangzhou", p => Change(p, "blink-prod-alert-flink-backpressure", i => { i["notifyType"] = "ALERT_MANAGER"; i.Remove("dispatchRuleId"); }),
            "[advisory] blink-operations@1.0.0 stack: 1 alert rule(s) (blink-prod-flink-backpressure) reach no one: the stack routes them to no notification policy, so only one the account keeps elsewhere could; allowed: receivers in blink-infra:observability.alerting.contacts (their details in the secret blink-infra:alertContacts), or blink-infra:observability.metrics.alerts: false");
        yield return Case("no-plaintext-secrets", "dev", p => Change(p, "blink-dev-k8s", i => i["kubeconfig"] = "apiVersion: v1"),
            "[mandatory] blink-data-protection@1.0.0 pulumi:providers:kubernetes:blink-dev-k8s input kubeconfig holds a credential in plain text; allowed: a Pulumi secret");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Each_policy_passes_its_example_and_fails_with_one_exact_message(string policy, string stack, Breaker breaker, string violation)
    {
        var plan = await PlanOf(stack);

        Assert.That(Found(plan, policy), Is.Empty, $"the {stack} example passes {policy}");
        Assert.That(Found(breaker(plan), policy), Is.EqualTo(new[] { violation }));
    }

    /// <summary>
    /// Policies no example plan can break while their facts are empty: instance-types-offered-in-zones judges only
    /// zones a dated row of InstanceAvailability.Known confirms, and none does yet (PackTests covers it with a table of
    /// its own). The test below fails once a row is added: give the policy a case here then.
    /// And one no example passes while its facts stay empty: ack-offerings-unconfirmed, as long as the pinned Kubernetes
    /// version stays unconfirmed (infra/Facts/AckOfferings.cs): its passing and failing cases are PackTests', and the
    /// examples' advisories are asserted below.
    /// </summary>
    private static readonly string[] WithoutAnExampleCase = ["instance-types-offered-in-zones", "ack-offerings-unconfirmed"];

    [Test]
    public void Every_policy_has_a_case()
    {
        Assert.That(Cases().Select(c => (string)c.Arguments[0]!).Concat(WithoutAnExampleCase), Is.EquivalentTo(PolicyEngine.PolicyNames));
    }

    [Test]
    public void The_availability_table_confirms_no_zone_yet_so_its_policy_has_no_example_case()
    {
        Assert.That(InstanceAvailability.Known.Rows, Is.Empty, "a row was added: give instance-types-offered-in-zones a case in Cases() and drop it from WithoutAnExampleCase");
    }

    [Test]
    public void No_pinned_kubernetes_version_is_confirmed_yet_so_its_policy_has_no_example_case()
    {
        Assert.That(AckOfferings.VersionsConfirmedCreatable, Is.Empty, "a version was confirmed: give ack-offerings-unconfirmed a case in Cases() and drop it from WithoutAnExampleCase");
    }

    [Test]
    public async Task The_example_stacks_pass_every_policy_with_no_advisory_about_credentials()
    {
        // The HA examples run images of their own: Flink from images/flink-rrsa/ (ha-metadata-readable-through-rrsa)
        // and the operator from images/flink-operator-oss/, which fetches their jobs' jars from oss://. Only prod names
        // who its alerts reach: dev and gpu-shanghai are told theirs reach no one, on the stack.
        // prod-hangzhou also says, by its levels, that Cloud Firewall is enabled in its account (cloud-firewall-enabled).
        // Beside these, every example is told that what ACK must still offer (the pinned version, gpu-shanghai's driver)
        // could not be confirmed offline (issue 29.15, infra/Facts/AckOfferings.cs).
        static string[] Unconfirmed(params string[] names) => names.Select(name => $"ack-offerings-unconfirmed Advisory {name}").ToArray();
        static string[] Seen(PolicyReport report) => report.Violations.Select(v => $"{v.Policy} {v.Level} {v.ResourceName}").ToArray();
        var prod = await PlanOf("prod-hangzhou");
        Assert.That(Seen(PolicyEngine.Check(prod)), Is.EqualTo(Unconfirmed("blink-prod-ack")), "prod-hangzhou");
        Assert.That(Seen(PolicyEngine.Check(TestPlans.WithLevels(prod, null))), Is.EqualTo(Unconfirmed("blink-prod-ack").Append("cloud-firewall-enabled Advisory blink-prod-nat-firewall")), "without its levels");
        foreach (var (stack, unconfirmed) in new[] { ("dev", new[] { "blink-dev-ack" }), ("gpu-shanghai", new[] { "blink-gpu-ack", "blink-gpu-pool-gpu" }) })
            Assert.That(Seen(PolicyEngine.Check(await PlanOf(stack))), Is.EqualTo(Unconfirmed(unconfirmed).Append("alerts-have-receivers Advisory ")), stack);
    }

    [Test]
    public async Task The_stock_operator_image_or_a_mirror_with_its_tag_cannot_fetch_jars()
    {
        var plan = await PlanOf("prod-hangzhou");
        string[] Advisories(StackPlan p) => PolicyEngine.Check(p).Advisories.Where(v => v.Policy != "ack-offerings-unconfirmed").Select(v => $"{v.Policy} {v.ResourceName}").ToArray();
        var stock = Change(plan, "blink-prod-operator", i => i["values"]!["image"] = new JsonObject { ["tag"] = FlinkDefaults.OperatorVersion });
        Assert.That(Advisories(stock), Is.EqualTo(new[] { "operator-reads-oss-jars blink-prod-operator" }));
        var mirror = Change(plan, "blink-prod-operator", i => i["values"]!["image"] = new JsonObject { ["repository"] = "registry.cn-hangzhou.aliyuncs.com/acme/flink-kubernetes-operator", ["tag"] = FlinkDefaults.OperatorVersion });
        Assert.That(Advisories(mirror), Is.EqualTo(new[] { "operator-reads-oss-jars blink-prod-operator" }));
    }

    [Test]
    public async Task Images_of_the_stacks_own_satisfy_the_oss_advisories()
    {
        var plan = await PlanOf("prod-hangzhou");
        // On the region's VPC endpoint: prod's egress reaches named hosts only, which no public registry is.
        plan = Change(plan, "blink-prod-flink-cpu", i => i["spec"]!["image"] = "registry-vpc.cn-hangzhou.aliyuncs.com/acme/flink:1.20.1-rrsa");
        plan = Change(plan, "blink-prod-operator", i => { i["values"]!["image"]!["repository"] = "registry-vpc.cn-hangzhou.aliyuncs.com/acme/flink-kubernetes-operator"; i["values"]!["image"]!["tag"] = "1.15.0-oss"; });

        // Nothing left but the advisory that the pinned Kubernetes version could not be confirmed (29.15).
        Assert.That(PolicyEngine.Check(plan).Violations.Select(v => v.Policy), Is.EqualTo(new[] { "ack-offerings-unconfirmed" }));
    }

    [Test]
    public async Task A_stack_can_override_a_level_or_disable_a_policy()
    {
        var broken = Change(await PlanOf("dev"), "blink-dev-pool-cpu", i => i["instanceTypes"] = new JsonArray("ecs.g8i.2xlarge"));

        Assert.That(Found(broken, "instance-families-known", new Dictionary<string, EnforcementLevel> { ["instance-families-known"] = EnforcementLevel.Mandatory }).Single(), Does.StartWith("[mandatory]"));
        Assert.That(Found(broken, "instance-families-known", new Dictionary<string, EnforcementLevel> { ["instance-families-known"] = EnforcementLevel.Disabled }), Is.Empty);
    }

    [Test]
    public async Task Reports_are_sorted_by_level_policy_and_resource_and_print_like_pulumi()
    {
        var plan = await PlanOf("dev");
        plan = Change(plan, "blink-dev-pool-cpu", i => i["instanceTypes"] = new JsonArray("ecs.g8i.2xlarge"));
        plan = Change(plan, "blink-dev-state", i => i.Remove("lifecycleRules"), protect: false);
        plan = Change(plan, "blink-dev-pool-masters", i => i["internetMaxBandwidthOut"] = 5);

        var report = PolicyEngine.Check(plan);

        Assert.That(PolicyReportRenderer.Text(report), Is.EqualTo(
            "Policy packs: blink-region@1.0.0, blink-isolation@1.0.0, blink-ha@1.0.0, blink-hardware@1.0.0, blink-data-protection@1.0.0, blink-operations@1.0.0\n" +
            "[mandatory] BLINK2006 no-public-ip (alicloud:cs/nodePool:NodePool: blink-dev-pool-masters)\n" +
            "    blink-isolation@1.0.0: internetMaxBandwidthOut 5 gives the machine a public IP; allowed: 0 (internet through the NAT gateway)\n" +
            "[mandatory] BLINK2031 state-bucket-locked-down (alicloud:oss/bucket:Bucket: blink-dev-state)\n" +
            "    blink-data-protection@1.0.0: no lifecycle rule aborts incomplete multipart uploads, whose parts stay billed; allowed: an enabled rule for the whole bucket with abortMultipartUploads (blink-infra:engine.stateRetention.incompleteUploadDays)\n" +
            "[mandatory] BLINK2031 state-bucket-locked-down (alicloud:oss/bucket:Bucket: blink-dev-state)\n" +
            "    blink-data-protection@1.0.0: no lifecycle rule expires noncurrent versions, so every checkpoint Flink deletes stays stored and billed; allowed: an enabled rule for the whole bucket with noncurrentVersionExpirations (blink-infra:engine.stateRetention.noncurrentVersionDays)\n" +
            "[mandatory] BLINK2032 state-bucket-protected (alicloud:oss/bucket:Bucket: blink-dev-state)\n" +
            "    blink-data-protection@1.0.0: the bucket is not protected; allowed: protect: true\n" +
            "[advisory] BLINK2004 ack-offerings-unconfirmed (alicloud:cs/managedKubernetes:ManagedKubernetes: blink-dev-ack)\n" +
            "    blink-region@1.0.0: Kubernetes 1.35.2-aliyun.1 is not confirmed as one ACK still creates (none of the sources read on 2026-12-05 lists CreateCluster's patch versions); allowed: a version `aliyun cs GET /api/v1/metadata/versions --Region cn-hangzhou --ClusterType ManagedKubernetes` lists, in blink-infra:compute.kubernetes.version\n" +
            "[advisory] BLINK2038 alerts-have-receivers (stack)\n" +
            "    blink-operations@1.0.0: 4 alert rule(s) (blink-dev-flink-job-down, blink-dev-flink-job-restarts, blink-dev-flink-checkpoint-failures, blink-dev-flink-backpressure) reach no one: the stack routes them to no notification policy, so only one the account keeps elsewhere could; allowed: receivers in blink-infra:observability.alerting.contacts (their details in the secret blink-infra:alertContacts), or blink-infra:observability.metrics.alerts: false\n" +
            "[advisory] BLINK2025 instance-families-known (alicloud:cs/nodePool:NodePool: blink-dev-pool-cpu)\n" +
            "    blink-hardware@1.0.0: instance type ecs.g8i.2xlarge is not in BlinkInfra's catalogue, which cannot say it is offered in cn-hangzhou; allowed: g7, c7, r7, gn6i, gn7i, gn6v, f1, f3 types the catalogue lists\n" +
            $"4 mandatory and 3 advisory violation(s); {PolicyEngine.PolicyNames.Length} policies of {PolicyEngine.Packs.Length} packs checked.\n"));
        Assert.That(JsonNode.Parse(PolicyReportRenderer.Json(report))!["violations"]![0]!.ToJsonString(),
            Is.EqualTo("""{"pack":"blink-isolation@1.0.0","policy":"no-public-ip","level":"Mandatory","resourceType":"alicloud:cs/nodePool:NodePool","resourceName":"blink-dev-pool-masters","message":"internetMaxBandwidthOut 5 gives the machine a public IP; allowed: 0 (internet through the NAT gateway)","code":"BLINK2006"}"""));
    }

    private const string TrustedFamilyStack = """
        config:
          blink-infra:cluster: {name: blink-t, region: cn-hangzhou}
          blink-infra:network:
            zones: [{id: cn-hangzhou-h}]
          blink-infra:compute:
            highAvailability: false
            masters: {instanceType: ecs.g7.xlarge}
            workerPools:
              - {name: cpu, family: g8i, kind: cpu, trusted: true, instanceTypes: [ecs.g8i.2xlarge], nodes: 2}
        """;

    [Test]
    public async Task Under_the_engine_a_mandatory_violation_registers_no_resource_at_all()
    {
        var gate = await GateRunner.RunAsync(
            StackRunner.Stack(TrustedFamilyStack + "\n  blink-infra:policy:\n    levels: {instance-families-known: mandatory}\n").ToRaw());

        Assert.That(gate.Exit, Is.EqualTo(GateRunner.StoppedUnderMocks));
        Assert.That(gate.Deployed, Is.False);
        Assert.That(gate.Engine.Resources, Is.Empty, "nothing reached the engine");
        // One error, the exception that stops the program, naming the policy: a line logged beside it could be lost.
        Assert.That(gate.Errors, Is.EqualTo(new[]
        {
            "1 mandatory policy violation, so no resource was declared:\n" +
            "  [mandatory] BLINK2025 instance-families-known (alicloud:cs/nodePool:NodePool: blink-t-pool-cpu): instance type ecs.g8i.2xlarge is not in BlinkInfra's catalogue, which cannot say it is offered in cn-hangzhou; allowed: g7, c7, r7, gn6i, gn7i, gn6v, f1, f3 types the catalogue lists",
        }));
    }

    [Test]
    public async Task Under_the_engine_advisories_are_handed_to_the_stack_with_their_resource_and_the_deployment_goes_on()
    {
        var gate = await GateRunner.RunAsync(StackRunner.Stack(TrustedFamilyStack).ToRaw());

        Assert.That(gate.Exit, Is.EqualTo(0));
        Assert.That(gate.Errors, Is.Empty);
        var warnings = gate.Options!.Warnings;
        Assert.That(warnings.Select(w => w.Message[..w.Message.IndexOf(':', StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            "[advisory] BLINK2004 ack-offerings-unconfirmed (alicloud",
            "[advisory] BLINK2038 alerts-have-receivers (stack)",
            "[advisory] BLINK2025 instance-families-known (alicloud",
        }));
        Assert.That((warnings[0].ResourceType, warnings[0].ResourceName), Is.EqualTo(("alicloud:cs/managedKubernetes:ManagedKubernetes", "blink-t-ack")));
        Assert.That((warnings[1].ResourceType, warnings[1].ResourceName), Is.EqualTo(((string?)null, (string?)null)), "a stack-wide finding goes on the stack");
        Assert.That(warnings[2].Message, Does.StartWith("[advisory] BLINK2025 instance-families-known (alicloud:cs/nodePool:NodePool: blink-t-pool-cpu): "));
        Assert.That((warnings[2].ResourceType, warnings[2].ResourceName), Is.EqualTo(("alicloud:cs/nodePool:NodePool", "blink-t-pool-cpu")));
    }

    [Test]
    public void The_engine_environment_becomes_the_raw_config()
    {
        var file = EngineGate.FromEnvironment(new Dictionary<string, string?>
        {
            ["PULUMI_STACK"] = "prod",
            ["PULUMI_CONFIG"] = """{"blink-infra:cluster":"{\"region\":\"cn-beijing\"}","blink-infra:endpointCredentials":"{}"}""",
            ["PULUMI_CONFIG_SECRET_KEYS"] = """["blink-infra:endpointCredentials"]""",
        });

        Assert.That(file.StackName, Is.EqualTo("prod"));
        Assert.That(file.Values["blink-infra:cluster"], Is.EqualTo("""{"region":"cn-beijing"}"""));
        Assert.That(file.SecretKeys, Is.EqualTo(new[] { "blink-infra:endpointCredentials" }));
    }

    [Test]
    public void Unknown_policy_names_and_levels_in_config_are_refused()
    {
        var errors = SpecLoader.TryLoad(StackRunner.Stack(TrustedFamilyStack + "\n  blink-infra:policy:\n    levels: {no-such-policy: advisory, no-public-ip: warn}\n").ToRaw(), PolicyEngine.PolicyNames).Errors;

        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            $"blink-infra:policy.levels[\"no-public-ip\"] = \"warn\": unknown enforcement level; allowed: mandatory, advisory, disabled",
            $"blink-infra:policy.levels[\"no-such-policy\"] = \"advisory\": unknown policy \"no-such-policy\"; allowed: {string.Join(", ", PolicyEngine.PolicyNames)}",
        }));
    }
}
