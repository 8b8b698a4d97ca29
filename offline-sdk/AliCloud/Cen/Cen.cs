// Mirrors sdk/dotnet/Cen/Instance.cs, TransitRouter.cs, TransitRouterVpcAttachment.cs,
// TransitRouterRouteTable.cs, TransitRouterRouteTableAssociation.cs, TransitRouterRouteTablePropagation.cs
// and sdk/dotnet/Cen/Inputs/TransitRouterVpcAttachmentZoneMappingArgs.cs of pulumi/pulumi-alicloud
// (Pulumi.AliCloud 3.105.0): only the members BlinkInfra uses.
using Pulumi;

namespace Pulumi.AliCloud.Cen
{
    [AliCloudResourceType("alicloud:cen/instance:Instance")]
    public partial class Instance : global::Pulumi.CustomResource
    {
        public Instance(string name, InstanceArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:cen/instance:Instance", name, args ?? new InstanceArgs(), options)
        {
        }
    }

    public sealed class InstanceArgs : global::Pulumi.ResourceArgs
    {
        [Input("cenInstanceName")]
        public Input<string>? CenInstanceName { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        public InstanceArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:cen/transitRouter:TransitRouter")]
    public partial class TransitRouter : global::Pulumi.CustomResource
    {
        [Output("transitRouterId")]
        public Output<string> TransitRouterId { get; private set; } = null!;

        public TransitRouter(string name, TransitRouterArgs args, CustomResourceOptions? options = null)
            : base("alicloud:cen/transitRouter:TransitRouter", name, args ?? new TransitRouterArgs(), options)
        {
        }
    }

    public sealed class TransitRouterArgs : global::Pulumi.ResourceArgs
    {
        [Input("cenId", required: true)]
        public Input<string> CenId { get; set; } = null!;

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        [Input("transitRouterDescription")]
        public Input<string>? TransitRouterDescription { get; set; }

        [Input("transitRouterName")]
        public Input<string>? TransitRouterName { get; set; }

        public TransitRouterArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment")]
    public partial class TransitRouterVpcAttachment : global::Pulumi.CustomResource
    {
        [Output("transitRouterAttachmentId")]
        public Output<string> TransitRouterAttachmentId { get; private set; } = null!;

        public TransitRouterVpcAttachment(string name, TransitRouterVpcAttachmentArgs args, CustomResourceOptions? options = null)
            : base("alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment", name, args ?? new TransitRouterVpcAttachmentArgs(), options)
        {
        }
    }

    public sealed class TransitRouterVpcAttachmentArgs : global::Pulumi.ResourceArgs
    {
        [Input("autoPublishRouteEnabled")]
        public Input<bool>? AutoPublishRouteEnabled { get; set; }

        [Input("cenId")]
        public Input<string>? CenId { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        [Input("transitRouterId")]
        public Input<string>? TransitRouterId { get; set; }

        [Input("transitRouterVpcAttachmentName")]
        public Input<string>? TransitRouterVpcAttachmentName { get; set; }

        [Input("vpcId", required: true)]
        public Input<string> VpcId { get; set; } = null!;

        [Input("vpcOwnerId")]
        public Input<string>? VpcOwnerId { get; set; }

        [Input("zoneMappings", required: true)]
        private InputList<Inputs.TransitRouterVpcAttachmentZoneMappingArgs>? _zoneMappings;

        public InputList<Inputs.TransitRouterVpcAttachmentZoneMappingArgs> ZoneMappings
        {
            get => _zoneMappings ??= new InputList<Inputs.TransitRouterVpcAttachmentZoneMappingArgs>();
            set => _zoneMappings = value;
        }

        public TransitRouterVpcAttachmentArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:cen/transitRouterRouteTable:TransitRouterRouteTable")]
    public partial class TransitRouterRouteTable : global::Pulumi.CustomResource
    {
        [Output("transitRouterRouteTableId")]
        public Output<string> TransitRouterRouteTableId { get; private set; } = null!;

        public TransitRouterRouteTable(string name, TransitRouterRouteTableArgs args, CustomResourceOptions? options = null)
            : base("alicloud:cen/transitRouterRouteTable:TransitRouterRouteTable", name, args ?? new TransitRouterRouteTableArgs(), options)
        {
        }
    }

    public sealed class TransitRouterRouteTableArgs : global::Pulumi.ResourceArgs
    {
        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        [Input("transitRouterId", required: true)]
        public Input<string> TransitRouterId { get; set; } = null!;

        [Input("transitRouterRouteTableDescription")]
        public Input<string>? TransitRouterRouteTableDescription { get; set; }

        [Input("transitRouterRouteTableName")]
        public Input<string>? TransitRouterRouteTableName { get; set; }

        public TransitRouterRouteTableArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation")]
    public partial class TransitRouterRouteTableAssociation : global::Pulumi.CustomResource
    {
        public TransitRouterRouteTableAssociation(string name, TransitRouterRouteTableAssociationArgs args, CustomResourceOptions? options = null)
            : base("alicloud:cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation", name, args ?? new TransitRouterRouteTableAssociationArgs(), options)
        {
        }
    }

    public sealed class TransitRouterRouteTableAssociationArgs : global::Pulumi.ResourceArgs
    {
        [Input("transitRouterAttachmentId", required: true)]
        public Input<string> TransitRouterAttachmentId { get; set; } = null!;

        [Input("transitRouterRouteTableId", required: true)]
        public Input<string> TransitRouterRouteTableId { get; set; } = null!;

        public TransitRouterRouteTableAssociationArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation")]
    public partial class TransitRouterRouteTablePropagation : global::Pulumi.CustomResource
    {
        public TransitRouterRouteTablePropagation(string name, TransitRouterRouteTablePropagationArgs args, CustomResourceOptions? options = null)
            : base("alicloud:cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation", name, args ?? new TransitRouterRouteTablePropagationArgs(), options)
        {
        }
    }

    public sealed class TransitRouterRouteTablePropagationArgs : global::Pulumi.ResourceArgs
    {
        [Input("transitRouterAttachmentId", required: true)]
        public Input<string> TransitRouterAttachmentId { get; set; } = null!;

        [Input("transitRouterRouteTableId", required: true)]
        public Input<string> TransitRouterRouteTableId { get; set; } = null!;

        public TransitRouterRouteTablePropagationArgs()
        {
        }
    }
}

namespace Pulumi.AliCloud.Cen.Inputs
{
    public sealed class TransitRouterVpcAttachmentZoneMappingArgs : global::Pulumi.ResourceArgs
    {
        [Input("vswitchId", required: true)]
        public Input<string> VswitchId { get; set; } = null!;

        [Input("zoneId", required: true)]
        public Input<string> ZoneId { get; set; } = null!;

        public TransitRouterVpcAttachmentZoneMappingArgs()
        {
        }
    }
}
