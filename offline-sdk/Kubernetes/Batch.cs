// Mirrors sdk/dotnet/Batch/V1/CronJob.cs and its args in sdk/dotnet/Types/Input/Batch/V1/*.cs of pulumi/pulumi-kubernetes
// (Pulumi.Kubernetes 4.32.0): only the members BlinkInfra sets, each as the real listing has it. The resource sets its
// args' apiVersion and kind.
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Batch.V1;

namespace Pulumi.Kubernetes.Batch.V1
{
    [KubernetesResourceType("kubernetes:batch/v1:CronJob")]
    public partial class CronJob : KubernetesResource
    {
        public CronJob(string name, CronJobArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes:batch/v1:CronJob", name, KubernetesArgs.Stamped(args ?? new CronJobArgs(), a => { a.ApiVersion = "batch/v1"; a.Kind = "CronJob"; }), options)
        {
        }
    }
}

namespace Pulumi.Kubernetes.Types.Inputs.Batch.V1
{
    using Pulumi.Kubernetes.Types.Inputs.Core.V1;
    using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

    public class CronJobArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiVersion")]
        public Input<string>? ApiVersion { get; set; }

        [Input("kind")]
        public Input<string>? Kind { get; set; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        [Input("spec", required: true)]
        public Input<CronJobSpecArgs> Spec { get; set; } = null!;

        public CronJobArgs()
        {
        }
    }

    public class CronJobSpecArgs : global::Pulumi.ResourceArgs
    {
        [Input("concurrencyPolicy")]
        public Input<string>? ConcurrencyPolicy { get; set; }

        [Input("failedJobsHistoryLimit")]
        public Input<int>? FailedJobsHistoryLimit { get; set; }

        [Input("jobTemplate", required: true)]
        public Input<JobTemplateSpecArgs> JobTemplate { get; set; } = null!;

        [Input("schedule", required: true)]
        public Input<string> Schedule { get; set; } = null!;

        [Input("startingDeadlineSeconds")]
        public Input<int>? StartingDeadlineSeconds { get; set; }

        [Input("successfulJobsHistoryLimit")]
        public Input<int>? SuccessfulJobsHistoryLimit { get; set; }

        public CronJobSpecArgs()
        {
        }
    }

    public class JobTemplateSpecArgs : global::Pulumi.ResourceArgs
    {
        [Input("spec")]
        public Input<JobSpecArgs>? Spec { get; set; }

        public JobTemplateSpecArgs()
        {
        }
    }

    public class JobSpecArgs : global::Pulumi.ResourceArgs
    {
        [Input("activeDeadlineSeconds")]
        public Input<int>? ActiveDeadlineSeconds { get; set; }

        [Input("backoffLimit")]
        public Input<int>? BackoffLimit { get; set; }

        [Input("template", required: true)]
        public Input<PodTemplateSpecArgs> Template { get; set; } = null!;

        [Input("ttlSecondsAfterFinished")]
        public Input<int>? TtlSecondsAfterFinished { get; set; }

        public JobSpecArgs()
        {
        }
    }

}
