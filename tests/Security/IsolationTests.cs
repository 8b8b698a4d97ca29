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

/// <summary>Network isolation on the pods' path: the groups pods carry, their ingress and egress, data endpoints, the cross-account transit router, internet egress and its route.</summary>
public class IsolationTests
{
    private const string RuleType = "alicloud:ecs/securityGroupRule:SecurityGroupRule";
    private const string GroupType = "alicloud:ecs/securityGroup:SecurityGroup";
    private const string RouteType = "alicloud:vpc/routeEntry:RouteEntry";
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

    private static string DataAccess(string endpoints = "", string crossAccount = "")
        => "  blink-infra:dataAccess:\n"
           + (endpoints.Length > 0 ? "    endpoints:\n" + endpoints : "")
           + crossAccount;

    private const string TenantVpc = "vpc-bp1tenant000001";

    /// <summary>A tenant's VPC in account 1234567890123456, the platform's account 6543210987654321.</summary>
    private const string CrossAccount = """
            crossAccount:
              tenantRoleArn: "acs:ram::1234567890123456:role/blink-tenant"
              platformAccountId: "6543210987654321"
              vpcId: vpc-bp1tenant000001
              cidrBlock: 192.168.0.0/16
              vswitches: [{id: vsw-bp1tenanth00001, zone: cn-hangzhou-h}, {id: vsw-bp1tenanti00001, zone: cn-hangzhou-i}]

        """;

    /// <summary>Lookups answered: the customer's and the tenant's VPCs as the spec gives them, with their route tables; route tables as <paramref name="routes"/>.</summary>
    private static object Answer(MockCallArgs call, object[]? routes = null)
        => call.Token switch
        {
            "alicloud:vpc/getNetworks:getNetworks" => new Dictionary<string, object>
            {
                ["vpcs"] = ImmutableArray.Create<object>(
                    new Dictionary<string, object> { ["id"] = CustomerVpc, ["cidrBlock"] = "10.0.0.0/16", ["routeTableId"] = "vtb-customer" },
                    new Dictionary<string, object> { ["id"] = TenantVpc, ["cidrBlock"] = "192.168.0.0/16", ["routeTableId"] = "vtb-tenant" }),
            },
            "alicloud:vpc/getRouteEntries:getRouteEntries" => new Dictionary<string, object> { ["entries"] = ImmutableArray.Create(routes ?? System.Array.Empty<object>()) },
            _ => ImmutableDictionary<string, object>.Empty,
        };

    private static async Task<RecordingMocks> Run(string yaml)
    {
        var mocks = new RecordingMocks { CallResult = call => Answer(call) };
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
                Assert.That(inputs["description"]!.GetValue<string>().Length, Is.InRange(NameLimits.SecurityGroupRuleDescription.MinLength, NameLimits.SecurityGroupRuleDescription.MaxLength), where);
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

        var ingress = mocks.OfType(RuleType).Where(r => r.Inputs["type"] is "ingress").ToList();
        string Describe(MockResourceArgs r) => $"{r.Inputs["securityGroupId"]}<-{r.Inputs["sourceSecurityGroupId"]} {r.Inputs["ipProtocol"]} {r.Inputs["portRange"]}";
        Assert.That(ingress.Select(Describe), Is.EquivalentTo(
            ClusterPorts.WorkersFromMasters.Select(t => $"blink-t-sg-workers-id<-blink-t-sg-masters-id {t.Protocol} {t.PortRange}")
                .Concat(ClusterPorts.MastersFromWorkers.Select(t => $"blink-t-sg-masters-id<-blink-t-sg-workers-id {t.Protocol} {t.PortRange}"))));
        Assert.That(ingress.All(r => r.Inputs["policy"] is "accept" && (double)r.Inputs["priority"] == 1));
        Assert.That(ClusterPorts.All.Select(t => t.PortRange), Has.None.EqualTo("9443/9443"), "the operator's webhook is switched off: nothing listens on 9443");

        // Each port one group accepts from the other, the other lets out to it (for an egress rule the source group is the destination).
        var toGroups = mocks.OfType(RuleType).Where(r => r.Inputs["type"] is "egress" && r.Inputs.ContainsKey("sourceSecurityGroupId")).ToList();
        string DescribeOut(MockResourceArgs r) => $"{r.Inputs["securityGroupId"]}->{r.Inputs["sourceSecurityGroupId"]} {r.Inputs["ipProtocol"]} {r.Inputs["portRange"]}";
        Assert.That(toGroups.Select(DescribeOut), Is.EquivalentTo(
            ClusterPorts.WorkersFromMasters.Select(t => $"blink-t-sg-masters-id->blink-t-sg-workers-id {t.Protocol} {t.PortRange}")
                .Concat(ClusterPorts.MastersFromWorkers.Select(t => $"blink-t-sg-workers-id->blink-t-sg-masters-id {t.Protocol} {t.PortRange}"))
                .Concat(new[] { "blink-t-sg-masters-id->blink-t-sg-masters-id all -1/-1", "blink-t-sg-workers-id->blink-t-sg-workers-id all -1/-1" })));
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
                // So is the metric query service's (metrics.internal.query-service.port defaults to "0"): without it the REST
                // API's TaskManager metrics come back empty and the operator's autoscaler never scales.
                Assert.That(configuration["metrics.internal.query-service.port"]?.GetValue<string>(), Is.EqualTo("50100"), where);
                foreach (var (key, value) in configuration.Where(p => p.Key.EndsWith(".port", System.StringComparison.Ordinal)))
                {
                    var port = int.Parse(value!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                    // The metric query service is the TaskManagers' port the JobManager fetches their metrics from.
                    var onWorkers = key.StartsWith("taskmanager.", System.StringComparison.Ordinal) || key == "metrics.internal.query-service.port";
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
        var longest = new string('x', NameLimits.SecurityGroupRuleDescription.MaxLength);
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

    /// <summary>A group's egress rules as "protocol ports to destination", drop rules marked.</summary>
    private static string[] Egress(RecordingMocks mocks, string role)
        => mocks.OfType(RuleType).Where(r => r.Inputs["type"] is "egress" && (string)r.Inputs["securityGroupId"] == $"blink-t-sg-{role}-id")
            .Select(r => $"{(r.Inputs["policy"] is "drop" ? "drop " : "")}{r.Inputs["ipProtocol"]} {r.Inputs["portRange"]} to {(r.Inputs.TryGetValue("cidrIp", out var cidr) ? cidr : r.Inputs["sourceSecurityGroupId"])} @{r.Inputs["priority"]}")
            .ToArray();

    [Test]
    public async Task The_pods_groups_let_out_only_to_the_cluster_its_services_the_api_server_and_the_declared_endpoints()
    {
        var mocks = await Run(Stack(DataAccess(endpoints: "      - {name: orders, kind: kafka, cidr: 10.20.0.0/24, port: 9093}\n      - {name: db, kind: rds, host: 10.0.9.9}\n")));
        var blocks = StackRunner.Spec(Stack()).Network.Zones.Select(z => z.CidrBlock).ToArray();

        foreach (var (role, other, accepted) in new[] { ("workers", "masters", ClusterPorts.MastersFromWorkers), ("masters", "workers", ClusterPorts.WorkersFromMasters) })
        {
            Assert.That(Egress(mocks, role), Is.EquivalentTo(
                accepted.Select(t => $"{t.Protocol} {t.PortRange} to blink-t-sg-{other}-id @1")
                    .Concat(new[] { $"all -1/-1 to blink-t-sg-{role}-id @1", "all -1/-1 to 100.64.0.0/10 @1" })
                    .Concat(blocks.Select(b => $"tcp 6443/6443 to {b} @1"))
                    .Concat(new[] { "tcp 9093/9093 to 10.20.0.0/24 @1", "tcp 3306/3306 to 10.0.9.9/32 @1", "drop all -1/-1 to 0.0.0.0/0 @100" })),
                $"{role}: JobManagers reach the endpoints too (sources enumerate their splits there)");
        }
        var drop = mocks.Single(RuleType, "blink-t-sgr-workers-drop-rest").Inputs;
        Assert.That((drop["nicType"], drop["description"]), Is.EqualTo(("intranet", "nothing but the cluster, its services and the declared endpoints")));
    }

    [Test]
    public async Task With_internet_egress_the_pods_groups_also_let_out_http_and_https_anywhere_and_nothing_else()
    {
        var mocks = await Run(Stack(network: "    internetEgress: {enabled: true}"));

        foreach (var role in new[] { "masters", "workers" })
        {
            var egress = Egress(mocks, role);
            Assert.That(egress.Where(e => e.Contains("to 0.0.0.0/0", System.StringComparison.Ordinal)),
                Is.EquivalentTo(new[] { "tcp 80/80 to 0.0.0.0/0 @1", "tcp 443/443 to 0.0.0.0/0 @1", "drop all -1/-1 to 0.0.0.0/0 @100" }), role);
        }
    }

    [Test]
    public async Task The_master_machines_have_a_terway_config_of_their_own_so_the_jobmanager_pods_carry_the_masters_group()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));

        var config = plan.Resources.Single(r => r.Name == "blink-t-eni-config-masters");
        Assert.That(config.Type, Is.EqualTo("kubernetes:core/v1:ConfigMap"));
        Assert.That(config.Inputs["metadata"]!.ToJsonString(), Is.EqualTo("""{"name":"blink-eni-masters","namespace":"kube-system"}"""));
        Assert.That(config.Inputs["data"]!["eni_conf"]!.GetValue<string>(),
            Does.StartWith("""{"security_group":"${blink-t-sg-masters.id}","security_groups":["${blink-t-sg-masters.id}"],"vswitches":"""),
            "both keys: the merge over the cluster's eni-config keeps no other group (and the master zones' pod vSwitches, ComputeTests)");
        Assert.That(config.Provider!.Name, Is.EqualTo("blink-t-k8s-system"), "a provider that does not wait for the node pools");
        var provider = plan.Resources.Single(r => r.Name == "blink-t-k8s-system");
        Assert.That(provider.DependsOn, Is.Empty);

        var masters = plan.Resources.Single(r => r.Name == "blink-t-pool-masters");
        Assert.That(masters.DependsOn, Does.Contain(new ResourceRef("kubernetes:core/v1:ConfigMap", "blink-t-eni-config-masters")), "Terway on a labelled node fails without its ConfigMap");
        Assert.That(masters.Inputs["labels"]!.AsArray().Select(l => $"{l!["key"]}={l["value"]}"), Does.Contain("terway-config=blink-eni-masters"));
        Assert.That(masters.Inputs["securityGroupIds"]!.AsArray().Select(g => g!.GetValue<string>()), Is.EqualTo(new[] { "${blink-t-sg-masters.id}" }));
        var cluster = plan.Resources.Single(r => r.Type == "alicloud:cs/managedKubernetes:ManagedKubernetes");
        Assert.That(cluster.Inputs["securityGroupId"]!.GetValue<string>(), Is.EqualTo("${blink-t-sg-workers.id}"), "the cluster's group, Terway's default: the TaskManager pods'");
        // A worker pool's own Terway config names no group: its pods keep the cluster's, the workers'.
        Assert.That(plan.Resources.Single(r => r.Name == "blink-t-eni-config-cpu").Inputs["data"]!["eni_conf"]!.GetValue<string>(), Does.Not.Contain("security_group"));
    }

    [Test]
    public void The_seeds_data_access_enis_are_retired_with_what_replaced_them()
    {
        var yaml = Stack("  blink-infra:dataAccess:\n    vswitches:\n      - {id: vsw-bp1customerh0001, zone: cn-hangzhou-h, vpcId: vpc-bp1customer00001}\n");

        Assert.That(Errors(yaml), Is.EqualTo(new[] { "blink-infra:dataAccess.vswitches = \"[vsw-bp1customerh0001]\": " + DataAccessValidator.VswitchesRetired }));
        Assert.That(DataAccessValidator.VswitchesRetired, Does.Contain("network.vpcId").And.Contain("dataAccess.crossAccount").And.Contain("egress rule"));
    }

    [Test]
    public async Task The_endpoints_still_reach_jobs_and_no_eni_is_declared()
    {
        var mocks = await Run(Stack(DataAccess(endpoints: "      - {name: orders, kind: kafka, host: 10.0.9.9}\n")));

        Assert.That(mocks.Resources.Select(r => r.Type), Has.None.Contains("NetworkInterface"));
        Assert.That(mocks.Single("kubernetes:core/v1:ConfigMap", "blink-t-endpoints").Inputs["data"], Does.ContainKey("orders.properties.bootstrap.servers"));
    }

    [TestCaseSource(typeof(DataEndpointKinds), nameof(DataEndpointKinds.All))]
    public async Task Each_endpoint_kind_opens_one_egress_rule_per_pod_group_on_its_default_port(DataEndpointKind kind)
    {
        var mocks = await Run(Stack(DataAccess(endpoints: $"      - {{name: sink, kind: {kind.Name}, host: 10.9.8.7}}\n")));

        foreach (var role in new[] { "masters", "workers" })
        {
            Assert.That(mocks.Single(RuleType, $"blink-t-sgr-{role}-to-sink").Inputs, Is.EquivalentTo(new Dictionary<string, object>
            {
                ["securityGroupId"] = $"blink-t-sg-{role}-id",
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
    }

    [Test]
    public async Task Across_accounts_a_transit_router_connects_the_vpcs_each_resource_in_its_account_in_order()
    {
        var yaml = Stack(DataAccess(endpoints: "      - {name: orders, kind: kafka, cidr: 192.168.8.0/24}\n", crossAccount: CrossAccount));
        var mocks = await Run(yaml);
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(yaml));

        Assert.That(mocks.Single("pulumi:providers:alicloud", "blink-t-tenant-alicloud").Inputs["assumeRole"],
            Is.EqualTo("{ \"roleArn\": \"acs:ram::1234567890123456:role/blink-tenant\", \"sessionName\": \"blink-t-blink-infra\" }"));
        const string tenant = "urn:pulumi:dev::blink-infra::pulumi:pulumi:Stack$pulumi:providers:alicloud::blink-t-tenant-alicloud::blink-t-tenant-alicloud-id";
        string Account(string name) => mocks.Resources.Single(r => r.Name == name).Provider == tenant ? "tenant" : "platform";
        Assert.That(new[] { "blink-t-cen", "blink-t-tr", "blink-t-cen-grant", "blink-t-tr-cluster", "blink-t-tr-tenant", "blink-t-tr-rt",
                "blink-t-tr-rt-assoc-cluster", "blink-t-tr-rt-prop-tenant", "blink-t-route-to-tenant", "blink-t-route-to-pods-cn-hangzhou-h" }.Select(n => $"{n}: {Account(n)}"),
            Is.EqualTo(new[] { "blink-t-cen: platform", "blink-t-tr: platform", "blink-t-cen-grant: tenant", "blink-t-tr-cluster: platform", "blink-t-tr-tenant: platform",
                "blink-t-tr-rt: platform", "blink-t-tr-rt-assoc-cluster: platform", "blink-t-tr-rt-prop-tenant: platform", "blink-t-route-to-tenant: platform",
                "blink-t-route-to-pods-cn-hangzhou-h: tenant" }));

        // The transit router's grant, not the deprecated (provider 1.241.0) cen/instanceGrant.
        Assert.That(mocks.Resources.Select(r => r.Type), Has.None.EqualTo("alicloud:cen/instanceGrant:InstanceGrant"));
        var grant = mocks.Single("alicloud:cen/transitRouterGrantAttachment:TransitRouterGrantAttachment", "blink-t-cen-grant").Inputs;
        Assert.That((grant["cenId"], grant["instanceId"], grant["instanceType"], grant["cenOwnerId"]), Is.EqualTo(("blink-t-cen-id", TenantVpc, "VPC", "6543210987654321")));
        var tenantAttachment = mocks.Single("alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment", "blink-t-tr-tenant").Inputs;
        Assert.That((tenantAttachment["vpcId"], tenantAttachment["vpcOwnerId"], tenantAttachment["autoPublishRouteEnabled"]), Is.EqualTo((TenantVpc, "1234567890123456", false)));
        Assert.That(tenantAttachment["zoneMappings"], Is.EqualTo(new object[]
        {
            new Dictionary<string, object> { ["vswitchId"] = "vsw-bp1tenanth00001", ["zoneId"] = "cn-hangzhou-h" },
            new Dictionary<string, object> { ["vswitchId"] = "vsw-bp1tenanti00001", ["zoneId"] = "cn-hangzhou-i" },
        }));
        var clusterAttachment = mocks.Single("alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment", "blink-t-tr-cluster").Inputs;
        Assert.That((clusterAttachment["vpcId"], ((IEnumerable<object>)clusterAttachment["zoneMappings"]).Count()), Is.EqualTo((CustomerVpc, 3)));

        var toTenant = mocks.Single(RouteType, "blink-t-route-to-tenant").Inputs;
        Assert.That((toTenant["routeTableId"], toTenant["destinationCidrblock"], toTenant["nexthopType"], toTenant["nexthopId"]),
            Is.EqualTo(("vtb-customer", "192.168.0.0/16", "Attachment", "blink-t-tr-cluster-id")));
        var pods = StackRunner.Spec(yaml).Network.Zones;
        Assert.That(mocks.OfType(RouteType).Where(r => (r.Name ?? "").StartsWith("blink-t-route-to-pods-", System.StringComparison.Ordinal))
                .Select(r => $"{r.Inputs["routeTableId"]} {r.Inputs["destinationCidrblock"]} {r.Inputs["nexthopType"]} {r.Inputs["nexthopId"]}"),
            Is.EqualTo(pods.Select(z => $"vtb-tenant {z.PodCidrBlock} Attachment blink-t-tr-tenant-id")), "the pods' blocks back through the tenant's connection");

        // Dependency order: the tenant's grant before the platform attaches its VPC; routes and the table after the connections.
        ResourceRef Ref(string type, string name) => new(type, name);
        PlannedResource Planned(string name) => plan.Resources.Single(r => r.Name == name);
        Assert.That(Planned("blink-t-tr-tenant").DependsOn, Is.EqualTo(new[] { Ref("alicloud:cen/transitRouterGrantAttachment:TransitRouterGrantAttachment", "blink-t-cen-grant") }));
        Assert.That(Planned("blink-t-cen-grant").PropertyDependencies["cenId"], Is.EqualTo(new[] { Ref("alicloud:cen/instance:Instance", "blink-t-cen") }));
        Assert.That(Planned("blink-t-tr-rt-assoc-tenant").PropertyDependencies.Values.SelectMany(v => v).Select(r => r.Name), Is.EquivalentTo(new[] { "blink-t-tr-tenant", "blink-t-tr-rt" }));
        Assert.That(Planned("blink-t-route-to-pods-cn-hangzhou-i").PropertyDependencies["nexthopId"], Is.EqualTo(new[] { Ref("alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment", "blink-t-tr-tenant") }));

        // The same least-privilege egress: the tenant's endpoint on its port, the rest dropped.
        Assert.That(Egress(mocks, "workers"), Does.Contain("tcp 9092/9092 to 192.168.8.0/24 @1").And.Contain("drop all -1/-1 to 0.0.0.0/0 @100"));
        Assert.That(mocks.Lookups.Select(c => (c.Token, c.Provider)), Is.EqualTo(new[]
        {
            ("alicloud:vpc/getNetworks:getNetworks", (string?)"urn:pulumi:dev::blink-infra::pulumi:pulumi:Stack$pulumi:providers:alicloud::blink-t-alicloud::blink-t-alicloud-id"),
            ("alicloud:vpc/getNetworks:getNetworks", tenant),
        }), "both VPCs looked up, each through its account's provider");
    }

    [Test]
    public async Task In_the_same_account_there_is_no_transit_router_and_no_route()
    {
        var mocks = await Run(Stack(DataAccess(endpoints: "      - {name: orders, kind: kafka, cidr: 10.0.200.0/24}\n")));

        Assert.That(mocks.Resources.Select(r => r.Type), Has.None.StartsWith("alicloud:cen/").And.None.EqualTo(RouteType));
        Assert.That(mocks.OfType("pulumi:providers:alicloud").Select(p => p.Name), Is.EqualTo(new[] { "blink-t-alicloud" }));
    }

    [Test]
    public async Task With_internet_egress_in_an_existing_vpc_its_default_route_is_looked_up_before_anything_is_declared()
    {
        var mocks = await Run(Stack(network: "    internetEgress: {enabled: true}"));
        var lookup = mocks.Lookups.Single(c => c.Token == "alicloud:vpc/getRouteEntries:getRouteEntries");
        Assert.That((lookup.Args["routeTableId"], lookup.Args["cidrBlock"]), Is.EqualTo(("vtb-customer", "0.0.0.0/0")));
        Assert.That(mocks.OfType(RouteType), Is.Empty, "the NAT gateway adds 0.0.0.0/0 itself; a declared duplicate would fail");

        var shadowed = new RecordingMocks
        {
            CallResult = call => Answer(call, new object[] { new Dictionary<string, object> { ["cidrBlock"] = "0.0.0.0/0", ["nextHopType"] = "Instance", ["instanceId"] = "i-firewall01" } }),
        };
        var error = Assert.ThrowsAsync<Pulumi.RunException>(() => StackRunner.RunAsync(Stack(network: "    internetEgress: {enabled: true}"), mocks: shadowed));
        Assert.That(error!.Message, Is.EqualTo("BLINK1026: blink-infra:network.internetEgress.enabled = \"true\": VPC vpc-bp1customer00001 already routes 0.0.0.0/0 to Instance i-firewall01 (route table vtb-customer), " +
            "so the NAT gateway's own default route would not be the one taken and its SNAT entries would carry nothing; allowed: a VPC without a default route, or internetEgress.enabled false (the cluster then uses the VPC's own way out)"));
        Assert.That(shadowed.Resources.Select(r => r.Type), Is.EqualTo(new[] { "pulumi:providers:alicloud" }), "nothing but the provider the lookups go through");
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

        yield return Case("endpoint by name without a cidr", Stack(DataAccess(endpoints: "      - {name: logs, kind: log-service, host: cn-hangzhou-intranet.log.aliyuncs.com}\n")),
            "blink-infra:dataAccess.endpoints[0].cidr is missing; host \"cn-hangzhou-intranet.log.aliyuncs.com\" is a name, and a security group rule needs addresses; allowed: the CIDR block of the endpoint's addresses");
        yield return Case("endpoint of an unknown kind", Stack(DataAccess(endpoints: "      - {name: cache, kind: redis, host: 10.0.9.9}\n")),
            "blink-infra:dataAccess.endpoints[0].kind = \"redis\": unknown kind of source or sink; allowed: kafka, datahub, log-service, mq, analyticdb, rds, tablestore, hitsdb, hybriddb-mysql, hbase, elasticsearch");
        yield return Case("endpoint open to everything", Stack(DataAccess(endpoints: "      - {name: all, kind: kafka, cidr: 0.0.0.0/0}\n")),
            "blink-infra:dataAccess.endpoints[0].cidr = \"0.0.0.0/0\": wider than /8: an endpoint's rule opens its port to these addresses only; allowed: the endpoint's own block, /8 or narrower");
        yield return Case("cross account without a platform account", Stack(DataAccess(crossAccount: string.Join("\n", CrossAccount.Split('\n').Where(l => !l.Contains("platformAccountId", System.StringComparison.Ordinal))))),
            "blink-infra:dataAccess.crossAccount.platformAccountId is missing; the account that hosts the cluster and owns the transit router is required; allowed: a 16-digit Alibaba Cloud account id");
        yield return Case("cross account in the same account", Stack(DataAccess(crossAccount: CrossAccount.Replace("6543210987654321", "1234567890123456"))),
            "blink-infra:dataAccess.crossAccount.platformAccountId = \"1234567890123456\": the tenant's role is in the platform's own account; allowed: another account's id (in the same account, carve the cluster inside the customer's VPC with blink-infra:network.vpcId and leave crossAccount out)");
        yield return Case("cross account overlapping the cluster", Stack(DataAccess(crossAccount: CrossAccount.Replace("192.168.0.0/16", "10.0.128.0/17"))),
            "blink-infra:dataAccess.crossAccount.cidrBlock = \"10.0.128.0/17\": overlaps the cluster's VPC 10.0.0.0/16 (blink-infra:network.cidrBlock): the transit router routes each block to one VPC; allowed: a tenant VPC whose block does not overlap the cluster's");
        yield return Case("cross account without vswitches", Stack(DataAccess(crossAccount: CrossAccount.Replace("vswitches: [{id: vsw-bp1tenanth00001, zone: cn-hangzhou-h}, {id: vsw-bp1tenanti00001, zone: cn-hangzhou-i}]", "vswitches: []"))),
            "blink-infra:dataAccess.crossAccount.vswitches = \"[]\": the transit router attaches to the tenant's VPC through its vSwitches; allowed: a list of {id, zone}, one vSwitch per zone the transit router serves");
        yield return Case("cross account vswitch outside the region", Stack(DataAccess(crossAccount: CrossAccount.Replace("zone: cn-hangzhou-i", "zone: cn-shanghai-l"))),
            "blink-infra:dataAccess.crossAccount.vswitches[1].zone = \"cn-shanghai-l\": not a zone of the stack's region cn-hangzhou: the transit router is the region's; allowed: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k");
        yield return Case("cross account with a bad block", Stack(DataAccess(crossAccount: CrossAccount.Replace("192.168.0.0/16", "192.168.0.1/16"))),
            "blink-infra:dataAccess.crossAccount.cidrBlock = \"192.168.0.1/16\": host bits are set; allowed: the block's network address, here 192.168.0.0/16");
        const string Role = "\"acs:ram::1234567890123456:role/blink-tenant\"";
        const string RoleRequired = "the RAM role the stack assumes in the tenant's account is required; allowed: an ARN such as acs:ram::1234567890123456:role/blink-tenant";
        yield return Case("cross account with an empty role", Stack(DataAccess(crossAccount: CrossAccount.Replace(Role, "\"\""))),
            $"blink-infra:dataAccess.crossAccount.tenantRoleArn = \"\": {RoleRequired}");
        yield return Case("cross account with a blank role", Stack(DataAccess(crossAccount: CrossAccount.Replace(Role, "\"  \""))),
            $"blink-infra:dataAccess.crossAccount.tenantRoleArn = \"  \": {RoleRequired}");
        yield return Case("cross account without a role", Stack(DataAccess(crossAccount: string.Join("\n", CrossAccount.Split('\n').Where(l => !l.Contains("tenantRoleArn", System.StringComparison.Ordinal))))),
            $"blink-infra:dataAccess.crossAccount.tenantRoleArn is missing; {RoleRequired}");
        yield return Case("cross account with another cloud's role", Stack(DataAccess(crossAccount: CrossAccount.Replace(Role, "\"arn:aws:iam::123456789012:role/blink-tenant\""))),
            "blink-infra:dataAccess.crossAccount.tenantRoleArn = \"arn:aws:iam::123456789012:role/blink-tenant\": not a RAM role ARN; allowed: an ARN such as acs:ram::1234567890123456:role/blink-tenant");
        yield return Case("endpoint with an empty host", Stack(DataAccess(endpoints: "      - {name: orders, kind: kafka, host: \"\", cidr: 10.20.200.0/24}\n")),
            $"blink-infra:dataAccess.endpoints[0].host = \"\": an empty host; allowed: {HostNames.Allowed}");
        yield return Case("upper-case protocol", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: TCP, ports: \"22\"}]\n"),
            "blink-infra:security.peerGroups[0].protocol = \"TCP\": not a protocol the provider takes; allowed: tcp, udp, icmp, icmpv6, gre, all (lower case)");
        yield return Case("description over 512 characters", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: icmp, description: " + new string('d', 513) + "}]\n"),
            "blink-infra:security.peerGroups[0].description = \"" + new string('d', 197) + "...\": a rule's description of 513 characters; allowed: 1 to 512 characters (infra/Facts/NameLimits.cs), or none for BlinkInfra's own");
        yield return Case("tcp without ports", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: tcp}]\n"),
            "blink-infra:security.peerGroups[0].ports is missing; tcp needs ports; allowed: a port such as 8081, or a range such as 6121/6122, within 1 to 65535");
        yield return Case("icmp with ports", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: icmp, ports: \"8\"}]\n"),
            "blink-infra:security.peerGroups[0].ports = \"8\": icmp has no ports; allowed: -1/-1 or no ports");
        yield return Case("reversed port range", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: udp, ports: 9000/8000}]\n"),
            "blink-infra:security.peerGroups[0].ports = \"9000/8000\": not a port range; allowed: a port such as 8081, or a range such as 6121/6122, within 1 to 65535");
        yield return Case("tcp with no ports", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: tcp, ports: \"-1/-1\"}]\n"),
            "blink-infra:security.peerGroups[0].ports = \"-1/-1\": not a port range; allowed: a port such as 8081, or a range such as 6121/6122, within 1 to 65535");
        yield return Case("icmp with empty ports", Stack("  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: icmp, ports: \"\"}]\n"),
            "blink-infra:security.peerGroups[0].ports = \"\": icmp has no ports; allowed: -1/-1 or no ports");
        yield return Case("allowed host as an IPv6 address", Stack(network: "    internetEgress: {enabled: true, allowedHosts: [\"::1:443\"], firewallCidrBlock: 10.0.250.0/24}"),
            "blink-infra:network.internetEgress.allowedHosts[0] = \"::1:443\": an address; allowed: a host name and port, such as api.partner.com:443 (the NAT firewall filters by name)");
        yield return Case("egress bandwidth", Stack(network: "    internetEgress: {enabled: true, bandwidthMbps: 500}"),
            "blink-infra:network.internetEgress.bandwidthMbps = \"500\": allowed: 1 to 200 Mbit/s (an EIP billed by traffic)");
    }

    [TestCaseSource(nameof(IsolationErrors))]
    public void Invalid_isolation_config_gets_one_clear_message(string yaml, string message)
    {
        Assert.That(Errors(yaml), Is.EqualTo(new[] { message }));
    }
}
