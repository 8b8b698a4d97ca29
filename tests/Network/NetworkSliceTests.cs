using System;
using System.Collections.Immutable;
using System.Linq;
using System.IO;
using System.Threading.Tasks;
using BlinkInfra.Network;
using BlinkInfra.Plan;
using BlinkInfra.Security;
using NUnit.Framework;
using Pulumi;
using Pulumi.Testing;

namespace BlinkInfra.Tests;

/// <summary>The first slice of infrastructure, run under mocks: what is declared, with which inputs, wired how.</summary>
public class NetworkSliceTests
{
    private const string VpcType = "alicloud:vpc/network:Network";
    private const string SwitchType = "alicloud:vpc/switch:Switch";
    private const string SecurityGroupType = "alicloud:ecs/securityGroup:SecurityGroup";
    private const string ProviderType = "pulumi:providers:alicloud";

    [Test]
    public async Task Dev_stack_declares_provider_vpc_one_vswitch_per_zone_and_security_group()
    {
        var (resources, mocks) = await StackRunner.RunAsync(StackRunner.DevConfig);

        // The real SDK registers resources as their inputs resolve, so only the set is fixed here;
        // declaration order is the plan's (see PlanTests).
        Assert.That(resources.Select(r => $"{r.GetResourceType()} {r.GetResourceName()}").Where(r => !r.Contains(":cs/") && !r.Contains("ecs/instance") && !r.Contains("compute") && !r.Contains("securityGroupRule")
            && !r.StartsWith("kubernetes:") && !r.Contains(":oss/") && !r.Contains(":ram/") && !r.Contains("providers:kubernetes") && !r.Contains("engine") && !r.Contains("observability") && !r.Contains(":arms/") && !r.Contains(":log/")), Is.EquivalentTo(new[]
        {
            "pulumi:pulumi:Stack blink-infra-dev",
            $"{ProviderType} blink-dev-alicloud",
            $"{ClusterNetwork.TypeToken} blink-dev",
            $"{VpcType} blink-dev-vpc",
            $"{SwitchType} blink-dev-vsw-cn-hangzhou-h",
            $"{SwitchType} blink-dev-vsw-cn-hangzhou-i",
            $"{SwitchType} blink-dev-vsw-cn-hangzhou-j",
            $"{SwitchType} blink-dev-pod-vsw-cn-hangzhou-h",
            $"{SwitchType} blink-dev-pod-vsw-cn-hangzhou-i",
            $"{SwitchType} blink-dev-pod-vsw-cn-hangzhou-j",
            $"{ClusterSecurity.TypeToken} blink-dev",
            $"{SecurityGroupType} blink-dev-sg-masters",
            $"{SecurityGroupType} blink-dev-sg-workers",
        }));
        Assert.That(mocks.Resources, Has.Count.EqualTo(resources.Length - 1), "every resource but the stack itself reaches the mocks");
    }

    [Test]
    public async Task Vpc_takes_the_spec_cidr_name_and_tags()
    {
        var (_, mocks) = await StackRunner.RunAsync(StackRunner.DevConfig);

        var vpc = mocks.Single(VpcType, "blink-dev-vpc").Inputs;
        Assert.That(vpc["cidrBlock"], Is.EqualTo("10.10.0.0/16"));
        Assert.That(vpc["vpcName"], Is.EqualTo("blink-dev-vpc"));
        Assert.That((ImmutableDictionary<string, object>)vpc["tags"], Is.EquivalentTo(new System.Collections.Generic.Dictionary<string, object>
        {
            ["team"] = "data-platform",
            ["blink.io/cluster"] = "blink-dev",
            ["blink.io/stack"] = "dev",
            ["blink.io/managed-by"] = "blink-infra",
        }));
    }

    [Test]
    public async Task Each_vswitch_takes_its_vpc_id_from_the_vpc_id_output_and_its_planned_cidr()
    {
        var (_, mocks) = await StackRunner.RunAsync(StackRunner.DevConfig);

        var switches = mocks.OfType(SwitchType).Where(s => s.Name!.Contains("-vsw-") && !s.Name.Contains("-pod-")).OrderBy(s => s.Name).ToList();
        Assert.That(switches.Select(s => s.Inputs["zoneId"]), Is.EqualTo(new[] { "cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j" }));
        Assert.That(switches.Select(s => s.Inputs["cidrBlock"]), Is.EqualTo(new[] { "10.10.64.0/20", "10.10.80.0/20", "10.10.96.0/20" }));
        var podSwitches = mocks.OfType(SwitchType).Where(s => s.Name!.Contains("-pod-vsw-")).OrderBy(s => s.Name).ToList();
        Assert.That(podSwitches.Select(s => s.Inputs["cidrBlock"]), Is.EqualTo(new[] { "10.10.192.0/20", "10.10.208.0/20", "10.10.224.0/20" }));
        Assert.That(podSwitches.Select(s => s.Inputs["vpcId"]).Distinct(), Is.EqualTo(new[] { "blink-dev-vpc-id" }));
        foreach (var vswitch in switches)
        {
            Assert.That(vswitch.Inputs["vpcId"], Is.EqualTo("blink-dev-vpc-id"), $"vSwitch {vswitch.Name} must use the VPC's Id output");
            Assert.That(vswitch.Inputs["vswitchName"], Is.EqualTo($"blink-dev-vsw-{vswitch.Inputs["zoneId"]}"));
        }
    }

    [Test]
    public async Task Security_group_is_a_vpc_group_in_the_cluster_vpc_with_explicit_inner_access()
    {
        var (_, mocks) = await StackRunner.RunAsync(StackRunner.DevConfig);

        foreach (var role in new[] { "masters", "workers" })
        {
            var group = mocks.Single(SecurityGroupType, $"blink-dev-sg-{role}").Inputs;
            Assert.That(group["vpcId"], Is.EqualTo("blink-dev-vpc-id"));
            Assert.That(group["securityGroupType"], Is.EqualTo("normal"));
            Assert.That(group["innerAccessPolicy"], Is.EqualTo("Accept"));
            Assert.That(group["securityGroupName"], Is.EqualTo($"blink-dev-{role}"));
        }
    }

    [Test]
    public async Task Every_cloud_resource_uses_the_explicit_provider_pinned_to_the_spec_region()
    {
        var (_, mocks) = await StackRunner.RunAsync(StackRunner.DevConfig);

        var provider = mocks.Single(ProviderType, "blink-dev-alicloud");
        Assert.That(provider.Inputs["region"], Is.EqualTo("cn-hangzhou"));
        const string providerReference = "urn:pulumi:dev::blink-infra::pulumi:pulumi:Stack$pulumi:providers:alicloud::blink-dev-alicloud::blink-dev-alicloud-id";
        foreach (var resource in mocks.Resources.Where(r => r.Type!.StartsWith("alicloud:")))
            Assert.That(resource.Provider, Is.EqualTo(providerReference), $"{resource.Type} {resource.Name} must use the stack's provider");
    }

    [Test]
    public async Task Children_are_parented_to_their_component_and_components_to_the_stack()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(StackRunner.DevConfig));

        var parents = plan.Resources.ToDictionary(r => r.Name + " " + r.Type, r => r.Parent?.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(parents[$"blink-dev-vpc {VpcType}"], Is.EqualTo($"{ClusterNetwork.TypeToken}::blink-dev"));
            Assert.That(parents[$"blink-dev-vsw-cn-hangzhou-h {SwitchType}"], Is.EqualTo($"{ClusterNetwork.TypeToken}::blink-dev"));
            Assert.That(parents[$"blink-dev-sg-masters {SecurityGroupType}"], Is.EqualTo($"{ClusterSecurity.TypeToken}::blink-dev"));
            Assert.That(parents[$"blink-dev {ClusterNetwork.TypeToken}"], Is.EqualTo("pulumi:pulumi:Stack::blink-infra-dev"));
            Assert.That(parents[$"blink-dev {ClusterSecurity.TypeToken}"], Is.EqualTo("pulumi:pulumi:Stack::blink-infra-dev"));
            Assert.That(parents["blink-infra-dev pulumi:pulumi:Stack"], Is.Null);
        });
    }

    [Test]
    public async Task Components_register_their_outputs()
    {
        // A created VPC reports its system route table (terraform-provider-alicloud alicloud_vpc `route_table_id`).
        var mocks = new RecordingMocks { State = (args, state) => args.Type == VpcType ? state.SetItem("routeTableId", "vtb-blink-dev") : state };
        await StackRunner.RunAsync(StackRunner.DevConfig, mocks: mocks);

        var network = mocks.RegisteredOutputs.Single(o => o.Urn.EndsWith($"{ClusterNetwork.TypeToken}::blink-dev"));
        Assert.That(network.Outputs.Keys, Is.EquivalentTo(new[] { "vpcId", "routeTableId", "vswitchIds", "podVswitchIds" }));
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(network.Outputs["vpcId"]), Is.EqualTo("blink-dev-vpc-id"));
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(network.Outputs["routeTableId"]), Is.EqualTo("vtb-blink-dev"));
        var security = mocks.RegisteredOutputs.Single(o => o.Urn.EndsWith($"{ClusterSecurity.TypeToken}::blink-dev"));
        Assert.That(security.Outputs.Keys, Is.EquivalentTo(new[] { "mastersSecurityGroupId", "workersSecurityGroupId" }));
    }

    private const string ExistingVpcConfig = """
            config:
              blink-infra:cluster:
                name: blink-shared-vpc
                region: cn-shanghai
              blink-infra:network:
                vpcId: vpc-uf6f7l4fg90abcdef
                cidrBlock: 172.16.0.0/12
                usedCidrBlocks: [172.16.0.0/24, 172.16.1.0/24]
                zones:
                  - id: cn-shanghai-l
                  - id: cn-shanghai-m
                    cidrBlock: 172.16.8.0/24
            """ + StackRunner.SmallCompute;

    [Test]
    public async Task Existing_vpc_is_not_created_and_its_id_wires_the_vswitches()
    {
        var mocks = new RecordingMocks { CallResult = _ => StackRunner.NetworksResult("vpc-uf6f7l4fg90abcdef", "172.16.0.0/12") };
        await StackRunner.RunAsync(ExistingVpcConfig, mocks: mocks);

        Assert.That(mocks.OfType(VpcType), Is.Empty);
        var switches = mocks.OfType(SwitchType).Where(s => !s.Name!.Contains("-pod-")).OrderBy(s => s.Name).ToList();
        Assert.That(switches.Select(s => s.Inputs["vpcId"]).Distinct(), Is.EqualTo(new[] { "vpc-uf6f7l4fg90abcdef" }));
        Assert.That(switches.Select(s => s.Inputs["cidrBlock"]), Is.EqualTo(new[] { "172.16.10.0/24", "172.16.8.0/24" }),
            "the planned blocks skip the blocks in use, and the explicit one is kept without moving any other: cn-shanghai-l is the 9th zone of its region and gets the 9th free block");
        Assert.That(mocks.Single(SecurityGroupType, "blink-shared-vpc-sg-workers").Inputs["vpcId"], Is.EqualTo("vpc-uf6f7l4fg90abcdef"));
    }

    [Test]
    public async Task Existing_vpc_is_looked_up_by_id_through_the_stack_provider()
    {
        var mocks = new RecordingMocks { CallResult = _ => StackRunner.NetworksResult("vpc-uf6f7l4fg90abcdef", "172.16.0.0/12") };
        await StackRunner.RunAsync(ExistingVpcConfig, mocks: mocks);

        var call = mocks.Lookups.Single();
        Assert.That(call.Token, Is.EqualTo("alicloud:vpc/getNetworks:getNetworks"));
        Assert.That(call.Args["ids"], Is.EqualTo(new[] { "vpc-uf6f7l4fg90abcdef" }));
        Assert.That(call.Provider, Does.StartWith("urn:pulumi:dev::blink-infra::pulumi:pulumi:Stack$pulumi:providers:alicloud::blink-shared-vpc-alicloud::"));
    }

    [Test]
    public async Task Existing_vpc_with_another_cidr_block_stops_the_stack_naming_the_key()
    {
        var mocks = new RecordingMocks { CallResult = _ => StackRunner.NetworksResult("vpc-uf6f7l4fg90abcdef", "10.0.0.0/8") };

        var errors = await RunErrors.Of(() => StackRunner.RunAsync(ExistingVpcConfig, mocks: mocks));

        Assert.That(errors, Is.EqualTo(new[] { "BLINK1026: blink-infra:network.cidrBlock = \"172.16.0.0/12\": VPC vpc-uf6f7l4fg90abcdef has 10.0.0.0/8; allowed: 10.0.0.0/8" }));
        Assert.That(mocks.OfType(SwitchType), Is.Empty, "no vSwitch is declared into a VPC whose blocks were misplanned");
    }

    [Test]
    public async Task Existing_vpc_that_does_not_exist_stops_the_stack_naming_the_key()
    {
        var errors = await RunErrors.Of(() => StackRunner.RunAsync(ExistingVpcConfig));

        Assert.That(errors, Is.EqualTo(new[] { "BLINK1026: blink-infra:network.vpcId = \"vpc-uf6f7l4fg90abcdef\": no VPC with this id in the stack's region; allowed: the id of an existing VPC of that region" }));
    }

    [Test]
    public async Task A_failed_existing_vpc_lookup_registers_nothing_but_the_provider_it_goes_through()
    {
        var mocks = new RecordingMocks();

        var (resources, error) = await StackRunner.TryRunAsync(ExistingVpcConfig, mocks: mocks);

        // The lookup goes through the stack's provider, pinned to the spec's region: the real SDK sends
        // the provider's "urn::id", so the provider is registered first. Nothing else is declared.
        Assert.That(error, Is.InstanceOf<RunException>(), "one error, reported as its message alone");
        Assert.That(mocks.Resources.Select(r => $"{r.Type} {r.Name}"), Is.EqualTo(new[] { $"{ProviderType} blink-shared-vpc-alicloud" }));
        Assert.That(mocks.Lookups.Select(c => c.Token), Is.EqualTo(new[] { ExistingVpc.LookupToken }));
    }

    [Test]
    public async Task Same_config_declares_the_same_resources_in_the_same_order()
    {
        var first = await BlinkCli.PlanStackAsync(StackRunner.Stack(StackRunner.DevConfig));
        var second = await BlinkCli.PlanStackAsync(StackRunner.Stack(StackRunner.DevConfig));

        Assert.That(second.ToJson(), Is.EqualTo(first.ToJson()));
    }

    [Test]
    public async Task Invalid_config_stops_the_program_before_any_resource_is_registered()
    {
        var raw = StackRunner.Stack("""
            config:
              blink-infra:cluster:
                region: eu-west-1
              blink-infra:network:
                zones: [{id: cn-hangzhou-h}]
            """ + StackRunner.SmallCompute).ToRaw();

        var gate = await GateRunner.RunAsync(raw);

        Assert.That(gate.Exit, Is.EqualTo(GateRunner.StoppedUnderMocks));
        Assert.That(gate.Deployed, Is.False);
        Assert.That(gate.Errors, Is.EqualTo(new[]
        {
            "the stack's config is invalid (1 error), so no resource was declared:\n" +
            "  error BLINK1015: blink-infra:cluster.region = \"eu-west-1\": not a region for pay-as-you-go billing; allowed: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen",
        }));
        Assert.That(gate.Engine.Resources, Is.Empty);
    }

    [Test]
    public async Task A_failing_existing_vpc_lookup_is_one_line_naming_the_key()
    {
        var mocks = new RecordingMocks { CallResult = _ => throw new InvalidOperationException("Invoke of 'alicloud:vpc/getNetworks:getNetworks' failed: InvalidAccessKeyId.NotFound (ids)") };

        var (_, error) = await StackRunner.TryRunAsync(ExistingVpcConfig, mocks: mocks);

        Assert.That(error, Is.InstanceOf<RunException>());
        Assert.That(error!.Message, Is.EqualTo("BLINK1027: blink-infra:network.vpcId = \"vpc-uf6f7l4fg90abcdef\": the VPC could not be looked up: Invoke of 'alicloud:vpc/getNetworks:getNetworks' failed: InvalidAccessKeyId.NotFound (ids)"));
        Assert.That(mocks.Resources.Select(r => r.Type), Is.EqualTo(new[] { ProviderType }), "no cloud resource: only the provider the lookup goes through");
    }
}
