using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:policy`: enforcement levels this stack overrides, by policy name.</summary>
public sealed class PolicyConfig
{
    public Dictionary<string, string> Levels { get; set; } = new();
}
