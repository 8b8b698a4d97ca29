// Mirrors sdk/dotnet/Vpc/Switch.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Vpc
{
    [AliCloudResourceType("alicloud:vpc/switch:Switch")]
    public partial class Switch : global::Pulumi.CustomResource
    {
        public Switch(string name, SwitchArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:vpc/switch:Switch", name, args ?? new SwitchArgs(), options)
        {
        }
    }

    public sealed class SwitchArgs : global::Pulumi.ResourceArgs
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

        [Input("vpcId")]
        public Input<string>? VpcId { get; set; }

        [Input("vswitchName")]
        public Input<string>? VswitchName { get; set; }

        [Input("zoneId")]
        public Input<string>? ZoneId { get; set; }

        public SwitchArgs()
        {
        }
    }
}
