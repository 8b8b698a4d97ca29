
namespace BlinkInfra.Config;

// The stack's config as written under the `blink-infra:` namespace of stacks/Pulumi.<stack>.yaml,
// layered by Microsoft.Extensions.Configuration (the file's values, BLINK_ variables over them) and read
// into these classes once (ConfigShape.Read, which checks the shape as it reads). Nothing here is trusted:
// each section's validator checks its values, and the section builders turn it
// into the typed StackSpec the components use. Property names are the config keys in camelCase.

/// <summary>All sections BlinkInfra reads, each one top-level key of the `blink-infra:` namespace.</summary>
public sealed class StackConfig
{
    public ClusterConfig? Cluster { get; set; }
    public NetworkConfig? Network { get; set; }
    public ComputeConfig? Compute { get; set; }
    public SecurityConfig? Security { get; set; }
    public DataAccessConfig? DataAccess { get; set; }
    public EngineConfig? Engine { get; set; }
    public ObservabilityConfig? Observability { get; set; }
    public MaintenanceConfig? Maintenance { get; set; }
    public PolicyConfig? Policy { get; set; }
}
