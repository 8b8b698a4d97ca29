using System;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.Vpc;

namespace BlinkInfra.Network;

/// <summary>The checks an existing VPC given by id must pass.</summary>
public static class ExistingVpc
{
    public const string LookupToken = "alicloud:vpc/getNetworks:getNetworks";

    /// <summary>
    /// Looks the VPC up by id through <paramref name="provider"/> (the stack's, pinned to the spec's
    /// region; or the tenant's) and checks it: the VPC, or a RunException naming the key. The stack awaits
    /// this before declaring anything else, so a wrong VPC stops the run with that one message.
    /// <paramref name="keyPrefix"/> is the config section the VPC comes from ("blink-infra:network", or
    /// "blink-infra:dataAccess.crossAccount"), whose vpcId and cidrBlock the message names.
    /// </summary>
    /// <remarks>
    /// The Task-returning InvokeAsync (GetNetworksArgs), not Invoke: the result is awaited here, and a
    /// failed lookup reaches only this caller (an Output-returning invoke is an output the real SDK's
    /// runner reports on its own as well). With InvokeOptions.Provider the real SDK (Deployment_Invoke.cs)
    /// sends the provider's reference "urn::id": ProviderResource.RegisterAsync awaits the provider's URN
    /// and id, and newer sources first await the registrations already queued. So the provider, and only
    /// it, is registered before the lookup; without one the invoke would use the default provider, which
    /// is registered too and configured from alicloud:region instead of the spec's region.
    /// </remarks>
    public static async Task<CheckedVpc> LookupAsync(string vpcId, string specCidrBlock, ProviderResource provider, string keyPrefix)
    {
        GetNetworksResult result;
        try
        {
            result = await GetNetworks.InvokeAsync(new GetNetworksArgs { Ids = { vpcId } }, new InvokeOptions { Provider = provider }).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not RunException)
        {
            // The provider's refusal (credentials, a region it cannot reach) reaches the real runner as an
            // "unhandled exception" with a stack trace unless it is a RunException: one line, naming the
            // key, with the provider's words without gRPC's wrapper (LookupFailure).
            throw new RunException($"{DiagnosticCatalogue.LookupFailed.Code}: {keyPrefix}.vpcId = \"{vpcId}\": the VPC could not be looked up: {LookupFailure.Reason(failure)}");
        }
        return Check(result, vpcId, specCidrBlock, keyPrefix);
    }

    /// <summary>The VPC when the lookup found it with the CIDR block the spec gives; a RunException naming the key otherwise.</summary>
    public static CheckedVpc Check(GetNetworksResult result, string vpcId, string specCidrBlock, string keyPrefix)
    {
        var vpc = result.Vpcs.IsDefault ? null : result.Vpcs.FirstOrDefault(v => v.Id == vpcId);
        var where = keyPrefix.EndsWith("crossAccount", StringComparison.Ordinal) ? "the tenant's account in the stack's region" : "the stack's region";
        if (vpc is null)
            throw new RunException($"{DiagnosticCatalogue.ExistingResourceMismatch.Code}: {keyPrefix}.vpcId = \"{vpcId}\": no VPC with this id in {where}; allowed: the id of an existing VPC of that region");
        if (vpc.CidrBlock != specCidrBlock)
            throw new RunException($"{DiagnosticCatalogue.ExistingResourceMismatch.Code}: {keyPrefix}.cidrBlock = \"{specCidrBlock}\": VPC {vpcId} has {vpc.CidrBlock}; allowed: {vpc.CidrBlock}");
        return new CheckedVpc(vpc.Id, vpc.RouteTableId);
    }
}
