using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using BlinkInfra.Stacks;
using Spectre.Console;

namespace BlinkInfra.Cli;

/// <summary>
/// `explain CODE`: what a diagnostic means and how to fix it, from the catalogue (<see cref="DiagnosticCatalogue"/>),
/// as `rustc --explain` does; `explain` alone lists every code with its title.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(IAnsiConsole console, TextWriter errors, Func<Func<Task<int>>, int, TextWriter, Task<int>> exitOnInputError)
    {
        var code = new Argument<string?>("code") { Description = "A diagnostic's code as printed, such as BLINK1001 (none: list every code)", Arity = ArgumentArity.ZeroOrOne };
        var explain = new Command("explain", "Explain a diagnostic's code (error BLINK1001, [mandatory] BLINK2005, ...): what it means and how to fix it; without a code, list every code")
        {
            code,
        };
        explain.SetAction((parse, _) => exitOnInputError(() =>
        {
            var width = TerminalText.LineWidth(console.Profile.Width);
            console.Profile.Out.Writer.Write(parse.GetValue(code) is { } given ? Entry(Find(given), width) : List(width));
            return Task.FromResult(BlinkCli.Success);
        }, BlinkCli.InvalidInput, errors));
        return explain;
    }

    /// <summary>The entry of a code as given, or an input error naming the argument and what a code looks like.</summary>
    public static DiagnosticEntry Find(string given)
    {
        var code = given.Trim();
        if (!DiagnosticEntry.CodePattern.IsMatch(code.ToUpperInvariant()))
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid,
                $"explain {UserText.Quote(given)}: not a diagnostic code; allowed: BLINK and four digits as a message prints it, such as BLINK1001 ({BlinkCli.CommandName} explain lists them)");
        return DiagnosticCatalogue.Find(code)
               ?? throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid,
                   $"explain {UserText.Quote(given)}: no diagnostic has this code; allowed: a code {BlinkCli.CommandName} explain lists, such as BLINK1001");
    }

    /// <summary>One entry: its code, name and kind, its title, what it means and how to fix it, wrapped to the width.</summary>
    public static string Entry(DiagnosticEntry entry, int width)
    {
        var text = new StringBuilder();
        text.Append(TerminalText.Wrapped($"{entry.Code} {entry.Name} ({DiagnosticEntry.KindName(entry.Kind)})", width));
        text.Append(TerminalText.Wrapped(entry.Title, width));
        text.Append('\n');
        text.Append(TerminalText.Wrapped(entry.Explanation, width, ""));
        text.Append('\n');
        text.Append(TerminalText.Wrapped($"Fix: {entry.Fix}", width, "     "));
        return text.ToString();
    }

    private static string Heading(DiagnosticKind kind)
        => kind switch
        {
            DiagnosticKind.ConfigError => "Config errors",
            DiagnosticKind.Policy => "Policies",
            DiagnosticKind.Warning => "Warnings and notes",
            DiagnosticKind.ChangePolicy => "Change policies",
            DiagnosticKind.InputError => "Input errors, in files and command lines",
            _ => "Internal errors",
        };

    /// <summary>Every code with its name and title, a line each cut to the width, by range.</summary>
    public static string List(int width)
    {
        var text = new StringBuilder();
        foreach (var group in DiagnosticCatalogue.All.GroupBy(e => e.Kind))
        {
            text.Append(TerminalText.End($"{Heading(group.Key)} (BLINK{DiagnosticEntry.RangeOf(group.Key)}xxx):", width)).Append('\n');
            foreach (var entry in group)
                text.Append(TerminalText.End($"  {entry.Code} {entry.Name}: {entry.Title}", width)).Append('\n');
        }
        text.Append(TerminalText.Wrapped($"{BlinkCli.CommandName} explain CODE tells what one means and how to fix it.", width));
        return text.ToString();
    }
}
