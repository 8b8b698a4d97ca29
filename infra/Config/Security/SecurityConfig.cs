using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:security`.</summary>
public sealed class SecurityConfig
{
    [ConfigDoc("other security groups let in, each `{securityGroupId, role?, protocol, ports?, description?}`: `role` is `masters` (default) or `workers`, the group the rule is on; `protocol` is `tcp`, `udp`, `icmp`, `icmpv6`, `gre` or `all` (lower case); `ports` a port (`8081`) or range (`6121/6122`) for tcp and udp, none (or `-1/-1`) for the others; `description` 1 to 512 characters")]
    public List<PeerGroupConfig> PeerGroups { get; set; } = new();
    public KmsConfig? Kms { get; set; }
    public BreakGlassConfig? BreakGlass { get; set; }
}
