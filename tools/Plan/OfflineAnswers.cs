using System.Collections.Generic;
using BlinkInfra.Config;
using Pulumi.Testing;

namespace BlinkInfra.Plan;

/// <summary>
/// What a plan assumes the cloud would answer to the program's lookups: what the spec states. An
/// existing VPC is taken to exist with the CIDR block the spec gives; a cluster's credentials are a
/// reference (and a secret). `pulumi preview` asks the cloud.
/// </summary>
public static class OfflineAnswers
{
    public static object? Answer(StackSpec spec, MockCallArgs call)
    {
        if (call.Token == Engine.ClusterAccess.CredentialToken && call.Args.TryGetValue("clusterId", out var clusterId))
            return new Dictionary<string, object> { ["kubeConfig"] = $"${{kubeconfig of {clusterId}}}" };
        if (call.Token == Network.ExistingVpc.LookupToken && spec.Network.ExistingVpcId is { } vpcId)
        {
            return new Dictionary<string, object>
            {
                ["vpcs"] = new object[]
                {
                    new Dictionary<string, object> { ["id"] = vpcId, ["cidrBlock"] = spec.Network.VpcCidrBlock.ToString() },
                },
            };
        }
        return null;
    }
}
