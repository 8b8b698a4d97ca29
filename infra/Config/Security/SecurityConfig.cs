using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:security`.</summary>
public sealed class SecurityConfig
{
    public List<PeerGroupConfig> PeerGroups { get; set; } = new();
    public KmsConfig? Kms { get; set; }
    public BreakGlassConfig? BreakGlass { get; set; }
}
