namespace BlinkInfra.Facts;

/// <summary>
/// What keeps the engine's pods running and contained (issue 29.14). Sources, read 2026-12-05: Kubernetes, "Pod Priority and
/// Preemption" (a pod without a priority class gets the global default's value, or 0 without one; user classes take values
/// up to 1,000,000,000, above which system-cluster-critical and system-node-critical sit; a PriorityClass's value cannot
/// be changed; PreemptLowerPriority lets the scheduler evict lower pods to place one), "Specifying a Disruption Budget for
/// your Application" (policy/v1; an eviction that would break maxUnavailable is refused, so a budget that allows no
/// disruption of a single pod blocks every drain), "Configure a Security Context" (runAsUser, runAsNonRoot,
/// allowPrivilegeEscalation, capabilities, seccompProfile RuntimeDefault); flink-docker (the image's flink user, uid and
/// gid 9999; its entrypoint steps down from root only when started as root); the operator chart 1.15.0 values.yaml
/// (operatorPod.resources empty, so the operator is BestEffort and evicted first; its commented example 250m/512Mi).
/// </summary>
public static class PodHardening
{
    /// <summary>The JobManagers' and TaskManagers' priority class: above every pod without one (batch work), far below the system's.</summary>
    public const string FlinkPriorityClass = "blink-flink";
    public const int FlinkPriority = 100_000;
    public const string PreemptLowerPriority = "PreemptLowerPriority";

    /// <summary>The Flink image's own user, which every Flink container runs as.</summary>
    public const int FlinkUser = 9999;

    /// <summary>At most one JobManager of a session cluster with a standby away at a time (a drain, an upgrade): the other keeps the lead.</summary>
    public const int JobManagersMaxUnavailable = 1;

    /// <summary>
    /// The operator's requests, memory limited to the request: CPU above the chart's commented example (reconciling every
    /// job every 15 s, the autoscaler's metric collection), memory for its JVM and informers (the JVM takes a quarter of the
    /// limit as its heap by default); no CPU limit, so a busy reconcile is never throttled. The operator's documentation
    /// publishes no figure: a conservative choice, budgeted on the masters (EngineSpecBuilder).
    /// </summary>
    public static readonly NodeRequests OperatorRequests = new(500, 1024);
    public const string OperatorMemoryLimit = "1Gi";
}
