namespace BlinkInfra.Facts;

/// <summary>
/// The checkpoint cleaner (images/checkpoint-cleaner/, issue 29.13): why it exists, and what it runs as. Sources, read
/// 2026-12-05: apache/flink-kubernetes-operator 1.15 FlinkConfigBuilder.applyJobConfig (a session job's checkpoints are
/// retained on cancellation) and AbstractFlinkService.runJar (the run request carries RestoreMode.DEFAULT, NO_CLAIM, for Flink
/// 1.20, and the JarRunHandler takes the request's mode over execution.savepoint-restore-mode), so a last-state upgrade's
/// new job id never owns the old job's checkpoints and CLAIM cannot be asked for; Flink 1.20's REST API (GET
/// /jobs/overview, GET /jobs/:jobid/checkpoints with latest.restored and latest.completed); Flink's checkpoint layout
/// (&lt;execution.checkpointing.dir&gt;/&lt;job id&gt;/chk-N, shared, taskowned); OSS DeleteMultipleObjects (at most 1,000 keys).
/// </summary>
public static class CheckpointCleanup
{
    /// <summary>The image's repository name under the stack's registry, and its tag (images/checkpoint-cleaner/Dockerfile).</summary>
    public const string ImageName = "blink-checkpoint-cleaner";
    public const string ImageTag = "1.0.0";

    /// <summary>Hourly, off the hour (CronJob schedule, UTC): folders wait at least the grace period anyway.</summary>
    public const string Schedule = "17 * * * *";

    /// <summary>The Kubernetes service account, Role and CronJob's name in the engine's namespace.</summary>
    public const string Name = "blink-checkpoint-cleaner";

    /// <summary>How long a folder stays untouched before it may go, by default and at most (a month).</summary>
    public const int DefaultGraceHours = 24;
    public const int MaxGraceHours = 720;

    /// <summary>A run may take this long before Kubernetes stops it (a bucket of many folders lists slowly), under the hour between runs.</summary>
    public const int ActiveDeadlineSeconds = 3000;

    /// <summary>What its pod requests on a master (a Python process listing and deleting objects), and its memory limit.</summary>
    public static readonly NodeRequests Requests = new(100, 128);
    public const string MemoryLimit = "256Mi";

    /// <summary>The image's own non-root user (nobody), which the pod also sets.</summary>
    public const int RunAsUser = 65534;

    /// <summary>The operator's kinds it reads (get and list) for the job ids and checkpoints they name.</summary>
    public static readonly string[] ReadsKinds = { "flinksessionjobs", "flinkstatesnapshots" };
}
