namespace BlinkInfra.Diff;

/// <summary>A diagnostic of a diff, as `pulumi preview --json` writes one: its message, its severity (`warning`, `error`), and the URN it is about, if any.</summary>
public sealed record DiffDiagnostic(string Message, string Severity, string? Urn)
{
    /// <summary>The diagnostic's stable code (BlinkInfra.Config.DiagnosticCatalogue), which `./blink explain` knows.</summary>
    public string Code { get; init; } = "";
}
