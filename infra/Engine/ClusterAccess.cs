namespace BlinkInfra.Engine;

/// <summary>How the engine reaches the cluster's API server.</summary>
public static class ClusterAccess
{
    public const string CredentialToken = "alicloud:cs/getClusterCredential:getClusterCredential";
}
