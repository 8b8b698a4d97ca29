using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkInfra.Facts;

namespace BlinkInfra.Engine;

/// <summary>The RAM policy documents of the engine, as JSON text.</summary>
public static class Documents
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>
    /// Trust for RRSA: only one service account, through the cluster's OIDC provider, with tokens of that
    /// cluster's issuer for STS. Source: ACK, "Use RRSA to authorize pods to access different cloud
    /// services", and the policy `ack-ram-tool rrsa associate-role` writes
    /// (AliyunContainerService/ack-ram-tool): StringEquals on oidc:iss, oidc:aud and oidc:sub.
    /// </summary>
    public static string RrsaTrust(string oidcProviderArn, string issuerUrl, string @namespace, string serviceAccount)
        => new JsonObject
        {
            ["Version"] = "1",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Action"] = "sts:AssumeRole",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Federated"] = new JsonArray(oidcProviderArn) },
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject
                    {
                        ["oidc:iss"] = issuerUrl,
                        ["oidc:aud"] = "sts.aliyuncs.com",
                        ["oidc:sub"] = $"system:serviceaccount:{@namespace}:{serviceAccount}",
                    },
                },
            }),
        }.ToJsonString(Compact);

    /// <summary>Read-only on the bucket's job jars: what the operator needs to submit session jobs.</summary>
    public static string JarRead(string bucket)
        => new JsonObject
        {
            ["Version"] = "1",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("oss:GetObject"),
                ["Resource"] = new JsonArray($"acs:oss:*:*:{bucket}/{FlinkDefaults.UdfPrefix}*"),
            }),
        }.ToJsonString(Compact);

    /// <summary>Least privilege on the state bucket: its objects and listing, no other bucket.</summary>
    public static string BucketAccess(string bucket)
        => new JsonObject
        {
            ["Version"] = "1",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:ListObjects", "oss:GetBucketInfo", "oss:AbortMultipartUpload", "oss:ListParts"),
                ["Resource"] = new JsonArray($"acs:oss:*:*:{bucket}", $"acs:oss:*:*:{bucket}/*"),
            }),
        }.ToJsonString(Compact);
}
