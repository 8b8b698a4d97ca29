using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;

namespace BlinkInfra.Facts;

/// <summary>
/// The inputs whose change the provider cannot apply in place, so the resource is replaced, by type
/// token. AliCloud: alicloud-replacement-inputs.json beside this file, taken from
/// terraform-provider-alicloud 1.285.0 (which Pulumi.AliCloud 3.105.0 wraps), its "source" field
/// naming the commit. Kubernetes: pulumi/pulumi-kubernetes provider/pkg/provider/diff.go
/// (forceNewProperties: every object's metadata.name and metadata.namespace, plus per kind the
/// fields listed below for the kinds this program declares) and helm_release.go (a release's name
/// and namespace). Read again 2026-12-05: batch/v1 CronJob, policy/v1 PodDisruptionBudget (only v1beta1's spec is in
/// the table) and scheduling.k8s.io/v1 PriorityClass have no fields of their own there, so name and namespace alone
/// replace them; a PriorityClass's value the API server refuses to change (immutable), so the program never changes
/// one's value under the same name.
/// </summary>
public static class ReplacementInputs
{
    private static readonly Lazy<ImmutableDictionary<string, ImmutableArray<string>>> Table = new(Load);

    /// <summary>Per Kubernetes kind, beyond the object's name and namespace (pulumi-kubernetes diff.go).</summary>
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> KubernetesKinds = new Dictionary<string, ImmutableArray<string>>
    {
        ["kubernetes:core/v1:ConfigMap"] = ImmutableArray.Create("binaryData", "data"),
        ["kubernetes:core/v1:Secret"] = ImmutableArray.Create("type", "stringData", "data"),
        ["kubernetes:rbac.authorization.k8s.io/v1:RoleBinding"] = ImmutableArray.Create("roleRef"),
        ["kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"] = ImmutableArray.Create("roleRef"),
    }.ToImmutableDictionary();

    private static readonly ImmutableArray<string> KubernetesObject = ImmutableArray.Create("metadata.name", "metadata.namespace");

    private static readonly ImmutableArray<string> HelmRelease = ImmutableArray.Create("name", "namespace");

    public static string Source { get; private set; } = "";

    /// <summary>The input paths ("cidrBlock", "dataDisks.size") of a type that force replacement.</summary>
    public static ImmutableArray<string> Of(string type)
    {
        if (Table.Value.TryGetValue(type, out var paths))
            return paths;
        if (type.StartsWith("kubernetes:helm.sh/", StringComparison.Ordinal))
            return HelmRelease;
        if (type.StartsWith("kubernetes:", StringComparison.Ordinal))
            return KubernetesKinds.TryGetValue(type, out var fields) ? KubernetesObject.AddRange(fields) : KubernetesObject;
        return ImmutableArray<string>.Empty;
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> Load()
    {
        using var stream = typeof(ReplacementInputs).Assembly.GetManifestResourceStream("BlinkInfra.alicloud-replacement-inputs.json")
            ?? throw new InvalidOperationException("the replacement table is not embedded in the program");
        var root = JsonNode.Parse(stream)!;
        Source = root["source"]?.GetValue<string>() ?? "";
        return root["resources"]!.AsObject().ToImmutableDictionary(
            kv => kv.Key,
            kv => kv.Value!["replaceOnChange"]!.AsArray().Select(p => p!.GetValue<string>()).ToImmutableArray());
    }
}
