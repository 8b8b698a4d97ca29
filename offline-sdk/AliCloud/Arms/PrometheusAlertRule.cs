// Mirrors sdk/dotnet/Arms/PrometheusAlertRule.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Arms
{
    [AliCloudResourceType("alicloud:arms/prometheusAlertRule:PrometheusAlertRule")]
    public partial class PrometheusAlertRule : global::Pulumi.CustomResource
    {
        public PrometheusAlertRule(string name, PrometheusAlertRuleArgs args, CustomResourceOptions? options = null)
            : base("alicloud:arms/prometheusAlertRule:PrometheusAlertRule", name, args ?? new PrometheusAlertRuleArgs(), options)
        {
        }
    }

    public sealed class PrometheusAlertRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("clusterId", required: true)]
        public Input<string> ClusterId { get; set; } = null!;

        [Input("dispatchRuleId")]
        public Input<string>? DispatchRuleId { get; set; }

        [Input("duration", required: true)]
        public Input<string> Duration { get; set; } = null!;

        [Input("expression", required: true)]
        public Input<string> Expression { get; set; } = null!;

        [Input("message", required: true)]
        public Input<string> Message { get; set; } = null!;

        [Input("notifyType")]
        public Input<string>? NotifyType { get; set; }

        [Input("prometheusAlertRuleName", required: true)]
        public Input<string> PrometheusAlertRuleName { get; set; } = null!;

        public PrometheusAlertRuleArgs()
        {
        }
    }
}
