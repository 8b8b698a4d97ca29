// Mirrors sdk/dotnet/Ecs/EcsDeploymentSet.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Ecs
{
    [AliCloudResourceType("alicloud:ecs/ecsDeploymentSet:EcsDeploymentSet")]
    public partial class EcsDeploymentSet : global::Pulumi.CustomResource
    {
        public EcsDeploymentSet(string name, EcsDeploymentSetArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:ecs/ecsDeploymentSet:EcsDeploymentSet", name, args ?? new EcsDeploymentSetArgs(), options)
        {
        }
    }

    public sealed class EcsDeploymentSetArgs : global::Pulumi.ResourceArgs
    {
        [Input("deploymentSetName")]
        public Input<string>? DeploymentSetName { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("strategy")]
        public Input<string>? Strategy { get; set; }

        public EcsDeploymentSetArgs()
        {
        }
    }
}
