// Mirrors sdk/dotnet/Vpc/NatGateway.cs and SnatEntry.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Vpc
{
    [AliCloudResourceType("alicloud:vpc/natGateway:NatGateway")]
    public partial class NatGateway : global::Pulumi.CustomResource
    {
        [Output("snatTableIds")]
        public Output<string> SnatTableIds { get; private set; } = null!;

        public NatGateway(string name, NatGatewayArgs args, CustomResourceOptions? options = null)
            : base("alicloud:vpc/natGateway:NatGateway", name, args ?? new NatGatewayArgs(), options)
        {
        }
    }

    public sealed class NatGatewayArgs : global::Pulumi.ResourceArgs
    {
        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("force")]
        public Input<bool>? Force { get; set; }

        [Input("internetChargeType")]
        public Input<string>? InternetChargeType { get; set; }

        [Input("natGatewayName")]
        public Input<string>? NatGatewayName { get; set; }

        [Input("natType")]
        public Input<string>? NatType { get; set; }

        [Input("paymentType")]
        public Input<string>? PaymentType { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        [Input("vpcId", required: true)]
        public Input<string> VpcId { get; set; } = null!;

        [Input("vswitchId")]
        public Input<string>? VswitchId { get; set; }

        public NatGatewayArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:vpc/snatEntry:SnatEntry")]
    public partial class SnatEntry : global::Pulumi.CustomResource
    {
        public SnatEntry(string name, SnatEntryArgs args, CustomResourceOptions? options = null)
            : base("alicloud:vpc/snatEntry:SnatEntry", name, args ?? new SnatEntryArgs(), options)
        {
        }
    }

    public sealed class SnatEntryArgs : global::Pulumi.ResourceArgs
    {
        [Input("snatEntryName")]
        public Input<string>? SnatEntryName { get; set; }

        [Input("snatIp", required: true)]
        public Input<string> SnatIp { get; set; } = null!;

        [Input("snatTableId", required: true)]
        public Input<string> SnatTableId { get; set; } = null!;

        [Input("sourceVswitchId")]
        public Input<string>? SourceVswitchId { get; set; }

        public SnatEntryArgs()
        {
        }
    }
}
