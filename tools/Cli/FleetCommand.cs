using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Bill;
using BlinkInfra.Config;
using BlinkInfra.Diff;
using BlinkInfra.Fleet;
using BlinkInfra.Plan;
using BlinkInfra.Stacks;
using Spectre.Console;

namespace BlinkInfra.Cli;

/// <summary>
/// `fleet`: every stack of the project (stacks/), or the stack files and folders given, checked and
/// planned in one process, a row per stack; exit codes as `check`'s, taken over the fleet.
/// </summary>
internal static class FleetCommand
{
    public static Command Create(IAnsiConsole console, TextWriter errors, Func<Func<Task<int>>, int, TextWriter, Task<int>> exitOnInputError)
    {
        var stacks = new Argument<string[]>("stacks") { Description = "Stack files (Pulumi.<stack>.yaml) or folders of them; default: every stack in stacks/", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<string?>("--json") { Description = "Also write the fleet as JSON to this file (- for standard output, instead of the table)" };
        var html = new Option<string?>("--html") { Description = "Also write the fleet page to this file, and each stack's plan page beside it (plan-<stack>.html)" };
        var against = new Option<string?>("--against") { Description = "A folder of saved plans named by stack (<stack>.json, as `plan --json` or `fleet --plans` write them): show which tenants the change touches and how" };
        var plans = new Option<string?>("--plans") { Description = "Also write each stack's plan, as `plan --json` writes it, to <stack>.json in this folder: the --against folder of a later run" };
        var prices = new Option<string?>("--prices") { Description = "Your own prices (YAML or JSON, docs/cli.md \"Bill of materials\"): an estimate per month for each stack, in the file's currency" };
        var ci = new Option<string?>("--ci") { Description = "Also write a GitHub Actions workflow to this file: a job per stack running `pulumi preview` (pull requests) or `pulumi up` (pushes to main) with the policy pack" };
        var parallel = new Option<int?>("--parallel") { Description = $"How many stacks are planned at once (default: this machine's {Environment.ProcessorCount} cores)" };
        var fleet = new Command("fleet", "Check and plan every stack of the project (or the stack files given) in one process: a row per stack with its region, billing, HA, pools, policy verdict and bill of materials; exit 0 when all pass, 1 with a mandatory violation, 2 with invalid input")
        {
            stacks, json, html, against, plans, prices, ci, parallel,
        };
        fleet.SetAction((parse, _) => exitOnInputError(() => RunAsync(
            parse.GetValue(stacks) ?? [], parse.GetValue(json), parse.GetValue(html), parse.GetValue(against), parse.GetValue(plans),
            parse.GetValue(prices), parse.GetValue(ci), parse.GetValue(parallel), console, errors), BlinkCli.InvalidInput, errors));
        return fleet;
    }

    private static async Task<int> RunAsync(string[] given, string? jsonPath, string? htmlPath, string? againstDir, string? plansDir, string? pricesPath, string? ciPath, int? parallel, IAnsiConsole console, TextWriter errors)
    {
        // `-` is standard output for --json or --ci, in place of the table; the page needs a folder, for the plan pages beside it.
        if (htmlPath == OutputFile.StandardOutput)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--html -: the fleet page links each stack's plan page, written beside it, so it needs a folder; allowed: a file, such as fleet.html");
        var piped = OutputFile.Check(("--json", jsonPath), ("--html", htmlPath), ("--ci", ciPath));
        if (parallel is < 1)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--parallel {parallel}: allowed: 1 or more stacks at once");
        if (againstDir is not null && !Directory.Exists(againstDir))
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--against {againstDir}: no such folder; allowed: a folder of saved plans named <stack>.json (fleet --plans DIR writes one)");
        if (plansDir is not null)
        {
            // The folder itself is made; the one it goes in must be there, as for every file a verb writes.
            if (plansDir == OutputFile.StandardOutput)
                throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--plans -: a plan per stack needs a folder; allowed: a folder to write <stack>.json into");
            OutputFile.Check(("--plans", plansDir));
            Directory.CreateDirectory(plansDir);
        }
        var (files, wholeFolders) = StackFiles(given);
        if (files.Count == 0)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"no stack files (Pulumi.<stack>.yaml) in {string.Join(", ", given.DefaultIfEmpty(ProjectRoot.StackConfigDir))}");
        if (htmlPath is not null && files.Select(StackFile.StackNameOf).FirstOrDefault(s => FleetRunner.PageName(s) == Path.GetFileName(htmlPath)) is { } clash)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--html {htmlPath}: the name of stack {clash}'s plan page, written beside it; allowed: another name, such as fleet.html");
        var priceList = pricesPath is null ? null : PriceList.Load(pricesPath);

        var options = new FleetOptions(
            parallel ?? Environment.ProcessorCount,
            priceList,
            againstDir,
            againstDir is null ? null : ReadSaved,
            FindRemoved: wholeFolders,
            PagesDir: htmlPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(htmlPath)),
            PlansDir: plansDir);
        var fleet = await FleetRunner.RunAsync(files, options);

        var stdout = console.Profile.Out.Writer;
        if (htmlPath is not null)
            await OutputFile.WriteAsync("--html", htmlPath, FleetPage.Html(fleet), stdout);
        if (ciPath is not null)
            await OutputFile.WriteAsync("--ci", ciPath, CiWorkflow.GitHubActions(fleet.Tenants.Select(t => (t.Stack, t.Settings?.Region)).ToList()), stdout);
        if (jsonPath is not null)
            await OutputFile.WriteAsync("--json", jsonPath, FleetJson.Text(fleet) + "\n", stdout);
        if (piped is null)
        {
            stdout.Write(FleetText.Of(fleet, Colours.Of(console)));
            if (htmlPath is not null)
                stdout.Write($"Fleet page written to {htmlPath}, each stack's plan page beside it (open it in a browser)\n");
            if (plansDir is not null)
                stdout.Write($"Each stack's plan written to {Path.Combine(plansDir, "<stack>.json")}: compare with it later with --against {plansDir}\n");
            if (ciPath is not null)
                stdout.Write($"GitHub Actions workflow written to {ciPath}: a job per stack (docs/cli.md, \"A fleet in CI\")\n");
        }

        foreach (var tenant in fleet.Tenants.Where(t => t.Status != TenantStatus.Checked))
            await errors.WriteLineAsync($"error: {tenant.Stack} ({tenant.File}): {tenant.Error!.Split('\n')[0]}");
        var failing = fleet.Tenants.Where(t => t.Verdict == "fail").Select(t => t.Stack).ToList();
        if (failing.Count > 0)
            await errors.WriteLineAsync($"refused by policy (exit {BlinkCli.Failure}): {failing.Count} of {fleet.Tenants.Length} stacks have a mandatory violation: {string.Join(", ", failing)}");
        return fleet.ExitCode;
    }

    /// <summary>The stack files to check: those given, each folder's Pulumi.*.yaml, or the project's stacks/; and whether whole folders were given.</summary>
    private static (List<string> Files, bool WholeFolders) StackFiles(string[] given)
    {
        if (given.Length == 0)
        {
            var root = ProjectRoot.Find() ?? throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "no Pulumi.yaml found in this folder or above it; give the stack files or their folder");
            return (InFolder(Path.Combine(root, ProjectRoot.StackConfigDir)), true);
        }
        var files = new List<string>();
        foreach (var path in given)
        {
            if (Directory.Exists(path))
                files.AddRange(InFolder(path));
            else if (File.Exists(path))
            {
                StackFile.StackNameOf(path);
                files.Add(path);
            }
            else
                throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"{path}: no such stack file or folder");
        }
        return (files, given.All(Directory.Exists));
    }

    private static List<string> InFolder(string folder)
        => Directory.GetFiles(folder, $"{StackFile.FilePrefix}*{StackFile.FileSuffix}").OrderBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>A saved plan (or a Pulumi state) as the old side of a diff, read as `diff --against` reads it.</summary>
    private static State.StateSnapshot ReadSaved(string path)
    {
        var (plan, state) = PlanFiles.ReadPlanOrState(path);
        return state ?? PlanDiff.AsState(plan!);
    }
}
