// Mirrors sdk/dotnet/Ecs/EcsNetworkInterface.cs, EcsNetworkInterfaceAttachment.cs and
// EcsNetworkInterfacePermission.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Ecs
{
    [AliCloudResourceType("alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface")]
    public partial class EcsNetworkInterface : global::Pulumi.CustomResource
    {
        public EcsNetworkInterface(string name, EcsNetworkInterfaceArgs args, CustomResourceOptions? options = null)
            : base("alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface", name, args ?? new EcsNetworkInterfaceArgs(), options)
        {
        }
    }

    public sealed class EcsNetworkInterfaceArgs : global::Pulumi.ResourceArgs
    {
        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("networkInterfaceName")]
        public Input<string>? NetworkInterfaceName { get; set; }

        [Input("securityGroupIds")]
        private InputList<string>? _securityGroupIds;

        public InputList<string> SecurityGroupIds
        {
            get => _securityGroupIds ??= new InputList<string>();
            set => _securityGroupIds = value;
        }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        [Input("vswitchId", required: true)]
        public Input<string> VswitchId { get; set; } = null!;

        public EcsNetworkInterfaceArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment")]
    public partial class EcsNetworkInterfaceAttachment : global::Pulumi.CustomResource
    {
        public EcsNetworkInterfaceAttachment(string name, EcsNetworkInterfaceAttachmentArgs args, CustomResourceOptions? options = null)
            : base("alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment", name, args ?? new EcsNetworkInterfaceAttachmentArgs(), options)
        {
        }
    }

    public sealed class EcsNetworkInterfaceAttachmentArgs : global::Pulumi.ResourceArgs
    {
        [Input("instanceId", required: true)]
        public Input<string> InstanceId { get; set; } = null!;

        [Input("networkInterfaceId", required: true)]
        public Input<string> NetworkInterfaceId { get; set; } = null!;

        public EcsNetworkInterfaceAttachmentArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:ecs/ecsNetworkInterfacePermission:EcsNetworkInterfacePermission")]
    public partial class EcsNetworkInterfacePermission : global::Pulumi.CustomResource
    {
        public EcsNetworkInterfacePermission(string name, EcsNetworkInterfacePermissionArgs args, CustomResourceOptions? options = null)
            : base("alicloud:ecs/ecsNetworkInterfacePermission:EcsNetworkInterfacePermission", name, args ?? new EcsNetworkInterfacePermissionArgs(), options)
        {
        }
    }

    public sealed class EcsNetworkInterfacePermissionArgs : global::Pulumi.ResourceArgs
    {
        [Input("accountId", required: true)]
        public Input<string> AccountId { get; set; } = null!;

        [Input("networkInterfaceId", required: true)]
        public Input<string> NetworkInterfaceId { get; set; } = null!;

        [Input("permission", required: true)]
        public Input<string> Permission { get; set; } = null!;

        public EcsNetworkInterfacePermissionArgs()
        {
        }
    }
}
