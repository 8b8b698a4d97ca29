// Mirrors sdk/dotnet/Vpc/Network.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Vpc
{
    [AliCloudResourceType("alicloud:vpc/network:Network")]
    public partial class Network : global::Pulumi.CustomResource
    {
        [Output("routeTableId")]
        public Output<string> RouteTableId { get; private set; } = null!;

        public Network(string name, NetworkArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:vpc/network:Network", name, args ?? new NetworkArgs(), options)
        {
        }
    }

    public sealed class NetworkArgs : global::Pulumi.ResourceArgs
    {
        [Input("cidrBlock")]
        public Input<string>? CidrBlock { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        [Input("vpcName")]
        public Input<string>? VpcName { get; set; }

        public NetworkArgs()
        {
        }
    }
}
