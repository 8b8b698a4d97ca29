using System;
using BlinkInfra;
using BlinkInfra.Cli;
using BlinkInfra.Host;
using BlinkInfra.Recorder;
using Spectre.Console;

// The host: the one place that wires the tools around the program. Started by the Pulumi engine
// (which sets PULUMI_MONITOR), it checks the config and its policies and then deploys the stack, or
// reports the stop through the engine (a deployment that declares nothing); started directly, it is
// the offline CLI.
if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PULUMI_MONITOR")))
{
    return await EngineGate.RunAsync(
        () => EngineGate.FromEnvironment(EngineGate.ProcessEnvironment()),
        (spec, options) => Pulumi.Deployment.RunAsync<BlinkStack>(new SingleStackProvider(() => new BlinkStack(spec, options))),
        stop => Pulumi.Deployment.RunAsync(stop));
}

// Into a pipe or a file: no colour codes. The width what is printed fits: COLUMNS when set (as a shell
// exports it, or as given: COLUMNS=80), else the terminal's, else into a pipe wide enough that the tree
// is written whole.
var console = AnsiConsole.Create(new AnsiConsoleSettings
{
    Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
    ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
});
if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns > 0)
    console.Profile.Width = columns;
else if (Console.IsOutputRedirected)
    console.Profile.Width = 200;

return await BlinkCli.RunAsync(args, console, Console.Error);
