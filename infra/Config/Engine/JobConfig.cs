using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>One item of `blink-infra:engine.jobs`: a job of UDF jars, run on a pool's session cluster.</summary>
public sealed class JobConfig
{
    public string? Name { get; set; }
    public string? Pool { get; set; }
    public string? JarPath { get; set; }
    public string? EntryClass { get; set; }
    public int? Parallelism { get; set; }
    public string? UpgradeMode { get; set; }
    public string? State { get; set; }
    public string? InitialSavepointPath { get; set; }
    public int? SavepointRedeployNonce { get; set; }
    public SavepointsConfig? Savepoints { get; set; }
    [ConfigDoc("the Flink Kubernetes Operator's autoscaler for the job, written into its FlinkSessionJob's `flinkConfiguration` (apache/flink-kubernetes-operator `AutoScalerOptions`, `docs/custom-resource/autoscaler.md`): `enabled` (`true` to turn it on; the other keys need it), `targetUtilization` 0.1 to 0.95 (default 0.7, `job.autoscaler.utilization.target`, whose deprecated key `job.autoscaler.target.utilization` is no longer written), `stabilizationMinutes` 0 to 1440 (default 5, `job.autoscaler.stabilization.interval`), `metricsWindowMinutes` 1 to 1440 (default 15, `job.autoscaler.metrics.window`), `scaleDownMaxFactor` more than 0 and at most 1 (default 0.6, `job.autoscaler.scale-down.max-factor`), `maxParallelism` from the job's `parallelism` to 32768 (default 200, `job.autoscaler.vertex.max-parallelism`; the operator ignores it above the job's own max parallelism). The session cluster of a pool with an autoscaling job runs Flink's adaptive scheduler (`jobmanager.scheduler: adaptive`), which the operator's in-place rescaling (Flink 1.18 and later) needs; without it the operator rescales by upgrading the job (a savepoint and a restart, per `upgradeMode`). Session jobs need a Flink with FLINK-33534 (1.18.1 and later: the session clusters' 1.20 has it). It rescales within the pool's slots (one per CU), which stay what the pool's size gives: it does not add machines (node autoscaling is `compute.workerPools[i].minNodes`/`maxNodes`, pay-as-you-go only). Free; fewer busy slots cost nothing less unless the pool itself scales in", Default = "off")]
    public AutoscalerConfig? Autoscaler { get; set; }
    public List<string> Args { get; set; } = new();
    public Dictionary<string, string> Config { get; set; } = new();
}
