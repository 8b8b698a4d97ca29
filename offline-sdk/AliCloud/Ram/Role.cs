// Mirrors sdk/dotnet/Ram/Role.cs, Policy.cs and RolePolicyAttachment.cs of pulumi/pulumi-alicloud
// (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Ram
{
    [AliCloudResourceType("alicloud:ram/role:Role")]
    public partial class Role : global::Pulumi.CustomResource
    {
        [Output("roleName")]
        public Output<string> RoleName { get; private set; } = null!;

        public Role(string name, RoleArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:ram/role:Role", name, args ?? new RoleArgs(), options)
        {
        }
    }

    public sealed class RoleArgs : global::Pulumi.ResourceArgs
    {
        [Input("assumeRolePolicyDocument")]
        public Input<string>? AssumeRolePolicyDocument { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("roleName")]
        public Input<string>? RoleName { get; set; }

        public RoleArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:ram/policy:Policy")]
    public partial class Policy : global::Pulumi.CustomResource
    {
        [Output("policyName")]
        public Output<string> PolicyName { get; private set; } = null!;

        public Policy(string name, PolicyArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:ram/policy:Policy", name, args ?? new PolicyArgs(), options)
        {
        }
    }

    public sealed class PolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("policyDocument")]
        public Input<string>? PolicyDocument { get; set; }

        [Input("policyName")]
        public Input<string>? PolicyName { get; set; }

        public PolicyArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:ram/rolePolicyAttachment:RolePolicyAttachment")]
    public partial class RolePolicyAttachment : global::Pulumi.CustomResource
    {
        public RolePolicyAttachment(string name, RolePolicyAttachmentArgs args, CustomResourceOptions? options = null)
            : base("alicloud:ram/rolePolicyAttachment:RolePolicyAttachment", name, args ?? new RolePolicyAttachmentArgs(), options)
        {
        }
    }

    public sealed class RolePolicyAttachmentArgs : global::Pulumi.ResourceArgs
    {
        [Input("policyName", required: true)]
        public Input<string> PolicyName { get; set; } = null!;

        [Input("policyType", required: true)]
        public Input<string> PolicyType { get; set; } = null!;

        [Input("roleName", required: true)]
        public Input<string> RoleName { get; set; } = null!;

        public RolePolicyAttachmentArgs()
        {
        }
    }
}
