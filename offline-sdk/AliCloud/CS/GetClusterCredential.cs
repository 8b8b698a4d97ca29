// Mirrors sdk/dotnet/CS/GetClusterCredential.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0):
// the alicloud:cs/getClusterCredential:getClusterCredential invoke.
using Pulumi;

namespace Pulumi.AliCloud.CS
{
    public static class GetClusterCredential
    {
        public static Output<GetClusterCredentialResult> Invoke(GetClusterCredentialInvokeArgs args, InvokeOptions? options = null)
            => global::Pulumi.Deployment.Instance.Invoke<GetClusterCredentialResult>("alicloud:cs/getClusterCredential:getClusterCredential", args ?? new GetClusterCredentialInvokeArgs(), options);
    }

    public sealed class GetClusterCredentialInvokeArgs : global::Pulumi.InvokeArgs
    {
        [Input("clusterId", required: true)]
        public Input<string> ClusterId { get; set; } = null!;

        public GetClusterCredentialInvokeArgs()
        {
        }
    }

    [OutputType]
    public sealed class GetClusterCredentialResult
    {
        public readonly string KubeConfig;

        [OutputConstructor]
        private GetClusterCredentialResult(string kubeConfig)
        {
            KubeConfig = kubeConfig;
        }
    }
}
