// Mirrors sdk/dotnet/Provider.cs and sdk/dotnet/Inputs/ProviderAssumeRoleArgs.cs of pulumi/pulumi-alicloud
// (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud
{
    [AliCloudResourceType("pulumi:providers:alicloud")]
    public partial class Provider : global::Pulumi.ProviderResource
    {
        public Provider(string name, ProviderArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud", name, args ?? new ProviderArgs(), options)
        {
        }
    }

    public sealed class ProviderArgs : global::Pulumi.ResourceArgs
    {
        [Input("assumeRole", json: true)]
        public Input<Inputs.ProviderAssumeRoleArgs>? AssumeRole { get; set; }

        [Input("region")]
        public Input<string>? Region { get; set; }

        public ProviderArgs()
        {
        }
    }
}

namespace Pulumi.AliCloud.Inputs
{
    public sealed class ProviderAssumeRoleArgs : global::Pulumi.ResourceArgs
    {
        [Input("roleArn", required: true)]
        public Input<string> RoleArn { get; set; } = null!;

        [Input("sessionName")]
        public Input<string>? SessionName { get; set; }

        public ProviderAssumeRoleArgs()
        {
        }
    }
}
