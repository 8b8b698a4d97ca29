using System;
using System.Linq;

namespace BlinkInfra.Config;

/// <summary>Enforcement levels as `blink-infra:policy.levels` and the reports spell them: lower case.</summary>
public static class EnforcementLevels
{
    public static string Name(EnforcementLevel level) => level.ToString().ToLowerInvariant();

    public static EnforcementLevel? Parse(string text)
        => Enum.GetValues<EnforcementLevel>().Cast<EnforcementLevel?>().FirstOrDefault(l => Name(l!.Value) == text);

    public static string Names => string.Join(", ", Enum.GetValues<EnforcementLevel>().Select(Name));
}
