using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// The diff takes every replacement from the providers' facts: so every type the program declares must
/// be one the facts cover, and every input it sets one they know (it replaces, acts only at create, or is
/// listed as changed in place, infra/Facts/InPlaceInputs.cs), on every example stack and on test stacks
/// that between them turn on every feature; and those test stacks must declare every resource class the
/// program's sources construct, so a new kind of resource cannot slip past.
/// </summary>
public class ReplacementFactsCoverageTests
{
    /// <summary>The plans of every example stack and of the test stacks covering every feature, by name.</summary>
    public static async Task<IReadOnlyList<(string Name, StackPlan Plan)>> AllPlans()
    {
        var plans = new List<(string, StackPlan)>();
        foreach (var path in TestPaths.ExampleStacks())
            plans.Add((Path.GetFileName(path), await BlinkCli.PlanStackAsync(StackFile.Load(path))));
        var every = StackRunner.WithSecret(TestStacks.EveryFeature, "blink-infra:endpointCredentials", TestStacks.EveryFeatureCredentials);
        plans.Add(("EveryFeature", await Planner.PlanAsync(SpecLoader.Load(every, PolicyEngine.PolicyNames), "every")));
        plans.Add(("EveryFeatureNewVpc", await Planner.PlanAsync(StackRunner.Spec(TestStacks.EveryFeatureNewVpc, "every2"), "every2")));
        return plans;
    }

    [Test]
    public void The_facts_are_the_shared_files_every_type_with_its_source()
    {
        Assert.That(ReplacementInputs.Source, Does.StartWith("aliyun/terraform-provider-alicloud v1.285.0"));
        Assert.That(ReplacementInputs.CreateOnlySource, Does.Contain("Only works for **Create** Operation"));
        Assert.That(ReplacementInputs.KubernetesSource, Does.StartWith("pulumi/pulumi-kubernetes v4.32.0"));
        Assert.That(ReplacementInputs.AliCloudTypes.Count(), Is.EqualTo(1173), "every resource type of Pulumi.AliCloud 3.105.0");
        // Create-only inputs, nested ForceNew paths, DiffSuppressFunc notes and the Kubernetes rules all come through.
        Assert.That(ReplacementInputs.CreateOnlyOf("alicloud:cs/managedKubernetes:ManagedKubernetes"), Is.EquivalentTo(new[] { "addons", "loadBalancerSpec", "newNatGateway", "podVswitchIds", "slbInternetEnabled", "zoneIds" }));
        Assert.That(ReplacementInputs.Of("alicloud:log/store:Store"), Does.Contain("encryptConf.userCmkInfo.cmkKeyId").And.Contain("projectName"));
        Assert.That(ReplacementInputs.Find("alicloud:ecs/securityGroupRule:SecurityGroupRule")!.Suppressible, Is.EquivalentTo(new[] { "ipv6CidrIp", "prefixListId", "portRange" }));
        Assert.That(ReplacementInputs.Of("kubernetes:flink.apache.org/v1beta1:FlinkDeployment"), Is.EqualTo(new[] { "metadata.name", "metadata.namespace" }), "any other kind: its identity");
        Assert.That(ReplacementInputs.Of("kubernetes:core/v1:Service"), Does.Contain("spec.clusterIP"));
        Assert.That(ReplacementInputs.Find("pulumi:providers:kubernetes"), Is.Null, "providers are not in the facts");
    }

    [Test]
    public void The_kubernetes_rules_the_notes_give_are_applied()
    {
        var configMap = new System.Text.Json.Nodes.JsonObject { ["data"] = new System.Text.Json.Nodes.JsonObject() };
        var mutable = new System.Text.Json.Nodes.JsonObject { ["enableConfigMapMutable"] = "true" };
        Assert.That(ReplacementInputs.ReplacePaths("kubernetes:core/v1:ConfigMap", configMap, null), Does.Contain("data"));
        Assert.That(ReplacementInputs.ReplacePaths("kubernetes:core/v1:ConfigMap", configMap, mutable), Does.Not.Contain("data"), "enableConfigMapMutable patches data");
        configMap["immutable"] = true;
        Assert.That(ReplacementInputs.ReplacePaths("kubernetes:core/v1:ConfigMap", configMap, mutable), Does.Contain("data"), "unless the ConfigMap is immutable");
        Assert.That(ReplacementInputs.ReplacePaths("kubernetes:core/v1:Namespace", null, null), Is.EqualTo(new[] { "metadata.name" }), "a cluster-scoped kind has no namespace");
        Assert.That(ReplacementInputs.NamespaceDefaultsToDefault("kubernetes:core/v1:ServiceAccount"), Is.True);
        Assert.That(ReplacementInputs.NamespaceDefaultsToDefault("kubernetes:telemetry.alibabacloud.com/v1alpha1:ClusterAliyunPipelineConfig"), Is.False);
    }

    [Test]
    public async Task Every_type_the_program_declares_is_covered_by_the_facts()
    {
        var uncovered = (await AllPlans())
            .SelectMany(p => p.Plan.Resources.Where(r => r.Custom && !InPlaceInputs.Covers(r.Type)).Select(r => $"{p.Name}: {r.Type} ({r.Name})"))
            .Distinct().ToList();

        Assert.That(uncovered, Is.Empty, "types the facts do not cover: add them to infra/Facts from the provider's schema");
    }

    [Test]
    public async Task Every_input_the_program_sets_is_known_to_the_facts()
    {
        var unknown = (await AllPlans())
            .SelectMany(p => p.Plan.Resources.Where(r => r.Custom).SelectMany(r => r.Inputs.Select(kv => kv.Key).Where(k => !InPlaceInputs.Known(r.Type, k)).Select(k => $"{r.Type}.{k}")))
            .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();

        Assert.That(unknown, Is.Empty, "inputs the facts do not know: check the provider's schema, then list them in infra/Facts/InPlaceInputs.cs (or fix the name)");
    }

    [Test]
    public void An_input_or_a_type_nobody_classified_fails_the_check()
    {
        Assert.That(InPlaceInputs.Known("alicloud:cs/nodePool:NodePool", "nodePoolName"), Is.True);
        Assert.That(InPlaceInputs.Known("alicloud:cs/nodePool:NodePool", "clusterId"), Is.True, "replaces");
        Assert.That(InPlaceInputs.Known("alicloud:cs/managedKubernetes:ManagedKubernetes", "podVswitchIds"), Is.True, "create-only");
        Assert.That(InPlaceInputs.Known("alicloud:cs/nodePool:NodePool", "nodePoolNmae"), Is.False);
        Assert.That(InPlaceInputs.Known("alicloud:vpc/network:Network", "enableIpv6"), Is.False, "in the schema, but the program never set it and nobody listed it");
        Assert.That(InPlaceInputs.Covers("alicloud:nas/fileSystem:FileSystem"), Is.True);
        Assert.That(InPlaceInputs.Covers("aws:s3/bucket:Bucket"), Is.False);
    }

    [Test]
    public async Task The_test_stacks_declare_every_resource_class_the_program_constructs()
    {
        var declared = (await AllPlans()).SelectMany(p => p.Plan.Resources).Select(r => r.Type).ToHashSet(StringComparer.Ordinal);
        var constructed = ConstructedResourceTypes();

        // Found by simple name, by alias and by full name.
        Assert.That(constructed, Is.SupersetOf(new[] { "alicloud:cs/nodePool:NodePool", "alicloud:vpc/routeEntry:RouteEntry", "pulumi:providers:alicloud", "kubernetes:rbac.authorization.k8s.io/v1:Role" }));
        Assert.That(constructed.Where(t => !declared.Contains(t)).ToList(), Is.Empty,
            "a resource class the program constructs that no example or test stack declares: turn its feature on in tests/Support/TestStacks.cs EveryFeature");
    }

    /// <summary>
    /// The type tokens of the resource classes `new`ed in infra/ (by simple name through each file's usings,
    /// by alias, or by full name), resolved by reflection over the Pulumi packages in use, so on either SDK.
    /// Kubernetes' generic CustomResource takes its token from its arguments: its kinds are the facts'
    /// "any other kind".
    /// </summary>
    private static HashSet<string> ConstructedResourceTypes()
    {
        var resourceTypes = new[] { typeof(Pulumi.AliCloud.Vpc.Network).Assembly, typeof(Pulumi.Kubernetes.Core.V1.Namespace).Assembly }.Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => typeof(Pulumi.CustomResource).IsAssignableFrom(t) && t.GetCustomAttribute<Pulumi.ResourceTypeAttribute>(inherit: false) is not null
                        && t != typeof(Pulumi.Kubernetes.ApiExtensions.CustomResource))
            .ToDictionary(t => t.FullName!, t => t.GetCustomAttribute<Pulumi.ResourceTypeAttribute>(inherit: false)!.Type, StringComparer.Ordinal);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.ProjectRoot, "infra"), "*.cs", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(path);
            var usings = Regex.Matches(source, @"^using (Pulumi[\w.]*);", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
            var aliases = Regex.Matches(source, @"^using (\w+) = (Pulumi[\w.]+);", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            foreach (Match match in Regex.Matches(source, @"\bnew\s+([A-Z][\w.]*)\s*\("))
            {
                var name = match.Groups[1].Value;
                var candidates = aliases.TryGetValue(name, out var full) ? new[] { full }
                    : name.Contains('.') ? new[] { name }
                    : usings.Select(ns => $"{ns}.{name}").ToArray();
                foreach (var candidate in candidates.Where(resourceTypes.ContainsKey))
                    tokens.Add(resourceTypes[candidate]);
            }
        }
        return tokens;
    }
}
