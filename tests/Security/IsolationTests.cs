using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Plan;
using BlinkInfra.Security;
using NUnit.Framework;
using Pulumi.Testing;

namespace BlinkInfra.Tests;

/// <summary>Network isolation: security groups and rules, data-access ENIs, data endpoints and internet egress.</summary>
public class IsolationTests
{
    private const string RuleType = "alicloud:ecs/securityGroupRule:SecurityGroupRule";
    private const string GroupType = "alicloud:ecs/securityGroup:SecurityGroup";
    private const string EniType = "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface";
    private const string AttachmentType = "alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment";
    private const string PermissionType = "alicloud:ecs/ecsNetworkInterfacePermission:EcsNetworkInterfacePermission";
    private const string NatType = "alicloud:vpc/natGateway:NatGateway";
    private const string EipType = "alicloud:ecs/eipAddress:EipAddress";
    private const string AssociationType = "alicloud:ecs/eipAssociation:EipAssociation";
    private const string SnatType = "alicloud:vpc/snatEntry:SnatEntry";

    private const string CustomerVpc = "vpc-bp1customer00001";

    /// <summary>A stack carved in the customer's VPC (HA, three zones), with extra sections appended.</summary>
    private static string Stack(string extra = "", string network = "")
        => $$"""
            config:
              blink-infra:cluster:
                name: blink-t
                region: cn-hangzhou
              blink-infra:network:
                vpcId: {{CustomerVpc}}
                cidrBlock: 10.0.0.0/16
                zones: [{id: cn-hangzhou-h}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]
            {{network}}
              blink-infra:compute:
                workerPools: [{name: cpu, family: g7, instanceTypes: [ecs.g7.xlarge], nodes: 2}]
            {{extra}}
            """;

    private static string DataAccess(string vpc = CustomerVpc, string zones = "hij", string endpoints = "", string crossAccount = "")
        => "  blink-infra:dataAccess:\n    vswitches:\n"
           + string.Concat(zones.Select(z => $"      - {{id: vsw-bp1customer{z}0001, zone: cn-hangzhou-{z}, vpcId: {vpc}}}\n"))
           + (endpoints.Length > 0 ? "    endpoints:\n" + endpoints : "")
           + crossAccount;

    private static async Task<RecordingMocks> Run(string yaml)
    {
        var mocks = new RecordingMocks { CallResult = _ => StackRunner.NetworksResult(CustomerVpc, "10.0.0.0/16") };
        await StackRunner.RunAsync(yaml, mocks: mocks);
        return mocks;
    }

    private static string[] Errors(string yaml) => SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    private static IEnumerable<StackFile> ExampleStacks()
        => TestPaths.ExampleStacks().Select(StackFile.Load);

    [Test]
    public async Task Every_rule_of_every_example_stack_is_in_the_providers_terms_and_none_lets_the_internet_in()
    {
        foreach (var stack in ExampleStacks())
        {
            var plan = await BlinkCli.PlanStackAsync(stack);
            foreach (var rule in plan.Resources.Where(r => r.Type == RuleType))
            {
                var inputs = rule.Inputs;
                var where = $"{stack.StackName}: {rule.Name}";
                var protocol = inputs["ipProtocol"]!.GetValue<string>();
                Assert.That(ClusterPorts.Protocols, Does.Contain(protocol), where);
                var ports = inputs["portRange"]!.GetValue<string>();
                Assert.That(ports, ClusterPorts.IsPortless(protocol) ? Is.EqualTo("-1/-1") : Does.Match(@"^\d+/\d+$"), where);
                Assert.That(inputs["priority"]!.GetValue<long>(), Is.InRange(1, 100), where);
                Assert.That(new[] { "cidrIp", "sourceSecurityGroupId", "prefixListId" }.Count(inputs.ContainsKey), Is.EqualTo(1), $"{where}: exactly one of cidr, source group, prefix list");
                Assert.That(inputs["nicType"]!.GetValue<string>(), Is.EqualTo("intranet"), where);
                Assert.That(inputs["description"]!.GetValue<string>().Length, Is.InRange(ClusterPorts.RuleDescriptionMinLength, ClusterPorts.RuleDescriptionMaxLength), where);
                Assert.That(inputs["type"]!.GetValue<string>() == "ingress" && inputs.ContainsKey("cidrIp") && inputs["cidrIp"]!.GetValue<string>() is "0.0.0.0/0" or "::/0",
                    Is.False, $"{where} opens ingress to the internet");
            }
            foreach (var group in plan.Resources.Where(r => r.Type == GroupType))
            {
                Assert.That(group.Inputs["securityGroupType"]!.GetValue<string>(), Is.EqualTo("normal"), $"{stack.StackName}: {group.Name}");
                Assert.That(group.Inputs.ContainsKey("innerAccessPolicy"), $"{stack.StackName}: {group.Name} states its inner-access policy");
            }
        }
    }

    [Test]
    public async Task Masters_and_workers_reach_each_other_on_the_cluster_ports_only()
    {
        var mocks = await Run(Stack());

        var rules = mocks.OfType(RuleType).ToList();
        string Describe(MockResourceArgs r) => $"{r.Inputs["securityGroupId"]}<-{r.Inputs["sourceSecurityGroupId"]} {r.Inputs["ipProtocol"]} {r.Inputs["portRange"]}";
        Assert.That(rules.Select(Describe), Is.EquivalentTo(
            ClusterPorts.WorkersFromMasters.Select(t => $"blink-t-sg-workers-id<-blink-t-sg-masters-id {t.Protocol} {t.PortRange}")
                .Concat(ClusterPorts.MastersFromWorkers.Select(t => $"blink-t-sg-masters-id<-blink-t-sg-workers-id {t.Protocol} {t.PortRange}"))));
        Assert.That(rules.All(r => r.Inputs["type"] is "ingress" && r.Inputs["policy"] is "accept" && (double)r.Inputs["priority"] == 1));
    }

    [Test]
    public async Task Every_port_a_session_cluster_listens_on_is_the_port_a_rule_opens()
    {
        foreach (var stack in ExampleStacks())
        {
            var plan = await BlinkCli.PlanStackAsync(stack);
            // The rules between masters and workers: "-from-masters-" ones are on the workers.
            var rules = plan.Resources
                .Where(r => r.Type == RuleType && (r.Name.Contains("-from-masters-", System.StringComparison.Ordinal) || r.Name.Contains("-from-workers-", System.StringComparison.Ordinal)))
                .Select(r => (
                    Workers: r.Name.Contains("-from-masters-", System.StringComparison.Ordinal),
                    Protocol: r.Inputs["ipProtocol"]!.GetValue<string>(),
                    Range: r.Inputs["portRange"]!.GetValue<string>().Split('/').Select(int.Parse).ToArray()))
                .ToList();
            bool Opens(bool onWorkers, int port) => rules.Any(r => r.Workers == onWorkers && r.Protocol == "tcp" && r.Range[0] <= port && port <= r.Range[1]);

            foreach (var session in plan.Resources.Where(r => r.Type == "kubernetes:flink.apache.org/v1beta1:FlinkDeployment"))
            {
                var configuration = session.Inputs["spec"]!["flinkConfiguration"]!.AsObject();
                var where = $"{stack.StackName}: {session.Name}";
                // The data port is random unless set (taskmanager.data.port defaults to 0): it must be set.
                Assert.That(configuration["taskmanager.data.port"]?.GetValue<string>(), Is.EqualTo("6121"), where);
                foreach (var (key, value) in configuration.Where(p => p.Key.EndsWith(".port", System.StringComparison.Ordinal)))
                {
                    var port = int.Parse(value!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                    var onWorkers = key.StartsWith("taskmanager.", System.StringComparison.Ordinal);
                    Assert.That(Opens(onWorkers, port), $"{where}: {key} {port} has no rule on the {(onWorkers ? "workers" : "masters")}");
                }
            }
        }
    }

    [Test]
    public void Rules_for_flink_ports_follow_the_pinned_numbers_one_per_run_of_consecutive_ports()
    {
        var data = FlinkPorts.TaskManagerData;
        var far = data with { Number = 7000 };

        Assert.That(FlinkPorts.Tcp("p", data, FlinkPorts.TaskManagerRpc).Select(t => t.PortRange), Is.EqualTo(new[] { "6121/6122" }));
        Assert.That(FlinkPorts.Tcp("p", far, FlinkPorts.TaskManagerRpc).Select(t => t.PortRange), Is.EqualTo(new[] { "6122/6122", "7000/7000" }), "never a range over ports nothing listens on");
        Assert.That(ClusterPorts.WorkersFromMasters[0], Is.EqualTo(new ClusterPorts.Traffic("tcp", "6121/6122", "Flink TaskManager data and RPC")));
    }

    [Test]
    public async Task Peer_groups_are_let_in_by_source_group_on_their_ports()
    {
        var longest = new string('x', ClusterPorts.RuleDescriptionMaxLength);
        var mocks = await Run(Stack($$"""
              blink-infra:security:
                peerGroups:
                  - {securityGroupId: sg-bp1bastion0001, protocol: tcp, ports: "8081", description: web UI}
                  - {securityGroupId: sg-bp1monitor0001, role: workers, protocol: icmp}
                  - {securityGroupId: sg-bp1monitor0001, role: workers, protocol: icmpv6, description: {{longest}}}
            """));

        var web = mocks.Single(RuleType, "blink-t-sgr-masters-from-sg-bp1bastion0001-tcp-8081-8081").Inputs;
        Assert.That(web["securityGroupId"], Is.EqualTo("blink-t-sg-masters-id"));
        Assert.That(web["sourceSecurityGroupId"], Is.EqualTo("sg-bp1bastion0001"));
        Assert.That(web["portRange"], Is.EqualTo("8081/8081"));
        Assert.That(web["nicType"], Is.EqualTo("intranet"));
        Assert.That(web["description"], Is.EqualTo("web UI"));
        var ping = mocks.Single(RuleType, "blink-t-sgr-workers-from-sg-bp1monitor0001-icmp-any").Inputs;
        Assert.That(ping["securityGroupId"], Is.EqualTo("blink-t-sg-workers-id"));
        Assert.That(ping["portRange"], Is.EqualTo("-1/-1"));
        var ping6 = mocks.Single(RuleType, "blink-t-sgr-workers-from-sg-bp1monitor0001-icmpv6-any").Inputs;
        Assert.That((ping6["ipProtocol"], ping6["portRange"], ping6["description"]), Is.EqualTo(("icmpv6", "-1/-1", longest)), "icmpv6 is a protocol the provider takes, without ports; 512 characters a description it takes");
    }

    /// <summary>
    /// The DataAccess component on its own, with the instances it attaches to: the stack does not declare
    /// it while the master machines are nodes of an ACK pool (dataAccess.vswitches is refused), and these
    /// tests keep it correct until its attachment is replaced.
    /// </summary>
    private static async Task<RecordingMocks> RunDataAccess(string endpoints = "", bool crossAccount = false, string vpc = CustomerVpc)
    {
        var zones = ImmutableArray.Create("cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j");
        var vswitches = zones.Select(z => new DataVswitchSpec($"vsw-bp1customer{z[^1]}0001", z, vpc)).ToImmutableArray();
        var endpointSpecs = endpoints.Length == 0
            ? ImmutableArray<DataEndpointSpec>.Empty
            : StackRunner.Spec(Stack("  blink-infra:dataAccess:\n    endpoints:\n" + endpoints)).DataAccess.Endpoints;
        var spec = new DataAccessSpec(vswitches, crossAccount ? new CrossAccountSpec("acs:ram::1234567890123456:role/blink-tenant", "6543210987654321") : null, endpointSpecs);
        var mocks = new RecordingMocks();
        await Pulumi.Deployment.TestAsync(mocks, new TestOptions { ProjectName = StackRunner.Project, StackName = "dev", IsPreview = false }, () =>
        {
            var provider = new Pulumi.AliCloud.Provider("blink-t-alicloud", new Pulumi.AliCloud.ProviderArgs { Region = "cn-hangzhou" });
            var tenant = spec.CrossAccount is { } cross
                ? new Pulumi.AliCloud.Provider("blink-t-tenant-alicloud", new Pulumi.AliCloud.ProviderArgs
                {
                    Region = "cn-hangzhou",
                    AssumeRole = new Pulumi.AliCloud.Inputs.ProviderAssumeRoleArgs { RoleArn = cross.TenantRoleArn, SessionName = "blink-infra-blink-t" },
                })
                : null;
            var masters = Pulumi.Output.Create(zones.ToImmutableDictionary(z => z, z => $"i-master-{z}"));
            new DataAccess("blink-t", new DataAccessArgs(spec, CustomerVpc, zones, masters, tenant, new Dictionary<string, string>()),
                new Pulumi.ComponentResourceOptions { Provider = provider });
            return new Dictionary<string, object?>();
        });
        return mocks;
    }

    [Test]
    public async Task Each_master_gets_an_eni_in_the_customers_vswitch_of_its_zone_attached_to_it()
    {
        var mocks = await RunDataAccess();

        var group = mocks.Single(GroupType, "blink-t-sg-data").Inputs;
        Assert.That(group["vpcId"], Is.EqualTo(CustomerVpc));
        Assert.That(group["innerAccessPolicy"], Is.EqualTo("Drop"));
        foreach (var zone in new[] { "h", "i", "j" })
        {
            var eni = mocks.Single(EniType, $"blink-t-eni-cn-hangzhou-{zone}").Inputs;
            Assert.That(eni["vswitchId"], Is.EqualTo($"vsw-bp1customer{zone}0001"));
            Assert.That(eni["securityGroupIds"], Is.EqualTo(new[] { "blink-t-sg-data-id" }));
            var attachment = mocks.Single(AttachmentType, $"blink-t-eni-attach-cn-hangzhou-{zone}").Inputs;
            Assert.That(attachment["instanceId"], Is.EqualTo($"i-master-cn-hangzhou-{zone}"), "attached to the master of its own zone");
            Assert.That(attachment["networkInterfaceId"], Is.EqualTo($"blink-t-eni-cn-hangzhou-{zone}-id"));
        }
        Assert.That(mocks.OfType(PermissionType), Is.Empty);
        Assert.That(mocks.OfType(EniType).Select(e => e.Provider).Distinct().Single(), Does.Contain("::blink-t-alicloud::"), "the stack's own provider");
    }

    [Test]
    public async Task Across_accounts_the_tenant_owns_the_eni_and_grants_the_platform_instance_attach()
    {
        const string tenantVpc = "vpc-bp1tenant000001";
        var mocks = await RunDataAccess(crossAccount: true, vpc: tenantVpc);

        Assert.That(mocks.Single("pulumi:providers:alicloud", "blink-t-tenant-alicloud").Inputs["assumeRole"],
            Is.EqualTo("{ \"roleArn\": \"acs:ram::1234567890123456:role/blink-tenant\", \"sessionName\": \"blink-infra-blink-t\" }"),
            "provider inputs marked json travel as JSON text");
        const string tenantReference = "urn:pulumi:dev::blink-infra::pulumi:pulumi:Stack$pulumi:providers:alicloud::blink-t-tenant-alicloud::blink-t-tenant-alicloud-id";
        Assert.That(mocks.Single(GroupType, "blink-t-sg-data").Inputs["vpcId"], Is.EqualTo(tenantVpc));
        Assert.That(mocks.Single(GroupType, "blink-t-sg-data").Provider, Is.EqualTo(tenantReference));
        var permission = mocks.Single(PermissionType, "blink-t-eni-permission-cn-hangzhou-h");
        Assert.That(permission.Provider, Is.EqualTo(tenantReference));
        Assert.That(permission.Inputs["accountId"], Is.EqualTo("6543210987654321"));
        Assert.That(permission.Inputs["permission"], Is.EqualTo("InstanceAttach"));
        Assert.That(permission.Inputs["networkInterfaceId"], Is.EqualTo("blink-t-eni-cn-hangzhou-h-id"));
        Assert.That(mocks.Single(EniType, "blink-t-eni-cn-hangzhou-h").Provider, Is.EqualTo(tenantReference));
        Assert.That(mocks.Single(AttachmentType, "blink-t-eni-attach-cn-hangzhou-h").Provider, Does.Contain("::blink-t-alicloud::"), "the platform attaches");
    }

    [Test]
    public async Task The_stack_refuses_data_access_enis_while_the_masters_are_nodes_of_a_pool_and_keeps_the_endpoints()
    {
        Assert.That(Errors(Stack(DataAccess())), Is.EqualTo(new[]
        {
            "blink-infra:dataAccess.vswitches = \"[vsw-bp1customerh0001 (cn-hangzhou-h), vsw-bp1customeri0001 (cn-hangzhou-i), vsw-bp1customerj0001 (cn-hangzhou-j)]\": " +
            "the data-access ENIs were attached to master ECS instances, and the master machines are now nodes of a node pool that ACK creates and replaces, with no instance to attach them to; their attachment is being replaced; " +
            "allowed: no vswitches (meanwhile, carve the cluster inside the customer's VPC (blink-infra:network.vpcId), whose routes reach its vSwitches, and list the sources and sinks under dataAccess.endpoints alone)",
        }));

        var mocks = await Run(Stack("  blink-infra:dataAccess:\n    endpoints:\n      - {name: orders, kind: kafka, host: 10.0.9.9}\n"));
        Assert.That(mocks.Resources.Select(r => r.Type), Has.None.EqualTo(EniType).And.None.EqualTo(AttachmentType).And.None.EqualTo("blink:security:DataAccess"),
            "no ENI attached to nothing");
        Assert.That(mocks.Single("kubernetes:core/v1:ConfigMap", "blink-t-endpoints").Inputs["data"],
            Does.ContainKey("orders.properties.bootstrap.servers"), "jobs still learn their endpoints");
    }

    [TestCaseSource(typeof(DataEndpointKinds), nameof(DataEndpointKinds.All))]
    public async Task Each_endpoint_kind_opens_one_egress_rule_on_its_default_port(DataEndpointKind kind)
    {
        var mocks = await RunDataAccess(endpoints: $"      - {{name: sink, kind: {kind.Name}, host: 10.9.8.7}}\n");

        var rule = mocks.Single(RuleType, "blink-t-sgr-data-to-sink").Inputs;
        Assert.That(rule, Is.EquivalentTo(new Dictionary<string, object>
        {
            ["securityGroupId"] = "blink-t-sg-data-id",
            ["type"] = "egress",
            ["ipProtocol"] = "tcp",
            ["portRange"] = $"{kind.DefaultPort}/{kind.DefaultPort}",
            ["cidrIp"] = "10.9.8.7/32",
            ["nicType"] = "intranet",
            ["policy"] = "accept",
            ["priority"] = 1.0,
            ["description"] = $"to {kind.Name} sink",
        }));
    }

    [Test]
    public async Task The_data_group_drops_everything_it_does_not_accept()
    {
        var mocks = await RunDataAccess(endpoints: "      - {name: orders, kind: kafka, cidr: 10.20.0.0/24, port: 9093}\n");

        Assert.That(mocks.Single(RuleType, "blink-t-sgr-data-to-orders").Inputs["portRange"], Is.EqualTo("9093/9093"));
        var drop = mocks.Single(RuleType, "blink-t-sgr-data-drop-rest").Inputs;
        Assert.That((drop["type"], drop["ipProtocol"], drop["portRange"], drop["cidrIp"], drop["policy"], drop["priority"]),
            Is.EqualTo(("egress", "all", "-1/-1", "0.0.0.0/0", "drop", 100.0)));
    }

    [Test]
    public async Task Without_egress_there_is_no_nat_gateway_and_no_machine_has_a_public_ip()
    {
        var mocks = await Run(Stack());

        Assert.That(mocks.Resources.Where(r => r.Type is NatType or EipType or AssociationType or SnatType), Is.Empty);
        Assert.That(mocks.OfType("alicloud:cs/nodePool:NodePool").Select(p => p.Inputs.ContainsKey("internetMaxBandwidthOut")), Has.All.False);
    }

    [Test]
    public async Task Egress_is_a_nat_gateway_an_eip_their_association_and_one_snat_entry_per_vswitch()
    {
        var mocks = await Run(Stack(network: "    internetEgress: {enabled: true, bandwidthMbps: 20}"));

        var nat = mocks.Single(NatType, "blink-t-nat").Inputs;
        Assert.That((nat["natType"], nat["internetChargeType"], nat["paymentType"], nat["vpcId"], nat["vswitchId"], nat["force"]),
            Is.EqualTo(("Enhanced", "PayByLcu", "PayAsYouGo", CustomerVpc, "blink-t-vsw-cn-hangzhou-h-id", true)));
        var eip = mocks.Single(EipType, "blink-t-eip").Inputs;
        Assert.That((eip["bandwidth"], eip["internetChargeType"]), Is.EqualTo(("20", "PayByTraffic")));
        var association = mocks.Single(AssociationType, "blink-t-eip-nat").Inputs;
        Assert.That((association["allocationId"], association["instanceId"], association["instanceType"]), Is.EqualTo(("blink-t-eip-id", "blink-t-nat-id", "Nat")));
        var entries = mocks.OfType(SnatType);
        Assert.That(entries.Select(e => e.Inputs["sourceVswitchId"]), Is.EquivalentTo(new[]
        {
            "blink-t-vsw-cn-hangzhou-h-id", "blink-t-vsw-cn-hangzhou-i-id", "blink-t-vsw-cn-hangzhou-j-id",
            "blink-t-pod-vsw-cn-hangzhou-h-id", "blink-t-pod-vsw-cn-hangzhou-i-id", "blink-t-pod-vsw-cn-hangzhou-j-id",
        }));
        Assert.That(entries.All(e => (string)e.Inputs["snatTableId"] == "blink-t-nat-snat-table" && (string)e.Inputs["snatIp"] == "203.0.113.7"));
    }

    [Test]
    public async Task The_egress_chain_orders_create_and_destroy_safely()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(network: "    internetEgress: {enabled: true}")));

        ResourceRef Ref(string type, string name) => new(type, name);
        var association = plan.Resources.Single(r => r.Name == "blink-t-eip-nat");
        Assert.That(association.PropertyDependencies["allocationId"], Is.EqualTo(new[] { Ref(EipType, "blink-t-eip") }));
        Assert.That(association.PropertyDependencies["instanceId"], Is.EqualTo(new[] { Ref(NatType, "blink-t-nat") }));
        foreach (var entry in plan.Resources.Where(r => r.Type == SnatType))
        {
            Assert.That(entry.DependsOn, Is.EqualTo(new[] { Ref(AssociationType, "blink-t-eip-nat") }), $"{entry.Name} waits for the association, and goes before it");
            Assert.That(entry.PropertyDependencies["snatTableId"], Is.EqualTo(new[] { Ref(NatType, "blink-t-nat") }));
            Assert.That(entry.PropertyDependencies["snatIp"], Is.EqualTo(new[] { Ref(EipType, "blink-t-eip") }));
        }
    }

    [Test]
    public void The_service_cidr_overlaps_no_data_endpoint_the_cluster_must_reach()
    {
        static string WithServiceCidr(string yaml, string cidr) => yaml.Replace("  blink-infra:compute:\n", $"  blink-infra:compute:\n    kubernetes: {{serviceCidr: {cidr}}}\n");
        var endpoints = Stack("  blink-infra:dataAccess:\n    endpoints:\n      - {name: warehouse, kind: analyticdb, cidr: 192.168.4.0/24}\n      - {name: orders, kind: kafka, cidr: 172.21.8.0/24}\n");

        Assert.That(Errors(WithServiceCidr(endpoints, "192.168.0.0/20")), Is.EqualTo(new[]
        {
            "blink-infra:compute.kubernetes.serviceCidr = \"192.168.0.0/20\": overlaps data endpoint warehouse's 192.168.4.0/24, which the cluster must reach; allowed: a block outside it, such as 10.96.0.0/20",
        }));
        Assert.That(Errors(WithServiceCidr(endpoints, "192.168.16.0/20")), Is.Empty);
        var (spec, _) = SpecLoader.TryLoad(StackRunner.Stack(endpoints).ToRaw(), PolicyEngine.PolicyNames);
        Assert.That(spec!.Compute.Kubernetes.ServiceCidr, Is.EqualTo(System.Net.IPNetwork2.Parse("10.96.0.0/20")), "the default skips the candidates the endpoints overlap");
    }

    private static IEnumerable<TestCaseData> IsolationErrors()
    {
        TestCaseData Case(string name, string yaml, string message) => new TestCaseData(yaml, message).SetName(name);

        yield return Case("vswitch outside the region", Stack(DataAccess(zones: "hij")).Replace("zone: cn-hangzhou-j", "zone: cn-shanghai-l"),
            "blink-infra:dataAccess.vswitches[2].zone = \"cn-shanghai-l\": not a zone of the stack's region cn-hangzhou: an ENI reaches only its own region; allowed: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k");
        yield return Case("endpoint by name without a cidr", Stack(DataAccess(endpoints: "      - {name: logs, kind: log-service, host: cn-hangzhou-intranet.log.aliyuncs.com}\n")),
            "blink-infra:dataAccess.endpoints[0].cidr is missing; host \"cn-hangzhou-intranet.log.aliyuncs.com\" is a name, and a security group rule needs addresses; allowed: the CIDR block of the endpoint's addresses");
        yield return Case("endpoint of an unknown kind", Stack(DataAccess(endpoints: "      - {name: cache, kind: redis, host: 10.0.9.9}\n")),
            "blink-infra:dataAccess.endpoints[0].kind = \"redis\": unknown kind of source or sink; allowed: kafka, datahub, log-service, mq, analyticdb, rds, tablestore, hitsdb, hybriddb-mysql, hbase, elasticsearch");
        yield return Case("endpoint open to everything", Stack(DataAccess(endpoints: "      - {name: all, kind: kafka, cidr: 0.0.0.0/0}\n")),
            "blink-infra:dataAccess.endpoints[0].cidr = \"0.0.0.0/0\": wider than /8: an endpoint's rule opens its port to these addresses only; allowed: the endpoint's own block, /8 or narrower");
        yield return Case("cross account without a platform account", Stack("  blink-infra:dataAccess:\n    crossAccount: {tenantRoleArn: \"acs:ram::1234567890123456:role/t\"}\n"),
            "blink-infra:dataAccess.crossAccount.platformAccountId is missing; the account that hosts the cluster and attaches the ENIs is required; allowed: a 16-digit Alibaba Cloud account id");
        yield return Case("cross account while enis are refused", Stack("  blink-infra:dataAccess:\n    crossAccount: {tenantRoleArn: \"acs:ram::1234567890123456:role/t\", platformAccountId: \"6543210987654321\"}\n"),
            "blink-infra:dataAccess.crossAccount.tenantRoleArn = \"acs:ram::1234567890123456:role/t\": the data-access ENIs were attached to master ECS instances, and the master machines are now nodes of a node pool that ACK creates and replaces, with no instance to attach them to; their attachment is being replaced; allowed: no crossAccount (meanwhile, carve the cluster inside the customer's VPC (blink-infra:network.vpcId), whose routes reach its vSwitches, and list the sources and sinks under dataAccess.endpoints alone)");
        yield return Case("upper-case protocol", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: TCP, ports: \"22\"}]\n"),
            "blink-infra:security.peerGroups[0].protocol = \"TCP\": not a protocol the provider takes; allowed: tcp, udp, icmp, icmpv6, gre, all (lower case)");
        yield return Case("description over 512 characters", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: icmp, description: " + new string('d', 513) + "}]\n"),
            "blink-infra:security.peerGroups[0].description = \"" + new string('d', 513) + "\": a rule's description of 513 characters; allowed: 1 to 512 characters, or none for BlinkInfra's own");
        yield return Case("tcp without ports", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: tcp}]\n"),
            "blink-infra:security.peerGroups[0].ports is missing; tcp needs ports; allowed: a port such as 8081, or a range such as 6121/6122, within 1 to 65535");
        yield return Case("icmp with ports", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: icmp, ports: \"8\"}]\n"),
            "blink-infra:security.peerGroups[0].ports = \"8\": icmp has no ports; allowed: -1/-1 or no ports");
        yield return Case("reversed port range", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: udp, ports: 9000/8000}]\n"),
            "blink-infra:security.peerGroups[0].ports = \"9000/8000\": not a port range; allowed: a port such as 8081, or a range such as 6121/6122, within 1 to 65535");
        yield return Case("egress bandwidth", Stack(network: "    internetEgress: {enabled: true, bandwidthMbps: 500}"),
            "blink-infra:network.internetEgress.bandwidthMbps = \"500\": allowed: 1 to 200 Mbit/s (an EIP billed by traffic)");
    }

    [TestCaseSource(nameof(IsolationErrors))]
    public void Invalid_isolation_config_gets_one_clear_message(string yaml, string message)
    {
        Assert.That(Errors(yaml), Is.EqualTo(new[] { message }));
    }
}
