// Mirrors sdk/dotnet/Log/Project.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Log
{
    [AliCloudResourceType("alicloud:log/project:Project")]
    public partial class Project : global::Pulumi.CustomResource
    {
        [Output("projectName")]
        public Output<string> ProjectName { get; private set; } = null!;

        public Project(string name, ProjectArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:log/project:Project", name, args ?? new ProjectArgs(), options)
        {
        }
    }

    public sealed class ProjectArgs : global::Pulumi.ResourceArgs
    {
        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("projectName")]
        public Input<string>? ProjectName { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        public ProjectArgs()
        {
        }
    }
}
