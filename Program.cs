using System;
using System.Threading.Tasks;
using BlinkInfra;
using BlinkInfra.Cli;
using Spectre.Console;

// Started by the Pulumi engine (which sets PULUMI_MONITOR), the program deploys the stack.
// Started directly, it is the offline CLI.
if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PULUMI_MONITOR")))
    return await Pulumi.Deployment.RunAsync<BlinkStack>();

return await BlinkCli.RunAsync(args, AnsiConsole.Console, Console.Error);
