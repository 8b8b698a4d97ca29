// Mirrors sdk/dotnet/Arms/AlertContact.cs and AlertContactGroup.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Arms
{
    [AliCloudResourceType("alicloud:arms/alertContact:AlertContact")]
    public partial class AlertContact : global::Pulumi.CustomResource
    {
        public AlertContact(string name, AlertContactArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:arms/alertContact:AlertContact", name, args ?? new AlertContactArgs(), options)
        {
        }
    }

    public sealed class AlertContactArgs : global::Pulumi.ResourceArgs
    {
        [Input("alertContactName")]
        public Input<string>? AlertContactName { get; set; }

        [Input("dingRobotWebhookUrl")]
        public Input<string>? DingRobotWebhookUrl { get; set; }

        [Input("email")]
        public Input<string>? Email { get; set; }

        [Input("phoneNum")]
        public Input<string>? PhoneNum { get; set; }

        [Input("systemNoc")]
        public Input<bool>? SystemNoc { get; set; }

        public AlertContactArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:arms/alertContactGroup:AlertContactGroup")]
    public partial class AlertContactGroup : global::Pulumi.CustomResource
    {
        public AlertContactGroup(string name, AlertContactGroupArgs args, CustomResourceOptions? options = null)
            : base("alicloud:arms/alertContactGroup:AlertContactGroup", name, args ?? new AlertContactGroupArgs(), options)
        {
        }
    }

    public sealed class AlertContactGroupArgs : global::Pulumi.ResourceArgs
    {
        [Input("alertContactGroupName", required: true)]
        public Input<string> AlertContactGroupName { get; set; } = null!;

        [Input("contactIds")]
        private InputList<string>? _contactIds;

        public InputList<string> ContactIds
        {
            get => _contactIds ??= new InputList<string>();
            set => _contactIds = value;
        }

        public AlertContactGroupArgs()
        {
        }
    }
}
