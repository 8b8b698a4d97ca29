using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>Rules for `blink-infra:engine` on its own; the checks against HA and the pools come with the spec.</summary>
public sealed class EngineValidator : AbstractValidator<EngineConfig>
{
    private static readonly Regex DnsLabel = new("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?\\z", RegexOptions.CultureInvariant);
    // Source: the OCI distribution spec's reference grammar (host[:port]/path components, tag, digest), simplified to lower-case paths.
    private static readonly Regex ImageReference = new(@"^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?\z", RegexOptions.CultureInvariant);
    // A registry: a host (with a '.' or ':', as the reference grammar tells hosts apart, and an optional
    // port) and at least one path component, each as the OCI reference grammar spells them.
    private static readonly Regex RegistryHost = new("^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?\\z", RegexOptions.CultureInvariant);
    private static readonly Regex PathComponent = new("^[a-z0-9]+([._-][a-z0-9]+)*\\z", RegexOptions.CultureInvariant);

    private static bool IsRegistry(string registry)
    {
        var parts = registry.TrimEnd('/').Split('/');
        return parts.Length >= 2 && RegistryHost.IsMatch(parts[0]) && (parts[0].Contains('.', StringComparison.Ordinal) || parts[0].Contains(':', StringComparison.Ordinal))
            && parts.Skip(1).All(PathComponent.IsMatch);
    }
    private static readonly Regex JavaClass = new(@"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*\z", RegexOptions.CultureInvariant);

    public EngineValidator()
    {
        RuleFor(e => e.Namespace)
            .Cascade(CascadeMode.Stop)
            .Must(ns => ns is null || DnsLabel.IsMatch(ns))
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not a Kubernetes namespace name; allowed: lower-case letters, digits and '-', starting with a letter, at most {NameLimits.KubernetesNamespace.MaxLength} characters")
            .Must(ns => ns is null || !SystemNamespaces.IsSystem(ns))
            .WithCode(DiagnosticCatalogue.NotAllowed).WithMessage($"a namespace of the cluster's own: BlinkInfra declares the engine's namespace (deleting it with the stack) and lets the Flink service account edit pods and ConfigMaps in it (infra/Facts/SystemNamespaces.cs); allowed: a namespace of the engine's own, such as {FlinkDefaults.JobsNamespace}, not {string.Join(", ", SystemNamespaces.Names)} or another {SystemNamespaces.ReservedPrefix}* name");
        RuleFor(e => e.Bucket)
            .Must(bucket => bucket is null || NameLimits.OssBucketName.ProblemWith(bucket) is null)
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not an OSS bucket name; allowed: {NameLimits.OssBucketName.Allowed} ({NameLimits.OssBucketName.Source})");
        RuleFor(e => e.StateRedundancy)
            .Must(redundancy => redundancy is null || AlibabaCloud.OssRedundancyTypes.Contains(redundancy))
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"not an OSS redundancy type; allowed: {string.Join(", ", AlibabaCloud.OssRedundancyTypes)} (ZRS by default where the region offers it; the provider replaces the bucket when it changes, so an existing LRS bucket keeps LRS)");
        RuleFor(e => e.StateRetention!.NoncurrentVersionDays)
            .InclusiveBetween(1, FlinkDefaults.StateRetentionMaxDays)
            .When(e => e.StateRetention is not null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {FlinkDefaults.StateRetentionMaxDays} days a version Flink deleted or overwrote is kept before it expires");
        RuleFor(e => e.StateRetention!.IncompleteUploadDays)
            .InclusiveBetween(1, FlinkDefaults.StateRetentionMaxDays)
            .When(e => e.StateRetention is not null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {FlinkDefaults.StateRetentionMaxDays} days an unfinished multipart upload is kept before it is aborted");
        RuleFor(e => e.StateRetention!.SavepointDays)
            .InclusiveBetween(1, FlinkDefaults.StateRetentionMaxDays)
            .When(e => e.StateRetention is not null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {FlinkDefaults.StateRetentionMaxDays} days a savepoint stays under the bucket's {FlinkDefaults.SavepointsPrefix} before it expires (default {FlinkDefaults.SavepointExpiryDays})");
        // JobManagers run on the masters, one per master zone (required anti-affinity on the zone), so at most 3.
        RuleFor(e => e.JobManagerReplicas)
            .InclusiveBetween(1, ComputeUnits.HighAvailabilityMasters)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1, or 2 to {ComputeUnits.HighAvailabilityMasters} with blink-infra:compute.highAvailability (one JobManager per master zone)");
        RuleFor(e => e.CheckpointIntervalSeconds)
            .InclusiveBetween(0, FlinkDefaults.MaxCheckpointIntervalSeconds)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: seconds between checkpoints, at most {FlinkDefaults.MaxCheckpointIntervalSeconds} (a day), or 0 to turn checkpoints off");
        RuleFor(e => e.TolerableFailedCheckpoints)
            .InclusiveBetween(0, FlinkDefaults.MaxTolerableFailedCheckpoints)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 0 to {FlinkDefaults.MaxTolerableFailedCheckpoints} consecutive failed checkpoints a job survives before it fails over (default {FlinkDefaults.TolerableFailedCheckpoints}; 0 fails it over at the first, such as one OSS timeout)");

        RuleFor(e => e.Image)
            .Must(image => image is null || ImageReference.IsMatch(image))
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not a container image reference; allowed: [registry/]repository[:tag][@sha256:digest] of a Flink 1.20 image, such as registry.cn-hangzhou.aliyuncs.com/acme/flink:1.20.1-rrsa");
        RuleFor(e => e.OperatorImage)
            .Must(image => image is null || ImageReference.IsMatch(image))
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not a container image reference; allowed: [registry/]repository[:tag][@sha256:digest] of a Flink Kubernetes Operator 1.15.0 image with the OSS filesystem plugin, such as registry.cn-hangzhou.aliyuncs.com/acme/flink-kubernetes-operator:1.15.0-oss");
        RuleFor(e => e.Registry)
            .Must(registry => registry is null || IsRegistry(registry))
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not a registry and namespace; allowed: host[:port]/namespace where the images {FlinkDefaults.ImageName}:{FlinkDefaults.ImageTag} and {FlinkDefaults.OperatorImageName}:{FlinkDefaults.OperatorVersion} are mirrored, such as registry-vpc.cn-hangzhou.aliyuncs.com/{ImageSources.DefaultNamespace} (the default, in the stack's region)");
        RuleFor(e => e.OperatorChartRepository)
            .Must(url => url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !url.Contains(' ', StringComparison.Ordinal)))
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not an https URL; allowed: the URL of a Helm repository holding {FlinkDefaults.OperatorChart} {FlinkDefaults.OperatorVersion}, such as {ImageSources.OperatorChartRepository} (the default)");
        RuleFor(e => e.StateBackend)
            .Must(backend => backend is null || FlinkDefaults.StateBackends.Contains(backend))
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"not a Flink state backend; allowed: {string.Join(", ", FlinkDefaults.StateBackends)} (rocksdb keeps state on the pools' data disks and checkpoints incrementally)");
        RuleFor(e => e.FlinkConfiguration).Custom((settings, context) => FlinkSettingsRules.Check(settings, nameof(EngineConfig.FlinkConfiguration), context));

        RuleFor(e => e.Savepoints!).SetValidator(new SavepointsValidator()).OverridePropertyName("Savepoints").When(e => e.Savepoints != null);
        RuleFor(e => e.CheckpointCleanup!.Image)
            .Must(image => image is null || ImageReference.IsMatch(image))
            .When(e => e.CheckpointCleanup is not null)
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not a container image reference; allowed: [registry/]repository[:tag][@sha256:digest] of the image built from images/checkpoint-cleaner/, such as registry-vpc.cn-hangzhou.aliyuncs.com/acme/{CheckpointCleanup.ImageName}:{CheckpointCleanup.ImageTag}")
            .OverridePropertyName("CheckpointCleanup.Image");
        RuleFor(e => e.CheckpointCleanup!.GraceHours)
            .InclusiveBetween(1, CheckpointCleanup.MaxGraceHours)
            .When(e => e.CheckpointCleanup is not null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {CheckpointCleanup.MaxGraceHours} hours a dead job's checkpoint folder stays untouched before it is removed (default {CheckpointCleanup.DefaultGraceHours})")
            .OverridePropertyName("CheckpointCleanup.GraceHours");

        RuleForEach(e => e.Jobs).ChildRules(job =>
        {
            job.RuleFor(j => j.Savepoints!).SetValidator(new SavepointsValidator()).OverridePropertyName("Savepoints").When(j => j.Savepoints != null);
            job.RuleFor(j => j.Autoscaler!).SetValidator(new AutoscalerValidator()).OverridePropertyName("Autoscaler").When(j => j.Autoscaler != null);
            job.RuleFor(j => j.Autoscaler!.MaxParallelism)
                .GreaterThanOrEqualTo(j => j.Parallelism ?? 1)
                .When(j => j.Autoscaler is { Enabled: true, MaxParallelism: not null })
                .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage(j => $"below the job's parallelism {j.Parallelism ?? 1}, where it starts; allowed: {j.Parallelism ?? 1} to {FlinkDefaults.MaxParallelism}")
                .OverridePropertyName("Autoscaler.MaxParallelism");
            job.RuleFor(j => j.State)
                .Must(state => state is null || FlinkDefaults.JobStates.Contains(state))
                .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"not a job state; allowed: {string.Join(", ", FlinkDefaults.JobStates)} (suspended stops the job, taking a savepoint first with upgradeMode savepoint)");
            job.RuleFor(j => j.SavepointRedeployNonce)
                .GreaterThanOrEqualTo(1).WithCode(DiagnosticCatalogue.OutOfRange).WithMessage("allowed: a whole number of 1 or more, changed to redeploy the job from initialSavepointPath");
            job.RuleFor(j => j.SavepointRedeployNonce)
                .Null().When(j => j.InitialSavepointPath is null)
                .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("a redeploy restarts the job from initialSavepointPath, which this job does not give; allowed: no savepointRedeployNonce, or an initialSavepointPath with it");
            job.RuleFor(j => j.Config).Custom((settings, context) => FlinkSettingsRules.Check(settings, nameof(JobConfig.Config), context));
            job.RuleFor(j => j.Name)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("allowed: lower-case letters, digits and '-', starting with a letter")
                .Must(name => NameLimits.KubernetesName.ProblemWith(name!) is null).WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not a valid job name (a FlinkSessionJob's name); allowed: {NameLimits.KubernetesName.Allowed}");
            job.RuleFor(j => j.Pool)
                .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("the worker pool whose session cluster runs the job is required; allowed: a name of blink-infra:compute.workerPools");
            job.RuleFor(j => j.JarPath)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage($"allowed: the jar's path under the state bucket's {FlinkDefaults.UdfPrefix} prefix, such as {FlinkDefaults.UdfPrefix}orders-enrich-1.0.jar")
                .Must(path => path!.StartsWith(FlinkDefaults.UdfPrefix, StringComparison.Ordinal) && path.EndsWith(".jar", StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal))
                .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not a jar under the bucket's {FlinkDefaults.UdfPrefix} prefix; allowed: a path such as {FlinkDefaults.UdfPrefix}orders-enrich-1.0.jar");
            job.RuleFor(j => j.EntryClass)
                .Must(entry => entry is null || JavaClass.IsMatch(entry))
                .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not a Java class name; allowed: a fully qualified class such as com.example.OrdersEnrich, or none for the jar's manifest");
            job.RuleFor(j => j.Parallelism)
                .InclusiveBetween(1, FlinkDefaults.MaxParallelism).WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {FlinkDefaults.MaxParallelism}, Flink's largest parallelism");
            job.RuleFor(j => j.UpgradeMode)
                .Must(mode => mode is null || FlinkDefaults.UpgradeModes.Contains(mode))
                .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"unknown upgrade mode; allowed: {string.Join(", ", FlinkDefaults.UpgradeModes)}");
        });

        RuleFor(e => e.Jobs).Custom((jobs, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < jobs.Count; i++)
            {
                if (jobs[i].Name is { } name && !seen.Add(name))
                    context.AddFailure(new ValidationFailure($"Jobs[{i}].Name", "used by another job; allowed: a name of its own") { ErrorCode = DiagnosticCatalogue.ListedTwice.Code, AttemptedValue = name });
            }
        });
    }
}

/// <summary>Rules for `blink-infra:engine.savepoints` and a job's `savepoints`.</summary>
public sealed class SavepointsValidator : AbstractValidator<SavepointsConfig>
{
    public SavepointsValidator()
    {
        RuleFor(s => s.IntervalMinutes)
            .InclusiveBetween(0, FlinkDefaults.MaxSavepointIntervalMinutes)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: minutes between periodic savepoints, at most {FlinkDefaults.MaxSavepointIntervalMinutes} (a week), or 0 for none");
        RuleFor(s => s.MaxCount)
            .InclusiveBetween(1, FlinkDefaults.MaxSavepointCount)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {FlinkDefaults.MaxSavepointCount} savepoints kept per job");
        RuleFor(s => s.MaxAgeDays)
            .InclusiveBetween(1, FlinkDefaults.MaxSavepointAgeDays)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {FlinkDefaults.MaxSavepointAgeDays} days a savepoint is kept");
    }
}

/// <summary>Rules for a job's `autoscaler`: its options only when enabled, each within the operator's sense.</summary>
public sealed class AutoscalerValidator : AbstractValidator<AutoscalerConfig>
{
    public AutoscalerValidator()
    {
        RuleFor(a => a.Enabled)
            .Equal(true)
            .When(a => a.TargetUtilization != null || a.StabilizationMinutes != null || a.MetricsWindowMinutes != null || a.ScaleDownMaxFactor != null || a.MaxParallelism != null)
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("the autoscaler's options without enabled: true, and it is off by default; allowed: enabled: true with them, or no options");
        RuleFor(a => a.TargetUtilization)
            .InclusiveBetween(JobAutoscaling.MinTargetUtilization, JobAutoscaling.MaxTargetUtilization)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: {JobAutoscaling.MinTargetUtilization} to {JobAutoscaling.MaxTargetUtilization}, how busy each vertex is kept (the operator's default {JobAutoscaling.DefaultTargetUtilization}; close to 1 leaves no headroom)");
        RuleFor(a => a.StabilizationMinutes)
            .InclusiveBetween(0, JobAutoscaling.MaxWindowMinutes)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 0 to {JobAutoscaling.MaxWindowMinutes} minutes after a (re)start without measuring or scaling");
        RuleFor(a => a.MetricsWindowMinutes)
            .InclusiveBetween(JobAutoscaling.MinMetricsWindowMinutes, JobAutoscaling.MaxWindowMinutes)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: {JobAutoscaling.MinMetricsWindowMinutes} to {JobAutoscaling.MaxWindowMinutes} minutes of metrics each decision averages (the operator suggests 3 to 60)");
        RuleFor(a => a.ScaleDownMaxFactor)
            .Must(factor => factor is null || (factor > 0 && factor <= 1))
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage("allowed: more than 0 and at most 1, the largest share of a vertex's parallelism one scale-down removes (1: no limit)");
        RuleFor(a => a.MaxParallelism)
            .InclusiveBetween(1, FlinkDefaults.MaxParallelism)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {FlinkDefaults.MaxParallelism}, the most parallel the autoscaler makes a vertex");
    }
}
