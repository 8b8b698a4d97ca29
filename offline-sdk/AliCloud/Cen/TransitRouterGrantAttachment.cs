// Mirrors sdk/dotnet/Cen/TransitRouterGrantAttachment.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0): only the members BlinkInfra uses.
using Pulumi;

namespace Pulumi.AliCloud.Cen
{
    [AliCloudResourceType("alicloud:cen/transitRouterGrantAttachment:TransitRouterGrantAttachment")]
    public partial class TransitRouterGrantAttachment : global::Pulumi.CustomResource
    {
        public TransitRouterGrantAttachment(string name, TransitRouterGrantAttachmentArgs args, CustomResourceOptions? options = null)
            : base("alicloud:cen/transitRouterGrantAttachment:TransitRouterGrantAttachment", name, args ?? new TransitRouterGrantAttachmentArgs(), options)
        {
        }
    }

    public sealed class TransitRouterGrantAttachmentArgs : global::Pulumi.ResourceArgs
    {
        [Input("cenId", required: true)]
        public Input<string> CenId { get; set; } = null!;

        [Input("cenOwnerId", required: true)]
        public Input<string> CenOwnerId { get; set; } = null!;

        [Input("instanceId", required: true)]
        public Input<string> InstanceId { get; set; } = null!;

        [Input("instanceType", required: true)]
        public Input<string> InstanceType { get; set; } = null!;

        public TransitRouterGrantAttachmentArgs()
        {
        }
    }
}
