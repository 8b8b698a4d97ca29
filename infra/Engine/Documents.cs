using System.Collections.Immutable;
using System.Linq;
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

    /// <summary>
    /// Read-only on the bucket's job jars: what the operator needs to submit session jobs; with the bucket encrypted
    /// by the stack's KMS key (<paramref name="kmsKeyArn"/>), the use of that key too.
    /// </summary>
    public static string JarRead(string bucket, string? kmsKeyArn = null)
        => Policy(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray("oss:GetObject"),
            ["Resource"] = new JsonArray($"acs:oss:*:*:{bucket}/{FlinkDefaults.UdfPrefix}*"),
        }, kmsKeyArn, Encryption.ObjectReadKeyActions);

    /// <summary>
    /// Least privilege on the state bucket: its objects and listing, no other bucket; with the bucket encrypted by the
    /// stack's KMS key (<paramref name="kmsKeyArn"/>), the use of that key too.
    /// </summary>
    public static string BucketAccess(string bucket, string? kmsKeyArn = null)
        => Policy(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray("oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:ListObjects", "oss:GetBucketInfo", "oss:AbortMultipartUpload", "oss:ListParts"),
            ["Resource"] = new JsonArray($"acs:oss:*:*:{bucket}", $"acs:oss:*:*:{bucket}/*"),
        }, kmsKeyArn, Encryption.ObjectKeyActions);

    /// <summary>
    /// A policy of one OSS statement and, for a bucket encrypted with a KMS key, a second one that lets the role use
    /// that key alone: OSS asks KMS for a data key on upload and to decrypt it on download, as the caller
    /// (infra/Facts/Encryption.cs ObjectKeyActions, ObjectReadKeyActions).
    /// </summary>
    private static string Policy(JsonObject ossStatement, string? kmsKeyArn, ImmutableArray<string> keyActions)
    {
        var statements = new JsonArray(ossStatement);
        if (kmsKeyArn != null)
        {
            statements.Add(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray(keyActions.Select(action => (JsonNode?)action).ToArray()),
                ["Resource"] = new JsonArray(kmsKeyArn),
            });
        }
        return new JsonObject { ["Version"] = "1", ["Statement"] = statements }.ToJsonString(Compact);
    }
}
