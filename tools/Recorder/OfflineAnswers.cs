using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using Pulumi.Testing;

namespace BlinkInfra.Recorder;

/// <summary>
/// What a plan assumes the cloud would answer to the program's lookups: what the spec states. An
/// existing VPC (the cluster's or the tenant's) is taken to exist with the CIDR block the spec gives,
/// its route table a reference, without a default route; a cluster's credentials are a reference (and a
/// secret). `pulumi preview` asks the cloud.
/// </summary>
public static class OfflineAnswers
{
    public static object? Answer(StackSpec spec, MockCallArgs call)
    {
        if (call.Token == Engine.ClusterAccess.CredentialToken && call.Args.TryGetValue("clusterId", out var clusterId))
            return new Dictionary<string, object> { ["kubeConfig"] = $"${{kubeconfig of {clusterId}}}" };
        if (call.Token == Network.ExistingVpc.LookupToken && call.Args.TryGetValue("ids", out var ids)
            && ids is System.Collections.IEnumerable list && list.Cast<object>().FirstOrDefault() is string vpcId)
        {
            // The cluster's existing VPC or the tenant's, with the CIDR block the spec gives it.
            var cidrBlock = vpcId == spec.Network.ExistingVpcId ? spec.Network.VpcCidrBlock.ToString()
                : vpcId == spec.DataAccess.CrossAccount?.VpcId ? spec.DataAccess.CrossAccount.CidrBlock.ToString()
                : null;
            if (cidrBlock is null)
                return null;
            return new Dictionary<string, object>
            {
                ["vpcs"] = new object[]
                {
                    new Dictionary<string, object> { ["id"] = vpcId, ["cidrBlock"] = cidrBlock, ["routeTableId"] = $"${{routeTableId of {vpcId}}}" },
                },
            };
        }
        // An existing VPC's route table is taken to have no default route: the NAT gateway adds its own.
        if (call.Token == Network.DefaultRoute.LookupToken)
            return new Dictionary<string, object> { ["entries"] = System.Array.Empty<object>() };
        return null;
    }
}
