using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:cluster`.</summary>
public sealed class ClusterConfig
{
    public string? Name { get; set; }
    public string? Region { get; set; }
    public string? Billing { get; set; }
    public string? Mode { get; set; }
    public Dictionary<string, string> Tags { get; set; } = new();

    /// <summary>Names the cluster had before, newest first: its resources are found under them (Pulumi aliases).</summary>
    public List<string> FormerNames { get; set; } = new();
}
