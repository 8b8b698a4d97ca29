// Mirrors sdk/dotnet/Ecs/EcsKeyPair.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Ecs
{
    [AliCloudResourceType("alicloud:ecs/ecsKeyPair:EcsKeyPair")]
    public partial class EcsKeyPair : global::Pulumi.CustomResource
    {
        [Output("keyPairName")]
        public Output<string> KeyPairName { get; private set; } = null!;

        public EcsKeyPair(string name, EcsKeyPairArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:ecs/ecsKeyPair:EcsKeyPair", name, args ?? new EcsKeyPairArgs(), options)
        {
        }
    }

    public sealed class EcsKeyPairArgs : global::Pulumi.ResourceArgs
    {
        [Input("keyPairName")]
        public Input<string>? KeyPairName { get; set; }

        [Input("publicKey")]
        public Input<string>? PublicKey { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        public EcsKeyPairArgs()
        {
        }
    }
}
