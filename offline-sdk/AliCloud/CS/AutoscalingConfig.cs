// Mirrors sdk/dotnet/CS/AutoscalingConfig.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.CS
{
    [AliCloudResourceType("alicloud:cs/autoscalingConfig:AutoscalingConfig")]
    public partial class AutoscalingConfig : global::Pulumi.CustomResource
    {
        public AutoscalingConfig(string name, AutoscalingConfigArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:cs/autoscalingConfig:AutoscalingConfig", name, args ?? new AutoscalingConfigArgs(), options)
        {
        }
    }

    public sealed class AutoscalingConfigArgs : global::Pulumi.ResourceArgs
    {
        [Input("clusterId")]
        public Input<string>? ClusterId { get; set; }

        [Input("coolDownDuration")]
        public Input<string>? CoolDownDuration { get; set; }

        [Input("expander")]
        public Input<string>? Expander { get; set; }

        [Input("gpuUtilizationThreshold")]
        public Input<string>? GpuUtilizationThreshold { get; set; }

        [Input("scaleDownEnabled")]
        public Input<bool>? ScaleDownEnabled { get; set; }

        [Input("scalerType")]
        public Input<string>? ScalerType { get; set; }

        [Input("scanInterval")]
        public Input<string>? ScanInterval { get; set; }

        [Input("unneededDuration")]
        public Input<string>? UnneededDuration { get; set; }

        [Input("utilizationThreshold")]
        public Input<string>? UtilizationThreshold { get; set; }

        public AutoscalingConfigArgs()
        {
        }
    }
}
