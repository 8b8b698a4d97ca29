using System.Collections.Generic;
using BlinkInfra.Config;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.Ecs;

namespace BlinkInfra.Security;

/// <summary>What <see cref="BreakGlassAccess"/> is built from, set by name as Pulumi's own Args are.</summary>
public sealed class BreakGlassAccessArgs
{
    /// <summary>The key pair the spec names, with the public key to import when it gives one.</summary>
    public required BreakGlassSpec Spec { get; init; }

    /// <summary>The stack's tags, on every resource that takes tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// The key pair every node pool's machines accept for SSH when Kubernetes cannot be reached: an existing key pair by
/// name, or the stack's public key imported as one (the private key never leaves its owner). SSH reaches the nodes
/// only where the security groups let it in, and no rule lets the internet in (blink-isolation's
/// no-ingress-from-internet); the advisory break-glass-key-pair says which pools accept the key. Source:
/// terraform-provider-alicloud v1.285.0, alicloud_ecs_key_pair (key_pair_name, the deprecated key_name's successor;
/// public_key imports an existing public key) and alicloud_cs_kubernetes_node_pool (key_name: not ForceNew, applies
/// to nodes created afterwards).
/// </summary>
public sealed class BreakGlassAccess : ComponentResource
{
    public const string TypeToken = "blink:security:BreakGlassAccess";

    /// <summary>The key pair's name, which the node pools take as keyName.</summary>
    [Output("keyPairName")]
    public Output<string> KeyPairName { get; private set; }

    public BreakGlassAccess(string name, BreakGlassAccessArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        if (args.Spec.PublicKey is { } publicKey)
        {
            var keyPair = new EcsKeyPair($"{name}-break-glass", new EcsKeyPairArgs
            {
                KeyPairName = args.Spec.KeyPairName,
                PublicKey = publicKey,
                Tags = Tagging.ToInputMap(args.Tags),
            }, new CustomResourceOptions { Parent = this });
            KeyPairName = keyPair.KeyPairName;
        }
        else
        {
            KeyPairName = Output.Create(args.Spec.KeyPairName);
        }
        // Every [Output] property, under its name (ComponentResource.RegisterOutputs(), Pulumi 3.59 and later).
        RegisterOutputs();
    }
}
