using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// `compute.workerPools[].kind` (`cpu`, `gpu`, `fpga`), the kind a trusted pool of a family the catalogue does not know
/// declares, read once, as the config is read: the text as written; the kind it names; or why it names none.
/// </summary>
public sealed record MachineKindValue : NameValue<MachineKind>
{
    private MachineKindValue(string text)
        : base(text, ComputeFacts.ParseKind(text), "machine kind", ComputeFacts.Kinds)
    {
    }

    /// <summary>The kind; null when the text names none.</summary>
    public MachineKind? Kind => Named;

    /// <summary>The value of a config text: the one place a pool's declared kind is read from its name.</summary>
    public static MachineKindValue Parse(string text) => new(text);
}
