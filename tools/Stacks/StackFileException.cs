using System;
using System.Linq;
using BlinkInfra.Config;

namespace BlinkInfra.Stacks;

/// <summary>
/// A file or command line that cannot be used; the CLI reports its message and exits with code 2. The
/// message quotes paths, keys and values a user wrote, so it is shown through <see cref="UserText"/>:
/// key material masked, every control character escaped.
/// </summary>
public sealed class StackFileException : Exception
{
    public StackFileException(DiagnosticEntry code, string message) : base(UserText.Shown(message))
    {
        Code = code;
    }

    private StackFileException(DiagnosticEntry code, string shown, bool _) : base(shown)
    {
        Code = code;
    }

    /// <summary>The kind of problem, its stable code in <see cref="DiagnosticCatalogue"/>.</summary>
    public DiagnosticEntry Code { get; }

    /// <summary>The error as printed, as a compiler prints one: `error BLINK5001: MESSAGE`.</summary>
    public string Line => $"error {Code.Code}: {Message}";

    /// <summary>Several problems of one file, a line each: every line shown through UserText on its own, so only these line breaks reach the terminal.</summary>
    public static StackFileException Lines(DiagnosticEntry code, string header, System.Collections.Generic.IEnumerable<string> lines)
        => new(code, string.Join("\n", new[] { UserText.Shown(header) }.Concat(lines.Select(line => "  " + UserText.Shown(line)))), true);
}
