namespace BlinkInfra.Facts;

/// <summary>
/// The labels and taints BlinkInfra puts on nodes, so that workloads land where they belong: only the
/// engine's control plane on masters, only jobs that ask for accelerators on GPU and FPGA machines.
/// The engine reads the same constants for its node selectors and tolerations.
/// </summary>
public static class NodeRoles
{
    public const string RoleLabel = "blink.io/role";
    public const string PoolLabel = "blink.io/pool";
    public const string FamilyLabel = "blink.io/family";
    public const string AcceleratorLabel = "blink.io/accelerator";

    public const string MasterRole = "master";
    public const string WorkerRole = "worker";
    public const string MastersPoolName = "masters";

    /// <summary>Kubernetes taint effect: pods without a matching toleration are not scheduled.</summary>
    public const string NoSchedule = "NoSchedule";

    public static string AcceleratorName(MachineKind kind) => kind == MachineKind.Gpu ? "gpu" : "fpga";
}
