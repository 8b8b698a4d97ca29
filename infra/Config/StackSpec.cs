
namespace BlinkInfra.Config;

// The typed, validated spec the components are built from. Everything in it has been checked and
// defaulted; components never read config themselves.

public sealed record StackSpec(ClusterSpec Cluster, NetworkSpec Network, ComputeSpec Compute, SecuritySpec Security, DataAccessSpec DataAccess, EngineSpec Engine, ObservabilitySpec Observability, PolicySpec Policy, EndpointCredentials? EndpointCredentials)
{
    /// <summary>The maintenance window, auto-upgrade and node pool management; ACK's defaults of BlinkInfra's choosing unless set.</summary>
    public MaintenanceSpec Maintenance { get; init; } = MaintenanceValidator.Of(new MaintenanceConfig(), region: null);
}
