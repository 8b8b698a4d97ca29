using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// `compute.workerPools[].kind` (`cpu`, `gpu`, `fpga`), the kind a trusted pool of a family the catalogue does not know
/// declares, read once, as the config is read: the text as written; the kind it names; or why it names none.
/// </summary>
public sealed record MachineKindValue : IConfigValue
{
    private MachineKindValue(string text, MachineKind? kind, string? problem)
    {
        Text = text;
        Kind = kind;
        Problem = problem;
    }

    public string Text { get; }

    /// <summary>The kind; null when the text names none.</summary>
    public MachineKind? Kind { get; }

    /// <summary>Why the text names no kind, with what is allowed; or null.</summary>
    public string? Problem { get; }

    /// <summary>The value of a config text: the one place a pool's declared kind is read from its name.</summary>
    public static MachineKindValue Parse(string text)
    {
        ConfigValues.Parsed();
        return ComputeFacts.ParseKind(text) is { } kind
            ? new MachineKindValue(text, kind, null)
            : new MachineKindValue(text, null, $"unknown machine kind; allowed: {ComputeFacts.Kinds}");
    }

    /// <summary>The text as given, as messages quote it.</summary>
    public override string ToString() => Text;
}
