// Mirrors sdk/dotnet/Log/Store.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Log
{
    [AliCloudResourceType("alicloud:log/store:Store")]
    public partial class Store : global::Pulumi.CustomResource
    {
        [Output("logstoreName")]
        public Output<string> LogstoreName { get; private set; } = null!;

        public Store(string name, StoreArgs? args = null, CustomResourceOptions? options = null)
            : base("alicloud:log/store:Store", name, args ?? new StoreArgs(), options)
        {
        }
    }

    public sealed class StoreArgs : global::Pulumi.ResourceArgs
    {
        [Input("autoSplit")]
        public Input<bool>? AutoSplit { get; set; }

        [Input("logstoreName")]
        public Input<string>? LogstoreName { get; set; }

        [Input("maxSplitShardCount")]
        public Input<int>? MaxSplitShardCount { get; set; }

        [Input("projectName")]
        public Input<string>? ProjectName { get; set; }

        [Input("retentionPeriod")]
        public Input<int>? RetentionPeriod { get; set; }

        [Input("shardCount")]
        public Input<int>? ShardCount { get; set; }

        public StoreArgs()
        {
        }
    }
}
