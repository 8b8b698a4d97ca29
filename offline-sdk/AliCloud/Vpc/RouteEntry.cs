// Mirrors sdk/dotnet/Vpc/RouteEntry.cs, GetRouteEntries.cs (the Task-returning InvokeAsync with
// GetRouteEntriesArgs) and Outputs/GetRouteEntriesEntryResult.cs of pulumi/pulumi-alicloud
// (Pulumi.AliCloud 3.105.0): only the members BlinkInfra uses.
using System.Collections.Immutable;
using System.Threading.Tasks;
using Pulumi;

namespace Pulumi.AliCloud.Vpc
{
    [AliCloudResourceType("alicloud:vpc/routeEntry:RouteEntry")]
    public partial class RouteEntry : global::Pulumi.CustomResource
    {
        public RouteEntry(string name, RouteEntryArgs args, CustomResourceOptions? options = null)
            : base("alicloud:vpc/routeEntry:RouteEntry", name, args ?? new RouteEntryArgs(), options)
        {
        }
    }

    public sealed class RouteEntryArgs : global::Pulumi.ResourceArgs
    {
        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("destinationCidrblock")]
        public Input<string>? DestinationCidrblock { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("nexthopId")]
        public Input<string>? NexthopId { get; set; }

        [Input("nexthopType")]
        public Input<string>? NexthopType { get; set; }

        [Input("routeTableId", required: true)]
        public Input<string> RouteTableId { get; set; } = null!;

        public RouteEntryArgs()
        {
        }
    }

    public static class GetRouteEntries
    {
        public static Task<GetRouteEntriesResult> InvokeAsync(GetRouteEntriesArgs args, InvokeOptions? options = null)
            => global::Pulumi.Deployment.Instance.InvokeAsync<GetRouteEntriesResult>("alicloud:vpc/getRouteEntries:getRouteEntries", args ?? new GetRouteEntriesArgs(), options);
    }

    public sealed class GetRouteEntriesArgs : global::Pulumi.InvokeArgs
    {
        [Input("cidrBlock")]
        public string? CidrBlock { get; set; }

        [Input("routeTableId", required: true)]
        public string RouteTableId { get; set; } = null!;

        public GetRouteEntriesArgs()
        {
        }
    }

    [OutputType]
    public sealed class GetRouteEntriesResult
    {
        public readonly ImmutableArray<Outputs.GetRouteEntriesEntryResult> Entries;

        [OutputConstructor]
        private GetRouteEntriesResult(ImmutableArray<Outputs.GetRouteEntriesEntryResult> entries)
        {
            Entries = entries;
        }
    }
}

namespace Pulumi.AliCloud.Vpc.Outputs
{
    [OutputType]
    public sealed class GetRouteEntriesEntryResult
    {
        public readonly string CidrBlock;
        public readonly string InstanceId;
        public readonly string NextHopType;

        [OutputConstructor]
        private GetRouteEntriesEntryResult(string cidrBlock, string instanceId, string nextHopType)
        {
            CidrBlock = cidrBlock;
            InstanceId = instanceId;
            NextHopType = nextHopType;
        }
    }
}
