
namespace BlinkInfra.Config;

/// <summary>A pool's size: a fixed node count, or autoscaling between a minimum and a maximum.</summary>
public sealed record PoolSize(int MinNodes, int MaxNodes, bool Autoscaling, int? RequestedComputeUnits)
{
    public int? DesiredNodes => Autoscaling ? null : MaxNodes;
}
