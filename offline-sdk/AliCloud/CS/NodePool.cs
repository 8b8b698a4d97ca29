// Mirrors sdk/dotnet/CS/NodePool.cs and sdk/dotnet/CS/Inputs/NodePoolLabelArgs.cs, NodePoolTaintArgs.cs,
// NodePoolScalingConfigArgs.cs, NodePoolDataDiskArgs.cs, NodePoolManagementArgs.cs,
// NodePoolManagementAutoRepairPolicyArgs.cs and NodePoolManagementAutoUpgradePolicyArgs.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.CS
{
    [AliCloudResourceType("alicloud:cs/nodePool:NodePool")]
    public partial class NodePool : global::Pulumi.CustomResource
    {
        public NodePool(string name, NodePoolArgs args, CustomResourceOptions? options = null)
            : base("alicloud:cs/nodePool:NodePool", name, args ?? new NodePoolArgs(), options)
        {
        }
    }

    public sealed class NodePoolArgs : global::Pulumi.ResourceArgs
    {
        [Input("autoRenew")]
        public Input<bool>? AutoRenew { get; set; }

        [Input("clusterId", required: true)]
        public Input<string> ClusterId { get; set; } = null!;

        [Input("dataDisks")]
        private InputList<Inputs.NodePoolDataDiskArgs>? _dataDisks;

        public InputList<Inputs.NodePoolDataDiskArgs> DataDisks
        {
            get => _dataDisks ??= new InputList<Inputs.NodePoolDataDiskArgs>();
            set => _dataDisks = value;
        }

        [Input("deploymentSetId")]
        public Input<string>? DeploymentSetId { get; set; }

        [Input("desiredSize")]
        public Input<string>? DesiredSize { get; set; }

        [Input("imageId")]
        public Input<string>? ImageId { get; set; }

        [Input("imageType")]
        public Input<string>? ImageType { get; set; }

        [Input("instanceChargeType")]
        public Input<string>? InstanceChargeType { get; set; }

        [Input("instanceTypes")]
        private InputList<string>? _instanceTypes;

        public InputList<string> InstanceTypes
        {
            get => _instanceTypes ??= new InputList<string>();
            set => _instanceTypes = value;
        }

        [Input("keyName")]
        public Input<string>? KeyName { get; set; }

        [Input("labels")]
        private InputList<Inputs.NodePoolLabelArgs>? _labels;

        public InputList<Inputs.NodePoolLabelArgs> Labels
        {
            get => _labels ??= new InputList<Inputs.NodePoolLabelArgs>();
            set => _labels = value;
        }

        [Input("management")]
        public Input<Inputs.NodePoolManagementArgs>? Management { get; set; }

        [Input("multiAzPolicy")]
        public Input<string>? MultiAzPolicy { get; set; }

        [Input("nodePoolName")]
        public Input<string>? NodePoolName { get; set; }

        [Input("period")]
        public Input<int>? Period { get; set; }

        [Input("periodUnit")]
        public Input<string>? PeriodUnit { get; set; }

        [Input("scalingConfig")]
        public Input<Inputs.NodePoolScalingConfigArgs>? ScalingConfig { get; set; }

        [Input("securityGroupIds")]
        private InputList<string>? _securityGroupIds;

        public InputList<string> SecurityGroupIds
        {
            get => _securityGroupIds ??= new InputList<string>();
            set => _securityGroupIds = value;
        }

        [Input("systemDiskCategory")]
        public Input<string>? SystemDiskCategory { get; set; }

        [Input("systemDiskEncrypted")]
        public Input<bool>? SystemDiskEncrypted { get; set; }

        [Input("systemDiskKmsKey")]
        public Input<string>? SystemDiskKmsKey { get; set; }

        [Input("systemDiskSize")]
        public Input<int>? SystemDiskSize { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        [Input("taints")]
        private InputList<Inputs.NodePoolTaintArgs>? _taints;

        public InputList<Inputs.NodePoolTaintArgs> Taints
        {
            get => _taints ??= new InputList<Inputs.NodePoolTaintArgs>();
            set => _taints = value;
        }

        [Input("userData")]
        public Input<string>? UserData { get; set; }

        [Input("vswitchIds")]
        private InputList<string>? _vswitchIds;

        public InputList<string> VswitchIds
        {
            get => _vswitchIds ??= new InputList<string>();
            set => _vswitchIds = value;
        }

        public NodePoolArgs()
        {
        }
    }
}

namespace Pulumi.AliCloud.CS.Inputs
{
    public sealed class NodePoolManagementArgs : global::Pulumi.ResourceArgs
    {
        [Input("autoRepair")]
        public Input<bool>? AutoRepair { get; set; }

        [Input("autoRepairPolicy")]
        public Input<NodePoolManagementAutoRepairPolicyArgs>? AutoRepairPolicy { get; set; }

        [Input("autoUpgrade")]
        public Input<bool>? AutoUpgrade { get; set; }

        [Input("autoUpgradePolicy")]
        public Input<NodePoolManagementAutoUpgradePolicyArgs>? AutoUpgradePolicy { get; set; }

        [Input("enable")]
        public Input<bool>? Enable { get; set; }

        [Input("maxUnavailable")]
        public Input<int>? MaxUnavailable { get; set; }

        public NodePoolManagementArgs()
        {
        }
    }

    public sealed class NodePoolManagementAutoRepairPolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("restartNode")]
        public Input<bool>? RestartNode { get; set; }

        public NodePoolManagementAutoRepairPolicyArgs()
        {
        }
    }

    public sealed class NodePoolManagementAutoUpgradePolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("autoUpgradeKubelet")]
        public Input<bool>? AutoUpgradeKubelet { get; set; }

        public NodePoolManagementAutoUpgradePolicyArgs()
        {
        }
    }

    public sealed class NodePoolDataDiskArgs : global::Pulumi.ResourceArgs
    {
        [Input("autoFormat")]
        public Input<string>? AutoFormat { get; set; }

        [Input("category")]
        public Input<string>? Category { get; set; }

        [Input("encrypted")]
        public Input<string>? Encrypted { get; set; }

        [Input("fileSystem")]
        public Input<string>? FileSystem { get; set; }

        [Input("kmsKeyId")]
        public Input<string>? KmsKeyId { get; set; }

        [Input("mountTarget")]
        public Input<string>? MountTarget { get; set; }

        [Input("performanceLevel")]
        public Input<string>? PerformanceLevel { get; set; }

        [Input("size")]
        public Input<int>? Size { get; set; }

        public NodePoolDataDiskArgs()
        {
        }
    }

    public sealed class NodePoolLabelArgs : global::Pulumi.ResourceArgs
    {
        [Input("key", required: true)]
        public Input<string> Key { get; set; } = null!;

        [Input("value")]
        public Input<string>? Value { get; set; }

        public NodePoolLabelArgs()
        {
        }
    }

    public sealed class NodePoolTaintArgs : global::Pulumi.ResourceArgs
    {
        [Input("effect")]
        public Input<string>? Effect { get; set; }

        [Input("key", required: true)]
        public Input<string> Key { get; set; } = null!;

        [Input("value")]
        public Input<string>? Value { get; set; }

        public NodePoolTaintArgs()
        {
        }
    }

    public sealed class NodePoolScalingConfigArgs : global::Pulumi.ResourceArgs
    {
        [Input("enable")]
        public Input<bool>? Enable { get; set; }

        [Input("maxSize")]
        public Input<int>? MaxSize { get; set; }

        [Input("minSize")]
        public Input<int>? MinSize { get; set; }

        [Input("type")]
        public Input<string>? Type { get; set; }

        public NodePoolScalingConfigArgs()
        {
        }
    }
}
