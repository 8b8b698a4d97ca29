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

    [Test]
    public async Task Prod_hangzhou_prints_about_a_line_per_resource_and_never_cuts_a_value_on_a_narrow_console()
    {
        var plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("prod-hangzhou")));
        var output = new StringWriter();

        PlanRenderer.Render(plan, Console(output, colour: false, width: 80), details: false);

        var lines = output.ToString().Split('\n');
        Assert.That(lines.Length, Is.LessThan(plan.Resources.Length + 30), "the resources, the outputs and a summary");

        var detailed = new StringWriter();
        PlanRenderer.Render(plan, Console(detailed, colour: false, width: 40), details: true);
        var text = detailed.ToString();
        // Lines are written whole: the console's width folds nothing.
        Assert.That(text, Does.Contain("execution.checkpointing.dir: oss://blink-prod-hangzhou-flink-state/checkpoints/session-cpu\n"));
        Assert.That(text, Does.Contain("flink-conf.yaml: |\n"));
        Assert.That(text, Does.Contain("fs.oss.credentials.provider: io.blinkinfra.flink.oss.RrsaCredentialsProvider\n"));
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
