// Mirrors sdk/dotnet/CloudFirewall/NatFirewall.cs, NatFirewallControlPolicy.cs and
// sdk/dotnet/CloudFirewall/Inputs/NatFirewallNatRouteEntryListArgs.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.CloudFirewall
{
    [AliCloudResourceType("alicloud:cloudfirewall/natFirewall:NatFirewall")]
    public partial class NatFirewall : global::Pulumi.CustomResource
    {
        public NatFirewall(string name, NatFirewallArgs args, CustomResourceOptions? options = null)
            : base("alicloud:cloudfirewall/natFirewall:NatFirewall", name, args ?? new NatFirewallArgs(), options)
        {
        }
    }

    public sealed class NatFirewallArgs : global::Pulumi.ResourceArgs
    {
        [Input("firewallSwitch")]
        public Input<string>? FirewallSwitch { get; set; }

        [Input("natGatewayId", required: true)]
        public Input<string> NatGatewayId { get; set; } = null!;

        [Input("natRouteEntryLists", required: true)]
        private InputList<Inputs.NatFirewallNatRouteEntryListArgs>? _natRouteEntryLists;

        public InputList<Inputs.NatFirewallNatRouteEntryListArgs> NatRouteEntryLists
        {
            get => _natRouteEntryLists ??= new InputList<Inputs.NatFirewallNatRouteEntryListArgs>();
            set => _natRouteEntryLists = value;
        }

        [Input("proxyName", required: true)]
        public Input<string> ProxyName { get; set; } = null!;

        [Input("regionNo", required: true)]
        public Input<string> RegionNo { get; set; } = null!;

        [Input("vpcId", required: true)]
        public Input<string> VpcId { get; set; } = null!;

        [Input("vswitchAuto")]
        public Input<string>? VswitchAuto { get; set; }

        [Input("vswitchCidr")]
        public Input<string>? VswitchCidr { get; set; }

        public NatFirewallArgs()
        {
        }
    }

    [AliCloudResourceType("alicloud:cloudfirewall/natFirewallControlPolicy:NatFirewallControlPolicy")]
    public partial class NatFirewallControlPolicy : global::Pulumi.CustomResource
    {
        public NatFirewallControlPolicy(string name, NatFirewallControlPolicyArgs args, CustomResourceOptions? options = null)
            : base("alicloud:cloudfirewall/natFirewallControlPolicy:NatFirewallControlPolicy", name, args ?? new NatFirewallControlPolicyArgs(), options)
        {
        }
    }

    public sealed class NatFirewallControlPolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("aclAction", required: true)]
        public Input<string> AclAction { get; set; } = null!;

        [Input("applicationNameLists", required: true)]
        private InputList<string>? _applicationNameLists;

        public InputList<string> ApplicationNameLists
        {
            get => _applicationNameLists ??= new InputList<string>();
            set => _applicationNameLists = value;
        }

        [Input("description", required: true)]
        public Input<string> Description { get; set; } = null!;

        [Input("destPort")]
        public Input<string>? DestPort { get; set; }

        [Input("destPortType")]
        public Input<string>? DestPortType { get; set; }

        [Input("destination", required: true)]
        public Input<string> Destination { get; set; } = null!;

        [Input("destinationType", required: true)]
        public Input<string> DestinationType { get; set; } = null!;

        [Input("direction", required: true)]
        public Input<string> Direction { get; set; } = null!;

        [Input("domainResolveType")]
        public Input<int>? DomainResolveType { get; set; }

        [Input("ipVersion")]
        public Input<string>? IpVersion { get; set; }

        [Input("natGatewayId", required: true)]
        public Input<string> NatGatewayId { get; set; } = null!;

        [Input("newOrder")]
        public Input<string>? NewOrder { get; set; }

        [Input("proto", required: true)]
        public Input<string> Proto { get; set; } = null!;

        [Input("release")]
        public Input<string>? Release { get; set; }

        [Input("source", required: true)]
        public Input<string> Source { get; set; } = null!;

        [Input("sourceType", required: true)]
        public Input<string> SourceType { get; set; } = null!;

        public NatFirewallControlPolicyArgs()
        {
        }
    }
}

namespace Pulumi.AliCloud.CloudFirewall.Inputs
{
    public sealed class NatFirewallNatRouteEntryListArgs : global::Pulumi.ResourceArgs
    {
        [Input("destinationCidr", required: true)]
        public Input<string> DestinationCidr { get; set; } = null!;

        [Input("nexthopId", required: true)]
        public Input<string> NexthopId { get; set; } = null!;

        [Input("nexthopType", required: true)]
        public Input<string> NexthopType { get; set; } = null!;

        [Input("routeTableId", required: true)]
        public Input<string> RouteTableId { get; set; } = null!;

        public NatFirewallNatRouteEntryListArgs()
        {
        }
    }
}
