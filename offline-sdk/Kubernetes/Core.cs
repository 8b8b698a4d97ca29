// Mirrors sdk/dotnet/Core/V1/Namespace.cs, ConfigMap.cs, Secret.cs and ServiceAccount.cs, and their
// args in sdk/dotnet/Types/Input/Core/V1/*.cs and sdk/dotnet/Types/Input/Meta/V1/ObjectMeta.cs, of
// pulumi/pulumi-kubernetes (Pulumi.Kubernetes 4.32.0). Each resource sets its args' apiVersion and kind.
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;

namespace Pulumi.Kubernetes.Core.V1
{
    [KubernetesResourceType("kubernetes:core/v1:Namespace")]
    public partial class Namespace : KubernetesResource
    {
        public Namespace(string name, NamespaceArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes:core/v1:Namespace", name, KubernetesArgs.Stamped(args ?? new NamespaceArgs(), a => { a.ApiVersion = "v1"; a.Kind = "Namespace"; }), options)
        {
        }
    }

    [KubernetesResourceType("kubernetes:core/v1:ConfigMap")]
    public partial class ConfigMap : KubernetesResource
    {
        public ConfigMap(string name, ConfigMapArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes:core/v1:ConfigMap", name, KubernetesArgs.Stamped(args ?? new ConfigMapArgs(), a => { a.ApiVersion = "v1"; a.Kind = "ConfigMap"; }), options)
        {
        }
    }

    [KubernetesResourceType("kubernetes:core/v1:Secret")]
    public partial class Secret : KubernetesResource
    {
        public Secret(string name, SecretArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes:core/v1:Secret", name, KubernetesArgs.Stamped(args ?? new SecretArgs(), a => { a.ApiVersion = "v1"; a.Kind = "Secret"; }), options)
        {
        }
    }

    [KubernetesResourceType("kubernetes:core/v1:ServiceAccount")]
    public partial class ServiceAccount : KubernetesResource
    {
        public ServiceAccount(string name, ServiceAccountArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes:core/v1:ServiceAccount", name, KubernetesArgs.Stamped(args ?? new ServiceAccountArgs(), a => { a.ApiVersion = "v1"; a.Kind = "ServiceAccount"; }), options)
        {
        }
    }
}

namespace Pulumi.Kubernetes.Types.Inputs.Meta.V1
{
    public class ObjectMetaArgs : global::Pulumi.ResourceArgs
    {
        [Input("annotations")]
        private InputMap<string>? _annotations;

        public InputMap<string> Annotations
        {
            get => _annotations ??= new InputMap<string>();
            set => _annotations = value;
        }

        [Input("labels")]
        private InputMap<string>? _labels;

        public InputMap<string> Labels
        {
            get => _labels ??= new InputMap<string>();
            set => _labels = value;
        }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("namespace")]
        public Input<string>? Namespace { get; set; }

        public ObjectMetaArgs()
        {
        }
    }
}

namespace Pulumi.Kubernetes.Types.Inputs.Core.V1
{
    using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

    public class NamespaceArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiVersion")]
        public Input<string>? ApiVersion { get; set; }

        [Input("kind")]
        public Input<string>? Kind { get; set; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        public NamespaceArgs()
        {
        }
    }

    public class ConfigMapArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiVersion")]
        public Input<string>? ApiVersion { get; set; }

        [Input("data")]
        private InputMap<string>? _data;

        public InputMap<string> Data
        {
            get => _data ??= new InputMap<string>();
            set => _data = value;
        }

        [Input("kind")]
        public Input<string>? Kind { get; set; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        public ConfigMapArgs()
        {
        }
    }

    public class SecretArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiVersion")]
        public Input<string>? ApiVersion { get; set; }

        [Input("kind")]
        public Input<string>? Kind { get; set; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        [Input("stringData")]
        private InputMap<string>? _stringData;

        public InputMap<string> StringData
        {
            get => _stringData ??= new InputMap<string>();
            set => _stringData = value;
        }

        [Input("type")]
        public Input<string>? Type { get; set; }

        public SecretArgs()
        {
        }
    }

    public class ServiceAccountArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiVersion")]
        public Input<string>? ApiVersion { get; set; }

        [Input("kind")]
        public Input<string>? Kind { get; set; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        public ServiceAccountArgs()
        {
        }
    }
}
