// Mirrors sdk/dotnet/Rbac/V1/Role.cs and RoleBinding.cs, and sdk/dotnet/Types/Input/Rbac/V1/Role.cs,
// RoleBinding.cs, PolicyRule.cs, Subject.cs and RoleRef.cs of pulumi/pulumi-kubernetes (Pulumi.Kubernetes 4.32.0).
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;

namespace Pulumi.Kubernetes.Rbac.V1
{
    [KubernetesResourceType("kubernetes:rbac.authorization.k8s.io/v1:Role")]
    public partial class Role : KubernetesResource
    {
        public Role(string name, RoleArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes:rbac.authorization.k8s.io/v1:Role", name, KubernetesArgs.Stamped(args ?? new RoleArgs(), a => { a.ApiVersion = "rbac.authorization.k8s.io/v1"; a.Kind = "Role"; }), options)
        {
        }
    }

    [KubernetesResourceType("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding")]
    public partial class RoleBinding : KubernetesResource
    {
        public RoleBinding(string name, RoleBindingArgs? args = null, CustomResourceOptions? options = null)
            : base("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", name, KubernetesArgs.Stamped(args ?? new RoleBindingArgs(), a => { a.ApiVersion = "rbac.authorization.k8s.io/v1"; a.Kind = "RoleBinding"; }), options)
        {
        }
    }
}

namespace Pulumi.Kubernetes.Types.Inputs.Rbac.V1
{
    using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

    public class RoleArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiVersion")]
        public Input<string>? ApiVersion { get; set; }

        [Input("kind")]
        public Input<string>? Kind { get; set; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        [Input("rules")]
        private InputList<PolicyRuleArgs>? _rules;

        public InputList<PolicyRuleArgs> Rules
        {
            get => _rules ??= new InputList<PolicyRuleArgs>();
            set => _rules = value;
        }

        public RoleArgs()
        {
        }
    }

    public class RoleBindingArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiVersion")]
        public Input<string>? ApiVersion { get; set; }

        [Input("kind")]
        public Input<string>? Kind { get; set; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        [Input("roleRef", required: true)]
        public Input<RoleRefArgs> RoleRef { get; set; } = null!;

        [Input("subjects")]
        private InputList<SubjectArgs>? _subjects;

        public InputList<SubjectArgs> Subjects
        {
            get => _subjects ??= new InputList<SubjectArgs>();
            set => _subjects = value;
        }

        public RoleBindingArgs()
        {
        }
    }

    public class PolicyRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiGroups")]
        private InputList<string>? _apiGroups;

        public InputList<string> ApiGroups
        {
            get => _apiGroups ??= new InputList<string>();
            set => _apiGroups = value;
        }

        [Input("resources")]
        private InputList<string>? _resources;

        public InputList<string> Resources
        {
            get => _resources ??= new InputList<string>();
            set => _resources = value;
        }

        [Input("verbs", required: true)]
        private InputList<string>? _verbs;

        public InputList<string> Verbs
        {
            get => _verbs ??= new InputList<string>();
            set => _verbs = value;
        }

        public PolicyRuleArgs()
        {
        }
    }

    public class RoleRefArgs : global::Pulumi.ResourceArgs
    {
        [Input("apiGroup")]
        public Input<string>? ApiGroup { get; set; }

        [Input("kind", required: true)]
        public Input<string> Kind { get; set; } = null!;

        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        public RoleRefArgs()
        {
        }
    }

    public class SubjectArgs : global::Pulumi.ResourceArgs
    {
        [Input("kind", required: true)]
        public Input<string> Kind { get; set; } = null!;

        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        [Input("namespace")]
        public Input<string>? Namespace { get; set; }

        public SubjectArgs()
        {
        }
    }
}
