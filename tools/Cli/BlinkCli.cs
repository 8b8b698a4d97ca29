using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Diff;
using BlinkInfra.Plan;
using BlinkInfra.Policies;
using BlinkInfra.Stacks;
using Spectre.Console;

namespace BlinkInfra.Cli;

/// <summary>
/// The program started directly, without the Pulumi engine: offline verbs over the stack files.
/// Exit codes: 0 success, 1 failure (a mandatory policy violated), 2 invalid input (config, stack
/// file or command line), 3 an internal error (one line, no stack trace).
/// </summary>
public static class BlinkCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int InternalError = 3;

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter errors)
    {
        var stackOption = new Option<string?>("--stack") { Description = "The stack to plan: stacks/Pulumi.<NAME>.yaml of this project" };
        var configOption = new Option<string?>("--config") { Description = "Any stack file, Pulumi.<stack>.yaml, instead of --stack" };
        var jsonOption = new Option<string?>("--json") { Description = "Also write the plan as JSON to this file" };
        var graphOption = new Option<string?>("--graph") { Description = "Also write the dependency graph (Mermaid) to this file" };

        var plan = new Command("plan", "Run a stack offline under mocks and print the resources it declares, as a tree with counts by type")
        {
            stackOption, configOption, jsonOption, graphOption,
        };
        plan.SetAction((parse, _) => ExitOnInputError(() => PlanAsync(parse.GetValue(stackOption), parse.GetValue(configOption), parse.GetValue(jsonOption), parse.GetValue(graphOption), console), InvalidInput, errors));

        var diffStack = new Option<string?>("--stack") { Description = "The stack to plan now: stacks/Pulumi.<NAME>.yaml" };
        var diffConfig = new Option<string?>("--config") { Description = "Any stack file to plan now, instead of --stack" };
        var diffAgainst = new Option<string?>("--against") { Description = "What to compare with: a plan written by `plan --json`, or a `pulumi stack export` file" };
        var diffJson = new Option<string?>("--json") { Description = "Also write the steps, shaped like `pulumi preview --json`, to this file" };
        var diff = new Command("diff", "Compare a stack planned now with a saved plan or a state export; exit 0 without changes, 2 with changes, 1 on error")
        {
            diffStack, diffConfig, diffAgainst, diffJson,
        };
        diff.SetAction((parse, _) => ExitOnInputError(() => DiffAsync(parse.GetValue(diffStack), parse.GetValue(diffConfig), parse.GetValue(diffAgainst), parse.GetValue(diffJson), console), DiffError, errors));

        var benchStack = new Option<string?>("--stack") { Description = "The stack to plan (default: the example stack with the most resources)" };
        var benchRuns = new Option<int>("--runs") { Description = "How many plans to time", DefaultValueFactory = _ => 20 };
        var bench = new Command("bench", "Plan a stack repeatedly and print the median wall time and peak memory")
        {
            benchStack, benchRuns,
        };
        bench.SetAction((parse, _) => ExitOnInputError(() => BenchAsync(parse.GetValue(benchStack), parse.GetValue(benchRuns), console), InvalidInput, errors));

        var checkStack = new Option<string?>("--stack") { Description = "Check a stack of this project, planned offline: stacks/Pulumi.<NAME>.yaml" };
        var checkConfig = new Option<string?>("--config") { Description = "Check any stack file, Pulumi.<stack>.yaml, planned offline" };
        var checkPlan = new Option<string?>("--plan") { Description = "Check a plan saved by `plan --json`" };
        var checkState = new Option<string?>("--state") { Description = "Check the resources of a `pulumi stack export` file (a live stack)" };
        var checkJson = new Option<string?>("--json") { Description = "Also write the report as JSON to this file" };
        var check = new Command("check", "Check a stack against the policy packs; exit 0 without mandatory violations, 1 with, 2 for invalid input")
        {
            checkStack, checkConfig, checkPlan, checkState, checkJson,
        };
        check.SetAction((parse, _) => ExitOnInputError(() => CheckAsync(parse.GetValue(checkStack), parse.GetValue(checkConfig), parse.GetValue(checkPlan), parse.GetValue(checkState), parse.GetValue(checkJson), console, errors), InvalidInput, errors));

        var root = new RootCommand("BlinkInfra: dedicated Flink (Blink exclusive mode) clusters on Alibaba Cloud, as a Pulumi program.\n"
                                   + "Run by `pulumi up` it deploys the stack; run directly it works offline on the stack files.")
        {
            plan,
            check,
            diff,
            bench,
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

    /// <summary>
    /// Runs a verb; invalid input (a stack file, config, a flag) prints one "error:" line, no stack
    /// trace, and exits with the verb's code for it.
    /// </summary>
    private static async Task<int> ExitOnInputError(Func<Task<int>> verb, int exitCode, TextWriter errors)
    {
        try
        {
            return await verb();
        }
        catch (SpecException e)
        {
            await errors.WriteLineAsync($"error: refused as invalid config (exit {exitCode}): {e.Message}");
            return exitCode;
        }
        catch (StackFileException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return exitCode;
        }
        catch (Exception e)
        {
            // A bug of the program's, not the input's: one line, no stack trace, its own code.
            await errors.WriteLineAsync($"error: internal error (exit {InternalError}): {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return InternalError;
        }
    }

    /// <summary>A stack file loaded into its spec, once, and planned offline.</summary>
    public static Task<StackPlan> PlanStackAsync(StackFile stackFile)
        => Planner.PlanAsync(SpecLoader.Load(stackFile.ToRaw(), PolicyEngine.PolicyNames), stackFile.StackName);

    private static async Task<int> PlanAsync(string? stack, string? configPath, string? jsonPath, string? graphPath, IAnsiConsole console)
    {
        var stackFile = StackFile.Load(ResolveStackFile(stack, configPath));
        console.MarkupLine($"[grey]SDK: {Markup.Escape(SdkInfo.Description)}[/]");
        console.MarkupLine($"Planning stack [bold]{Markup.Escape(stackFile.StackName)}[/] from {Markup.Escape(stackFile.Path)}");
        var result = await PlanStackAsync(stackFile);
        PlanRenderer.Render(result, console);
        if (jsonPath != null)
        {
            await File.WriteAllTextAsync(jsonPath, result.ToJson() + "\n");
            console.MarkupLine($"Plan written to {Markup.Escape(jsonPath)}");
        }
        if (graphPath != null)
        {
            await File.WriteAllTextAsync(graphPath, PlanGraph.Mermaid(result));
            console.MarkupLine($"Dependency graph (Mermaid) written to {Markup.Escape(graphPath)}");
        }
        return Success;
    }

    private static async Task<int> CheckAsync(string? stack, string? configPath, string? planPath, string? statePath, string? jsonPath, IAnsiConsole console, TextWriter errors)
    {
        var sources = new[] { stack, configPath, planPath, statePath }.Count(s => s != null);
        if (sources != 1)
            throw new StackFileException("give exactly one of --stack NAME, --config PATH, --plan FILE or --state FILE");

        StackPlan subject;
        if (planPath != null)
            subject = PlanFiles.ReadPlan(planPath);
        else if (statePath != null)
            subject = PlanFiles.ReadState(statePath);
        else
            subject = await PlanStackAsync(StackFile.Load(ResolveStackFile(stack, configPath)));

        var report = PolicyEngine.Evaluate(subject, PolicyReportRenderer.Overrides(subject));
        console.Profile.Out.Writer.Write(PolicyReportRenderer.Text(report));
        if (jsonPath != null)
            await File.WriteAllTextAsync(jsonPath, PolicyReportRenderer.Json(report) + "\n");
        if (!report.HasMandatory)
            return Success;
        await errors.WriteLineAsync($"error: refused by policy (exit {Failure}): {report.Violations.Count(v => v.Level == EnforcementLevel.Mandatory)} mandatory violation(s)");
        return Failure;
    }

    /// <summary>Exit codes of `diff`, as `terraform plan -detailed-exitcode`.</summary>
    public const int NoChanges = 0;
    public const int DiffError = 1;
    public const int Changes = 2;

    private static async Task<int> DiffAsync(string? stack, string? configPath, string? against, string? jsonPath, IAnsiConsole console)
    {
        if (against is null)
            throw new StackFileException("--against FILE is required: a plan written by `plan --json` or a `pulumi stack export` file");
        var old = PlanFiles.ReadPlanOrState(against);
        var now = await PlanStackAsync(StackFile.Load(ResolveStackFile(stack, configPath)));
        var steps = PlanDiff.Compare(old, now);
        console.Profile.Out.Writer.Write(DiffText.Of(steps));
        if (jsonPath != null)
            await File.WriteAllTextAsync(jsonPath, DiffJson.Of(steps).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        return PlanDiff.HasChanges(steps) ? Changes : NoChanges;
    }

    private static async Task<int> BenchAsync(string? stack, int runs, IAnsiConsole console)
    {
        if (runs < 1)
            throw new StackFileException("--runs must be 1 or more");
        var path = stack is null ? await LargestExampleStackAsync() : ResolveStackFile(stack, null);
        var stackFile = StackFile.Load(path);
        var report = await PlanBenchmark.RunAsync(stackFile.StackName, () => PlanStackAsync(stackFile), runs);
        console.Profile.Out.Writer.Write(report.Text());
        return Success;
    }

    /// <summary>The example stack that declares the most resources.</summary>
    private static async Task<string> LargestExampleStackAsync()
    {
        var root = ProjectRoot.Find() ?? throw new StackFileException("no Pulumi.yaml found in this folder or above it");
        string? largest = null;
        var most = -1;
        foreach (var path in Directory.GetFiles(Path.Combine(root, ProjectRoot.StackConfigDir), "Pulumi.*.yaml").OrderBy(p => p, StringComparer.Ordinal))
        {
            var count = (await PlanStackAsync(StackFile.Load(path))).Resources.Length;
            if (count > most)
                (largest, most) = (path, count);
        }
        return largest ?? throw new StackFileException($"no stacks in {Path.Combine(root, ProjectRoot.StackConfigDir)}");
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
