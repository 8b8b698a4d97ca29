using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Config;
using BlinkInfra.Diff;
using BlinkInfra.Plan;
using BlinkInfra.PlanPage;
using BlinkInfra.Policies;
using BlinkInfra.Stacks;
using NUnit.Framework;

namespace BlinkInfra.Tests.PlanPage;

/// <summary>
/// The plan page's writer: the model it embeds (counts, groups, dependencies both ways, masked secrets,
/// findings, a diff's steps) and the HTML around it. What the page does with it is tested in a browser
/// (tools/PlanPage/web/test).
/// </summary>
public class PlanPageTests
{
    private static async Task<StackPlan> Plan(string stack) => await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack(stack)));

    private static PolicyReport Report(StackPlan plan) => PolicyEngine.Check(plan);

    /// <summary>The model as the page reads it: the JSON in its data script.</summary>
    private static JsonObject Embedded(string html)
    {
        var match = Regex.Match(html, "<script id=\"plan-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline);
        Assert.That(match.Success, "the page carries its model in a data script");
        return JsonNode.Parse(match.Groups[1].Value)!.AsObject();
    }

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());

    [TestCase("dev")]
    [TestCase("prod-hangzhou")]
    [TestCase("gpu-shanghai")]
    public async Task The_page_embeds_every_custom_resource_as_a_node_and_every_component_as_a_box(string stack)
    {
        var plan = await Plan(stack);
        var model = Embedded(PlanPageWriter.Html(PlanPageModel.Of(plan, Report(plan))));

        var custom = plan.Resources.Where(r => r.Custom).ToList();
        var components = plan.Resources.Where(r => !r.Custom && r.Type != "pulumi:pulumi:Stack").ToList();
        Assert.That(model["mode"]!.GetValue<string>(), Is.EqualTo("plan"));
        Assert.That(model["resources"]!.AsArray().Select(r => (r!["type"]!.GetValue<string>(), r["name"]!.GetValue<string>())),
            Is.EqualTo(custom.Select(r => (r.Type, r.Name))));
        Assert.That(model["components"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()), Is.EqualTo(components.Select(c => c.Name)));
        // Counted as the text's `Resources:` line and `pulumi preview` count them: every resource, the stack and components included.
        Assert.That(model["summary"]!["resources"]!.GetValue<int>(), Is.EqualTo(plan.Resources.Length));
        Assert.That(model["summary"]!["nodes"]!.GetValue<int>(), Is.EqualTo(custom.Count));
        Assert.That(model["summary"]!["components"]!.GetValue<int>(), Is.EqualTo(components.Count));
        var providers = custom.Count(r => r.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal));
        Assert.That(model["summary"]!["breakdown"]!.GetValue<string>(),
            Is.EqualTo($"the stack, {components.Count} components, {providers} providers, {custom.Count - providers} custom resources"));
        // Each resource's box is its nearest component, named by the model's ids.
        var componentIds = model["components"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToHashSet();
        Assert.That(model["resources"]!.AsArray().Select(r => r!["component"]?.GetValue<string>()).Where(c => c is not null), Is.All.Matches<string>(componentIds.Contains));
    }

    [Test]
    public async Task Dependants_are_the_dependencies_read_the_other_way_and_many_of_a_kind_are_grouped()
    {
        var plan = await Plan("prod-hangzhou");
        var model = PlanPageModel.Of(plan, Report(plan));
        var resources = model["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();

        var edges = resources.SelectMany(r => Strings(r["dependencies"]).Select(d => (d, r["id"]!.GetValue<string>()))).OrderBy(e => e).ToList();
        var reversed = resources.SelectMany(r => Strings(r["dependants"]).Select(d => (r["id"]!.GetValue<string>(), d))).OrderBy(e => e).ToList();
        Assert.That(edges, Is.Not.Empty);
        Assert.That(reversed, Is.EqualTo(edges));
        var nat = resources.Single(r => r["type"]!.GetValue<string>() == "alicloud:vpc/natGateway:NatGateway");
        var vpcSwitches = plan.Resources.Single(r => r.Name == nat["name"]!.GetValue<string>()).PropertyDependencies.Values.SelectMany(v => v).Select(d => d.Name).Distinct();
        Assert.That(Strings(nat["dependencies"]).Select(id => resources.Single(r => r["id"]!.GetValue<string>() == id)["name"]!.GetValue<string>()), Is.EquivalentTo(vpcSwitches));

        // The security group rules of one component: one group, every rule a member.
        var rules = resources.Where(r => r["type"]!.GetValue<string>() == "alicloud:ecs/securityGroupRule:SecurityGroupRule").Select(r => r["id"]!.GetValue<string>()).ToList();
        var group = model["groups"]!.AsArray().Single(g => g!["type"]!.GetValue<string>() == "alicloud:ecs/securityGroupRule:SecurityGroupRule");
        Assert.That(Strings(group!["members"]), Is.EqualTo(rules));
        Assert.That(model["groups"]!.AsArray().Select(g => g!["members"]!.AsArray().Count), Is.All.GreaterThanOrEqualTo(PlanGraph.CollapseFrom));
    }

    [Test]
    public async Task Secrets_reach_the_page_masked()
    {
        var plan = await Plan("dev");
        var html = PlanPageWriter.Html(PlanPageModel.Of(plan, Report(plan)));
        var model = Embedded(html);

        var providers = model["resources"]!.AsArray().Where(r => r!["type"]!.GetValue<string>() == "pulumi:providers:kubernetes").ToList();
        Assert.That(providers, Is.Not.Empty);
        Assert.That(providers.Select(p => p!["inputs"]!["kubeconfig"]!.GetValue<string>()), Is.All.EqualTo("[secret]"));
        Assert.That(html, Does.Not.Contain("client-key-data").And.Not.Contain("BEGIN CERTIFICATE"));
    }

    [Test]
    public async Task Findings_name_their_resource_and_level()
    {
        var plan = await Plan("dev");
        var rule = plan.Resources.First(r => r.Type == "alicloud:ecs/securityGroupRule:SecurityGroupRule");
        var report = PolicyReport.Of(["blink-isolation@1.0.0"],
        [
            new Violation("blink-isolation@1.0.0", "no-ingress-from-internet", EnforcementLevel.Mandatory, rule.Type, rule.Name, "ingress from 0.0.0.0/0"),
            new Violation("blink-region@1.0.0", "region-allowed-for-billing", EnforcementLevel.Advisory, null, null, "the stack's region"),
        ]);
        var model = PlanPageModel.Of(plan, report);

        var findings = model["findings"]!.AsArray();
        Assert.That(findings.Select(f => (f!["policy"]!.GetValue<string>(), f["level"]!.GetValue<string>())),
            Is.EqualTo(new[] { ("no-ingress-from-internet", "mandatory"), ("region-allowed-for-billing", "advisory") }));
        var ruleId = model["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == rule.Name)!["id"]!.GetValue<string>();
        Assert.That(findings[0]!["resource"]!.GetValue<string>(), Is.EqualTo(ruleId));
        Assert.That(findings[1]!["resource"], Is.Null, "a finding about the stack names no resource");
        Assert.That(model["summary"]!["mandatory"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(model["summary"]!["advisory"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_diff_model_gives_each_resource_its_step_and_replacements_their_forcing_inputs()
    {
        var now = await Plan("dev");
        var switchName = "blink-dev-vsw-cn-hangzhou-h";
        var rule = now.Resources.First(r => r.Type == "alicloud:ecs/securityGroupRule:SecurityGroupRule");
        var old = now with
        {
            Resources = now.Resources
                .Select(r => r.Name == switchName ? r with { Inputs = WithInput(r.Inputs, "cidrBlock", "10.10.0.0/20") } : r)
                .Append(rule with { Name = "blink-dev-sgr-retired" })
                .ToImmutableArray(),
        };
        var steps = PlanDiff.Compare(old, now);
        var model = PlanPageModel.Of(now, Report(now), steps);

        Assert.That(model["mode"]!.GetValue<string>(), Is.EqualTo("diff"));
        var resources = model["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var vswitch = resources.Single(r => r["name"]!.GetValue<string>() == switchName);
        Assert.That(vswitch["step"]!.GetValue<string>(), Is.EqualTo("replace"));
        Assert.That(Strings(vswitch["replaceReasons"]), Is.EqualTo(new[] { "cidrBlock" }));
        var change = vswitch["changes"]!.AsArray().Single(c => c!["key"]!.GetValue<string>() == "cidrBlock")!;
        Assert.That((change["old"]!.GetValue<string>(), change["new"]!.GetValue<string>(), change["forcesReplacement"]!.GetValue<bool>()), Is.EqualTo(("10.10.0.0/20", "10.10.64.0/20", true)));
        var retired = resources.Single(r => r["name"]!.GetValue<string>() == "blink-dev-sgr-retired");
        Assert.That(retired["step"]!.GetValue<string>(), Is.EqualTo("delete"));
        Assert.That(retired["component"]!.GetValue<string>(), Is.EqualTo(resources.Single(r => r["name"]!.GetValue<string>() == rule.Name)["component"]!.GetValue<string>()), "drawn in the box it was in");
        // Every step the diff computed is on the page, counted as DiffJson counts them.
        var expected = PlanDiff.Summary(steps).ToDictionary(kv => DiffJson.OpName(kv.Key), kv => kv.Value);
        Assert.That(model["summary"]!["steps"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>()), Is.EqualTo(expected));
        var custom = steps.Count(s => (s.NewState ?? s.OldState)!["custom"]!.GetValue<bool>());
        Assert.That(resources, Has.Count.EqualTo(custom));
        Assert.That(resources.Where(r => r["step"]!.GetValue<string>() == "same"), Is.Not.Empty);
    }

    [Test]
    public async Task The_page_is_one_file_that_loads_nothing_and_no_name_can_close_its_data_early()
    {
        var plan = await Plan("dev");
        var first = plan.Resources.First(r => r.Custom);
        var hostile = plan with { Resources = plan.Resources.Select(r => r == first ? r with { Inputs = WithInput(r.Inputs, "description", "</script><script>alert(1)</script>") } : r).ToImmutableArray() };
        var html = PlanPageWriter.Html(PlanPageModel.Of(hostile, Report(hostile)));

        Assert.That(Regex.Matches(html, "</script", RegexOptions.IgnoreCase), Has.Count.EqualTo(2), "the data script and the page's script, closed once each");
        Assert.That(html, Does.Not.Match("<script[^>]+src=|<link[^>]+href=|@import|url\\(http"));
        Assert.That(html, Does.Contain("default-src 'none'"), "a Content-Security-Policy that forbids any fetch");
        Assert.That(Embedded(html)["resources"]!.AsArray()[0]!["inputs"]!["description"]!.GetValue<string>(), Is.EqualTo("</script><script>alert(1)</script>"));
        Assert.That(JsonNode.DeepEquals(Embedded(html), PlanPageModel.Of(hostile, Report(hostile))), "the embedded JSON reads back as the model");
        Assert.That(html, Does.Contain("<title>Plan of blink-infra/dev</title>"));
        Assert.That(html, Does.Contain("MIT License"), "the bundled libraries' licence travels with the page");
    }

    private static JsonObject WithInput(JsonObject inputs, string key, string value)
    {
        var copy = (JsonObject)inputs.DeepClone();
        copy[key] = value;
        return copy;
    }
}
