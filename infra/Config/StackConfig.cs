using System.Collections.Generic;

namespace BlinkInfra.Config;

// The stack's config as written under the `blink-infra:` namespace of stacks/Pulumi.<stack>.yaml,
// bound as-is by Microsoft.Extensions.Configuration. Nothing here is trusted: SpecValidator checks
// it and SpecBuilder turns it into the typed StackSpec the components use. Property names are the
// config keys in camelCase.

/// <summary>All sections BlinkInfra reads, each one top-level key of the `blink-infra:` namespace.</summary>
public sealed class StackConfig
{
    public ClusterConfig? Cluster { get; set; }
    public NetworkConfig? Network { get; set; }
}

/// <summary>`blink-infra:cluster`.</summary>
public sealed class ClusterConfig
{
    public string? Name { get; set; }
    public string? Region { get; set; }
    public string? Billing { get; set; }
    public string? Mode { get; set; }
    public Dictionary<string, string> Tags { get; set; } = new();
}

/// <summary>`blink-infra:network`.</summary>
public sealed class NetworkConfig
{
    public string? VpcId { get; set; }
    public string? CidrBlock { get; set; }
    public List<string> UsedCidrBlocks { get; set; } = new();
    public int? VswitchPrefixLength { get; set; }
    public List<ZoneConfig> Zones { get; set; } = new();
}

/// <summary>One item of `blink-infra:network.zones`.</summary>
public sealed class ZoneConfig
{
    public string? Id { get; set; }
    public string? CidrBlock { get; set; }
}
