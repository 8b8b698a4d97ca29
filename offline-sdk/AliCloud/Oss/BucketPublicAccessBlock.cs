// Mirrors sdk/dotnet/Oss/BucketPublicAccessBlock.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Oss
{
    [AliCloudResourceType("alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock")]
    public partial class BucketPublicAccessBlock : global::Pulumi.CustomResource
    {
        public BucketPublicAccessBlock(string name, BucketPublicAccessBlockArgs args, CustomResourceOptions? options = null)
            : base("alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock", name, args ?? new BucketPublicAccessBlockArgs(), options)
        {
        }
    }

    public sealed class BucketPublicAccessBlockArgs : global::Pulumi.ResourceArgs
    {
        [Input("blockPublicAccess", required: true)]
        public Input<bool> BlockPublicAccess { get; set; } = null!;

        [Input("bucket", required: true)]
        public Input<string> Bucket { get; set; } = null!;

        public BucketPublicAccessBlockArgs()
        {
        }
    }
}
