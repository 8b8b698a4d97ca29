// Mirrors sdk/dotnet/Oss/BucketAcl.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Oss
{
    [AliCloudResourceType("alicloud:oss/bucketAcl:BucketAcl")]
    public partial class BucketAcl : global::Pulumi.CustomResource
    {
        public BucketAcl(string name, BucketAclArgs args, CustomResourceOptions? options = null)
            : base("alicloud:oss/bucketAcl:BucketAcl", name, args ?? new BucketAclArgs(), options)
        {
        }
    }

    public sealed class BucketAclArgs : global::Pulumi.ResourceArgs
    {
        [Input("acl", required: true)]
        public Input<string> Acl { get; set; } = null!;

        [Input("bucket", required: true)]
        public Input<string> Bucket { get; set; } = null!;

        public BucketAclArgs()
        {
        }
    }
}
