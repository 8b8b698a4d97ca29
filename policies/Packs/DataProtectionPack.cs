using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-data-protection: the state bucket, and secrets kept secret.</summary>
public static class DataProtectionPack
{
    private const string Bucket = "alicloud:oss/bucket:Bucket";

    /// <summary>Input keys that hold credentials; their values must be Pulumi secrets.</summary>
    private static readonly string[] SecretishKeys = { "password", "secretKey", "accessKey", "securityToken", "kubeconfig", "privateKey", "token" };

    public static readonly PolicyPack Pack = new("blink-data-protection", "1.0.0", ImmutableArray.Create<Policy>(
        new ResourcePolicy("state-bucket-locked-down", "The state bucket is private, encrypted and versioned.", EnforcementLevel.Mandatory,
            ImmutableArray.Create(Bucket), (bucket, _) =>
            {
                var problems = new List<string>();
                if (bucket.Text("acl") != "private")
                    problems.Add($"acl {bucket.Text("acl") ?? "(none)"}; allowed: private");
                if (bucket.At("serverSideEncryptionRule", "sseAlgorithm") is null)
                    problems.Add("no server-side encryption; allowed: serverSideEncryptionRule with AES256 or KMS");
                if (bucket.At("versioning", "status")?.GetValue<string>() != "Enabled")
                    problems.Add("versioning is off; allowed: versioning Enabled");
                return problems;
            }),

        new ResourcePolicy("state-bucket-protected", "The state bucket is protected from deletion by Pulumi.", EnforcementLevel.Mandatory,
            ImmutableArray.Create(Bucket), (bucket, _) =>
                bucket.Protect ? Array.Empty<string>() : new[] { "the bucket is not protected; allowed: protect: true" }),

        new StackPolicy("no-plaintext-secrets", "No credential travels as plain text in an input.", EnforcementLevel.Mandatory, input =>
            input.Resources.SelectMany(resource => PlainSecrets(resource.Inputs, "")
                .Select(path => ((PlannedResource?)resource, $"input {path} holds a credential in plain text; allowed: a Pulumi secret"))))));

    private static IEnumerable<string> PlainSecrets(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    var secretish = SecretishKeys.Any(s => key.EndsWith(s, StringComparison.OrdinalIgnoreCase));
                    if (secretish && value is JsonValue plain && plain.TryGetValue<string>(out var text) && text != StackPlan.SecretMask)
                        yield return childPath;
                    else if (key == "stringData" && value is JsonObject data && data.Any(kv => kv.Value is not JsonValue v || !v.TryGetValue<string>(out var s) || s != StackPlan.SecretMask))
                        yield return childPath;
                    else
                        foreach (var nested in PlainSecrets(value, childPath))
                            yield return nested;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    foreach (var nested in PlainSecrets(array[i], $"{path}[{i}]"))
                        yield return nested;
                break;
        }
    }
}
