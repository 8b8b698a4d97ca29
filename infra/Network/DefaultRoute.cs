using System;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.Vpc;

namespace BlinkInfra.Network;

/// <summary>
/// Internet egress in a VPC the stack did not create: an enhanced NAT gateway adds the route
/// 0.0.0.0/0 to itself to the VPC's system route table when it is created ("After you create an
/// enhanced Internet NAT gateway, a route entry is automatically added to the route table of the VPC.
/// The destination CIDR block of the route entry is 0.0.0.0/0 and the next hop is the NAT gateway":
/// VPC CreateNatGateway API), so the stack declares no route; the provider refuses a duplicate entry
/// (RouterEntryConflictDuplicated, terraform-provider-alicloud resource_alicloud_route_entry.go). A VPC
/// that already routes 0.0.0.0/0 elsewhere (a firewall, another NAT gateway) would keep sending the
/// cluster's traffic there, and the SNAT entries would carry nothing: such a stack is refused before
/// anything is declared.
/// </summary>
public static class DefaultRoute
{
    public const string LookupToken = "alicloud:vpc/getRouteEntries:getRouteEntries";
    public const string Destination = "0.0.0.0/0";

    /// <summary>
    /// Looks up the route table's default route (awaited before anything else is declared) and refuses
    /// one. A failed lookup stops the program as ExistingVpc's does: a RunException naming the key, the
    /// provider's words without gRPC's wrapper, rather than the runner's "unhandled exception" and stack trace.
    /// </summary>
    public static async Task CheckAbsentAsync(CheckedVpc vpc, ProviderResource provider)
    {
        GetRouteEntriesResult result;
        try
        {
            result = await GetRouteEntries.InvokeAsync(new GetRouteEntriesArgs { RouteTableId = vpc.RouteTableId, CidrBlock = Destination },
                new InvokeOptions { Provider = provider }).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not RunException)
        {
            throw new RunException($"{DiagnosticCatalogue.LookupFailed.Code}: {ConfigKeys.Section("network")}.vpcId = \"{vpc.Id}\": the routes of its route table {vpc.RouteTableId} could not be looked up " +
                $"(internetEgress.enabled is true: a default route there would take the NAT gateway's traffic): {LookupFailure.Reason(failure)}");
        }
        CheckAbsent(result, vpc);
    }

    /// <summary>Nothing when the route table has no default route; a RunException naming the key otherwise.</summary>
    public static void CheckAbsent(GetRouteEntriesResult result, CheckedVpc vpc)
    {
        if ((result.Entries.IsDefault ? null : result.Entries.FirstOrDefault(e => e.CidrBlock == Destination)) is not { } entry)
            return;
        throw new RunException($"{DiagnosticCatalogue.ExistingResourceMismatch.Code}: {ConfigKeys.Section("network")}.internetEgress.enabled = \"true\": VPC {vpc.Id} already routes {Destination} to {entry.NextHopType} {entry.InstanceId} " +
            $"(route table {vpc.RouteTableId}), so the NAT gateway's own default route would not be the one taken and its SNAT entries would carry nothing; " +
            $"allowed: a VPC without a default route, or internetEgress.enabled false (the cluster then uses the VPC's own way out)");
    }
}
