// Mirrors sdk/dotnet/Helm/V3/Release.cs and sdk/dotnet/Types/Input/Helm/V3/Release.cs and
// RepositoryOpts.cs of pulumi/pulumi-kubernetes (Pulumi.Kubernetes 4.32.0).
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;

namespace Pulumi.Kubernetes.Helm.V3
{
    [KubernetesResourceType("kubernetes:helm.sh/v3:Release")]
    public partial class Release : KubernetesResource
    {
        public Release(string name, ReleaseArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes:helm.sh/v3:Release", name, WithCompat(args), options)
        {
        }

        /// <summary>
        /// As the real Release (its MakeArgs): the args always register compat "true", set on the args
        /// the caller passed, whatever they held.
        /// </summary>
        private static ReleaseArgs WithCompat(ReleaseArgs? args)
        {
            args ??= new ReleaseArgs();
            args.Compat = "true";
            return args;
        }
    }
}

namespace Pulumi.Kubernetes.Types.Inputs.Helm.V3
{
    public class ReleaseArgs : global::Pulumi.ResourceArgs
    {
        [Input("atomic")]
        public Input<bool>? Atomic { get; set; }

        [Input("chart", required: true)]
        public Input<string> Chart { get; set; } = null!;

        [Input("compat")]
        public Input<string>? Compat { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("namespace")]
        public Input<string>? Namespace { get; set; }

        [Input("repositoryOpts")]
        public Input<RepositoryOptsArgs>? RepositoryOpts { get; set; }

        [Input("values")]
        private InputMap<object>? _values;

        public InputMap<object> Values
        {
            get => _values ??= new InputMap<object>();
            set => _values = value;
        }

        [Input("version")]
        public Input<string>? Version { get; set; }

        public ReleaseArgs()
        {
        }
    }

    public class RepositoryOptsArgs : global::Pulumi.ResourceArgs
    {
        [Input("repo")]
        public Input<string>? Repo { get; set; }

        public RepositoryOptsArgs()
        {
        }
    }
}
