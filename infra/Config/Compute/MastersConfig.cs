
namespace BlinkInfra.Config;

/// <summary>`blink-infra:compute.masters`.</summary>
public sealed class MastersConfig
{
    [ConfigDoc("a CPU type (g7, c7, r7) big enough for the cluster: a master of 4 cores and 16 GiB serves up to 80 CU, 8 and 32 up to 160, 16 and 64 up to 800, 24 and 96 any more; by default the g7 type of the smallest step that serves the pools' total CU. Its pods must also hold one JobManager (1 core, 2 GiB) per worker pool, since one of each session cluster may land on the same master, beside the operator (500m, 1 GiB) and, with jobs, a run of the checkpoint cleaner (100m, 128 MiB): refused, naming this key, when they do not fit (`infra/Facts/NodeAllocatable.cs`, `PodHardening.cs`)", Default = "from the CU ladder")]
    public string? InstanceType { get; set; }
    [ConfigDoc("an ECS image id (used as the pool's custom image)", Default = "ACK's Alibaba Cloud Linux 3 image")]
    public string? ImageId { get; set; }
    [ConfigDoc("`true` to accept a master type the catalogue does not know", Default = "`false`")]
    public bool? Trusted { get; set; }
}
