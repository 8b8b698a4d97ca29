// Mirrors sdk/dotnet/Ecs/Instance.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Ecs
{
    [AliCloudResourceType("alicloud:ecs/instance:Instance")]
    public partial class Instance : global::Pulumi.CustomResource
    {
        public Instance(string name, InstanceArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:ecs/instance:Instance", name, args ?? new InstanceArgs(), options)
        {
        }
    }

    public sealed class InstanceArgs : global::Pulumi.ResourceArgs
    {
        [Input("autoRenewPeriod")]
        public Input<int>? AutoRenewPeriod { get; set; }

        [Input("availabilityZone")]
        public Input<string>? AvailabilityZone { get; set; }

        [Input("deploymentSetId")]
        public Input<string>? DeploymentSetId { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("hostName")]
        public Input<string>? HostName { get; set; }

        [Input("imageId")]
        public Input<string>? ImageId { get; set; }

        [Input("instanceChargeType")]
        public Input<string>? InstanceChargeType { get; set; }

        [Input("instanceName")]
        public Input<string>? InstanceName { get; set; }

        [Input("instanceType")]
        public Input<string>? InstanceType { get; set; }

        [Input("internetMaxBandwidthOut")]
        public Input<int>? InternetMaxBandwidthOut { get; set; }

        [Input("period")]
        public Input<int>? Period { get; set; }

        [Input("periodUnit")]
        public Input<string>? PeriodUnit { get; set; }

        [Input("renewalStatus")]
        public Input<string>? RenewalStatus { get; set; }

        [Input("securityGroups")]
        private InputList<string>? _securityGroups;

        public InputList<string> SecurityGroups
        {
            get => _securityGroups ??= new InputList<string>();
            set => _securityGroups = value;
        }

        [Input("systemDiskCategory")]
        public Input<string>? SystemDiskCategory { get; set; }

        [Input("systemDiskSize")]
        public Input<int>? SystemDiskSize { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        [Input("vswitchId")]
        public Input<string>? VswitchId { get; set; }

        public InstanceArgs()
        {
        }
    }
}
