// Mirrors sdk/dotnet/ApiExtensions/CustomResource.cs of pulumi/pulumi-kubernetes (Pulumi.Kubernetes 4.32.0):
// an instance of a CRD, typed "kubernetes:<apiVersion>:<kind>"; derived args add the spec.
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace Pulumi.Kubernetes.ApiExtensions
{
    public class CustomResource : KubernetesResource
    {
        public CustomResource(string name, CustomResourceArgs args, CustomResourceOptions? options = null)
            : base($"kubernetes:{args.ApiVersionText}:{args.KindText}", name, args, options)
        {
        }
    }

    public abstract class CustomResourceArgs : global::Pulumi.ResourceArgs
    {
        internal readonly string ApiVersionText;
        internal readonly string KindText;

        protected CustomResourceArgs(string apiVersion, string kind)
        {
            ApiVersionText = apiVersion;
            KindText = kind;
            ApiVersion = apiVersion;
            Kind = kind;
        }

        [Input("apiVersion")]
        public Input<string> ApiVersion { get; }

        [Input("kind")]
        public Input<string> Kind { get; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }
    }
}
