using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using Spectre.Console;

namespace BlinkInfra.Cli;

/// <summary>
/// The program started directly, without the Pulumi engine: offline verbs over the stack files.
/// Exit codes: 0 success, 1 failure, 2 invalid input (config, stack file or command line).
/// </summary>
public static class BlinkCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter errors)
    {
        var stackOption = new Option<string?>("--stack") { Description = "The stack to plan: stacks/Pulumi.<NAME>.yaml of this project" };
        var configOption = new Option<string?>("--config") { Description = "Any stack file, Pulumi.<stack>.yaml, instead of --stack" };
        var jsonOption = new Option<string?>("--json") { Description = "Also write the plan as JSON to this file" };

        var plan = new Command("plan", "Run a stack offline under mocks and print the resources it declares, as a tree with counts by type")
        {
            stackOption, configOption, jsonOption,
        };
        plan.SetAction((parse, _) => PlanAsync(parse.GetValue(stackOption), parse.GetValue(configOption), parse.GetValue(jsonOption), console, errors));

        var checkStack = new Option<string?>("--stack") { Description = "Check a stack of this project, planned offline: stacks/Pulumi.<NAME>.yaml" };
        var checkConfig = new Option<string?>("--config") { Description = "Check any stack file, Pulumi.<stack>.yaml, planned offline" };
        var checkPlan = new Option<string?>("--plan") { Description = "Check a plan saved by `plan --json`" };
        var checkState = new Option<string?>("--state") { Description = "Check the resources of a `pulumi stack export` file (a live stack)" };
        var checkJson = new Option<string?>("--json") { Description = "Also write the report as JSON to this file" };
        var check = new Command("check", "Check a stack against the policy packs; exit 0 without mandatory violations, 1 with, 2 for invalid input")
        {
            checkStack, checkConfig, checkPlan, checkState, checkJson,
        };
        check.SetAction((parse, _) => CheckAsync(parse.GetValue(checkStack), parse.GetValue(checkConfig), parse.GetValue(checkPlan), parse.GetValue(checkState), parse.GetValue(checkJson), console, errors));

        var root = new RootCommand("BlinkInfra: dedicated Flink (Blink exclusive mode) clusters on Alibaba Cloud, as a Pulumi program.\n"
                                   + "Run by `pulumi up` it deploys the stack; run directly it works offline on the stack files.")
        {
            plan,
            check,
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
                await errors.WriteLineAsync($"error: {error.Message}");
            await errors.WriteLineAsync("Run with --help for the verbs and their flags.");
            return InvalidInput;
        }

        return await parseResult.InvokeAsync();
    }

    private static async Task<int> PlanAsync(string? stack, string? configPath, string? jsonPath, IAnsiConsole console, TextWriter errors)
    {
        try
        {
            var stackFile = StackFile.Load(ResolveStackFile(stack, configPath));
            console.MarkupLine($"[grey]SDK: {Markup.Escape(SdkInfo.Description)}[/]");
            console.MarkupLine($"Planning stack [bold]{Markup.Escape(stackFile.StackName)}[/] from {Markup.Escape(stackFile.Path)}");
            var result = await PlanRunner.PlanAsync(stackFile);
            PlanRenderer.Render(result, console);
            if (jsonPath != null)
            {
                await File.WriteAllTextAsync(jsonPath, result.ToJson() + "\n");
                console.MarkupLine($"Plan written to {Markup.Escape(jsonPath)}");
            }
            return Success;
        }
        catch (StackFileException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return InvalidInput;
        }
        catch (SpecException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return InvalidInput;
        }
    }

    private static async Task<int> CheckAsync(string? stack, string? configPath, string? planPath, string? statePath, string? jsonPath, IAnsiConsole console, TextWriter errors)
    {
        try
        {
            var sources = new[] { stack, configPath, planPath, statePath }.Count(s => s != null);
            if (sources != 1)
                throw new StackFileException("give exactly one of --stack NAME, --config PATH, --plan FILE or --state FILE");

            StackPlan subject;
            if (planPath != null)
                subject = ReadPlan(planPath);
            else if (statePath != null)
                subject = ReadState(statePath);
            else
                subject = await PlanRunner.PlanAsync(StackFile.Load(ResolveStackFile(stack, configPath)));

            var report = Policies.PolicyEngine.Evaluate(subject, Policies.PolicyReportRenderer.Overrides(subject));
            console.Profile.Out.Writer.Write(Policies.PolicyReportRenderer.Text(report));
            if (jsonPath != null)
                await File.WriteAllTextAsync(jsonPath, Policies.PolicyReportRenderer.Json(report) + "\n");
            return report.HasMandatory ? Failure : Success;
        }
        catch (StackFileException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return InvalidInput;
        }
        catch (SpecException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return InvalidInput;
        }
    }

    /// <summary>A plan written by `plan --json`.</summary>
    public static StackPlan ReadPlan(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            var node = System.Text.Json.Nodes.JsonNode.Parse(text);
            if (node is null || StateFile.LooksLikeState(node))
                throw new StackFileException($"{path}: not a plan written by `plan --json`{(node is null ? "" : " (it is a state export: use --state)")}");
            return System.Text.Json.JsonSerializer.Deserialize<StackPlan>(text, StackPlan.JsonOptions)
                   ?? throw new StackFileException($"{path}: not a plan written by `plan --json`");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new StackFileException($"{path}: cannot be read as a plan: {e.Message}");
        }
    }

    /// <summary>A `pulumi stack export` file.</summary>
    public static StackPlan ReadState(string path)
    {
        try
        {
            return StateFile.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException or InvalidOperationException or NullReferenceException)
        {
            throw new StackFileException($"{path}: cannot be read as a `pulumi stack export` file: {e.Message}");
        }
    }

    /// <summary>--stack NAME means stacks/Pulumi.NAME.yaml of the project; --config PATH any stack file.</summary>
    private static string ResolveStackFile(string? stack, string? configPath)
    {
        if ((stack is null) == (configPath is null))
            throw new StackFileException("give exactly one of --stack NAME or --config PATH");
        if (configPath != null)
            return configPath;
        var projectRoot = ProjectRoot.Find()
            ?? throw new StackFileException("no Pulumi.yaml found in this folder or above it; use --config PATH");
        var path = Path.Combine(projectRoot, ProjectRoot.StackConfigDir, $"{StackFile.FilePrefix}{stack}{StackFile.FileSuffix}");
        if (!File.Exists(path))
        {
            var known = Directory.Exists(Path.GetDirectoryName(path))
                ? Directory.GetFiles(Path.GetDirectoryName(path)!, "Pulumi.*.yaml").Select(StackFile.StackNameOf).OrderBy(n => n, StringComparer.Ordinal)
                : Enumerable.Empty<string>();
            throw new StackFileException($"no stack \"{stack}\": {path} does not exist; stacks here: {string.Join(", ", known)}");
        }
        return path;
    }
}

/// <summary>Finds the project: the folder holding Pulumi.yaml, above the working directory or else above the program.</summary>
public static class ProjectRoot
{
    /// <summary>Where the stack files are; Pulumi.yaml's stackConfigDir says the same.</summary>
    public const string StackConfigDir = "stacks";

    public static string? Find()
        => FindFrom(Directory.GetCurrentDirectory()) ?? FindFrom(AppContext.BaseDirectory);

    private static string? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
                return dir.FullName;
        }
        return null;
    }
}
