// Mirrors sdk/dotnet/CS/ManagedKubernetes.cs, sdk/dotnet/CS/Inputs/ManagedKubernetesAddonArgs.cs,
// ManagedKubernetesAuditLogConfigArgs.cs, ManagedKubernetesMaintenanceWindowArgs.cs,
// ManagedKubernetesOperationPolicyArgs.cs, ManagedKubernetesOperationPolicyClusterAutoUpgradeArgs.cs and
// sdk/dotnet/CS/Outputs/ManagedKubernetesRrsaMetadata.cs of
// pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.CS
{
    [AliCloudResourceType("alicloud:cs/managedKubernetes:ManagedKubernetes")]
    public partial class ManagedKubernetes : global::Pulumi.CustomResource
    {
        [Output("rrsaMetadata")]
        public Output<Outputs.ManagedKubernetesRrsaMetadata> RrsaMetadata { get; private set; } = null!;

        public ManagedKubernetes(string name, ManagedKubernetesArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:cs/managedKubernetes:ManagedKubernetes", name, args ?? new ManagedKubernetesArgs(), options)
        {
        }
    }

    public sealed class ManagedKubernetesArgs : global::Pulumi.ResourceArgs
    {
        [Input("addons")]
        private InputList<Inputs.ManagedKubernetesAddonArgs>? _addons;

        public InputList<Inputs.ManagedKubernetesAddonArgs> Addons
        {
            get => _addons ??= new InputList<Inputs.ManagedKubernetesAddonArgs>();
            set => _addons = value;
        }

        [Input("auditLogConfig")]
        public Input<Inputs.ManagedKubernetesAuditLogConfigArgs>? AuditLogConfig { get; set; }

        [Input("clusterSpec")]
        public Input<string>? ClusterSpec { get; set; }

        [Input("controlPlaneLogComponents")]
        private InputList<string>? _controlPlaneLogComponents;

        public InputList<string> ControlPlaneLogComponents
        {
            get => _controlPlaneLogComponents ??= new InputList<string>();
            set => _controlPlaneLogComponents = value;
        }

        [Input("controlPlaneLogProject")]
        public Input<string>? ControlPlaneLogProject { get; set; }

        [Input("controlPlaneLogTtl")]
        public Input<string>? ControlPlaneLogTtl { get; set; }

        [Input("deletionProtection")]
        public Input<bool>? DeletionProtection { get; set; }

        [Input("disableEncryption")]
        public Input<bool>? DisableEncryption { get; set; }

        [Input("enableRrsa")]
        public Input<bool>? EnableRrsa { get; set; }

        [Input("encryptionProviderKey")]
        public Input<string>? EncryptionProviderKey { get; set; }
        [Input("maintenanceWindow")]
        public Input<Inputs.ManagedKubernetesMaintenanceWindowArgs>? MaintenanceWindow { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("newNatGateway")]
        public Input<bool>? NewNatGateway { get; set; }

        [Input("operationPolicy")]
        public Input<Inputs.ManagedKubernetesOperationPolicyArgs>? OperationPolicy { get; set; }

        [Input("podVswitchIds")]
        private InputList<string>? _podVswitchIds;

        public InputList<string> PodVswitchIds
        {
            get => _podVswitchIds ??= new InputList<string>();
            set => _podVswitchIds = value;
        }

        [Input("proxyMode")]
        public Input<string>? ProxyMode { get; set; }

        [Input("securityGroupId")]
        public Input<string>? SecurityGroupId { get; set; }

        [Input("serviceCidr")]
        public Input<string>? ServiceCidr { get; set; }

        [Input("slbInternetEnabled")]
        public Input<bool>? SlbInternetEnabled { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        [Input("version")]
        public Input<string>? Version { get; set; }

        [Input("vswitchIds")]
        private InputList<string>? _vswitchIds;

        public InputList<string> VswitchIds
        {
            get => _vswitchIds ??= new InputList<string>();
            set => _vswitchIds = value;
        }

        public ManagedKubernetesArgs()
        {
        }
    }
}

namespace Pulumi.AliCloud.CS.Inputs
{
    public sealed class ManagedKubernetesAddonArgs : global::Pulumi.ResourceArgs
    {
        [Input("name")]
        public Input<string>? Name { get; set; }

        public ManagedKubernetesAddonArgs()
        {
        }
    }

    public sealed class ManagedKubernetesAuditLogConfigArgs : global::Pulumi.ResourceArgs
    {
        [Input("enabled")]
        public Input<bool>? Enabled { get; set; }

        [Input("slsProjectName")]
        public Input<string>? SlsProjectName { get; set; }

        public ManagedKubernetesAuditLogConfigArgs()
        {
        }
    }

    public sealed class ManagedKubernetesMaintenanceWindowArgs : global::Pulumi.ResourceArgs
    {
        [Input("duration")]
        public Input<string>? Duration { get; set; }

        [Input("enable")]
        public Input<bool>? Enable { get; set; }

        [Input("maintenanceTime")]
        public Input<string>? MaintenanceTime { get; set; }

        [Input("weeklyPeriod")]
        public Input<string>? WeeklyPeriod { get; set; }

        public ManagedKubernetesMaintenanceWindowArgs()
        {
        }
    }

    public sealed class ManagedKubernetesOperationPolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("clusterAutoUpgrade")]
        public Input<ManagedKubernetesOperationPolicyClusterAutoUpgradeArgs>? ClusterAutoUpgrade { get; set; }

        public ManagedKubernetesOperationPolicyArgs()
        {
        }
    }

    public sealed class ManagedKubernetesOperationPolicyClusterAutoUpgradeArgs : global::Pulumi.ResourceArgs
    {
        [Input("channel")]
        public Input<string>? Channel { get; set; }

        [Input("enabled")]
        public Input<bool>? Enabled { get; set; }

        public ManagedKubernetesOperationPolicyClusterAutoUpgradeArgs()
        {
        }
    }
}

namespace Pulumi.AliCloud.CS.Outputs
{
    [OutputType]
    public sealed class ManagedKubernetesRrsaMetadata
    {
        public readonly string RamOidcProviderArn;
        public readonly string RrsaOidcIssuerUrl;

        [OutputConstructor]
        private ManagedKubernetesRrsaMetadata(string ramOidcProviderArn, string rrsaOidcIssuerUrl)
        {
            RamOidcProviderArn = ramOidcProviderArn;
            RrsaOidcIssuerUrl = rrsaOidcIssuerUrl;
        }
    }
}
