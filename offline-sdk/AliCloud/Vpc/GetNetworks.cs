// Mirrors sdk/dotnet/Vpc/GetNetworks.cs (both the Task-returning InvokeAsync with GetNetworksArgs and the
// Output-returning Invoke with GetNetworksInvokeArgs) and sdk/dotnet/Vpc/Outputs/GetNetworksVpcResult.cs of
// pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0): the alicloud:vpc/getNetworks:getNetworks invoke.
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Pulumi;

namespace Pulumi.AliCloud.Vpc
{
    public static class GetNetworks
    {
        public static Task<GetNetworksResult> InvokeAsync(GetNetworksArgs? args = null, InvokeOptions? options = null)
            => global::Pulumi.Deployment.Instance.InvokeAsync<GetNetworksResult>("alicloud:vpc/getNetworks:getNetworks", args ?? new GetNetworksArgs(), options);

        public static Output<GetNetworksResult> Invoke(GetNetworksInvokeArgs? args = null, InvokeOptions? options = null)
            => global::Pulumi.Deployment.Instance.Invoke<GetNetworksResult>("alicloud:vpc/getNetworks:getNetworks", args ?? new GetNetworksInvokeArgs(), options);
    }

    public sealed class GetNetworksArgs : global::Pulumi.InvokeArgs
    {
        [Input("ids")]
        private List<string>? _ids;

        public List<string> Ids
        {
            get => _ids ??= new List<string>();
            set => _ids = value;
        }

        public GetNetworksArgs()
        {
        }
    }

    public sealed class GetNetworksInvokeArgs : global::Pulumi.InvokeArgs
    {
        [Input("ids")]
        private InputList<string>? _ids;

        public InputList<string> Ids
        {
            get => _ids ??= new InputList<string>();
            set => _ids = value;
        }

        public GetNetworksInvokeArgs()
        {
        }
    }

    [OutputType]
    public sealed class GetNetworksResult
    {
        public readonly ImmutableArray<Outputs.GetNetworksVpcResult> Vpcs;

        [OutputConstructor]
        private GetNetworksResult(ImmutableArray<Outputs.GetNetworksVpcResult> vpcs)
        {
            Vpcs = vpcs;
        }
    }
}

namespace Pulumi.AliCloud.Vpc.Outputs
{
    [OutputType]
    public sealed class GetNetworksVpcResult
    {
        public readonly string CidrBlock;
        public readonly string Id;
        public readonly string RouteTableId;

        [OutputConstructor]
        private GetNetworksVpcResult(string cidrBlock, string id, string routeTableId)
        {
            CidrBlock = cidrBlock;
            Id = id;
            RouteTableId = routeTableId;
        }
    }
}
