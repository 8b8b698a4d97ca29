using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Plan;
using NUnit.Framework;
using Pulumi;
using Pulumi.AliCloud.Ecs;
using Pulumi.AliCloud.Vpc;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;
using Pulumi.Testing;
using KubernetesRole = Pulumi.Kubernetes.Rbac.V1.Role;
using KubernetesRoleArgs = Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleArgs;

namespace BlinkInfra.Tests;

/// <summary>The plan: what `plan --json` writes, how secrets are masked and how wiring is recorded.</summary>
public class PlanTests
{
    [Test]
    public async Task Plan_json_has_the_stack_and_for_every_resource_type_name_parent_dependencies_provider_inputs_and_options()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(StackRunner.DevConfig));
        var json = JsonNode.Parse(plan.ToJson())!.AsObject();

        Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "project", "stack", "sdk", "settings", "resources", "invokes" }));
        Assert.That((string?)json["project"], Is.EqualTo("blink-infra"));
        Assert.That((string?)json["stack"], Is.EqualTo("dev"));
        Assert.That((string?)json["sdk"], Is.EqualTo(SdkInfo.Kind));
        Assert.That(json["settings"]!.ToJsonString(), Is.EqualTo("""{"region":"cn-hangzhou","billing":"pay-as-you-go","mode":"exclusive","highAvailability":false,"apiServerPublic":false,"peerGroupIds":[],"dataEndpoints":[],"internetEgress":false,"stateBucket":"blink-dev-flink-state","policyLevels":{}}"""));

        var resources = json["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.That(resources, Has.Count.EqualTo(89));
        foreach (var resource in resources)
        {
            var keys = resource.Select(p => p.Key).ToList();
            Assert.That(keys, Is.SupersetOf(new[] { "type", "name", "custom", "dependsOn", "propertyDependencies", "inputs" }), resource.ToJsonString());
        }

        var vswitch = resources.Single(r => (string?)r["name"] == "blink-dev-vsw-cn-hangzhou-h");
        Assert.That(vswitch.ToJsonString(), Is.EqualTo(JsonNode.Parse("""
            {
              "type": "alicloud:vpc/switch:Switch",
              "name": "blink-dev-vsw-cn-hangzhou-h",
              "custom": true,
              "parent": { "type": "blink:network:ClusterNetwork", "name": "blink-dev" },
              "dependsOn": [],
              "propertyDependencies": { "vpcId": [ { "type": "alicloud:vpc/network:Network", "name": "blink-dev-vpc" } ] },
              "provider": { "type": "pulumi:providers:alicloud", "name": "blink-dev-alicloud" },
              "protect": false,
              "inputs": {
                "cidrBlock": "10.10.64.0/20",
                "description": "BlinkInfra cluster blink-dev, zone cn-hangzhou-h",
                "tags": { "blink.io/cluster": "blink-dev", "blink.io/managed-by": "blink-infra", "blink.io/stack": "dev", "team": "data-platform" },
                "vpcId": "${blink-dev-vpc.id}",
                "vswitchName": "blink-dev-vsw-cn-hangzhou-h",
                "zoneId": "cn-hangzhou-h"
              },
              "deleteBeforeReplace": false,
              "aliases": [],
              "ignoreChanges": []
            }
            """)!.ToJsonString()));

        var stack = resources.First();
        Assert.That((string?)stack["type"], Is.EqualTo("pulumi:pulumi:Stack"));
        Assert.That(stack.ContainsKey("parent"), Is.False, "the stack is the root");
    }

    [Test]
    public async Task Secret_inputs_are_masked_and_explicit_dependencies_recorded()
    {
        var recorder = new PlanRecorder();
        await Deployment.TestAsync(recorder, new TestOptions { ProjectName = "blink-infra", StackName = "secrets" }, () =>
        {
            var options = new CustomResourceOptions { ResourceTransformations = { recorder.Transformation } };
            var vpc = new Pulumi.AliCloud.Vpc.Network("vpc", new NetworkArgs
            {
                CidrBlock = "10.0.0.0/16",
                Description = Output.CreateSecret("the VPC's secret description"),
            }, options);
            new SecurityGroup("sg", new SecurityGroupArgs { VpcId = vpc.Id }, new CustomResourceOptions
            {
                DependsOn = { vpc },
                ResourceTransformations = { recorder.Transformation },
            });
            return new Dictionary<string, object?>();
        });

        var plan = await recorder.BuildAsync("blink-infra", "secrets", SdkInfo.Kind);

        var vpcPlan = plan.Resources.Single(r => r.Name == "vpc");
        Assert.That(vpcPlan.Inputs.ToJsonString(), Is.EqualTo("""{"cidrBlock":"10.0.0.0/16","description":"[secret]"}"""));
        Assert.That(plan.ToJson(), Does.Not.Contain("the VPC's secret description"));
        var sgPlan = plan.Resources.Single(r => r.Name == "sg");
        Assert.That(sgPlan.DependsOn, Is.EqualTo(new[] { new ResourceRef("alicloud:vpc/network:Network", "vpc") }));
        Assert.That(sgPlan.Inputs["vpcId"]!.GetValue<string>(), Is.EqualTo("${vpc.id}"));
    }

    [Test]
    public async Task A_dependency_is_recorded_wherever_an_output_appears_inside_an_input()
    {
        // As the real serializer collects dependencies: in a nested input type's map, in a list of
        // nested types, in JSON text built with Output.Format, and inside the value of an Apply.
        var recorder = new PlanRecorder();
        await Deployment.TestAsync(recorder, new TestOptions { ProjectName = "blink-infra", StackName = "nested" }, () =>
        {
            CustomResourceOptions Recorded() => new() { ResourceTransformations = { recorder.Transformation } };
            var vpc = new Pulumi.AliCloud.Vpc.Network("vpc", new NetworkArgs { CidrBlock = "10.0.0.0/16" }, Recorded());
            var sg = new SecurityGroup("sg", new SecurityGroupArgs { VpcId = "vpc-fixed" }, Recorded());
            new ConfigMap("settings", new ConfigMapArgs
            {
                Metadata = new ObjectMetaArgs { Name = "settings", Annotations = { { "blink.io/vpc", vpc.Id } } },
                Data = { { "network.json", Output.Format($"{{\"vpc\":\"{vpc.Id}\"}}") } },
            }, Recorded());
            new KubernetesRole("reader", new KubernetesRoleArgs
            {
                Metadata = vpc.Id.Apply(id => new ObjectMetaArgs { Name = "reader", Labels = { { "blink.io/sg", sg.Id } } }),
                Rules = { new PolicyRuleArgs { Verbs = { "get" }, Resources = { sg.Id } } },
            }, Recorded());
            new ConfigMap("plain", new ConfigMapArgs { Metadata = new ObjectMetaArgs { Name = "plain" } }, Recorded());
            return new Dictionary<string, object?>();
        });

        var plan = await recorder.BuildAsync("blink-infra", "nested", SdkInfo.Kind);

        var vpcRef = new ResourceRef("alicloud:vpc/network:Network", "vpc");
        var sgRef = new ResourceRef("alicloud:ecs/securityGroup:SecurityGroup", "sg");
        Assert.That(plan.Resources.Single(r => r.Name == "settings").PropertyDependencies,
            Is.EqualTo(new Dictionary<string, ResourceRef[]> { ["data"] = new[] { vpcRef }, ["metadata"] = new[] { vpcRef } }));
        Assert.That(plan.Resources.Single(r => r.Name == "reader").PropertyDependencies,
            Is.EqualTo(new Dictionary<string, ResourceRef[]> { ["metadata"] = new[] { sgRef, vpcRef }, ["rules"] = new[] { sgRef } }));
        Assert.That(plan.Resources.Single(r => r.Name == "plain").PropertyDependencies, Is.Empty);
    }

    [Test]
    public async Task The_flink_service_account_depends_on_the_role_its_annotation_names_in_the_plan_and_the_graph()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(StackRunner.DevConfig));

        var role = new ResourceRef("alicloud:ram/role:Role", "blink-dev-flink-cpu-role");
        var serviceAccount = plan.Resources.Single(r => r.Name == "blink-dev-sa-flink-cpu");
        Assert.That(serviceAccount.PropertyDependencies["metadata"], Is.EqualTo(new[] { role }));
        var json = JsonNode.Parse(plan.ToJson())!["resources"]!.AsArray().Single(r => (string?)r!["name"] == "blink-dev-sa-flink-cpu")!;
        Assert.That(json["propertyDependencies"]!.ToJsonString(), Is.EqualTo("""{"metadata":[{"type":"alicloud:ram/role:Role","name":"blink-dev-flink-cpu-role"}]}"""));
        var ids = plan.Resources.Select((r, i) => (r.Ref, Id: $"r{i}")).ToDictionary(p => p.Ref, p => p.Id);
        Assert.That(PlanGraph.Mermaid(plan), Does.Contain($"  {ids[role]} --> {ids[serviceAccount.Ref]}\n"));
    }

    [Test]
    public async Task Plan_of_an_existing_vpc_lists_the_lookup_it_answered_from_the_spec()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack("""
            config:
              blink-infra:cluster:
                name: blink-byo
                region: cn-shanghai
              blink-infra:network:
                vpcId: vpc-uf6f7l4fg90abcdef
                cidrBlock: 172.16.0.0/12
                zones: [{id: cn-shanghai-l}]
            """ + StackRunner.SmallCompute));

        Assert.That(plan.Invokes.Select(i => $"{i.Token} {i.Args.ToJsonString()}"), Is.EqualTo(new[]
        {
            """alicloud:cs/getClusterCredential:getClusterCredential {"clusterId":"${blink-byo-ack.id}"}""",
            """alicloud:vpc/getNetworks:getNetworks {"ids":["vpc-uf6f7l4fg90abcdef"]}""",
        }));
        Assert.That(plan.Resources.Where(r => r.Type == "alicloud:vpc/switch:Switch").Select(r => r.Inputs["vpcId"]!.GetValue<string>()).Distinct(),
            Is.EqualTo(new[] { "vpc-uf6f7l4fg90abcdef" }));
    }

    [Test]
    public async Task Plan_written_as_json_reads_back_the_same()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(StackRunner.DevConfig));
        var path = Path.Combine(Path.GetTempPath(), $"blink-plan-{System.Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, plan.ToJson());

        var read = JsonSerializer.Deserialize<StackPlan>(await File.ReadAllTextAsync(path), StackPlan.JsonOptions)!;
        File.Delete(path);

        Assert.That(read.ToJson(), Is.EqualTo(plan.ToJson()));
    }
}
