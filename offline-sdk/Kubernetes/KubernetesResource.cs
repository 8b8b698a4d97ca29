// Mirrors sdk/dotnet/Provider.cs, sdk/dotnet/KubernetesResource.cs and the internal
// KubernetesResourceTypeAttribute of sdk/dotnet/Utilities.cs of pulumi/pulumi-kubernetes
// (Pulumi.Kubernetes 4.32.0).
using Pulumi;

namespace Pulumi.Kubernetes
{
    [System.AttributeUsage(System.AttributeTargets.Class, Inherited = false)]
    internal sealed class KubernetesResourceTypeAttribute : Pulumi.ResourceTypeAttribute
    {
        public const string PackageVersion = "4.32.0";

        public KubernetesResourceTypeAttribute(string type) : base(type, PackageVersion)
        {
        }
    }

    /// <summary>The real resources set their args' apiVersion and kind before registering; so do these.</summary>
    internal static class KubernetesArgs
    {
        internal static TArgs Stamped<TArgs>(TArgs args, System.Action<TArgs> setApiVersionAndKind)
        {
            setApiVersionAndKind(args);
            return args;
        }
    }

    public abstract class KubernetesResource : global::Pulumi.CustomResource
    {
        private protected KubernetesResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null)
            : base(type, name, args, options)
        {
        }
    }

    [KubernetesResourceType("pulumi:providers:kubernetes")]
    public partial class Provider : global::Pulumi.ProviderResource
    {
        public Provider(string name, ProviderArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes", name, args ?? new ProviderArgs(), options)
        {
        }
    }

    public sealed class ProviderArgs : global::Pulumi.ResourceArgs
    {
        [Input("enableServerSideApply", json: true)]
        public Input<bool>? EnableServerSideApply { get; set; }

        [Input("kubeconfig")]
        public Input<string>? KubeConfig { get; set; }

        public ProviderArgs()
        {
        }
    }
}
