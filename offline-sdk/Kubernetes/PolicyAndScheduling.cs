// Mirrors sdk/dotnet/Policy/V1/PodDisruptionBudget.cs and sdk/dotnet/Scheduling/V1/PriorityClass.cs, their args in
// sdk/dotnet/Types/Input/Policy/V1 and Scheduling/V1, and Meta/V1/LabelSelector.cs of pulumi/pulumi-kubernetes
// (Pulumi.Kubernetes 4.32.0): only the members BlinkInfra sets, each as the real listing has it (a budget's
// maxUnavailable is an InputUnion of an int and a percentage). Each resource sets its args' apiVersion and kind.
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Policy.V1;
using Pulumi.Kubernetes.Types.Inputs.Scheduling.V1;

namespace Pulumi.Kubernetes.Policy.V1
{
    [KubernetesResourceType("kubernetes:policy/v1:PodDisruptionBudget")]
    public partial class PodDisruptionBudget : KubernetesResource
    {
        public PodDisruptionBudget(string name, PodDisruptionBudgetArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes:policy/v1:PodDisruptionBudget", name, KubernetesArgs.Stamped(args ?? new PodDisruptionBudgetArgs(), a => { a.ApiVersion = "policy/v1"; a.Kind = "PodDisruptionBudget"; }), options)
        {
        }
    }
}

namespace Pulumi.Kubernetes.Scheduling.V1
{
    [KubernetesResourceType("kubernetes:scheduling.k8s.io/v1:PriorityClass")]
    public partial class PriorityClass : KubernetesResource
    {
        public PriorityClass(string name, PriorityClassArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes:scheduling.k8s.io/v1:PriorityClass", name, KubernetesArgs.Stamped(args ?? new PriorityClassArgs(), a => { a.ApiVersion = "scheduling.k8s.io/v1"; a.Kind = "PriorityClass"; }), options)
        {
        }
    }
}

namespace Pulumi.Kubernetes.Types.Inputs.Policy.V1
{
    using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

    public class PodDisruptionBudgetArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiVersion")]
        public Input<string>? ApiVersion { get; set; }

        [Input("kind")]
        public Input<string>? Kind { get; set; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        [Input("spec")]
        public Input<PodDisruptionBudgetSpecArgs>? Spec { get; set; }

        public PodDisruptionBudgetArgs()
        {
        }
    }

    public class PodDisruptionBudgetSpecArgs : global::Pulumi.ResourceArgs
    {
        [Input("maxUnavailable")]
        public InputUnion<int, string>? MaxUnavailable { get; set; }

        [Input("selector")]
        public Input<LabelSelectorArgs>? Selector { get; set; }

        public PodDisruptionBudgetSpecArgs()
        {
        }
    }

}

namespace Pulumi.Kubernetes.Types.Inputs.Scheduling.V1
{
    using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

    public class PriorityClassArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiVersion")]
        public Input<string>? ApiVersion { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("globalDefault")]
        public Input<bool>? GlobalDefault { get; set; }

        [Input("kind")]
        public Input<string>? Kind { get; set; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        [Input("preemptionPolicy")]
        public Input<string>? PreemptionPolicy { get; set; }

        [Input("value", required: true)]
        public Input<int> Value { get; set; } = null!;

        public PriorityClassArgs()
        {
        }
    }

}

namespace Pulumi.Kubernetes.Types.Inputs.Meta.V1
{
    public class LabelSelectorArgs : global::Pulumi.ResourceArgs
    {
        [Input("matchLabels")]
        private InputMap<string>? _matchLabels;

        public InputMap<string> MatchLabels
        {
            get => _matchLabels ??= new InputMap<string>();
            set => _matchLabels = value;
        }

        public LabelSelectorArgs()
        {
        }
    }

}
