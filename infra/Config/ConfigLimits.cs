namespace BlinkInfra.Config;

/// <summary>
/// The bounds of what the config's front doors (a stack file, the engine's PULUMI_CONFIG) accept
/// before anything is parsed further: a stack's config is a few kilobytes, so these are generous for
/// a real stack and small enough that a hostile one is refused at once, before it costs time or memory.
/// </summary>
public static class ConfigLimits
{
    /// <summary>A stack file's size in bytes (the examples are about 2 KiB).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// A plan, a Pulumi state or a resource list the verbs read (prod's plan is about 200 KiB; a state of a few
    /// thousand resources a few MiB): generous, and read with this bound however the file behaves.
    /// </summary>
    public const int MaxDocumentBytes = 64 * 1024 * 1024;

    /// <summary>One config value's text: a whole section as JSON text, or one plain value.</summary>
    public const int MaxValueChars = 64 * 1024;

    /// <summary>One scalar inside a value (a name, a description, a Flink setting; secure ciphertext included).</summary>
    public const int MaxScalarChars = 16 * 1024;

    /// <summary>How deep mappings and lists nest (the config's own shape is at most 5 deep).</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// How many values a stack file may hold once its YAML aliases are expanded: aliases are counted
    /// as they are read, before anything is expanded, so an alias bomb is refused at once.
    /// </summary>
    public const int MaxExpandedNodes = 20_000;
}
