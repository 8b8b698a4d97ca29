// Mirrors sdk/dotnet/Oss/Bucket.cs and sdk/dotnet/Oss/Inputs/BucketServerSideEncryptionRuleArgs.cs and
// BucketVersioningArgs.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Oss
{
    [AliCloudResourceType("alicloud:oss/bucket:Bucket")]
    public partial class Bucket : global::Pulumi.CustomResource
    {
        public Bucket(string name, BucketArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:oss/bucket:Bucket", name, args ?? new BucketArgs(), options)
        {
        }
    }

    public sealed class BucketArgs : global::Pulumi.ResourceArgs
    {
        [Input("acl")]
        public Input<string>? Acl { get; set; }

        [Input("bucket")]
        public Input<string>? BucketName { get; set; }

        [Input("serverSideEncryptionRule")]
        public Input<Inputs.BucketServerSideEncryptionRuleArgs>? ServerSideEncryptionRule { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ??= new InputMap<string>();
            set => _tags = value;
        }

        [Input("versioning")]
        public Input<Inputs.BucketVersioningArgs>? Versioning { get; set; }

        public BucketArgs()
        {
        }
    }
}

namespace Pulumi.AliCloud.Oss.Inputs
{
    public sealed class BucketServerSideEncryptionRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("sseAlgorithm", required: true)]
        public Input<string> SseAlgorithm { get; set; } = null!;

        public BucketServerSideEncryptionRuleArgs()
        {
        }
    }

    public sealed class BucketVersioningArgs : global::Pulumi.ResourceArgs
    {
        [Input("status", required: true)]
        public Input<string> Status { get; set; } = null!;

        public BucketVersioningArgs()
        {
        }
    }
}
