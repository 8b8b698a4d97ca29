// Mirrors sdk/dotnet/Provider.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
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
        [Input("region")]
        public Input<string>? Region { get; set; }

        public ProviderArgs()
        {
        }
    }
}
