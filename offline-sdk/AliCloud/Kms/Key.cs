// Mirrors sdk/dotnet/Kms/Key.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Kms
{
    [AliCloudResourceType("alicloud:kms/key:Key")]
    public partial class Key : global::Pulumi.CustomResource
    {
        public Key(string name, KeyArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:kms/key:Key", name, args ?? new KeyArgs(), options)
        {
        }
    }

    public sealed class KeyArgs : global::Pulumi.ResourceArgs
    {
        [Input("automaticRotation")]
        public Input<string>? AutomaticRotation { get; set; }

        [Input("deletionProtection")]
        public Input<string>? DeletionProtection { get; set; }

        [Input("deletionProtectionDescription")]
        public Input<string>? DeletionProtectionDescription { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("keySpec")]
        public Input<string>? KeySpec { get; set; }

        [Input("keyUsage")]
        public Input<string>? KeyUsage { get; set; }

        [Input("pendingWindowInDays")]
        public Input<int>? PendingWindowInDays { get; set; }

        [Input("rotationInterval")]
        public Input<string>? RotationInterval { get; set; }

        [Input("status")]
        public Input<string>? Status { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        public KeyArgs()
        {
        }
    }
}
