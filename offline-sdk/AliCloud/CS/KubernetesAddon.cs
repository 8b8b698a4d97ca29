// Mirrors sdk/dotnet/CS/KubernetesAddon.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0): only the members BlinkInfra uses.
using Pulumi;

namespace Pulumi.AliCloud.CS
{
    [AliCloudResourceType("alicloud:cs/kubernetesAddon:KubernetesAddon")]
    public partial class KubernetesAddon : global::Pulumi.CustomResource
    {
        public KubernetesAddon(string name, KubernetesAddonArgs args, CustomResourceOptions? options = null)
            : base("alicloud:cs/kubernetesAddon:KubernetesAddon", name, args ?? new KubernetesAddonArgs(), options)
        {
        }
    }

    public sealed class KubernetesAddonArgs : global::Pulumi.ResourceArgs
    {
        [Input("clusterId", required: true)]
        public Input<string> ClusterId { get; set; } = null!;

        [Input("config")]
        public Input<string>? Config { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        public KubernetesAddonArgs()
        {
        }
    }
}
