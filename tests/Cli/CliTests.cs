using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Plan;
using NUnit.Framework;
using Spectre.Console;

namespace BlinkInfra.Tests;

/// <summary>The program started directly: verbs, output, exit codes.</summary>
public class CliTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private static string WriteStack(string name, string yaml)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"blink-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"Pulumi.{name}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Test]
    public async Task Plan_of_the_dev_stack_prints_a_line_per_resource_under_its_component_and_says_which_sdk()
    {
        var (exit, output, errors) = await Run("plan", "--stack", "dev");

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Does.StartWith($"Planning dev from stacks/Pulumi.dev.yaml ({SdkInfo.Short})\n"));
        Assert.That(output, Does.Match(@"\n     Type +Name +Plan\n"));
        Assert.That(output, Does.Match(@"\n \+   pulumi:pulumi:Stack +blink-infra-dev +create\n"));
        Assert.That(output, Does.Match(@"\n \+   ├─ blink:network:ClusterNetwork +blink-dev +create\n"));
        Assert.That(output, Does.Match(@"\n \+   │  ├─ alicloud:vpc/network:Network +blink-dev-vpc +create\n"));
        Assert.That(output, Does.Match(@"\n \+   │  └─ alicloud:vpc/switch:Switch +blink-dev-pod-vsw-cn-hangzhou-j +create\n"));
        Assert.That(output, Does.Match(@"\n \+   │  └─ kubernetes:flink.apache.org/v1beta1:FlinkDeployment +blink-dev-flink-cpu +create\n"));
        // Short: one line per resource, no inputs, then the outputs and the summary.
        var lines = output.Split('\n');
        Assert.That(lines.Count(l => l.StartsWith(" +   ", StringComparison.Ordinal)), Is.EqualTo(89));
        Assert.That(output, Does.Not.Contain("vpcName"), "inputs only with --details");
        // Counted as pulumi preview counts them, and said so: the stack, components and providers are resources too.
        Assert.That(output, Does.Contain("\nResources:\n    + 89 to create: the stack, 6 components, 3 providers, 79 custom resources\n"));
        // An output a line, a map's entries inline (--details expands them, as pulumi prints them).
        Assert.That(output, Does.Contain("\nOutputs:\n    clusterId             : \"${blink-dev-ack.id}\"\n"));
        Assert.That(output, Does.Contain("    vswitchIds            : {cn-hangzhou-h: \"${blink-dev-vsw-cn-hangzhou-h.id}\", cn-hangzhou-i: "));
        Assert.That(output, Does.Contain("    stateBucket           : \"blink-dev-flink-state\"\n"));
        // After the count, a few lines: the bill in a sentence, the report's count, what the flags add.
        Assert.That(output, Does.Contain("\nBill of materials: 3 machines, "));
        Assert.That(output, Does.Contain("\n--zones: the planned vSwitch blocks (3 zones) as a block to paste, pinning them\n"));
        Assert.That(output, Does.Not.Contain("Policy packs:").And.Not.Contain("    zones:\n"), "the packs' versions and the zones block with --details");
        Assert.That(output.Contains('\u001b'), Is.False, "no colour into a pipe");
    }

    [Test]
    public async Task Plan_details_prints_each_resources_inputs_as_yaml_beneath_it_and_the_counts_by_type()
    {
        var (exit, output, errors) = await Run("plan", "--stack", "dev", "--details");

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Does.Match(@"blink-dev-vsw-cn-hangzhou-h +create\n     │  │       cidrBlock: 10\.10\.64\.0/20\n     │  │       description: BlinkInfra cluster blink-dev, zone cn-hangzhou-h\n"));
        Assert.That(output, Does.Contain("    tolerations:\n"));
        Assert.That(output, Does.Contain("      - effect: NoSchedule\n"));
        Assert.That(output, Does.Contain("    blob.server.port: \"6124\"\n"), "a string that reads as a number is quoted");
        Assert.That(output, Does.Match(@"alicloud:vpc/switch:Switch +6\n"));
        Assert.That(output, Does.Match(@"pulumi:providers:kubernetes +2\n"));
        // Everything whole, as before: the SDK, the outputs expanded, the lookups, the zones block, the bill itemised, the full report.
        Assert.That(output, Does.StartWith($"SDK: {SdkInfo.Description}\nPlanning stack dev from "));
        Assert.That(output, Does.Contain("    vswitchIds            : {\n        cn-hangzhou-h: \"${blink-dev-vsw-cn-hangzhou-h.id}\"\n"));
        Assert.That(output, Does.Contain("\nLookups answered offline from the spec (`pulumi preview` asks the cloud):\n"));
        Assert.That(output, Does.Contain("\nPlanned vSwitch blocks (to pin them, paste under blink-infra:network):\n    zones:\n      - id: cn-hangzhou-h\n"));
        Assert.That(output, Does.Contain("\nBill of materials (from the resources above):\n    machines     "));
        Assert.That(output, Does.Contain("\nPolicy packs: blink-region@1.0.0, "));
    }

    [Test]
    public async Task Plan_with_json_writes_the_plan_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blink-plan-{Guid.NewGuid():N}.json");

        var (exit, _, errors) = await Run("plan", "--stack", "dev", "--json", path);

        Assert.That(exit, Is.EqualTo(0), errors);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.That((string?)json["stack"], Is.EqualTo("dev"));
        Assert.That(json["resources"]!.AsArray(), Has.Count.EqualTo(89));
        File.Delete(path);
    }

    [TestCase("plan", "--html")]
    [TestCase("plan", "--json")]
    [TestCase("plan", "--graph")]
    [TestCase("check", "--json")]
    [TestCase("check", "--html")]
    public async Task A_file_to_write_in_a_folder_that_is_not_there_is_bad_input_not_an_internal_error(string verb, string flag)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"blink-missing-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "out.file");

        var (exit, output, errors) = await Run(verb, "--stack", "dev", flag, path);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty, "checked before anything is planned or printed");
        Assert.That(errors, Is.EqualTo($"error BLINK5007: {flag} {path}: the folder {folder} does not exist; allowed: a file in an existing folder\n"));
        Assert.That(Directory.Exists(folder), Is.False, "nothing created");
    }

    [TestCase("plan", "--json", "{\n  \"project\": \"blink-infra\",\n  \"stack\": \"dev\",")]
    [TestCase("plan", "--graph", "flowchart LR\n")]
    [TestCase("plan", "--html", "<!DOCTYPE html>")]
    [TestCase("check", "--json", "{")]
    [TestCase("check", "--html", "<!DOCTYPE html>")]
    [TestCase("diff", "--json", "{")]
    [TestCase("diff", "--html", "<!DOCTYPE html>")]
    public async Task Dash_means_standard_output_for_every_output_flag_in_place_of_the_text_and_writes_no_file_named_dash(string verb, string flag, string start)
    {
        using var project = new TempProject();
        var against = verb == "diff" ? new[] { "--against", TestPaths.FixtureSource(Path.Combine("plans", "dev.json")) } : [];

        var (exit, output, errors) = await project.Run([verb, "--stack", "dev", flag, "-", .. against]);

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Does.StartWith(start), "the document alone, nothing before it");
        Assert.That(output, Does.Not.Contain("Resources:").And.Not.Contain("No policy violations").And.Not.Contain("written to"));
        Assert.That(File.Exists(Path.Combine(project.Root, "-")), Is.False, "no file named -");
    }

    [Test]
    public async Task Dash_for_one_output_still_writes_the_others_to_their_files()
    {
        using var project = new TempProject();
        var json = Path.Combine(project.Root, "plan.json");

        var (exit, output, errors) = await project.Run("plan", "--stack", "dev", "--graph", "-", "--graph-level", "components", "--json", json);

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Does.StartWith("flowchart LR\n"));
        Assert.That(JsonNode.Parse(File.ReadAllText(json))!["stack"]!.GetValue<string>(), Is.EqualTo("dev"));
    }

    [TestCase("plan", "--json", "--graph", "error BLINK5007: --json - and --graph -: only one output can go to standard output (`-`, in place of the text); allowed: `-` for one of them, a file for the others\n")]
    [TestCase("check", "--json", "--html", "error BLINK5007: --json - and --html -: only one output can go to standard output (`-`, in place of the text); allowed: `-` for one of them, a file for the others\n")]
    public async Task Two_outputs_to_standard_output_are_refused_before_anything_is_planned(string verb, string first, string second, string expected)
    {
        var (exit, output, errors) = await Run(verb, "--stack", "dev", first, "-", second, "-");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(errors, Is.EqualTo(expected));
    }

    [Test]
    public async Task Plan_of_any_stack_file_by_path()
    {
        var path = WriteStack("qa", StackRunner.DevConfig.Replace("name: blink-dev", "name: blink-qa"));

        var (exit, output, errors) = await Run("plan", "--config", path);

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Does.Match(@"\+   pulumi:pulumi:Stack +blink-infra-qa +create"));
        Assert.That(output, Does.Contain("blink-qa-vpc"));
    }

    [Test]
    public async Task Invalid_config_exits_2_with_each_error_and_no_stack_trace()
    {
        var path = WriteStack("bad", """
            config:
              blink-infra:cluster:
                name: blink-bad
                region: cn-hongkong
                mode: shared
              blink-infra:network:
                zones: [{id: cn-hongkong-b}]
            """ + StackRunner.SmallCompute);

        var (exit, output, errors) = await Run("plan", "--config", path);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Is.EqualTo(
            "refused as invalid config (exit 2): the stack's config is invalid (2 errors):\n" +
            "  error BLINK1015: blink-infra:cluster.mode = \"shared\": shared mode was retired on 2019-12-24; use exclusive mode; allowed: exclusive\n" +
            "  error BLINK1021: blink-infra:cluster.region = \"cn-hongkong\": offered with subscription billing only (set blink-infra:cluster.billing to subscription); allowed for pay-as-you-go billing: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen\n"));
        Assert.That(output + errors, Does.Not.Contain("   at "));
        Assert.That(output, Does.Not.Contain("pulumi:pulumi:Stack"), "nothing is planned");
    }

    [Test]
    public async Task Unreadable_stack_files_and_bad_command_lines_exit_2()
    {
        // In a copy of the project: the repository's stacks/ may hold stacks of the user's own.
        using var project = new TempProject();
        var (unknownStack, _, unknownError) = await project.Run("plan", "--stack", "nope");
        Assert.That(unknownStack, Is.EqualTo(2));
        Assert.That(unknownError, Does.StartWith("error BLINK5001: no stack \"nope\": ").And.EndWith("does not exist; stacks here: dev, gpu-shanghai, prod-hangzhou\n"));

        var (neither, _, neitherError) = await Run("plan");
        Assert.That(neither, Is.EqualTo(2));
        Assert.That(neitherError, Is.EqualTo("error BLINK5006: give exactly one of --stack NAME or --config PATH\n"));

        var brokenYaml = WriteStack("broken", "config:\n  blink-infra:cluster: [unclosed\n");
        var (broken, _, brokenError) = await Run("plan", "--config", brokenYaml);
        Assert.That(broken, Is.EqualTo(2));
        Assert.That(brokenError, Does.StartWith($"error BLINK5001: {brokenYaml}: not valid YAML at line "));

        var (badFlag, _, badFlagError) = await Run("plan", "--stack", "dev", "--bogus");
        Assert.That(badFlag, Is.EqualTo(2));
        Assert.That(badFlagError, Does.Contain("error BLINK5006: Unrecognized command or argument '--bogus'."));

        var (misnamed, _, misnamedError) = await Run("plan", "--config", Path.Combine(Path.GetTempPath(), "stack.yaml"));
        Assert.That(misnamed, Is.EqualTo(2));
        Assert.That(misnamedError, Does.EndWith("stack.yaml: a stack file is named Pulumi.<stack>.yaml\n"));
    }

    [Test]
    public async Task Help_lists_the_verbs_and_their_flags()
    {
        var (exit, output, _) = await Run("--help");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("plan").And.Contain("check").And.Contain("diff").And.Contain("bench"));

        var (planExit, planHelp, _) = await Run("plan", "--help");
        Assert.That(planExit, Is.EqualTo(0));
        Assert.That(planHelp, Does.Contain("--stack").And.Contain("--config").And.Contain("--json").And.Contain("--graph"));

        var (diffExit, diffHelp, _) = await Run("diff", "--help");
        Assert.That(diffExit, Is.EqualTo(0));
        Assert.That(diffHelp, Does.Contain("--against").And.Contain("--json"));

        var (benchExit, benchHelp, _) = await Run("bench", "--help");
        Assert.That(benchExit, Is.EqualTo(0));
        Assert.That(benchHelp, Does.Contain("--runs"));
    }
}
