using System.Collections.Generic;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.Kms;

namespace BlinkInfra.Security;

/// <summary>What <see cref="ClusterKey"/> is built from, set by name as Pulumi's own Args are.</summary>
public sealed class ClusterKeyArgs
{
    /// <summary>The key the spec asks for: an existing key's id, or the settings of the key to declare.</summary>
    public required KmsSpec Spec { get; init; }

    /// <summary>The stack's region, which the key's ARN names.</summary>
    public required string Region { get; init; }

    /// <summary>The stack's tags, on every resource that takes tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// The cluster's one KMS key, for its Kubernetes Secrets (ACK's Secrets encryption), its node pools' system and data
/// disks, and the state bucket (SSE-KMS): the key the stack names (keyId), or a symmetric key the stack declares.
/// Source: terraform-provider-alicloud v1.285.0, alicloud_kms_key (key_spec and key_usage ForceNew, so pinned here;
/// automatic_rotation and rotation_interval, pending_window_in_days, deletion_protection since 1.240.0 with its
/// description, status). Its replacement facts: infra/Facts/alicloud-replacement-inputs.json.
/// ACK stops serving Secrets when the key is disabled or deleted ("Use KMS to encrypt Kubernetes Secrets"): the key is
/// protected from deletion by Pulumi too, as the state bucket is. See <see cref="Encryption"/>.
/// </summary>
public sealed class ClusterKey : ComponentResource
{
    public const string TypeToken = "blink:security:ClusterKey";

    /// <summary>The key's id, which the cluster, the node pools and the bucket name.</summary>
    [Output("keyId")]
    public Output<string> KeyId { get; private set; }

    /// <summary>The key as RAM policies name it: its ARN in any account of the stack's region.</summary>
    [Output("keyArn")]
    public Output<string> KeyArn { get; private set; }

    public ClusterKey(string name, ClusterKeyArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var spec = args.Spec;
        if (spec.ExistingKeyId is { } existing)
        {
            KeyId = Output.Create(existing);
        }
        else
        {
            var keyArgs = new KeyArgs
            {
                Description = DerivedNames.KmsKeyDescription(name),
                KeySpec = Encryption.KeySpec,
                KeyUsage = Encryption.KeyUsage,
                Status = "Enabled",
                AutomaticRotation = Encryption.OnOff(spec.AutomaticRotation),
                PendingWindowInDays = spec.PendingWindowDays,
                DeletionProtection = Encryption.OnOff(spec.DeletionProtection),
                Tags = Tagging.ToInputMap(args.Tags),
            };
            if (spec.AutomaticRotation)
                keyArgs.RotationInterval = $"{spec.RotationIntervalDays}d";
            if (spec.DeletionProtection)
                keyArgs.DeletionProtectionDescription = DerivedNames.KmsKeyDeletionProtectionDescription(name);
            var key = new Key($"{name}-kms", keyArgs, new CustomResourceOptions { Parent = this, Protect = true });
            KeyId = key.Id;
        }
        KeyArn = KeyId.Apply(id => Encryption.KeyArn(args.Region, id));
        // Every [Output] property, under its name (ComponentResource.RegisterOutputs(), Pulumi 3.59 and later).
        RegisterOutputs();
    }
}
