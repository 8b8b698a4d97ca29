using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Plan;

namespace BlinkInfra.Diff;

/// <summary>
/// What a diff must say loudly before anything else: the replacement of a resource the cluster runs on
/// (a vSwitch, the ACK cluster, a node pool) or keeps its state in (the state bucket), what that
/// destroys, and that running jobs restart. `pulumi preview` marks such a step `+-` like any other.
/// </summary>
public static class ReplacementWarnings
{
    private static readonly string Vswitch = TypeTokens.Of<Pulumi.AliCloud.Vpc.Switch>();
    private static readonly string Cluster = TypeTokens.Of<Pulumi.AliCloud.CS.ManagedKubernetes>();
    private static readonly string NodePool = TypeTokens.Of<Pulumi.AliCloud.CS.NodePool>();
    private static readonly string Bucket = TypeTokens.Of<Pulumi.AliCloud.Oss.Bucket>();

    /// <summary>The jobs' fate, said once after the resources when any warning is given.</summary>
    public const string JobsRestart = "running Flink jobs restart: every job on what is replaced is stopped and submitted again by the operator, from its last checkpoint or savepoint only where that is still readable";

    /// <summary>One warning per replaced vSwitch, cluster, node pool or state bucket, in the diff's order, then <see cref="JobsRestart"/>.</summary>
    public static ImmutableArray<string> Of(ImmutableArray<DiffStep> steps)
    {
        var warnings = new List<string>();
        foreach (var step in steps.Where(s => s.Op == DiffOp.Replace))
        {
            var why = step.ReplaceReasons.Length > 0 ? $"({string.Join(", ", step.ReplaceReasons)} cannot change in place)" : $"({step.Cause})";
            if (step.Type == Vswitch)
                warnings.Add($"vSwitch {step.Name} is replaced {why}: a vSwitch is deleted only once it is empty, so every machine and pod address in it (the node pools' machines, TaskManagers, JobManagers) is destroyed with it and created again in the new one");
            else if (step.Type == Cluster)
                warnings.Add($"the ACK cluster {step.Name} is replaced {why}: the cluster and everything in it (every node pool's machines, the operator, every session cluster and job) are destroyed and created again; the API server's address and kubeconfig change, and with deletion protection on (the default) Alibaba Cloud refuses to delete the old cluster until it is switched off");
            else if (step.Type == NodePool)
                warnings.Add($"the node pool {step.Name} is replaced {why}: its machines are released and new ones created, killing the pods on them (TaskManagers; on the masters' pool the JobManagers and the operator)");
            else if (step.Type == Bucket)
                warnings.Add($"the state bucket {step.Name} is replaced {why}: a new, empty bucket is created; the checkpoints, savepoints, HA metadata and UDF jars in the old one are not carried over, so jobs cannot restore from them (the bucket is protected: pulumi up refuses to replace it until protect is lifted)");
        }
        if (warnings.Count > 0)
            warnings.Add(JobsRestart);
        return warnings.ToImmutableArray();
    }
}
