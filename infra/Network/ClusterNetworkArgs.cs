using System.Collections.Generic;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.Vpc;

namespace BlinkInfra.Network;

/// <summary>What <see cref="ClusterNetwork"/> is built from; an existing VPC's id once <see cref="ExistingVpc.LookupAsync"/> checked it.</summary>
public sealed record ClusterNetworkArgs(NetworkSpec Spec, IReadOnlyDictionary<string, string> Tags, CheckedVpc? CheckedVpc = null);
