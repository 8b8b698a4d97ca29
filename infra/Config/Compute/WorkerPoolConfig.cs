using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>One item of `blink-infra:compute.workerPools`.</summary>
public sealed class WorkerPoolConfig
{
    public string? Name { get; set; }
    public string? Family { get; set; }
    public string? Kind { get; set; }
    public List<string> InstanceTypes { get; set; } = new();
    public int? Nodes { get; set; }
    public int? MinNodes { get; set; }
    public int? MaxNodes { get; set; }
    public int? ComputeUnits { get; set; }
    public List<string> Zones { get; set; } = new();
    public bool? Trusted { get; set; }
    public string? GpuDriverVersion { get; set; }
    public string? ImageId { get; set; }
    public DataDiskConfig? DataDisk { get; set; }

    /// <summary>Names the pool had before, newest first: its node pool is found under them and renamed in place (Pulumi aliases).</summary>
    public List<string> FormerNames { get; set; } = new();
}
