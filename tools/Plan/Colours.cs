using Spectre.Console;

namespace BlinkInfra.Plan;

/// <summary>
/// Colour for text written line by line (so no renderer wraps it): ANSI codes when the console shows
/// colour (a terminal), none into a pipe or a file. The host decides which console is which.
/// </summary>
public sealed record Colours(bool Enabled)
{
    public static readonly Colours None = new(false);

    public static Colours Of(IAnsiConsole console)
        => new(console.Profile.Capabilities.Ansi && console.Profile.Capabilities.ColorSystem != ColorSystem.NoColors);

    public string Green(string text) => Wrap("32", text);

    public string Yellow(string text) => Wrap("33", text);

    public string Red(string text) => Wrap("31", text);

    public string Magenta(string text) => Wrap("35", text);

    public string Grey(string text) => Wrap("90", text);

    public string Bold(string text) => Wrap("1", text);

    /// <summary>Bold red, for what must be read before going on.</summary>
    public string Loud(string text) => Wrap("1;31", text);

    private string Wrap(string code, string text) => Enabled && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
