namespace BlinkInfra.Config;

/// <summary>
/// A config value that is a name of one of a few things (a billing mode, a level, a machine kind), read once as what it
/// names: the thing, or "unknown …; allowed: …" when it names none.
/// </summary>
public abstract record NameValue<T> : ConfigValue where T : struct
{
    protected NameValue(string text, T? named, string what, string allowed)
        : base(text, named is null ? $"unknown {what}; allowed: {allowed}" : null)
    {
        Named = named;
    }

    /// <summary>What the text names; null when it names nothing of the kind.</summary>
    protected T? Named { get; }
}
