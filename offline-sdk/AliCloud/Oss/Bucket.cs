// Mirrors sdk/dotnet/Oss/Bucket.cs and sdk/dotnet/Oss/Inputs/BucketServerSideEncryptionRuleArgs.cs,
// BucketVersioningArgs.cs, BucketLifecycleRuleArgs.cs, BucketLifecycleRuleAbortMultipartUploadArgs.cs,
// BucketLifecycleRuleExpirationArgs.cs and BucketLifecycleRuleNoncurrentVersionExpirationArgs.cs of
// pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Oss
{
    [AliCloudResourceType("alicloud:oss/bucket:Bucket")]
    public partial class Bucket : global::Pulumi.CustomResource
    {
        [Output("bucket")]
        public Output<string> BucketName { get; private set; } = null!;

        public Bucket(string name, BucketArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:oss/bucket:Bucket", name, args ?? new BucketArgs(), options)
        {
        }
    }

    public sealed class BucketArgs : global::Pulumi.ResourceArgs
    {
        [Input("bucket")]
        public Input<string>? BucketName { get; set; }

        [Input("lifecycleRules")]
        private InputList<Inputs.BucketLifecycleRuleArgs>? _lifecycleRules;

        public InputList<Inputs.BucketLifecycleRuleArgs> LifecycleRules
        {
            get => _lifecycleRules ??= new InputList<Inputs.BucketLifecycleRuleArgs>();
            set => _lifecycleRules = value;
        }

        [Input("redundancyType")]
        public Input<string>? RedundancyType { get; set; }

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
        [Input("kmsMasterKeyId")]
        public Input<string>? KmsMasterKeyId { get; set; }

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

    public sealed class BucketLifecycleRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("abortMultipartUploads")]
        private InputList<BucketLifecycleRuleAbortMultipartUploadArgs>? _abortMultipartUploads;

        public InputList<BucketLifecycleRuleAbortMultipartUploadArgs> AbortMultipartUploads
        {
            get => _abortMultipartUploads ??= new InputList<BucketLifecycleRuleAbortMultipartUploadArgs>();
            set => _abortMultipartUploads = value;
        }

        [Input("enabled", required: true)]
        public Input<bool> Enabled { get; set; } = null!;

        [Input("expirations")]
        private InputList<BucketLifecycleRuleExpirationArgs>? _expirations;

        public InputList<BucketLifecycleRuleExpirationArgs> Expirations
        {
            get => _expirations ??= new InputList<BucketLifecycleRuleExpirationArgs>();
            set => _expirations = value;
        }

        [Input("id")]
        public Input<string>? Id { get; set; }

        [Input("noncurrentVersionExpirations")]
        private InputList<BucketLifecycleRuleNoncurrentVersionExpirationArgs>? _noncurrentVersionExpirations;

        public InputList<BucketLifecycleRuleNoncurrentVersionExpirationArgs> NoncurrentVersionExpirations
        {
            get => _noncurrentVersionExpirations ??= new InputList<BucketLifecycleRuleNoncurrentVersionExpirationArgs>();
            set => _noncurrentVersionExpirations = value;
        }

        [Input("prefix")]
        public Input<string>? Prefix { get; set; }

        public BucketLifecycleRuleArgs()
        {
        }
    }

    public sealed class BucketLifecycleRuleAbortMultipartUploadArgs : global::Pulumi.ResourceArgs
    {
        [Input("days")]
        public Input<int>? Days { get; set; }

        public BucketLifecycleRuleAbortMultipartUploadArgs()
        {
        }
    }

    public sealed class BucketLifecycleRuleExpirationArgs : global::Pulumi.ResourceArgs
    {
        [Input("days")]
        public Input<int>? Days { get; set; }

        [Input("expiredObjectDeleteMarker")]
        public Input<bool>? ExpiredObjectDeleteMarker { get; set; }

        public BucketLifecycleRuleExpirationArgs()
        {
        }
    }

    public sealed class BucketLifecycleRuleNoncurrentVersionExpirationArgs : global::Pulumi.ResourceArgs
    {
        [Input("days", required: true)]
        public Input<int> Days { get; set; } = null!;

        public BucketLifecycleRuleNoncurrentVersionExpirationArgs()
        {
        }
    }
}
