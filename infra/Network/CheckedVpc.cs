using Pulumi;
using Pulumi.AliCloud.Vpc;

namespace BlinkInfra.Network;

/// <summary>A VPC the stack did not create, once looked up: its id and its system route table.</summary>
public sealed record CheckedVpc(string Id, string RouteTableId);
