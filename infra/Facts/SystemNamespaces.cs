using System;
using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>
/// Kubernetes namespaces that belong to the cluster, not to the engine: BlinkInfra declares the
/// engine's namespace as its own (deleting the stack deletes it) and binds the Flink service account a
/// Role that edits pods and ConfigMaps there, so none of these may be it. Sources, read 2026-11-27:
/// Kubernetes, "Namespaces": default, kube-system, kube-public and kube-node-lease exist in every
/// cluster, and the kube- prefix is reserved for Kubernetes system namespaces; ACK runs its system
/// components in kube-system and the managed Prometheus add-on (ARMS) in arms-prom; the Flink
/// operator's own namespace (<see cref="FlinkDefaults.OperatorNamespace"/>) is the program's, with its
/// own service account and RRSA role. `default` is refused too: anything applied without a namespace
/// lands there, so a Role on it reaches workloads that are not the engine's.
/// </summary>
public static class SystemNamespaces
{
    public static readonly ImmutableArray<string> Names = ImmutableArray.Create(
        "default", "kube-system", "kube-public", "kube-node-lease", "arms-prom", FlinkDefaults.OperatorNamespace);

    /// <summary>Kubernetes reserves namespaces that start with it.</summary>
    public const string ReservedPrefix = "kube-";

    public static bool IsSystem(string name)
        => Names.Contains(name) || name.StartsWith(ReservedPrefix, StringComparison.Ordinal);
}
