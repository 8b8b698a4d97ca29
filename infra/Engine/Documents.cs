using System;
using System.Collections.Generic;
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
    /// One session cluster's state on the bucket, and nothing of any other session's or of the jobs' jars (issue 29.12): read
    /// and write under its own checkpoints/, savepoints/ and ha/ directories (<paramref name="session"/>, such as
    /// session-cpu); read on the savepoints its jobs start from (<paramref name="readPrefixes"/>, object keys); listing only
    /// of those prefixes and of the three parents; with the stack's KMS key (<paramref name="kmsKeyArn"/>), the use of it.
    /// How OSS takes prefixes and why the parents are listed: infra/Facts/OssAccess.cs (a session's first checkpoint
    /// directory lists "checkpoints/"). Listing a parent shows the names of the other sessions' directories, never their objects.
    /// No udf/: the operator downloads the jobs' jars with a role of its own (<see cref="JarRead"/>) and uploads them to the
    /// JobManager over REST, so a job cannot rewrite another job's code, which the operator would submit at its next upgrade.
    /// </summary>
    public static string SessionStateAccess(string bucket, string session, IEnumerable<string> readPrefixes, string? kmsKeyArn = null)
    {
        var own = FlinkDefaults.StatePrefixes.Select(prefix => FlinkDefaults.SessionStateKey(prefix, session)).ToList();
        var reads = readPrefixes.Select(key => key.TrimEnd('/')).Distinct(StringComparer.Ordinal).OrderBy(key => key, StringComparer.Ordinal).ToList();
        var statements = new List<JsonObject>
        {
            new()
            {
                ["Effect"] = "Allow",
                ["Action"] = Strings(OssAccess.ObjectReadWriteActions),
                ["Resource"] = Strings(own.Select(key => OssAccess.Objects(bucket, key))),
            },
            new()
            {
                ["Effect"] = "Allow",
                ["Action"] = Strings(OssAccess.ListObjects),
                ["Resource"] = Strings(OssAccess.Bucket(bucket)),
                ["Condition"] = new JsonObject
                {
                    [OssAccess.StringLike] = new JsonObject
                    {
                        [OssAccess.PrefixConditionKey] = Strings(FlinkDefaults.StatePrefixes.Concat(own.Select(key => key + "*")).Concat(reads.Select(key => key + "/*"))),
                    },
                },
            },
            new()
            {
                ["Effect"] = "Allow",
                ["Action"] = Strings(OssAccess.GetBucketInfo),
                ["Resource"] = Strings(OssAccess.Bucket(bucket)),
            },
        };
        if (reads.Count > 0)
        {
            // A savepoint to start from is a directory or its _metadata file: the key itself and what lies under it.
            statements.Add(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = Strings(OssAccess.GetObject),
                ["Resource"] = Strings(reads.SelectMany(key => new[] { $"acs:oss:*:*:{bucket}/{key}", $"acs:oss:*:*:{bucket}/{key}/*" })),
            });
        }
        return Policy(statements, kmsKeyArn, Encryption.ObjectKeyActions);
    }

    /// <summary>
    /// What the checkpoint cleaner may do (issue 29.13): list, and delete objects, under the checkpoint directories of the
    /// session clusters it cleans (<paramref name="sessions"/>), nothing else: no read of any object, no write.
    /// </summary>
    public static string CheckpointCleanup(string bucket, IEnumerable<string> sessions)
    {
        var keys = sessions.Select(session => FlinkDefaults.SessionStateKey(FlinkDefaults.CheckpointsPrefix, session)).ToList();
        return Policy(new List<JsonObject>
        {
            new()
            {
                ["Effect"] = "Allow",
                ["Action"] = Strings(OssAccess.DeleteObject),
                ["Resource"] = Strings(keys.Select(key => OssAccess.Objects(bucket, key))),
            },
            new()
            {
                ["Effect"] = "Allow",
                ["Action"] = Strings(OssAccess.ListObjects),
                ["Resource"] = Strings(OssAccess.Bucket(bucket)),
                ["Condition"] = new JsonObject { [OssAccess.StringLike] = new JsonObject { [OssAccess.PrefixConditionKey] = Strings(keys.Select(key => key + "*")) } },
            },
        }, null, ImmutableArray<string>.Empty);
    }

    private static JsonArray Strings(params string[] values) => Strings((IEnumerable<string>)values);

    private static JsonArray Strings(ImmutableArray<string> values) => Strings((IEnumerable<string>)values);

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode?)value).ToArray());

    /// <summary>
    /// A policy of OSS statements and, for a bucket encrypted with a KMS key, one more that lets the role use that key alone:
    /// OSS asks KMS for a data key on upload and to decrypt it on download, as the caller (infra/Facts/Encryption.cs
    /// ObjectKeyActions, ObjectReadKeyActions).
    /// </summary>
    private static string Policy(JsonObject ossStatement, string? kmsKeyArn, ImmutableArray<string> keyActions)
        => Policy(new List<JsonObject> { ossStatement }, kmsKeyArn, keyActions);

    private static string Policy(List<JsonObject> ossStatements, string? kmsKeyArn, ImmutableArray<string> keyActions)
    {
        var statements = new JsonArray(ossStatements.Select(statement => (JsonNode?)statement).ToArray());
        if (kmsKeyArn != null)
        {
            statements.Add(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = Strings(keyActions),
                ["Resource"] = new JsonArray(kmsKeyArn),
            });
        }
        return new JsonObject { ["Version"] = "1", ["Statement"] = statements }.ToJsonString(Compact);
    }
}
