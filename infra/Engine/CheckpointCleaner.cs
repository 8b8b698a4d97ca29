using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using Pulumi;
using Pulumi.Kubernetes.Batch.V1;
using Pulumi.Kubernetes.Types.Inputs.Batch.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace BlinkInfra.Engine;

/// <summary>
/// The CronJob that removes the checkpoint folders of jobs a session cluster no longer runs (images/checkpoint-cleaner/,
/// Facts CheckpointCleanup; issue 29.13): hourly, on the masters (whose security group reaches the JobManagers' REST
/// port), as a non-root user with nothing to escalate, under a service account whose RAM role lists and deletes only under
/// those sessions' checkpoints/ directories (Documents.CheckpointCleanup).
/// </summary>
public static class CheckpointCleaner
{
    public static CronJob Declare(string resourceName, CheckpointCleanupSpec cleanup, EngineSpec engine, string region, CustomResourceOptions options)
    {
        var environment = new List<(string Name, string Value)>
        {
            ("BUCKET", engine.Bucket),
            ("OSS_ENDPOINT", FlinkDefaults.OssInternalEndpoint(region)),
            ("REGION", region),
            ("NAMESPACE", engine.Namespace),
            ("SESSIONS", string.Join(",", cleanup.Sessions)),
            ("GRACE_HOURS", cleanup.GraceHours.ToString(CultureInfo.InvariantCulture)),
            ("REST_PORT", FlinkPorts.Rest.Number.ToString(CultureInfo.InvariantCulture)),
            ("DRY_RUN", cleanup.DryRun ? "true" : "false"),
        };
        // RRSA's token goes to STS at the region's VPC endpoint, as every other RRSA pod's (StsEndpoints).
        environment.AddRange(StsEndpoints.Environment(region).Select(variable => (variable.Name, variable.Value)));

        var container = new ContainerArgs
        {
            Name = "cleaner",
            Image = cleanup.Image,
            Env = environment.Select(variable => new EnvVarArgs { Name = variable.Name, Value = variable.Value }).ToArray(),
            Resources = new ResourceRequirementsArgs
            {
                Requests =
                {
                    { "cpu", $"{CheckpointCleanup.Requests.MilliCpu}m" },
                    { "memory", $"{CheckpointCleanup.Requests.MemoryMiB}Mi" },
                },
                Limits = { { "memory", CheckpointCleanup.MemoryLimit } },
            },
            SecurityContext = new SecurityContextArgs
            {
                AllowPrivilegeEscalation = false,
                ReadOnlyRootFilesystem = true,
                Capabilities = new CapabilitiesArgs { Drop = { "ALL" } },
            },
        };
        var pod = new PodSpecArgs
        {
            ServiceAccountName = CheckpointCleanup.Name,
            RestartPolicy = "Never",
            NodeSelector = { { NodeRoles.RoleLabel, NodeRoles.MasterRole } },
            Tolerations = { new TolerationArgs { Key = NodeRoles.RoleLabel, Operator = "Equal", Value = NodeRoles.MasterRole, Effect = NodeRoles.NoSchedule } },
            SecurityContext = new PodSecurityContextArgs
            {
                RunAsNonRoot = true,
                RunAsUser = CheckpointCleanup.RunAsUser,
                RunAsGroup = CheckpointCleanup.RunAsUser,
                SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
            },
            Containers = { container },
        };
        return new CronJob(resourceName, new CronJobArgs
        {
            Metadata = new ObjectMetaArgs { Name = CheckpointCleanup.Name, Namespace = engine.Namespace },
            Spec = new CronJobSpecArgs
            {
                Schedule = CheckpointCleanup.Schedule,
                // One run at a time; a run missed by more than ten minutes waits for the next hour.
                ConcurrencyPolicy = "Forbid",
                StartingDeadlineSeconds = 600,
                SuccessfulJobsHistoryLimit = 1,
                FailedJobsHistoryLimit = 3,
                JobTemplate = new JobTemplateSpecArgs
                {
                    Spec = new JobSpecArgs
                    {
                        BackoffLimit = 1,
                        ActiveDeadlineSeconds = CheckpointCleanup.ActiveDeadlineSeconds,
                        TtlSecondsAfterFinished = 86_400,
                        Template = new PodTemplateSpecArgs { Spec = pod },
                    },
                },
            },
        }, options);
    }
}
