// Mirrors the pod types of sdk/dotnet/Types/Input/Core/V1/*.cs of pulumi/pulumi-kubernetes (Pulumi.Kubernetes 4.32.0) that
// a CronJob's pod template takes: only the members BlinkInfra sets, each as the real listing has it.
using Pulumi;

namespace Pulumi.Kubernetes.Types.Inputs.Core.V1
{
    using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

    public class PodTemplateSpecArgs : global::Pulumi.ResourceArgs
    {
        [Input("spec")]
        public Input<PodSpecArgs>? Spec { get; set; }

        public PodTemplateSpecArgs()
        {
        }
    }

    public class PodSpecArgs : global::Pulumi.ResourceArgs
    {
        [Input("containers", required: true)]
        private InputList<ContainerArgs>? _containers;

        public InputList<ContainerArgs> Containers
        {
            get => _containers ??= new InputList<ContainerArgs>();
            set => _containers = value;
        }

        [Input("nodeSelector")]
        private InputMap<string>? _nodeSelector;

        public InputMap<string> NodeSelector
        {
            get => _nodeSelector ??= new InputMap<string>();
            set => _nodeSelector = value;
        }

        [Input("restartPolicy")]
        public Input<string>? RestartPolicy { get; set; }

        [Input("securityContext")]
        public Input<PodSecurityContextArgs>? SecurityContext { get; set; }

        [Input("serviceAccountName")]
        public Input<string>? ServiceAccountName { get; set; }

        [Input("tolerations")]
        private InputList<TolerationArgs>? _tolerations;

        public InputList<TolerationArgs> Tolerations
        {
            get => _tolerations ??= new InputList<TolerationArgs>();
            set => _tolerations = value;
        }

        public PodSpecArgs()
        {
        }
    }

    public class ContainerArgs : global::Pulumi.ResourceArgs
    {
        [Input("env")]
        private InputList<EnvVarArgs>? _env;

        public InputList<EnvVarArgs> Env
        {
            get => _env ??= new InputList<EnvVarArgs>();
            set => _env = value;
        }

        [Input("image")]
        public Input<string>? Image { get; set; }

        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        [Input("resources")]
        public Input<ResourceRequirementsArgs>? Resources { get; set; }

        [Input("securityContext")]
        public Input<SecurityContextArgs>? SecurityContext { get; set; }

        public ContainerArgs()
        {
        }
    }

    public class EnvVarArgs : global::Pulumi.ResourceArgs
    {
        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        [Input("value")]
        public Input<string>? Value { get; set; }

        public EnvVarArgs()
        {
        }
    }

    public class ResourceRequirementsArgs : global::Pulumi.ResourceArgs
    {
        [Input("limits")]
        private InputMap<string>? _limits;

        public InputMap<string> Limits
        {
            get => _limits ??= new InputMap<string>();
            set => _limits = value;
        }

        [Input("requests")]
        private InputMap<string>? _requests;

        public InputMap<string> Requests
        {
            get => _requests ??= new InputMap<string>();
            set => _requests = value;
        }

        public ResourceRequirementsArgs()
        {
        }
    }

    public class SecurityContextArgs : global::Pulumi.ResourceArgs
    {
        [Input("allowPrivilegeEscalation")]
        public Input<bool>? AllowPrivilegeEscalation { get; set; }

        [Input("capabilities")]
        public Input<CapabilitiesArgs>? Capabilities { get; set; }

        [Input("readOnlyRootFilesystem")]
        public Input<bool>? ReadOnlyRootFilesystem { get; set; }

        public SecurityContextArgs()
        {
        }
    }

    public class CapabilitiesArgs : global::Pulumi.ResourceArgs
    {
        [Input("drop")]
        private InputList<string>? _drop;

        public InputList<string> Drop
        {
            get => _drop ??= new InputList<string>();
            set => _drop = value;
        }

        public CapabilitiesArgs()
        {
        }
    }

    public class PodSecurityContextArgs : global::Pulumi.ResourceArgs
    {
        [Input("runAsGroup")]
        public Input<int>? RunAsGroup { get; set; }

        [Input("runAsNonRoot")]
        public Input<bool>? RunAsNonRoot { get; set; }

        [Input("runAsUser")]
        public Input<int>? RunAsUser { get; set; }

        [Input("seccompProfile")]
        public Input<SeccompProfileArgs>? SeccompProfile { get; set; }

        public PodSecurityContextArgs()
        {
        }
    }

    public class SeccompProfileArgs : global::Pulumi.ResourceArgs
    {
        [Input("type", required: true)]
        public Input<string> Type { get; set; } = null!;

        public SeccompProfileArgs()
        {
        }
    }

    public class TolerationArgs : global::Pulumi.ResourceArgs
    {
        [Input("effect")]
        public Input<string>? Effect { get; set; }

        [Input("key")]
        public Input<string>? Key { get; set; }

        [Input("operator")]
        public Input<string>? Operator { get; set; }

        [Input("value")]
        public Input<string>? Value { get; set; }

        public TolerationArgs()
        {
        }
    }

}
