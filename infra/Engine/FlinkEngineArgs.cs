using System.Collections.Generic;
using System.Collections.Immutable;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.CS.Outputs;

namespace BlinkInfra.Engine;

/// <summary>What <see cref="FlinkEngine"/> is built from.</summary>
public sealed record FlinkEngineArgs(
    EngineSpec Spec,
    ComputeSpec Compute,
    DataAccessSpec DataAccess,
    string Region,
    Output<string> KubeConfig,
    Output<ManagedKubernetesRrsaMetadata> Rrsa,
    ImmutableArray<Resource> NodePools,
    ImmutableArray<Resource> InternetEgressReady,
    EndpointCredentials? EndpointCredentials,
    IReadOnlyDictionary<string, string> Tags,
    Input<string>? KmsKeyId = null,
    Output<string>? KmsKeyArn = null);
