namespace BlinkInfra.Config;

/// <summary>
/// A level of `policy.levels` (`mandatory`, `advisory`, `disabled`), read once, as the config is read: the text as
/// written; the level it names; or why it names none. The policy levels' check and the spec take the level.
/// </summary>
public sealed record EnforcementLevelValue : ConfigValue
{
    private EnforcementLevelValue(string text, EnforcementLevel? level, string? problem)
        : base(text, problem)
    {
        Level = level;
    }

    /// <summary>The level; null when the text names none.</summary>
    public EnforcementLevel? Level { get; }

    /// <summary>The value of a config text: the one place a level of the config is read from its name.</summary>
    public static EnforcementLevelValue Parse(string text)
    {
        return EnforcementLevels.Parse(text) is { } level
            ? new EnforcementLevelValue(text, level, null)
            : new EnforcementLevelValue(text, null, $"unknown enforcement level; allowed: {EnforcementLevels.Names}");
    }
}
