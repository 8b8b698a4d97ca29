namespace BlinkInfra.Config;

/// <summary>
/// A level of `policy.levels` (`mandatory`, `advisory`, `disabled`), read once, as the config is read: the text as
/// written; the level it names; or why it names none. The policy levels' check and the spec take the level.
/// </summary>
public sealed record EnforcementLevelValue : NameValue<EnforcementLevel>
{
    private EnforcementLevelValue(string text)
        : base(text, EnforcementLevels.Parse(text), "enforcement level", EnforcementLevels.Names)
    {
    }

    /// <summary>The level; null when the text names none.</summary>
    public EnforcementLevel? Level => Named;

    /// <summary>The value of a config text: the one place a level of the config is read from its name.</summary>
    public static EnforcementLevelValue Parse(string text) => new(text);
}
