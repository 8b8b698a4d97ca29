using System;
using System.Threading.Tasks;
using BlinkInfra;
using BlinkInfra.Cli;
using BlinkInfra.Plan;
using BlinkInfra.Policies;
using System.Collections.Immutable;
using System.Linq;
using Spectre.Console;

// Started by the Pulumi engine (which sets PULUMI_MONITOR), the program checks its policies and then
// deploys the stack. Started directly, it is the offline CLI.
if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PULUMI_MONITOR")))
{
    return await EngineGate.RunAsync(
        EngineGate.FromEnvironment(EngineGate.ProcessEnvironment()),
        report => Pulumi.Deployment.RunAsync<BlinkStack>(new SingleStackProvider(() => new BlinkStack(new BlinkStackOptions { Advisories = report.Advisories.ToImmutableArray() }))),
        Console.Error);
}

// Into a pipe or a file: no colour codes, and lines wide enough that the tree does not wrap.
var console = AnsiConsole.Create(new AnsiConsoleSettings
{
    Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
    ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
});
if (Console.IsOutputRedirected)
    console.Profile.Width = 200;

return await BlinkCli.RunAsync(args, console, Console.Error);
