// Mirrors sdk/dotnet/Ecs/EipAddress.cs and EipAssociation.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Ecs
{
    [AliCloudResourceType("alicloud:ecs/eipAddress:EipAddress")]
    public partial class EipAddress : global::Pulumi.CustomResource
    {
        [Output("ipAddress")]
        public Output<string> IpAddress { get; private set; } = null!;

        public EipAddress(string name, EipAddressArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:ecs/eipAddress:EipAddress", name, args ?? new EipAddressArgs(), options)
        {
        }
    }

    public sealed class EipAddressArgs : global::Pulumi.ResourceArgs
    {
        [Input("addressName")]
        public Input<string>? AddressName { get; set; }

        [Input("bandwidth")]
        public Input<string>? Bandwidth { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("internetChargeType")]
        public Input<string>? InternetChargeType { get; set; }

        [Input("paymentType")]
        public Input<string>? PaymentType { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        public EipAddressArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:ecs/eipAssociation:EipAssociation")]
    public partial class EipAssociation : global::Pulumi.CustomResource
    {
        public EipAssociation(string name, EipAssociationArgs args, CustomResourceOptions? options = null)
            : base("alicloud:ecs/eipAssociation:EipAssociation", name, args ?? new EipAssociationArgs(), options)
        {
        }
    }

    public sealed class EipAssociationArgs : global::Pulumi.ResourceArgs
    {
        [Input("allocationId", required: true)]
        public Input<string> AllocationId { get; set; } = null!;

        [Input("instanceId", required: true)]
        public Input<string> InstanceId { get; set; } = null!;

        [Input("instanceType")]
        public Input<string>? InstanceType { get; set; }

        public EipAssociationArgs()
        {
        }
    }
}
