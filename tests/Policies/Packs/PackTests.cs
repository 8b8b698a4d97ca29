using System;
using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Facts;
using BlinkInfra.Plan;
using BlinkInfra.Policies.Packs;
using NUnit.Framework;
using static BlinkInfra.Tests.Policies.Packs.PolicyFixture;

namespace BlinkInfra.Tests.Policies.Packs;

/// <summary>Each policy of each pack, on its own: a minimal passing fixture finds nothing, a minimal failing one finds exactly the expected message.</summary>
public class PackTests
{
    public sealed record Case(Func<Policy> Make, PolicyInput Passing, PolicyInput Failing, string[] Expected);

    private static readonly string Rule = TypeTokens.AliCloud.Ecs.SecurityGroupRule;
    private static readonly string Pool = TypeTokens.AliCloud.CS.NodePool;

    private static PlannedResource SecretsKey(string inputs, bool protect) => Resource(TypeTokens.AliCloud.Kms.Key, "kms", inputs, protect);

    /// <summary>A cluster whose encryptionProviderKey is the id of the key named <paramref name="key"/>, as a plan records it.</summary>
    private static PlannedResource ClusterEncryptedWith(string key)
        => Resource(TypeTokens.AliCloud.CS.ManagedKubernetes, "ack", "{\"encryptionProviderKey\":\"${" + key + ".id}\"}") with
        {
            PropertyDependencies = System.Collections.Immutable.ImmutableSortedDictionary<string, System.Collections.Immutable.ImmutableArray<ResourceRef>>.Empty
                .Add("encryptionProviderKey", System.Collections.Immutable.ImmutableArray.Create(new ResourceRef(TypeTokens.AliCloud.Kms.Key, key))),
        };

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData C(string name, Func<Policy> make, PolicyInput passing, PolicyInput failing, params string[] expected)
            => new TestCaseData(new Case(make, passing, failing, expected)).SetName(name);

        // blink-region
        yield return C("region-allowed-for-billing", () => RegionPack.RegionAllowedForBilling(),
            Input(Settings(region: "cn-hongkong", billing: "subscription")),
            Input(Settings(region: "cn-hongkong")),
            "stack: region cn-hongkong is not offered for pay-as-you-go billing; allowed: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen");
        yield return C("zones-in-region", () => RegionPack.ZonesInRegion(),
            Input(Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw", """{"zoneId":"cn-hangzhou-h"}""")),
            Input(Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw", """{"zoneId":"cn-beijing-a"}""")),
            "vsw: zone cn-beijing-a is not a zone of the stack's region cn-hangzhou; allowed: " + string.Join(", ", BlinkInfra.Facts.AlibabaCloud.ZonesOf("cn-hangzhou")));
        yield return C("resources-in-stack-region", () => RegionPack.ResourcesInStackRegion(),
            Input(Resource(TypeTokens.AliCloud.Provider, "p", """{"region":"cn-hangzhou"}""")),
            Input(Resource(TypeTokens.AliCloud.Provider, "p", "{}")),
            "p: provider region (none: alicloud:region decides) is not the stack's region cn-hangzhou; allowed: cn-hangzhou");
        // Passing: an unpinned version (ACK's latest, auto-upgraded) and no pinned driver.
        yield return C("ack-offerings-unconfirmed", () => RegionPack.AckOfferingsUnconfirmed(),
            Input(Resource(TypeTokens.AliCloud.CS.ManagedKubernetes, "ack", "{}"), Resource(Pool, "gpu", """{"labels":[{"key":"blink.io/pool","value":"gpu"}]}""")),
            Input(Resource(TypeTokens.AliCloud.CS.ManagedKubernetes, "ack", """{"version":"1.35.2-aliyun.1"}"""),
                Resource(Pool, "gpu", """{"labels":[{"key":"ack.aliyun.com/nvidia-driver-version","value":"535.161.08"}]}""")),
            "ack: Kubernetes 1.35.2-aliyun.1 is not confirmed as one ACK still creates (none of the sources read on 2026-12-05 lists CreateCluster's patch versions); allowed: a version `aliyun cs GET /api/v1/metadata/versions --Region cn-hangzhou --ClusterType ManagedKubernetes` lists, in blink-infra:compute.kubernetes.version",
            "gpu: NVIDIA driver 535.161.08 is not confirmed for Kubernetes 1.35.2-aliyun.1 (ACK's driver list, read 2026-12-05, names none for it), and ACK installs its default driver in place of one it does not list; allowed: a driver the ACK console lists for the version, or none, in blink-infra:compute.workerPools[i].gpuDriverVersion");

        // blink-isolation
        yield return C("private-address-space", () => IsolationPack.PrivateAddressSpace(),
            Input(Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw", """{"cidrBlock":"172.16.0.0/24"}""")),
            Input(Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw", """{"cidrBlock":"8.8.8.0/24"}"""), Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw-ok", """{"cidrBlock":"172.16.1.0/24"}""")),
            "vsw: 8.8.8.0/24 is public address space: the VPC routes it to itself, so the internet's hosts at those addresses become unreachable from the cluster; allowed: blocks inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (blink-infra:network.zones[].cidrBlock and podCidrBlock, or the block they are planned in, blink-infra:network.cidrBlock)");
        // The VPC's own block public: said once, of blink-infra:network.cidrBlock, not of each vSwitch carved from it.
        yield return C("private-address-space of a public VPC", () => IsolationPack.PrivateAddressSpace(),
            Input(Resource(TypeTokens.AliCloud.Vpc.Network, "vpc", """{"cidrBlock":"10.0.0.0/16"}"""), Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw", """{"cidrBlock":"10.0.0.0/24"}""")),
            Input(Resource(TypeTokens.AliCloud.Vpc.Network, "vpc", """{"cidrBlock":"11.0.0.0/16"}"""), Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw-a", """{"cidrBlock":"11.0.0.0/24"}"""), Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw-b", """{"cidrBlock":"11.0.1.0/24"}""")),
            "vpc: the VPC's block 11.0.0.0/16 (blink-infra:network.cidrBlock) is public address space: the VPC routes it to itself, so the internet's hosts at those addresses become unreachable from the cluster; allowed: blink-infra:network.cidrBlock inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16");
        yield return C("private-address-space of an existing public VPC", () => IsolationPack.PrivateAddressSpace(),
            Input(Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw", """{"cidrBlock":"10.0.0.0/24"}""")),
            Input(Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw-a", """{"cidrBlock":"11.0.0.0/24"}"""), Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw-b", """{"cidrBlock":"11.0.1.0/24"}""")),
            "stack: every vSwitch of the cluster lies in public address space (11.0.0.0/24, 11.0.1.0/24), so the VPC's block they are carved from (blink-infra:network.cidrBlock) is public: the VPC routes it to itself, so the internet's hosts at those addresses become unreachable from the cluster; allowed: blink-infra:network.cidrBlock inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16");
        yield return C("api-server-audit-log", () => IsolationPack.ApiServerAuditLog(),
            Input(Resource(TypeTokens.AliCloud.CS.ManagedKubernetes, "ack", """{"auditLogConfig":{"enabled":true,"slsProjectName":"p"}}""")),
            Input(Resource(TypeTokens.AliCloud.CS.ManagedKubernetes, "ack", "{}")),
            "ack: the API server's audit log is off (auditLogConfig): nothing records who read a Secret or ran a command in a pod through it; allowed: auditLogConfig enabled (blink-infra:observability.logs.audit: true, with logs.enabled: true, the defaults)");
        yield return C("no-ingress-from-internet", () => IsolationPack.NoIngressFromInternet(),
            Input(Resource(Rule, "r", """{"type":"ingress","policy":"accept","cidrIp":"10.0.0.0/8","ipProtocol":"tcp","portRange":"22/22"}"""),
                Resource(Rule, "drop", """{"type":"ingress","policy":"drop","cidrIp":"0.0.0.0/0","ipProtocol":"all","portRange":"-1/-1"}""")),
            Input(Resource(Rule, "r", """{"type":"ingress","policy":"accept","ipv6CidrIp":"::/0","ipProtocol":"tcp","portRange":"22/22"}""")),
            "r: ingress from ::/0 on tcp 22/22 lets the internet in; allowed: a source security group or a private block");
        yield return C("no-public-ip", () => IsolationPack.NoPublicIp(),
            Input(Resource(Pool, "pool", """{"internetMaxBandwidthOut":0}""")),
            Input(Resource(Pool, "pool", """{"internetMaxBandwidthOut":5}""")),
            "pool: internetMaxBandwidthOut 5 gives the machine a public IP; allowed: 0 (internet through the NAT gateway)");
        yield return C("internet-only-through-nat", () => IsolationPack.InternetOnlyThroughNat(),
            Input(Resource(TypeTokens.AliCloud.Ecs.EipAssociation, "eip", """{"instanceType":"Nat"}"""), Resource(TypeTokens.AliCloud.CS.ManagedKubernetes, "ack", """{"newNatGateway":false}""")),
            Input(Resource(TypeTokens.AliCloud.Ecs.EipAssociation, "eip", "{}"), Resource(TypeTokens.AliCloud.CS.ManagedKubernetes, "ack", "{}")),
            "eip: an EIP associated with a machine reaches the internet around the NAT gateway; allowed: instanceType Nat",
            "ack: the cluster would create a NAT gateway of its own; allowed: newNatGateway false (the stack's NAT gateway)");
        yield return C("vpc-security-groups", () => IsolationPack.VpcSecurityGroups(),
            Input(Resource(TypeTokens.AliCloud.Ecs.SecurityGroup, "sg", """{"vpcId":"vpc-1","securityGroupType":"normal"}""")),
            Input(Resource(TypeTokens.AliCloud.Ecs.SecurityGroup, "sg", """{"vpcId":"vpc-1"}""")),
            "sg: a classic group; allowed: a VPC group (vpcId) of type normal or enterprise");
        yield return C("least-privilege-data-egress", () => IsolationPack.LeastPrivilegeDataEgress(),
            Input(Resource(Rule, "r", """{"type":"egress","policy":"accept","cidrIp":"10.1.0.0/16","ipProtocol":"all","portRange":"-1/-1"}""")),
            Input(Resource(Rule, "r", """{"type":"egress","policy":"accept","cidrIp":"10.0.0.0/15","ipProtocol":"tcp","portRange":"1/65535"}""")),
            "r: egress on all ports to 10.0.0.0/15; allowed: one port to an endpoint's block, all ports to a /16 or narrower, or to Alibaba Cloud's services (100.64.0.0/10)");
        yield return C("pod-ports-only-cluster", () => IsolationPack.PodPortsOnlyCluster(),
            Input(Resource(Rule, "r", """{"type":"ingress","policy":"accept","sourceSecurityGroupId":"sg-peer01","ipProtocol":"tcp","portRange":"8081/8081"}"""),
                Resource(Rule, "out", """{"type":"egress","policy":"accept","cidrIp":"10.0.0.0/8","ipProtocol":"tcp","portRange":"22/22"}""")),
            Input(Resource(Rule, "r", """{"type":"ingress","policy":"accept","sourceSecurityGroupId":"sg-peer01","ipProtocol":"tcp","portRange":"22/22"}""")),
            "r: ingress on tcp 22/22 opens what no pod of the cluster listens on; allowed: " + string.Join(", ", BlinkInfra.Facts.ClusterPorts.All.Select(t => $"{t.Protocol} {t.PortRange}").Distinct()));
        yield return C("web-ui-only-from-peers", () => IsolationPack.WebUiOnlyFromPeers(),
            Input(Settings(peerGroupIds: new[] { "sg-peer01" }),
                Resource(TypeTokens.AliCloud.Ecs.SecurityGroup, "sg-masters"),
                Resource(Rule, "own", """{"type":"ingress","policy":"accept","sourceSecurityGroupId":"${sg-masters.id}","ipProtocol":"tcp","portRange":"8081/8081"}"""),
                Resource(Rule, "peer", """{"type":"ingress","policy":"accept","sourceSecurityGroupId":"sg-peer01","ipProtocol":"tcp","portRange":"8081/8081"}""")),
            Input(Settings(peerGroupIds: new[] { "sg-peer01" }),
                Resource(Rule, "r", """{"type":"ingress","policy":"accept","cidrIp":"10.1.2.0/24","ipProtocol":"tcp","portRange":"8000/9000"}""")),
            "r: the web UI (tcp 8081) is let in from 10.1.2.0/24; allowed: the cluster's own groups, or a group of blink-infra:security.peerGroups (sg-peer01)");
        yield return C("pod-egress-only-declared", () => IsolationPack.PodEgressOnlyDeclared(),
            Input(Settings(dataEndpoints: new[] { new DataEgress("10.20.0.0/24", 9092) }),
                Resource(TypeTokens.AliCloud.Ecs.SecurityGroup, "sg"),
                Resource(TypeTokens.AliCloud.Vpc.Switch, "vsw", """{"cidrBlock":"10.0.0.0/24"}"""),
                Resource(Rule, "self", """{"securityGroupId":"${sg.id}","type":"egress","policy":"accept","sourceSecurityGroupId":"${sg.id}","ipProtocol":"all","portRange":"-1/-1"}"""),
                Resource(Rule, "services", """{"securityGroupId":"${sg.id}","type":"egress","policy":"accept","cidrIp":"100.64.0.0/10","ipProtocol":"all","portRange":"-1/-1"}"""),
                Resource(Rule, "api", """{"securityGroupId":"${sg.id}","type":"egress","policy":"accept","cidrIp":"10.0.0.0/24","ipProtocol":"tcp","portRange":"6443/6443"}"""),
                Resource(Rule, "kafka", """{"securityGroupId":"${sg.id}","type":"egress","policy":"accept","cidrIp":"10.20.0.0/24","ipProtocol":"tcp","portRange":"9092/9092"}"""),
                Resource(Rule, "drop", """{"securityGroupId":"${sg.id}","type":"egress","policy":"drop","cidrIp":"0.0.0.0/0","ipProtocol":"all","portRange":"-1/-1"}""")),
            Input(Settings(dataEndpoints: new[] { new DataEgress("10.20.0.0/24", 9092) }),
                Resource(TypeTokens.AliCloud.Ecs.SecurityGroup, "sg"),
                Resource(Rule, "https", """{"securityGroupId":"${sg.id}","type":"egress","policy":"accept","cidrIp":"0.0.0.0/0","ipProtocol":"tcp","portRange":"443/443"}""")),
            "sg: the group lets everything out; allowed: an egress rule dropping all to 0.0.0.0/0 below the accepted destinations",
            "https: egress on tcp 443/443 to 0.0.0.0/0 is not the cluster's nor a declared endpoint; allowed: the cluster's groups, 100.64.0.0/10, tcp 6443 to the cluster's vSwitches, tcp 9092 to 10.20.0.0/24 (no internet: blink-infra:network.internetEgress is off)");
        yield return C("private-api-server", () => IsolationPack.PrivateApiServer(),
            Input(Settings(apiServerPublic: true), Resource(TypeTokens.AliCloud.CS.ManagedKubernetes, "ack", """{"slbInternetEnabled":true}""")),
            Input(Resource(TypeTokens.AliCloud.CS.ManagedKubernetes, "ack", """{"slbInternetEnabled":true}""")),
            "ack: the API server is exposed to the internet, which the stack does not allow; allowed: slbInternetEnabled false, or blink-infra:compute.kubernetes.apiServerPublic true");
        yield return C("break-glass-key-pair", () => IsolationPack.BreakGlassKeyPair(),
            Input(Resource(Pool, "cpu", """{"desiredSize":"2"}""")),
            Input(Resource(Pool, "cpu", """{"desiredSize":"2","keyName":"ops-break-glass"}""")),
            "cpu: the pool's machines accept SSH logins with the key pair ops-break-glass: whoever holds its private key reaches them on port 22 from wherever the security groups let it in (never the internet: no-ingress-from-internet); allowed: no keyName once break-glass access is not needed (blink-infra:security.breakGlass)");

        yield return C("cloud-firewall-enabled", () => IsolationPack.CloudFirewallEnabled(),
            Input(Resource(TypeTokens.AliCloud.Vpc.NatGateway, "nat", """{"natType":"Enhanced"}""")),
            Input(Resource(TypeTokens.AliCloud.CloudFirewall.NatFirewall, "firewall", """{"firewallSwitch":"open"}""")),
            "firewall: the NAT firewall that limits egress to blink-infra:network.internetEgress.allowedHosts needs Cloud Firewall enabled in the account (an edition of its own, billed by subscription or pay-as-you-go, plus the traffic it protects), which nothing offline can see; allowed: confirm it in the Cloud Firewall console, then set blink-infra:policy.levels {cloud-firewall-enabled: disabled}");

        // blink-hardware
        yield return C("accelerator-pools-tainted", () => HardwarePack.AcceleratorPoolsTainted(),
            Input(Resource(Pool, "gpu", """{"instanceTypes":["ecs.gn7i-c8g1.2xlarge"],"taints":[{"key":"blink.io/accelerator","value":"gpu","effect":"NoSchedule"}]}"""),
                Resource(Pool, "cpu", """{"instanceTypes":["ecs.g7.xlarge"]}""")),
            Input(Resource(Pool, "gpu", """{"instanceTypes":["ecs.gn7i-c8g1.2xlarge"]}""")),
            "gpu: a GPU pool without the taint blink.io/accelerator=gpu:NoSchedule; allowed: that taint");
        yield return C("fpga-pools-have-image", () => HardwarePack.FpgaPoolsHaveImage(),
            Input(Resource(Pool, "fpga", """{"instanceTypes":["ecs.f3-c16f1.4xlarge"],"imageId":"m-fpga"}""")),
            Input(Resource(Pool, "fpga", """{"instanceTypes":["ecs.f3-c16f1.4xlarge"]}""")),
            "fpga: an FPGA pool without an image; allowed: the FPGA image Alibaba Cloud shares by a support ticket (imageId)");
        yield return C("instance-families-known", () => HardwarePack.InstanceFamiliesKnown(),
            Input(Resource(Pool, "cpu", """{"instanceTypes":["ecs.g7.xlarge"]}""")),
            Input(Resource(Pool, "cpu", """{"instanceTypes":["ecs.g9.huge"]}""")),
            "cpu: instance type ecs.g9.huge is not in BlinkInfra's catalogue, which cannot say it is offered in cn-hangzhou; allowed: "
            + string.Join(", ", BlinkInfra.Facts.InstanceCatalog.Families.Select(f => f.Name)) + " types the catalogue lists");
        // A table of the test's own: InstanceAvailability.Known confirms no zone yet.
        var availability = new BlinkInfra.Facts.InstanceAvailability.Table([new("cn-hangzhou", "gn7i", ["cn-hangzhou-h", "cn-hangzhou-i"], "a test's row", "2026-12-05")]);
        var switches = new[] { "h", "i", "j" }.Select(z => Resource(TypeTokens.AliCloud.Vpc.Switch, $"vsw-{z}", $$"""{"zoneId":"cn-hangzhou-{{z}}"}""")).ToArray();
        yield return C("instance-types-offered-in-zones", () => HardwarePack.InstanceTypesOfferedInZones(table: availability),
            Input([.. switches,
                Resource(Pool, "gpu", """{"instanceTypes":["ecs.gn7i-c8g1.2xlarge"],"vswitchIds":["${vsw-h.id}","${vsw-i.id}"]}"""),
                Resource(Pool, "cpu", """{"instanceTypes":["ecs.g7.xlarge"],"vswitchIds":["${vsw-h.id}","${vsw-j.id}"]}""")]),
            Input([.. switches, Resource(Pool, "gpu", """{"instanceTypes":["ecs.gn7i-c8g1.2xlarge","ecs.gn7i-c16g1.4xlarge"],"vswitchIds":["${vsw-j.id}","${vsw-h.id}"]}""")]),
            "gpu: instance type ecs.gn7i-c8g1.2xlarge is not offered in cn-hangzhou-j (a test's row, read 2026-12-05: gn7i in cn-hangzhou only in cn-hangzhou-h, cn-hangzhou-i), so ACK cannot create the pool's nodes there; allowed: zones that offer it (blink-infra:compute.workerPools[].zones), or a type offered in every zone of the pool",
            "gpu: instance type ecs.gn7i-c16g1.4xlarge is not offered in cn-hangzhou-j (a test's row, read 2026-12-05: gn7i in cn-hangzhou only in cn-hangzhou-h, cn-hangzhou-i), so ACK cannot create the pool's nodes there; allowed: zones that offer it (blink-infra:compute.workerPools[].zones), or a type offered in every zone of the pool");

        // Rows of one type and billing method (an imported answer): the pool's own type and billing decide; an answer naming no zone is said so.
        var answered = new BlinkInfra.Facts.InstanceAvailability.Table([
            new("cn-hangzhou", "gn7i", ["cn-hangzhou-h"], "ECS DescribeAvailableResource, RequestId R-1", "2027-01-10", InstanceType: "ecs.gn7i-c8g1.2xlarge", ChargeType: "PostPaid"),
            new("cn-hangzhou", "gn7i", [], "ECS DescribeAvailableResource, RequestId R-1", "2027-01-10", InstanceType: "ecs.gn7i-c16g1.4xlarge", ChargeType: "PostPaid")]);
        yield return C("instance-types-offered-in-zones-by-type-and-billing", () => HardwarePack.InstanceTypesOfferedInZones(table: answered),
            Input([.. switches,
                Resource(Pool, "gpu", """{"instanceTypes":["ecs.gn7i-c8g1.2xlarge"],"instanceChargeType":"PostPaid","vswitchIds":["${vsw-h.id}"]}"""),
                Resource(Pool, "prepaid", """{"instanceTypes":["ecs.gn7i-c16g1.4xlarge"],"instanceChargeType":"PrePaid","vswitchIds":["${vsw-h.id}","${vsw-i.id}"]}""")]),
            Input([.. switches, Resource(Pool, "gpu", """{"instanceTypes":["ecs.gn7i-c8g1.2xlarge","ecs.gn7i-c16g1.4xlarge"],"instanceChargeType":"PostPaid","vswitchIds":["${vsw-h.id}","${vsw-i.id}"]}""")]),
            "gpu: instance type ecs.gn7i-c8g1.2xlarge is not offered in cn-hangzhou-i (ECS DescribeAvailableResource, RequestId R-1, PostPaid, read 2027-01-10: ecs.gn7i-c8g1.2xlarge in cn-hangzhou only in cn-hangzhou-h), so ACK cannot create the pool's nodes there; allowed: zones that offer it (blink-infra:compute.workerPools[].zones), or a type offered in every zone of the pool",
            "gpu: instance type ecs.gn7i-c16g1.4xlarge is not offered in cn-hangzhou-h, cn-hangzhou-i (ECS DescribeAvailableResource, RequestId R-1, PostPaid, read 2027-01-10: ecs.gn7i-c16g1.4xlarge in no zone of cn-hangzhou), so ACK cannot create the pool's nodes there; allowed: zones that offer it (blink-infra:compute.workerPools[].zones), or a type offered in every zone of the pool");

        yield return C("pools-create-their-nodes", () => HardwarePack.PoolsCreateTheirNodes(),
            Input(Resource(Pool, "cpu", """{"desiredSize":"2"}""")),
            Input(Resource(Pool, "cpu", """{"instances":["i-1","i-2"]}""")),
            "cpu: 2 ECS instance(s) joined through instances, owned by both Pulumi and ACK; allowed: no instances, the pool's own nodes (desiredSize or scalingConfig)");
        yield return C("no-autoscaling-subscription-pools", () => HardwarePack.NoAutoscalingSubscriptionPools(),
            Input(Resource(Pool, "fixed", """{"instanceChargeType":"PrePaid","desiredSize":"2"}"""),
                Resource(Pool, "elastic", """{"instanceChargeType":"PostPaid","scalingConfig":{"enable":true,"minSize":1,"maxSize":4}}""")),
            Input(Resource(Pool, "cpu", """{"instanceChargeType":"PrePaid","scalingConfig":{"enable":true,"minSize":1,"maxSize":4}}""")),
            "cpu: an autoscaling pool of subscription (PrePaid) machines, which ACK removes on scale-in but does not release, so they stay billed; allowed: a fixed desiredSize with subscription, or autoscaling with PostPaid");

        yield return C("state-disk-not-runtime-disk", () => HardwarePack.StateDiskNotRuntimeDisk(),
            Input(Resource(Pool, "cpu", """{"dataDisks":[{"size":120,"mountTarget":"/mnt/blink-state","autoFormat":"true"},{"size":100}]}"""),
                Resource(Pool, "masters", """{"desiredSize":"1"}""")),
            Input(Resource(Pool, "cpu", """{"dataDisks":[{"size":120,"mountTarget":"/mnt/blink-state","autoFormat":"true"}]}""")),
            "cpu: the last of 1 data disk(s) is mounted at /mnt/blink-state, but ACK formats the last data disk as the container runtime's directory, so /mnt/blink-state is never mounted; allowed: the state disk first and a disk for the runtime after it (BlinkInfra declares both)");

        yield return C("taskmanager-fits-beside-system-pods", () => HardwarePack.TaskManagerFitsBesideSystemPods(),
            Input(Resource(Pool, "cpu", """{"nodePoolName":"cpu","instanceTypes":["ecs.g7.xlarge"]}"""),
                Resource("kubernetes:flink.apache.org/v1beta1:FlinkDeployment", "session-cpu", """{"metadata":{"labels":{"blink.io/pool":"cpu"}},"spec":{"taskManager":{"resource":{"cpu":2,"memory":"8192m"}}}}""")),
            Input(Resource(Pool, "cpu", """{"nodePoolName":"cpu","instanceTypes":["ecs.g7.xlarge"]}"""),
                Resource("kubernetes:flink.apache.org/v1beta1:FlinkDeployment", "session-cpu", """{"metadata":{"labels":{"blink.io/pool":"cpu"}},"spec":{"taskManager":{"resource":{"cpu":3,"memory":"11264m"}}}}""")),
            "session-cpu: a TaskManager of 3000m CPU and 11264Mi memory does not fit pool cpu's ecs.g7.xlarge beside the DaemonSets (680m CPU and 760Mi memory) and the system Deployments the tainted masters push onto the workers (1000m CPU and 1620Mi memory), which leave it 2220m CPU and 10214Mi memory (infra/Facts/NodeAllocatable.cs); allowed: a TaskManager within that, as BlinkInfra sizes it from the pool's types");

        // blink-operations
        var alertRule = TypeTokens.AliCloud.Arms.PrometheusAlertRule;
        var dispatchRule = TypeTokens.AliCloud.Arms.DispatchRule;
        yield return C("alerts-have-receivers", () => OperationsPack.AlertsHaveReceivers(),
            Input(Resource(dispatchRule, "dispatch", """{"notifyRules":[{"notifyObjects":[{"notifyObjectId":"${group.id}","notifyType":"ARMS_CONTACT_GROUP","name":"oncall"}],"notifyChannels":["email"]}]}"""),
                Resource(alertRule, "down", """{"prometheusAlertRuleName":"job-down","notifyType":"DISPATCH_RULE","dispatchRuleId":"${dispatch.id}"}""")),
            Input(Resource(dispatchRule, "nobody", """{"notifyRules":[{"notifyObjects":[],"notifyChannels":["email"]}]}"""),
                Resource(alertRule, "down", """{"prometheusAlertRuleName":"job-down","notifyType":"DISPATCH_RULE","dispatchRuleId":"${nobody.id}"}"""),
                Resource(alertRule, "slow", """{"prometheusAlertRuleName":"job-slow","notifyType":"ALERT_MANAGER"}""")),
            "stack: 2 alert rule(s) (job-down, job-slow) reach no one: the stack routes them to no notification policy, so only one the account keeps elsewhere could; allowed: receivers in blink-infra:observability.alerting.contacts (their details in the secret blink-infra:alertContacts), or blink-infra:observability.metrics.alerts: false");

        // blink-data-protection
        yield return C("state-bucket-protected", () => DataProtectionPack.StateBucketProtected(),
            Input(Resource(TypeTokens.AliCloud.Oss.Bucket, "state", "{}", protect: true)),
            Input(Resource(TypeTokens.AliCloud.Oss.Bucket, "state", "{}")),
            "state: the bucket is not protected; allowed: protect: true");
        yield return C("secrets-key-kept", () => DataProtectionPack.SecretsKeyKept(),
            Input(SecretsKey("""{"keySpec":"Aliyun_AES_256","status":"Enabled"}""", protect: true), ClusterEncryptedWith("kms"),
                // A key no cluster encrypts its Secrets with is not this policy's.
                Resource(TypeTokens.AliCloud.Kms.Key, "other", """{"status":"Disabled"}""")),
            Input(SecretsKey("""{"keySpec":"RSA_2048","status":"Disabled"}""", protect: false), ClusterEncryptedWith("kms")),
            "kms: the cluster's Secrets key is not protected, and deleting it leaves the API server unable to read Secrets; allowed: protect: true",
            "kms: the cluster's Secrets key is Disabled, and the API server cannot read Secrets without it; allowed: status Enabled",
            "kms: key spec RSA_2048; allowed: Aliyun_AES_256, the symmetric key ACK's Secrets encryption takes");
        yield return C("data-disks-encrypted", () => DataProtectionPack.DataDisksEncryptedWithStackKey(),
            // With a key, an encrypted disk is no finding (without a key, a disk in plain is none either: SilentDowngradeTests).
            Input(Resource(Pool, "keyed", """{"systemDiskKmsKey":"k","dataDisks":[{"category":"cloud_essd","encrypted":"true"}]}""")),
            Input(Resource(TypeTokens.AliCloud.Kms.Key, "kms", "{}"), Resource(Pool, "pool", """{"dataDisks":[{"category":"cloud_essd","encrypted":"false"}]}""")),
            "pool: data disk 0 (cloud_essd) is not encrypted, while the stack has a KMS key that encrypts its Secrets and system disks: Flink's local state (RocksDB) would be the one copy in plain; allowed: encrypted true (blink-infra:compute.workerPools[].dataDisk.encrypted: true, its default)");
        yield return C("no-plaintext-secrets", () => DataProtectionPack.NoPlaintextSecrets(),
            // Empty strings hold no credential: the Helm provider records repositoryOpts.password: "" when none is given.
            Input(Resource(TypeTokens.Kubernetes.Core.V1.Secret, "s", """{"stringData":{"a":"[secret]","b":""},"metadata":{"name":"x"}}"""),
                Resource(TypeTokens.Kubernetes.Helm.V3.Release, "r", """{"repositoryOpts":{"password":"","username":"","repo":"https://charts"}}""")),
            Input(Resource(TypeTokens.Kubernetes.Core.V1.Secret, "s", """{"stringData":{"a":"clear"}}"""),
                Resource(TypeTokens.AliCloud.Provider, "p", """{"assumeRole":{"accessKey":"AKID"}}"""),
                Resource("kubernetes:flink.apache.org/v1beta1:FlinkDeployment", "f", """{"spec":{"flinkConfiguration":{"fs.oss.accessKeySecret":"clear","fs.oss.credentials.provider":"x"}}}""")),
            "s: input stringData holds a credential in plain text; allowed: a Pulumi secret",
            "p: input assumeRole.accessKey holds a credential in plain text; allowed: a Pulumi secret",
            "f: input spec.flinkConfiguration.fs.oss.accessKeySecret holds a credential in plain text; allowed: a Pulumi secret");
    }

    [TestCaseSource(nameof(Cases))]
    public void Passes_its_minimal_fixture_and_fails_the_other_with_the_exact_message(Case policyCase)
    {
        var policy = policyCase.Make();

        Assert.That(Found(policy, policyCase.Passing), Is.Empty);
        Assert.That(Found(policy, policyCase.Failing), Is.EqualTo(policyCase.Expected));
    }

    [Test]
    public void A_driver_ack_lists_for_the_clusters_minor_version_is_confirmed()
    {
        var found = Found(RegionPack.AckOfferingsUnconfirmed(), Input(Resource(TypeTokens.AliCloud.CS.ManagedKubernetes, "ack", """{"version":"1.30.7-aliyun.1"}"""),
            Resource(Pool, "gpu", """{"labels":[{"key":"ack.aliyun.com/nvidia-driver-version","value":"550.90.07"}]}""")));
        Assert.That(found.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]), Is.EqualTo(new[] { "ack" }), "the version is still unconfirmed, the driver is listed for 1.30");
    }

    [Test]
    public void Each_factory_takes_its_level()
    {
        Assert.That(IsolationPack.NoPublicIp().Level, Is.EqualTo(EnforcementLevel.Mandatory));
        Assert.That(IsolationPack.NoPublicIp(EnforcementLevel.Advisory).Level, Is.EqualTo(EnforcementLevel.Advisory));
        Assert.That(HardwarePack.InstanceFamiliesKnown().Level, Is.EqualTo(EnforcementLevel.Advisory));
    }

    [Test]
    public void Every_policy_of_the_packs_has_a_minimal_case_here_or_in_its_pack_file()
    {
        var covered = Cases().Select(c => c.TestName!).Concat(HighAvailabilityPackTests.Covered).Concat(MastersPoolAutoRepairTests.Covered).Concat(DataProtectionFlinkTests.Covered).Concat(ImagesAndChartReachableTests.Covered).ToHashSet();

        Assert.That(PolicyEngine.PolicyNames.Where(n => !covered.Contains(n)), Is.Empty);
    }
}
