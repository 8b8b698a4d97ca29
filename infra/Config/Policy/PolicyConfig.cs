using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:policy`: enforcement levels this stack overrides, by policy name.</summary>
public sealed class PolicyConfig
{
    [ConfigDoc("a map of policy name (a policy of the packs or of `blink-changes`: [diagnostics.md](diagnostics.md)) to `mandatory`, `advisory` or `disabled`; an unknown name or level is a config error. Lowering a level is never silent: every report says so (`notice BLINK3001`, [policies.md](policies.md))", Default = "each policy at its default level")]
    public Dictionary<string, EnforcementLevelValue> Levels { get; set; } = new();
}
