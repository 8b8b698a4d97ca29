using System;
using System.Text.RegularExpressions;

namespace BlinkInfra.Config;

/// <summary>What a diagnostic is about, which decides its range of codes (<see cref="DiagnosticCatalogue"/>).</summary>
public enum DiagnosticKind
{
    /// <summary>BLINK1xxx: the stack's config is refused before any resource is declared.</summary>
    ConfigError,

    /// <summary>BLINK2xxx: a policy of the packs every plan is checked with.</summary>
    Policy,

    /// <summary>BLINK3xxx: a warning, notice or note that is not a policy's finding.</summary>
    Warning,

    /// <summary>BLINK4xxx: a policy of the blink-changes pack `diff` evaluates on a change.</summary>
    ChangePolicy,

    /// <summary>BLINK5xxx: a file or command line given to the CLI is refused (stack, plan, state, prices, resource list, flags).</summary>
    InputError,

    /// <summary>BLINK9xxx: a bug of the program's, not the input's.</summary>
    Internal,
}

/// <summary>
/// One diagnostic as the catalogue declares it, once: its stable code (BLINK and four digits, never
/// reused nor changed once given), a name in kebab case (a policy's name is this one), its kind, a
/// one-line title, what it means and how to fix it (`./blink explain CODE` prints them).
/// </summary>
public sealed record DiagnosticEntry(string Code, string Name, DiagnosticKind Kind, string Title, string Explanation, string Fix)
{
    /// <summary>What a code looks like: BLINK and four digits.</summary>
    public static readonly Regex CodePattern = new("^BLINK[0-9]{4}\\z", RegexOptions.CultureInvariant);

    /// <summary>The first digit of the code each kind takes.</summary>
    public static char RangeOf(DiagnosticKind kind)
        => kind switch
        {
            DiagnosticKind.ConfigError => '1',
            DiagnosticKind.Policy => '2',
            DiagnosticKind.Warning => '3',
            DiagnosticKind.ChangePolicy => '4',
            DiagnosticKind.InputError => '5',
            DiagnosticKind.Internal => '9',
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    /// <summary>The kind as `explain` prints it.</summary>
    public static string KindName(DiagnosticKind kind)
        => kind switch
        {
            DiagnosticKind.ConfigError => "config error",
            DiagnosticKind.Policy => "policy",
            DiagnosticKind.Warning => "warning",
            DiagnosticKind.ChangePolicy => "change policy",
            DiagnosticKind.InputError => "input error",
            DiagnosticKind.Internal => "internal error",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    public override string ToString() => Code;
}
