using System.Collections.Generic;
using System.Collections.Immutable;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.CS.Outputs;

namespace BlinkInfra.Engine;

/// <summary>What <see cref="FlinkEngine"/> is built from, set by name as Pulumi's own Args are.</summary>
public sealed class FlinkEngineArgs
{
    /// <summary>The engine section of the spec: the bucket, the operator, the session clusters' settings, the jobs.</summary>
    public required EngineSpec Spec { get; init; }

    /// <summary>The compute section of the spec: one session cluster (and RAM role) per worker pool.</summary>
    public required ComputeSpec Compute { get; init; }

    /// <summary>The data access section of the spec: the endpoints handed to jobs.</summary>
    public required DataAccessSpec DataAccess { get; init; }

    /// <summary>The stack's region: the OSS and STS endpoints in it that the Flink and operator pods reach.</summary>
    public required string Region { get; init; }

    /// <summary>The cluster's kubeconfig (a secret), which the engine's Kubernetes provider connects with.</summary>
    public required Output<string> KubeConfig { get; init; }

    /// <summary>The cluster's RRSA OIDC provider, which the RAM roles trust.</summary>
    public required Output<ManagedKubernetesRrsaMetadata> Rrsa { get; init; }

    /// <summary>What the engine's Kubernetes provider waits for: the node pools and the pod identity webhook.</summary>
    public required ImmutableArray<Resource> NodePools { get; init; }

    /// <summary>With internet egress, the SNAT entries the operator's release waits for (its images may come from the internet).</summary>
    public ImmutableArray<Resource> InternetEgressReady { get; init; } = ImmutableArray<Resource>.Empty;

    /// <summary>The endpoints' credentials (a Secret in the jobs' namespace); null without.</summary>
    public EndpointCredentials? EndpointCredentials { get; init; }

    /// <summary>The stack's tags, on every resource that takes tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>With KMS, the key the state bucket is encrypted with; null without.</summary>
    public Input<string>? KmsKeyId { get; init; }

    /// <summary>With KMS, the key's ARN, which the RAM policies name so the roles may use it; null without.</summary>
    public Output<string>? KmsKeyArn { get; init; }
}
