using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Bill;
using BlinkInfra.Config;
using BlinkInfra.Diff;
using BlinkInfra.Plan;
using BlinkInfra.PlanPage;
using BlinkInfra.Policies;
using BlinkInfra.Recorder;
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
    /// <summary>What usage lines call the program: the script that builds and starts it.</summary>
    public const string CommandName = "./blink";

    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int InternalError = 3;

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter errors)
    {
        var root = CommandTree(console, errors);

        // `help` and `help VERB` read as `--help` and `VERB --help`.
        if (args is ["help", .. var rest])
            args = rest.Length == 0 ? ["--help"] : [.. rest, "--help"];
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
                await errors.WriteLineAsync($"error {DiagnosticCatalogue.CommandLineInvalid.Code}: {UserText.Shown(error.Message)}");
            await errors.WriteLineAsync($"Run {CommandName} help for the verbs and their flags.");
            return InvalidInput;
        }

        return await parseResult.InvokeAsync();
    }

    /// <summary>
    /// The verbs and their options, as System.CommandLine parses them: the one place they are declared, read by
    /// <see cref="RunAsync"/> and by the generated reference (docs/commands.md).
    /// </summary>
    public static Command CommandTree(IAnsiConsole console, TextWriter errors)
    {
        var stackOption = new Option<string?>("--stack", "-s") { Description = "The stack to plan: stacks/Pulumi.<NAME>.yaml of this project" };
        var configOption = new Option<string?>("--config") { Description = "Any stack file, Pulumi.<stack>.yaml, instead of --stack" };
        var jsonOption = new Option<string?>("--json") { Description = "Also write the plan as JSON to this file (- for standard output, instead of the tree)" };
        var graphOption = new Option<string?>("--graph") { Description = "Also write the dependency graph (Mermaid) to this file (- for standard output, instead of the tree)" };

        var graphLevelOption = new Option<GraphLevel>("--graph-level") { Description = "What --graph draws: resources (inside their components' boxes, many of a kind as one node) or components (one node each, with the dependencies between them)", DefaultValueFactory = _ => GraphLevel.Resources };
        var detailsOption = new Option<bool>("--details") { Description = "Print everything whole: each resource's inputs as indented YAML beneath it, the outputs expanded, the counts by type, the lookups answered offline, the vSwitch blocks to pin, the bill of materials itemised and the full policy report" };
        var zonesOption = new Option<bool>("--zones") { Description = "Print only the planned vSwitch blocks, as the zones: block to paste under blink-infra:network in the stack file so they never move (in place of the tree)" };
        var htmlOption = new Option<string?>("--html") { Description = "Also write the plan page to this file: one self-contained HTML file (the graph by component, each resource's inputs and dependencies, the policy findings, a search; - for standard output, instead of the tree)" };
        var pricesOption = new Option<string?>("--prices") { Description = "Your own prices (YAML or JSON, docs/cli.md \"Bill of materials\"): the bill of materials gets an estimate per month, in the file's currency" };
        var plan = new Command("plan", "Run a stack offline under mocks, print a line per resource it declares under its component (as pulumi preview does, fitted to the terminal's width), its outputs, a summary and its bill of materials, and check them against the policy packs; exit 1 on a mandatory violation")
        {
            stackOption, configOption, jsonOption, graphOption, graphLevelOption, detailsOption, zonesOption, htmlOption, pricesOption,
        };
        plan.SetAction((parse, _) => ExitOnInputError(() => PlanAsync(parse.GetValue(stackOption), parse.GetValue(configOption), parse.GetValue(jsonOption), parse.GetValue(graphOption), parse.GetValue(graphLevelOption), parse.GetValue(detailsOption), parse.GetValue(zonesOption), parse.GetValue(htmlOption), parse.GetValue(pricesOption), console), InvalidInput, errors));

        var diffStack = new Option<string?>("--stack", "-s") { Description = "The stack to plan now: stacks/Pulumi.<NAME>.yaml" };
        var diffConfig = new Option<string?>("--config") { Description = "Any stack file to plan now, instead of --stack" };
        var diffAgainst = new Option<string?>("--against") { Description = "What to compare with: a plan written by `plan --json`, a `pulumi stack export` file, or a local backend's state file" };
        var diffJson = new Option<string?>("--json") { Description = "Also write the steps, as `pulumi preview --json` writes them, to this file (- for standard output, instead of the text)" };
        var diffShowSames = new Option<bool>("--show-sames") { Description = "List unchanged resources in the --json steps too (they are always counted)" };
        var diffHtml = new Option<string?>("--html") { Description = "Also write the diff's page to this file: the plan page with each resource coloured by its step and the replacements with the inputs that force them (- for standard output, instead of the text)" };
        var diffShowUrns = new Option<bool>("--show-urns", "-u") { Description = "Name each resource in the text by its URN (to paste into pulumi up --target or --replace) instead of its type and name" };
        var diff = new Command("diff", "Compare a stack planned now with a saved plan or a Pulumi state, and check the change against the blink-changes policies; exit 0 without changes, 2 with changes, 1 on error or a mandatory violation")
        {
            diffStack, diffConfig, diffAgainst, diffJson, diffShowSames, diffHtml, diffShowUrns,
        };
        diff.SetAction((parse, _) => ExitOnInputError(() => DiffAsync(parse.GetValue(diffStack), parse.GetValue(diffConfig), parse.GetValue(diffAgainst), parse.GetValue(diffJson), parse.GetValue(diffShowSames), parse.GetValue(diffHtml), parse.GetValue(diffShowUrns), console, errors), DiffError, errors));

        var benchStack = new Option<string?>("--stack", "-s") { Description = "The stack to plan (default: the example stack with the most resources)" };
        var benchRuns = new Option<int?>("--runs") { Description = "How many plans to time (default 20; with --process, 10 runs of each command)" };
        var benchProcess = new Option<bool>("--process") { Description = "Also time the whole process as a user sees it: `./blink plan --stack NAME` and the program started directly, after a warm-up, in turns" };
        var benchVs = new Option<string[]>("--vs") { Description = "With --process, also time this command line (run by /bin/sh), e.g. an older build to compare with; may repeat", AllowMultipleArgumentsPerToken = false };
        var benchFleet = new Option<int?>("--fleet") { Description = "Instead, time `./blink fleet` over N tenant stacks made from the example stacks (and a quarter and half as many), as whole processes: the fleet's benchmark (docs/cli.md, Speed)" };
        var bench = new Command("bench", "Plan a stack repeatedly and print the median wall time and peak memory; with --process, the whole process's too; with --fleet N, the fleet's")
        {
            benchStack, benchRuns, benchProcess, benchVs, benchFleet,
        };
        bench.SetAction((parse, _) => ExitOnInputError(() => parse.GetValue(benchFleet) is { } fleetSize
            ? BenchFleetAsync(fleetSize, parse.GetValue(benchRuns), console)
            : BenchAsync(parse.GetValue(benchStack), parse.GetValue(benchRuns), parse.GetValue(benchProcess), parse.GetValue(benchVs) ?? [], console), InvalidInput, errors));

        var checkStack = new Option<string?>("--stack", "-s") { Description = "Check a stack of this project, planned offline: stacks/Pulumi.<NAME>.yaml" };
        var checkConfig = new Option<string?>("--config") { Description = "Check any stack file, Pulumi.<stack>.yaml, planned offline" };
        var checkPlan = new Option<string?>("--plan") { Description = "Check a plan saved by `plan --json`" };
        var checkState = new Option<string?>("--state") { Description = "Check the live resources of a Pulumi state: a `pulumi stack export` file or a local backend's state file" };
        var checkResources = new Option<string?>("--resources") { Description = "Check the resource list a CrossGuard policy pack sends (policies/crossguard), - for standard input" };
        var checkEach = new Option<bool>("--each") { Description = "With --resources -: read a resource list per line and answer each with a line of JSON, the report of the policies one resource decides (the CrossGuard pack's evaluator for validateResource, one process for a whole update)" };
        var checkJson = new Option<string?>("--json") { Description = "Also write the report as JSON to this file (- for standard output, instead of the text)" };
        var checkHtml = new Option<string?>("--html") { Description = "Also write the page of what was checked (a stack, a saved plan or a state) with its findings to this file (- for standard output, instead of the text; not with --resources)" };
        var check = new Command("check", "Check a stack against the policy packs; exit 0 without mandatory violations, 1 with, 2 for invalid input")
        {
            checkStack, checkConfig, checkPlan, checkState, checkResources, checkEach, checkJson, checkHtml,
        };
        check.SetAction((parse, _) => ExitOnInputError(() => parse.GetValue(checkEach) ? EachAsync(parse.GetValue(checkResources), parse.GetValue(checkStack) ?? parse.GetValue(checkConfig) ?? parse.GetValue(checkPlan) ?? parse.GetValue(checkState) ?? parse.GetValue(checkJson) ?? parse.GetValue(checkHtml), console) : CheckAsync(parse.GetValue(checkStack), parse.GetValue(checkConfig), parse.GetValue(checkPlan), parse.GetValue(checkState), parse.GetValue(checkResources), parse.GetValue(checkJson), parse.GetValue(checkHtml), console, errors), InvalidInput, errors));

        var initName = new Option<string?>("--name", "-n") { Description = "The stack's name: writes stacks/Pulumi.<NAME>.yaml, the cluster called blink-<NAME> (asked for in a terminal when missing)" };
        var initRegion = new Option<string?>("--region") { Description = $"The region (default {StackTemplate.DefaultRegion}; ./blink catalog lists them)" };
        var initBilling = new Option<string?>("--billing") { Description = "pay-as-you-go or subscription (default pay-as-you-go where the region is sold so)" };
        var initHa = new Option<bool?>("--ha") { Description = "Three master machines over three zones (high availability); default false" };
        var initZones = new Option<string?>("--zones") { Description = "Comma-separated zones of the region (default its first three)" };
        var initFamily = new Option<string?>("--family") { Description = $"The worker pool's instance family (default {StackTemplate.DefaultFamily})" };
        var initType = new Option<string?>("--instance-type") { Description = "The worker pool's instance type (default the family's smallest that offers a CU)" };
        var initNodes = new Option<int?>("--nodes") { Description = $"The worker pool's machines (default {StackTemplate.DefaultNodes})" };
        var initRegistry = new Option<string?>("--registry-namespace") { Description = $"With --ha: the namespace of the region's container registry holding the image built from images/flink-rrsa/ (default {StackTemplate.DefaultRegistryNamespace})" };
        var initOutput = new Option<string?>("--output", "-o") { Description = "Where to write the stack file instead of stacks/Pulumi.<NAME>.yaml" };
        var init = new Command("init", "Write a starter stack file from a few flags (or questions in a terminal); it plans and passes check. Never overwrites a file")
        {
            initName, initRegion, initBilling, initHa, initZones, initFamily, initType, initNodes, initRegistry, initOutput,
        };
        init.SetAction((parse, _) => ExitOnInputError(() => InitAsync(
            parse.GetValue(initName), parse.GetValue(initRegion), parse.GetValue(initBilling), parse.GetValue(initHa), parse.GetValue(initZones),
            parse.GetValue(initFamily), parse.GetValue(initType), parse.GetValue(initNodes), parse.GetValue(initRegistry), parse.GetValue(initOutput), console), InvalidInput, errors));

        var catalogRegion = new Option<string?>("--region") { Description = "Only this region's billing and zones" };
        var catalog = new Command("catalog", "List the regions (with their billing and zones), instance families and types (with the CU a worker offers) and master sizes a stack may name")
        {
            catalogRegion,
        };
        catalog.SetAction((parse, _) => ExitOnInputError(() =>
        {
            Catalog.Write(console.Profile.Out.Writer, parse.GetValue(catalogRegion));
            return Task.FromResult(Success);
        }, InvalidInput, errors));

        // Named as users start it, ./blink, so usage lines read as commands to type.
        var root = new Command(CommandName, "BlinkInfra: dedicated Flink (Blink exclusive mode) clusters on Alibaba Cloud, as a Pulumi program.\n"
                                            + "Run by `pulumi up` it deploys the stack; run directly it works offline on the stack files.")
        {
            init,
            plan,
            check,
            diff,
            catalog,
            AvailabilityCommand.Create(console, errors, ExitOnInputError),
            bench,
            FleetCommand.Create(console, errors, ExitOnInputError),
            ExplainCommand.Create(console, errors, ExitOnInputError),
            PoliciesCommand.Create(console, errors, ExitOnInputError),
        };
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        return root;
    }

    /// <summary>
    /// Runs a verb; invalid input (a stack file, config, a flag) prints its errors, each an "error BLINKnnnn:" line
    /// (invalid config after a line saying how many), no stack trace, and exits with the verb's code for it.
    /// </summary>
    private static async Task<int> ExitOnInputError(Func<Task<int>> verb, int exitCode, TextWriter errors)
    {
        try
        {
            return await verb();
        }
        catch (SpecException e)
        {
            await errors.WriteLineAsync($"refused as invalid config (exit {exitCode}): {e.Message}");
            return exitCode;
        }
        catch (StackFileException e)
        {
            await errors.WriteLineAsync(e.Line);
            return exitCode;
        }
        catch (Exception e)
        {
            // A bug of the program's, not the input's: one line, no stack trace, its own code.
            await errors.WriteLineAsync($"error {DiagnosticCatalogue.InternalError.Code}: internal error (exit {InternalError}): {e.GetType().Name}: {UserText.Shown(e.Message)}");
            return InternalError;
        }
    }

    /// <summary>How a note starts, with its code, as a compiler starts one: `note BLINK3101: `.</summary>
    private static string Note(DiagnosticEntry entry) => $"note {entry.Code}: ";

    /// <summary>A stack file loaded into its spec, once, and planned offline.</summary>
    public static Task<StackPlan> PlanStackAsync(StackFile stackFile)
        => Planner.PlanAsync(SpecLoader.Load(stackFile.ToRaw(), PolicyEngine.LevelNames), stackFile.StackName);

    /// <summary>
    /// The time zone a maintenance start time without an offset was read in, said once (issue 32.9): ACK takes the
    /// window's time of day with its offset, so "23:00" alone would be ambiguous.
    /// </summary>
    public static string? MaintenanceTimeNote(StackSpec spec)
        => spec.Maintenance.Window is { StartTimeZoneUsed: { } zone, StartTimeGiven: { } given } window
            ? $"{ConfigKeys.Namespace}:maintenance.window.startTime {UserText.Quote(given)} has no UTC offset: read in {zone}; the window starts {window.StartTime} (ACK takes its time of day); give an offset (Z, +08:00) to read it in another zone"
            : null;

    /// <summary>
    /// Advice for a stack whose logs go to the default project name: SLS project names are unique in a region across
    /// all accounts (infra/Facts/Logging.cs), so another account may already hold it, which only the first `pulumi up`
    /// finds out (it fails on the project, before the cluster). Advice, not a policy: a name is no violation.
    /// </summary>
    public static string? DefaultLogProjectNote(StackSpec spec)
        => spec.Observability.Logs is { } logs && logs.Project == BlinkInfra.Facts.Logging.DefaultProject(spec.Cluster.Name)
            ? $"{ConfigKeys.Namespace}:observability.logs.project is {logs.Project}, the default: SLS project names are unique in a region across all accounts, "
              + "so if another account holds it the first `pulumi up` fails on the project; set a name of your own there if so"
            : null;

    /// <summary>
    /// A note per accelerator (GPU, FPGA) pool whose types' offer in one of its zones no dated row of the
    /// availability table decides (infra/Facts/InstanceAvailability.cs): such families are the ones whose
    /// zones a region may not all offer, and `instance-types-offered-in-zones` can only judge what a row
    /// decides. The note gives the command that asks for the region's offer and the one that records the
    /// answer. Advice, not a policy: the table's silence is no violation.
    /// </summary>
    public static System.Collections.Generic.IEnumerable<string> UnconfirmedAvailabilityNotes(StackSpec spec, BlinkInfra.Facts.InstanceAvailability.Table table)
    {
        var region = spec.Cluster.Region;
        var chargeType = BlinkInfra.Facts.ClusterDefaults.ChargeType(spec.Cluster.Billing);
        foreach (var (pool, i) in spec.Compute.WorkerPools.Select((p, i) => (p, i)))
        {
            if (pool.Kind == BlinkInfra.Facts.MachineKind.Cpu)
                continue;
            var zones = pool.Zones.Where(z => pool.InstanceTypes.Any(t => table.Offer(region, pool.Family, z, t, chargeType) == BlinkInfra.Facts.ZoneOffer.Unconfirmed)).ToList();
            if (zones.Count == 0)
                continue;
            var answer = $"{region}-{chargeType}.json";
            yield return $"{ConfigKeys.Section("compute")}.workerPools[{i}].instanceTypes: whether {string.Join(", ", pool.InstanceTypes)} is offered in {string.Join(", ", zones)} "
                         + $"is not confirmed here (infra/Facts/InstanceAvailability.cs, read {BlinkInfra.Facts.InstanceAvailability.Read}); before `pulumi up`, ask: "
                         + $"{BlinkInfra.Facts.InstanceAvailability.RefreshCommand(region, chargeType)} > {answer}, and record the answer: {BlinkInfra.Facts.InstanceAvailability.ImportCommand(answer, chargeType)}";
        }
    }

    /// <summary>`--json -` (and `--graph -`, `--html -`): that output goes to standard output, in place of the text.</summary>
    private const string StandardOutput = OutputFile.StandardOutput;

    /// <summary>
    /// `plan`. By default as short as `pulumi preview`: a line saying what is planned, the tree (a line per
    /// resource, fitted to the console's width), the outputs a line each, the count, and a few lines after it
    /// (the bill of materials in a sentence, the policy report's violations, notices and count, what the flags
    /// add); every line fits the console. `--details` prints all of it whole, as before: the SDK, inputs, the
    /// outputs expanded, the counts by type, the lookups, the zones block, the bill itemised, the full report.
    /// </summary>
    private static async Task<int> PlanAsync(string? stack, string? configPath, string? jsonPath, string? graphPath, GraphLevel graphLevel, bool details, bool zones, string? htmlPath, string? pricesPath, IAnsiConsole console)
    {
        var piped = OutputFile.Check(("--json", jsonPath), ("--graph", graphPath), ("--html", htmlPath));
        if (zones && piped != null)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--zones and {piped} -: both print in place of the text; allowed: one of them, a file for {piped}");
        if (zones && details)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--zones prints the zones block alone and --details everything whole (the zones block among it): give one of them");
        var prices = pricesPath is null ? null : PriceList.Load(pricesPath);
        var stackFile = StackFile.Load(ResolveStackFile(stack, configPath));
        var spec = SpecLoader.Load(stackFile.ToRaw(), PolicyEngine.LevelNames);
        var result = await Planner.PlanAsync(spec, stackFile.StackName);
        var report = PolicyEngine.Check(result);
        var bill = BillOfMaterials.Of(result.Resources);
        var estimate = prices is null ? null : Estimate.Of(bill, prices);
        var stdout = console.Profile.Out.Writer;
        if (htmlPath != null)
            await OutputFile.WriteAsync("--html", htmlPath, PlanPageWriter.Html(PlanPageModel.Of(result, report)), stdout);
        if (piped != null || zones)
        {
            // One document on standard output and nothing else; the other outputs still go to their files.
            if (zones)
                stdout.Write(ZonesBlock.Paste(spec.Network, stackFile.StackName));
            if (jsonPath != null)
                await OutputFile.WriteAsync("--json", jsonPath, PlanFile.Json(result, estimate) + "\n", stdout);
            if (graphPath != null)
                await OutputFile.WriteAsync("--graph", graphPath, PlanGraph.Mermaid(result, graphLevel), stdout);
            return report.HasMandatory ? Failure : Success;
        }

        var width = TerminalText.LineWidth(console.Profile.Width);
        var shownName = UserText.Shown(stackFile.StackName);
        if (details)
        {
            stdout.Write($"SDK: {SdkInfo.Description}\n");
            stdout.Write($"Planning stack {shownName} from {UserText.Shown(stackFile.Path)}\n");
        }
        else
        {
            // With --stack the file is the project's stacks/Pulumi.NAME.yaml, said so; with --config as given.
            var file = stack is not null ? $"{ProjectRoot.StackConfigDir}/{StackFile.FilePrefix}{stack}{StackFile.FileSuffix}" : configPath!;
            stdout.Write(TerminalText.Wrapped($"Planning {shownName} from {UserText.Shown(file)} ({SdkInfo.Short})", width));
        }
        if (MaintenanceTimeNote(spec) is { } timeNote)
            stdout.Write(details ? $"{Note(DiagnosticCatalogue.MaintenanceTimeZone)}{timeNote}\n" : TerminalText.Wrapped($"{Note(DiagnosticCatalogue.MaintenanceTimeZone)}{timeNote}", width));
        PlanRenderer.Render(result, console, details);
        if (details)
        {
            ZonesBlock.Render(spec.Network, console);
            console.WriteLine();
            stdout.Write(BillText.Text(bill, estimate));
            // As `pulumi preview --policy-pack` does: the report after the resources, and a mandatory
            // violation fails the preview.
            console.WriteLine();
            stdout.Write(PolicyReportRenderer.Text(report));
        }
        else
        {
            stdout.Write("\n" + TerminalText.Wrapped(BillText.Brief(bill, estimate), width));
            stdout.Write(PolicyReportRenderer.Brief(report, width));
            stdout.Write("\n" + TerminalText.Wrapped(ZonesBlock.Pointer(spec.Network), width));
            var lookups = result.Invokes.Length == 0 ? "" : $", {result.Invokes.Length} lookup{(result.Invokes.Length == 1 ? "" : "s")} answered offline";
            stdout.Write(TerminalText.Wrapped($"--details: inputs{lookups}, the bill and the report in full", width));
        }
        if (jsonPath != null)
        {
            await OutputFile.WriteAsync("--json", jsonPath, PlanFile.Json(result, estimate) + "\n", stdout);
            stdout.Write(TerminalText.Wrapped($"Plan written to {jsonPath}", details ? TerminalText.Unlimited : width));
        }
        if (graphPath != null)
        {
            await OutputFile.WriteAsync("--graph", graphPath, PlanGraph.Mermaid(result, graphLevel), stdout);
            stdout.Write(TerminalText.Wrapped($"Dependency graph (Mermaid, {graphLevel.ToString().ToLowerInvariant()}) written to {graphPath}", details ? TerminalText.Unlimited : width));
        }
        if (htmlPath != null)
            stdout.Write(TerminalText.Wrapped($"Plan page written to {htmlPath} (open it in a browser)", details ? TerminalText.Unlimited : width));
        return report.HasMandatory ? Failure : Success;
    }

    private static async Task<int> InitAsync(string? name, string? region, string? billing, bool? ha, string? zones, string? family, string? instanceType, int? nodes, string? registryNamespace, string? output, IAnsiConsole console)
    {
        // In a terminal, a missing name starts the questions; with flags (or into a pipe) nothing is asked.
        if (name is null && !Console.IsInputRedirected && console.Profile.Capabilities.Interactive)
        {
            name = console.Prompt(new TextPrompt<string>("Stack name (stacks/Pulumi.[bold]NAME[/].yaml):"));
            region ??= console.Prompt(new SelectionPrompt<string>().Title("Region:").AddChoices(AlibabaCloudRegions()));
            ha ??= console.Confirm("Three master machines over three zones (high availability)?", defaultValue: false);
        }
        var template = StackTemplate.From(name, region, billing, ha, zones, family, instanceType, nodes, registryNamespace);
        string path;
        if (output is not null)
            path = output;
        else
        {
            var projectRoot = ProjectRoot.Find() ?? throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "no Pulumi.yaml found in this folder or above it; use --output FILE");
            path = Path.Combine(projectRoot, ProjectRoot.StackConfigDir, $"{StackFile.FilePrefix}{template.Name}{StackFile.FileSuffix}");
        }
        if (File.Exists(path))
            throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, $"{path} exists; init never overwrites a stack file: choose another --name or --output, or remove it");
        // What is written is read back as plan reads it, and loaded into a spec: a starter that does not load is never written.
        var yaml = template.Yaml();
        var stackFile = StackFile.Parse(yaml, StackFile.StackNameOf(path), path);
        SpecLoader.Load(stackFile.ToRaw(), PolicyEngine.LevelNames);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, yaml);
        var writer = console.Profile.Out.Writer;
        writer.Write($"Wrote {path}:\n{yaml}\nNext:\n");
        var stackFlag = output is null ? $"-s {template.Name}" : $"--config {path}";
        writer.Write($"  {CommandName} plan {stackFlag}      # what it declares\n");
        writer.Write($"  {CommandName} check {stackFlag}     # the policy packs\n");
        writer.Write($"  pulumi stack init {template.Name} && pulumi preview --diff && pulumi up\n");
        return Success;
    }

    private static System.Collections.Generic.IEnumerable<string> AlibabaCloudRegions() => BlinkInfra.Facts.AlibabaCloud.RegionsFor(BlinkInfra.Facts.BillingMode.Subscription);

    /// <summary>`check --resources - --each` (see <see cref="ResourcesCheck.RunEachAsync"/>): standard input only, no other flag.</summary>
    private static Task<int> EachAsync(string? resourcesPath, string? other, IAnsiConsole console)
    {
        if (resourcesPath != "-" || other != null)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--each reads resource lists line by line from standard input and answers on standard output: allowed: check --resources - --each, no other flag");
        return ResourcesCheck.RunEachAsync(console.Profile.Out.Writer, Console.In);
    }

    private static async Task<int> CheckAsync(string? stack, string? configPath, string? planPath, string? statePath, string? resourcesPath, string? jsonPath, string? htmlPath, IAnsiConsole console, TextWriter errors)
    {
        var piped = OutputFile.Check(("--json", jsonPath), ("--html", htmlPath));
        var sources = new[] { stack, configPath, planPath, statePath, resourcesPath }.Count(s => s != null);
        if (sources != 1)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "give exactly one of --stack NAME, --config PATH, --plan FILE, --state FILE or --resources FILE");
        if (resourcesPath != null && htmlPath != null)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--html draws a stack, a plan or a state: not with --resources");
        if (resourcesPath != null)
            return await ResourcesCheck.RunAsync(resourcesPath, jsonPath, console, errors, Console.In);

        StackPlan subject;
        if (planPath != null)
            subject = PlanFiles.ReadPlan(planPath);
        else if (statePath != null)
        {
            var state = PlanFiles.ReadState(statePath);
            foreach (var warning in state.Warnings)
                await errors.WriteLineAsync($"warning {DiagnosticCatalogue.StateReadWithGaps.Code}: {UserText.Shown(warning)}");
            subject = state.ToPlan();
        }
        else
        {
            var stackFile = StackFile.Load(ResolveStackFile(stack, configPath));
            var spec = SpecLoader.Load(stackFile.ToRaw(), PolicyEngine.LevelNames);
            if (MaintenanceTimeNote(spec) is { } timeNote)
                await errors.WriteLineAsync(Note(DiagnosticCatalogue.MaintenanceTimeZone) + timeNote);
            if (DefaultLogProjectNote(spec) is { } logNote)
                await errors.WriteLineAsync(Note(DiagnosticCatalogue.DefaultLogProject) + logNote);
            foreach (var availability in UnconfirmedAvailabilityNotes(spec, BlinkInfra.Facts.InstanceAvailability.Known))
                await errors.WriteLineAsync(Note(DiagnosticCatalogue.AvailabilityUnconfirmed) + availability);
            subject = await Planner.PlanAsync(spec, stackFile.StackName);
        }

        var report = PolicyEngine.Check(subject);
        var stdout = console.Profile.Out.Writer;
        if (htmlPath != null)
            await OutputFile.WriteAsync("--html", htmlPath, PlanPageWriter.Html(PlanPageModel.Of(subject, report)), stdout);
        // The report's text, unless an output takes standard output's place.
        if (piped is null)
            stdout.Write(PolicyReportRenderer.Text(report));
        if (jsonPath != null)
            await OutputFile.WriteAsync("--json", jsonPath, PolicyReportRenderer.Json(report) + "\n", stdout);
        if (piped != null)
            return report.HasMandatory ? Failure : Success;
        if (!report.HasMandatory)
            return Success;
        await errors.WriteLineAsync($"refused by policy (exit {Failure}): {report.Violations.Count(v => v.Level == EnforcementLevel.Mandatory)} mandatory violation(s)");
        return Failure;
    }

    /// <summary>Exit codes of `diff`, as `terraform plan -detailed-exitcode`.</summary>
    public const int NoChanges = 0;
    public const int DiffError = 1;
    public const int Changes = 2;

    private static async Task<int> DiffAsync(string? stack, string? configPath, string? against, string? jsonPath, bool showSames, string? htmlPath, bool showUrns, IAnsiConsole console, TextWriter errors)
    {
        var piped = OutputFile.Check(("--json", jsonPath), ("--html", htmlPath));
        if (against is null)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--against FILE is required: a plan written by `plan --json`, a `pulumi stack export` file or a local backend's state file");
        var (oldPlan, oldState) = PlanFiles.ReadPlanOrState(against);
        var old = oldState ?? PlanDiff.AsState(oldPlan!);
        var now = await PlanStackAsync(StackFile.Load(ResolveStackFile(stack, configPath)));
        var warnings = old.Warnings.Select(w => (Code: DiagnosticCatalogue.StateReadWithGaps, Message: w)).ToList();
        if (old.Resources.Length > 0 && (old.Project != now.Project || old.Stack != now.Stack))
            warnings.Add((DiagnosticCatalogue.OtherStackCompared, $"{against} holds stack {old.Stack} of project {old.Project}, not stack {now.Stack} of project {now.Project} as planned: "
                         + "its resources have other URNs, so all of them show as deleted and the plan's as created"));
        foreach (var warning in warnings)
            await errors.WriteLineAsync($"warning {warning.Code.Code}: {UserText.Shown(warning.Message)}");
        var steps = PlanDiff.Compare(old, now);
        // What the change does to what stands: refused before pulumi up would report it.
        var changeReport = ChangePolicies.Check(steps, now);
        var diagnostics = warnings.Select(w => new DiffDiagnostic(w.Message, "warning", null) { Code = w.Code.Code })
            .Concat(changeReport.Violations.Select(v => new DiffDiagnostic(PolicyReportRenderer.Diagnostic(v), v.Level == EnforcementLevel.Mandatory ? "error" : "warning",
                steps.FirstOrDefault(s => s.Type == v.ResourceType && s.Name == v.ResourceName)?.Urn) { Code = v.Code }));
        // What the change does to the bill of materials, both sides read from their resources.
        var (billBefore, billAfter) = (BillOfMaterials.Of(old.ToPlan().Resources), BillOfMaterials.Of(now.Resources));
        // Losses are said loudly: first in the text, as warnings in the JSON (and on stderr when an output
        // takes standard output's place).
        var stdout = console.Profile.Out.Writer;
        if (piped is null)
        {
            stdout.Write(WithBillChanges(DiffText.Of(steps, Colours.Of(console), showUrns), billBefore, billAfter));
            stdout.Write(ChangePolicies.Text(changeReport));
        }
        else
        {
            foreach (var loss in LossWarnings.Messages(steps))
                await errors.WriteLineAsync($"warning {DiagnosticCatalogue.ResourceLoss.Code}: {UserText.Shown(loss)}");
        }
        if (jsonPath is not null)
            await OutputFile.WriteAsync("--json", jsonPath, WithBill(DiffJson.Of(steps, showSames, diagnostics), billBefore, billAfter).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n", stdout);
        if (htmlPath is not null)
        {
            var report = PolicyEngine.Check(now);
            report = PolicyReport.Of(report.Packs.Append(ChangePolicies.PackId), report.Violations.Concat(changeReport.Violations));
            await OutputFile.WriteAsync("--html", htmlPath, PlanPageWriter.Html(PlanPageModel.Of(now, report, steps)), stdout);
            if (htmlPath != StandardOutput)
                await errors.WriteLineAsync($"Diff page written to {htmlPath}");
        }
        if (changeReport.HasMandatory)
        {
            await errors.WriteLineAsync($"refused by policy (exit {DiffError}): {changeReport.Violations.Count(v => v.Level == EnforcementLevel.Mandatory)} mandatory violation(s) of {ChangePolicies.PackId}");
            return DiffError;
        }
        return PlanDiff.HasChanges(steps) ? Changes : NoChanges;
    }

    /// <summary>
    /// A diff's text with the bill of materials' changes, a line each, before its closing summary line;
    /// unchanged when nothing billed changes.
    /// </summary>
    internal static string WithBillChanges(string diffText, BillOfMaterials before, BillOfMaterials after)
    {
        var changes = BillText.Changes(before, after);
        if (changes.Count == 0)
            return diffText;
        var summary = diffText.LastIndexOf('\n', diffText.Length - 2) + 1;
        return diffText[..summary] + "Bill of materials:\n" + string.Concat(changes.Select(c => $"    {c}\n")) + diffText[summary..];
    }

    /// <summary>`diff --json` with both sides' bills of materials beside the steps (`billOfMaterials`: `before`, `after`, `changes`).</summary>
    private static System.Text.Json.Nodes.JsonObject WithBill(System.Text.Json.Nodes.JsonObject diff, BillOfMaterials before, BillOfMaterials after)
    {
        diff["billOfMaterials"] = new System.Text.Json.Nodes.JsonObject
        {
            ["before"] = BillJson.Of(before),
            ["after"] = BillJson.Of(after),
            ["changes"] = new System.Text.Json.Nodes.JsonArray(BillText.Changes(before, after).Select(c => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(c)).ToArray()),
        };
        return diff;
    }

    private static Task<int> BenchFleetAsync(int stacks, int? runs, IAnsiConsole console)
    {
        if (stacks < 1)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--fleet must be 1 or more stacks");
        if (runs < 1)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--runs must be 1 or more");
        if (!ProcessBenchmark.IsSupported)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "bench --fleet needs Linux (it reads the kernel's accounting of each process)");
        var root = ProjectRoot.Find() ?? throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "no Pulumi.yaml found in this folder or above it");
        var examples = Directory.GetFiles(Path.Combine(root, ProjectRoot.StackConfigDir), "Pulumi.*.yaml").OrderBy(p => p, StringComparer.Ordinal).ToList();
        console.Profile.Out.Writer.Write(FleetBenchmark.Run(root, stacks, runs ?? 5, examples));
        return Task.FromResult(Success);
    }

    private static async Task<int> BenchAsync(string? stack, int? runs, bool process, string[] vs, IAnsiConsole console)
    {
        if (runs < 1)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--runs must be 1 or more");
        if (vs.Length > 0 && !process)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--vs times a command beside the whole process: give --process too");
        if (process && !ProcessBenchmark.IsSupported)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "bench --process needs Linux (it reads the kernel's accounting of each process)");
        var path = stack is null ? await LargestExampleStackAsync() : ResolveStackFile(stack, null);
        var stackFile = StackFile.Load(path);
        if (process)
        {
            // The stack by name when it is one of the project's, as the README's command names it.
            var root = ProjectRoot.Find() ?? throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "no Pulumi.yaml found in this folder or above it");
            var stackArgs = Path.GetDirectoryName(Path.GetFullPath(path)) == Path.Combine(root, ProjectRoot.StackConfigDir)
                ? new[] { "plan", "--stack", stackFile.StackName }
                : new[] { "plan", "--config", Path.GetFullPath(path) };
            var figures = ProcessBenchmark.Measure(ProcessCommands(root, stackArgs, vs), runs ?? 10);
            console.Profile.Out.Writer.Write(ProcessBenchmark.Text(figures));
        }
        var report = await PlanBenchmark.RunAsync(stackFile.StackName, () => PlanStackAsync(stackFile), runs ?? 20);
        console.Profile.Out.Writer.Write(report.Text());
        return Success;
    }

    /// <summary>
    /// What bench --process times: the README's plan command through ./blink, this very program
    /// started directly (as dotnet DLL or as its own executable, as it was started now), and each --vs.
    /// </summary>
    private static List<ProcessBenchmark.Command> ProcessCommands(string root, string[] planArgs, string[] vs)
    {
        var commands = new List<ProcessBenchmark.Command>
        {
            new($"{CommandName} {string.Join(' ', planArgs)}", Path.Combine(root, "blink"), planArgs),
        };
        var host = Environment.ProcessPath ?? "dotnet";
        var program = Path.Combine(AppContext.BaseDirectory, "BlinkInfra.dll");
        var relative = Path.GetRelativePath(root, program);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            commands.Add(new($"dotnet {relative} {string.Join(' ', planArgs)}", host, [program, .. planArgs]));
        else
            commands.Add(new($"{Path.GetRelativePath(root, host)} {string.Join(' ', planArgs)}", host, planArgs));
        commands.AddRange(vs.Select(line => new ProcessBenchmark.Command(line, "/bin/sh", ["-c", line])));
        return commands;
    }

    /// <summary>The example stack that declares the most resources.</summary>
    private static async Task<string> LargestExampleStackAsync()
    {
        var root = ProjectRoot.Find() ?? throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "no Pulumi.yaml found in this folder or above it");
        string? largest = null;
        var most = -1;
        foreach (var path in Directory.GetFiles(Path.Combine(root, ProjectRoot.StackConfigDir), "Pulumi.*.yaml").OrderBy(p => p, StringComparer.Ordinal))
        {
            var count = (await PlanStackAsync(StackFile.Load(path))).Resources.Length;
            if (count > most)
                (largest, most) = (path, count);
        }
        return largest ?? throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, $"no stacks in {Path.Combine(root, ProjectRoot.StackConfigDir)}");
    }

    /// <summary>--stack NAME means stacks/Pulumi.NAME.yaml of the project; --config PATH any stack file.</summary>
    private static string ResolveStackFile(string? stack, string? configPath)
    {
        if ((stack is null) == (configPath is null))
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "give exactly one of --stack NAME or --config PATH");
        if (configPath != null)
            return configPath;
        var projectRoot = ProjectRoot.Find()
            ?? throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "no Pulumi.yaml found in this folder or above it; use --config PATH");
        var path = Path.Combine(projectRoot, ProjectRoot.StackConfigDir, $"{StackFile.FilePrefix}{stack}{StackFile.FileSuffix}");
        if (!File.Exists(path))
        {
            var known = Directory.Exists(Path.GetDirectoryName(path))
                ? Directory.GetFiles(Path.GetDirectoryName(path)!, "Pulumi.*.yaml").Select(StackFile.StackNameOf).OrderBy(n => n, StringComparer.Ordinal)
                : Enumerable.Empty<string>();
            throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, $"no stack \"{stack}\": {path} does not exist; stacks here: {string.Join(", ", known)}");
        }
        return path;
    }
}
