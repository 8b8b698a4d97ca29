using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;
using Spectre.Console;

namespace BlinkInfra.Tests;

/// <summary>The plan's text: as pulumi preview prints it, whole lines, colour only in a terminal.</summary>
public class PlanRendererTests
{
    private static IAnsiConsole Console(StringWriter output, bool colour, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return console;
    }

    /// <summary>The lines a terminal this wide shows for the text: a line wider than it folds onto more than one.</summary>
    private static int TerminalLines(string text, int width)
        => text.TrimEnd('\n').Split('\n').Sum(line => Math.Max(1, (line.Length + width - 1) / width));

    [Test]
    public async Task Prod_hangzhou_at_80_columns_takes_a_line_per_resource_and_at_most_25_more_none_wider_than_the_console()
    {
        var plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("prod-hangzhou")));

        var (exit, output, errors) = await CliRunner.RunAt(80, "plan", "--stack", "prod-hangzhou");

        Assert.That(exit, Is.EqualTo(0), errors);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.That(lines.Where(l => l.Length > 80), Is.Empty, "nothing the terminal folds");
        Assert.That(TerminalLines(output, 80), Is.LessThanOrEqualTo(plan.Resources.Length + 25), "as short as pulumi preview: a line per resource and about 25");
        // One row per resource, in the plan's tree order, each keeping its name's end and its type's member name.
        var rows = lines.Where(l => l.StartsWith(" +   ", StringComparison.Ordinal)).ToList();
        Assert.That(rows, Has.Count.EqualTo(plan.Resources.Length));
        Assert.That(rows, Is.All.EndsWith("  create"));
        foreach (var resource in plan.Resources)
        {
            var member = resource.Type[(resource.Type.LastIndexOf(':') + 1)..];
            var tail = resource.Name.Length <= 12 ? resource.Name : resource.Name[^12..];
            Assert.That(rows.Any(r => r.Contains(member + " ", StringComparison.Ordinal) && r.Contains(tail + " ", StringComparison.Ordinal)), $"{resource.Type} {resource.Name}");
        }
        Assert.That(rows, Has.Some.Contains("alicloud:ecs/…:SecurityGroup ").And.Some.Contains("…-from-masters-tcp-6121-6122 "));
        // The count, said as the page says it; what the stack lowered, never silently; the flags that show the rest.
        Assert.That(output, Does.Contain($"\nResources:\n    + {plan.Resources.Length} to create: {ResourceCounts.Of(plan).Breakdown}\n"));
        Assert.That(output, Does.Contain("\nnotice BLINK3001: cloud-firewall-enabled switched off by policy.levels\n"));
        // An advisory a line, cut to the width (whole in check and --details), then the count.
        Assert.That(output, Does.Contain("\n[advisory] BLINK2004 ack-offerings-unconfirmed (blink-prod-ack): Kubernetes 1.…\n"));
        Assert.That(output, Does.Contain("\n0 mandatory and 1 advisory violation(s); "));
        Assert.That(output, Does.Contain("\n--zones: the planned vSwitch blocks (3 zones) as a block to paste, pinning them\n"));
        Assert.That(output, Does.EndWith("\n--details: inputs, 3 lookups answered offline, the bill and the report in full\n"));
    }

    [TestCase("dev")]
    [TestCase("prod-hangzhou")]
    [TestCase("gpu-shanghai")]
    public async Task Every_resource_is_counted_as_pulumi_preview_counts_it_none_behind_a_default_provider(string stack)
    {
        var plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack(stack)));

        // pulumi preview leaves out only default providers' steps (pkg/engine/update.go, isInternalStep): every
        // resource here names its provider, so none is registered and the count is every resource the plan holds.
        Assert.That(plan.Resources.Where(r => r.Custom && !ResourceCounts.IsProvider(r) && r.Provider is null).Select(r => r.Name), Is.Empty);
        var counts = ResourceCounts.Of(plan);
        Assert.That(counts.Total, Is.EqualTo(plan.Resources.Length));
        Assert.That((counts.Stacks, counts.Stacks + counts.Components + counts.Providers + counts.Custom), Is.EqualTo((1, plan.Resources.Length)));
        Assert.That(counts.Breakdown, Does.StartWith("the stack, ").And.EndWith($", {counts.Custom} custom resources"));
    }

    [Test]
    public async Task Details_write_every_line_whole_whatever_the_console_width()
    {
        var plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("prod-hangzhou")));
        var detailed = new StringWriter();

        PlanRenderer.Render(plan, Console(detailed, colour: false, width: 40), details: true);

        var text = detailed.ToString();
        // Lines are written whole: the console's width folds nothing.
        Assert.That(text, Does.Contain("execution.checkpointing.dir: oss://blink-prod-hangzhou-flink-state/checkpoints/session-cpu\n"));
        Assert.That(text, Does.Contain("flink-conf.yaml: |\n"));
        Assert.That(text, Does.Contain("fs.oss.credentials.provider: io.blinkinfra.flink.oss.RrsaCredentialsProvider\n"));
        Assert.That(text, Does.Contain(" +   │  ├─ alicloud:ecs/securityGroupRule:SecurityGroupRule "));
    }

    [Test]
    public async Task Columns_sets_the_width_of_the_program_started_directly()
    {
        // The program as ./blink runs it, into a pipe: COLUMNS=80 (as a shell exports it) fits the text to 80 columns.
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.ProjectRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "BlinkInfra.dll"), "plan", "--stack", "prod-hangzhou" })
            start.ArgumentList.Add(arg);
        start.Environment["COLUMNS"] = "80";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), "finished");

        Assert.That(process.ExitCode, Is.EqualTo(0), errors.Result);
        Assert.That(output.Result, Is.EqualTo((await CliRunner.RunAt(80, "plan", "--stack", "prod-hangzhou")).Out));
    }

    [Test]
    public async Task Zones_prints_the_block_to_paste_alone()
    {
        var (exit, output, errors) = await CliRunner.Run("plan", "--stack", "prod-hangzhou", "--zones");

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(output, Is.EqualTo(
            "# The vSwitch blocks planned for stack prod-hangzhou: to pin them, paste under blink-infra:network: in its stack file\n"
            + "    zones:\n"
            + "      - id: cn-hangzhou-h\n        cidrBlock: 10.20.20.0/24\n        podCidrBlock: 10.20.96.0/20\n"
            + "      - id: cn-hangzhou-i\n        cidrBlock: 10.20.21.0/24\n        podCidrBlock: 10.20.112.0/20\n"
            + "      - id: cn-hangzhou-j\n        cidrBlock: 10.20.22.0/24\n        podCidrBlock: 10.20.128.0/20\n"));
        var (both, _, bothErrors) = await CliRunner.Run("plan", "--stack", "prod-hangzhou", "--zones", "--json", "-");
        Assert.That((both, bothErrors), Is.EqualTo((2, "error BLINK5006: --zones and --json -: both print in place of the text; allowed: one of them, a file for --json\n")));
    }

    [TestCase("alicloud:ecs/securityGroupRule:SecurityGroupRule", 48, "alicloud:ecs/securityGroupRule:SecurityGroupRule")]
    [TestCase("alicloud:ecs/securityGroupRule:SecurityGroupRule", 32, "alicloud:ecs/…:SecurityGroupRule")]
    [TestCase("alicloud:ecs/securityGroupRule:SecurityGroupRule", 30, "alicloud:ec…:SecurityGroupRule")]
    [TestCase("kubernetes:telemetry.alibabacloud.com/v1alpha1:ClusterAliyunPipelineConfig", 30, "k…:ClusterAliyunPipelineConfig")]
    [TestCase("kubernetes:telemetry.alibabacloud.com/v1alpha1:ClusterAliyunPipelineConfig", 20, "…liyunPipelineConfig")]
    public void A_type_too_long_for_its_column_keeps_its_member_name(string type, int width, string shown)
    {
        Assert.That(TerminalText.Type(type, width), Is.EqualTo(shown));
        Assert.That(shown.Length, Is.LessThanOrEqualTo(width));
    }

    [Test]
    public void Prose_wraps_at_spaces_with_an_indent_and_breaks_only_a_word_wider_than_a_line()
    {
        Assert.That(TerminalText.Wrap("Bill of materials: 25 machines, 9,600 GiB disks", 24), Is.EqualTo(new[] { "Bill of materials: 25", "    machines, 9,600 GiB", "    disks" }));
        Assert.That(TerminalText.Wrap("at /a/very/long/path/that/cannot/break", 12), Is.EqualTo(new[] { "at", "    /a/very/", "    long/pat", "    h/that/c", "    annot/br", "    eak" }));
        Assert.That(TerminalText.Wrap("short", 80), Is.EqualTo(new[] { "short" }));
        Assert.That(TerminalText.Wrap("    pack: a message that is long", 16), Is.EqualTo(new[] { "    pack: a", "    message that", "    is long" }), "its own indent kept");
        Assert.That(TerminalText.Start("blink-prod-sgr-workers-from-masters-tcp-6121-6122", 20), Is.EqualTo("…sters-tcp-6121-6122"));
    }

    [Test]
    public async Task In_a_terminal_the_operation_is_coloured()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(StackRunner.DevConfig));
        var coloured = new StringWriter();
        var plain = new StringWriter();

        PlanRenderer.Render(plan, Console(coloured, colour: true, width: 120));
        PlanRenderer.Render(plan, Console(plain, colour: false, width: 120));

        Assert.That(coloured.ToString(), Does.Contain(" \u001b[32m+\u001b[0m   pulumi:pulumi:Stack"));
        // (a char search: a culture-aware string search ignores control characters)
        Assert.That(plain.ToString().Contains('\u001b'), Is.False);
        Assert.That(System.Text.RegularExpressions.Regex.Replace(coloured.ToString(), "\u001b\\[[0-9;]*m", ""), Is.EqualTo(plain.ToString()));
    }

    [Test]
    public void Yaml_values_read_back_as_what_they_are()
    {
        var inputs = JsonNode.Parse("""
            {"port": "6124", "on": "true", "enabled": true, "count": 3, "empty": "", "colon": "a: b", "hash": "a #b",
             "ref": "${blink-dev-vpc.id}", "flow": "{x}", "list": [], "map": {}, "text": "line one\nline two\n",
             "blink.io/role": "master", "items": [{"key": "a", "value": "b"}, "c"]}
            """)!.AsObject();

        Assert.That(YamlText.Lines(inputs), Is.EqualTo(new[]
        {
            "port: \"6124\"", "\"on\": \"true\"", "enabled: true", "count: 3", "empty: \"\"", "colon: \"a: b\"", "hash: \"a #b\"",
            "ref: ${blink-dev-vpc.id}", "flow: \"{x}\"", "list: []", "map: {}", "text: |", "  line one", "  line two",
            "blink.io/role: master", "items:", "  - key: a", "    value: b", "  - c",
        }));
    }
}
