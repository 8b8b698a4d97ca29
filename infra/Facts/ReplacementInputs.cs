using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlinkInfra.Facts;

/// <summary>
/// What a provider does with a changed input of one resource type: the input paths whose change
/// replaces the resource (a change at or under a path replaces; a nested path such as
/// "dataDisks.size" is walked through lists element by element), the inputs it applies only when the
/// resource is created (a later change is accepted and does nothing), the paths whose change a
/// DiffSuppressFunc may hide (then nothing happens), and the source's notes.
/// </summary>
public sealed record ResourceFacts(
    string Type,
    ImmutableArray<string> ReplaceOnChange,
    ImmutableArray<string> CreateOnly,
    ImmutableArray<string> Suppressible,
    string? Notes,
    string Source);

/// <summary>
/// The providers' own facts on replacement, carried whole from ../shared/alicloud-replacement-inputs.json
/// into infra/Facts/alicloud-replacement-inputs.json (read 2026-12-05; embedded in the program):
/// <list type="bullet">
/// <item>every resource type of Pulumi.AliCloud 3.105.0 (1,173), from the schema of the Terraform
/// provider it bridges, terraform-provider-alicloud v1.285.0: its ForceNew inputs at any depth
/// (`replaceOnChange`), inputs its docs say act only at create (`createOnly`, "Only works for
/// **Create** Operation"), and notes, among them where a DiffSuppressFunc can hide a change;</item>
/// <item>pulumi-kubernetes 4.32.0's rules (`kubernetes`): every object's metadata.name and namespace,
/// the kinds with more (roleRef, selectors, clusterIP, ConfigMap and Secret data), any other kind
/// (custom resources such as a FlinkDeployment) by its identity only, and a Helm release's name and
/// namespace.</item>
/// </list>
/// The file's own `source`, `createOnlySource` and `kubernetes.source` name the commits and files. The
/// notes that change what a diff must say are applied here (<see cref="ReplacePaths"/>,
/// <see cref="NamespaceDefaultsToDefault"/>, <see cref="ProviderDeletesFirst"/>); the rest are shown. Kinds with no
/// fields of their own in diff.go (batch/v1 CronJob, policy/v1 PodDisruptionBudget, scheduling.k8s.io/v1 PriorityClass,
/// read 2026-12-05) are replaced on their identity alone; a PriorityClass's value the API server refuses to change
/// (immutable), so the program never changes one's value under the same name.
/// </summary>
public static class ReplacementInputs
{
    private sealed record Table(
        ImmutableDictionary<string, ResourceFacts> AliCloud,
        ImmutableDictionary<string, ResourceFacts> Kubernetes,
        ResourceFacts AnyOtherKind,
        string Source,
        string CreateOnlySource,
        string KubernetesSource);

    private static readonly Lazy<Table> Facts = new(Load);

    public const string ConfigMapType = TypeTokens.Kubernetes.Core.V1.ConfigMap;
    public const string SecretType = TypeTokens.Kubernetes.Core.V1.Secret;
    public const string HelmReleaseType = TypeTokens.Kubernetes.Helm.V3.Release;

    /// <summary>Where the AliCloud facts come from (the file's `source`).</summary>
    public static string Source => Facts.Value.Source;

    /// <summary>Where the create-only lists come from (the file's `createOnlySource`).</summary>
    public static string CreateOnlySource => Facts.Value.CreateOnlySource;

    /// <summary>Where the Kubernetes facts come from (the file's `kubernetes.source`).</summary>
    public static string KubernetesSource => Facts.Value.KubernetesSource;

    /// <summary>The AliCloud resource types the facts cover.</summary>
    public static IEnumerable<string> AliCloudTypes => Facts.Value.AliCloud.Keys;

    /// <summary>
    /// The facts of a type, or null for one they do not cover (a component, a provider, a type of
    /// another package). Every Kubernetes kind is covered: a kind the table does not name by the
    /// `anyOtherKind` rule, a Helm release by its own.
    /// </summary>
    public static ResourceFacts? Find(string type)
    {
        var table = Facts.Value;
        if (table.AliCloud.TryGetValue(type, out var aliCloud))
            return aliCloud;
        if (table.Kubernetes.TryGetValue(type, out var kind))
            return kind;
        return IsKubernetesObject(type) ? table.AnyOtherKind with { Type = type } : null;
    }

    /// <summary>The input paths ("cidrBlock", "dataDisks.size") of a type whose change replaces it; none for a type the facts do not cover.</summary>
    public static ImmutableArray<string> Of(string type) => Find(type)?.ReplaceOnChange ?? ImmutableArray<string>.Empty;

    /// <summary>The inputs of a type the provider applies only at create; none for a type the facts do not cover.</summary>
    public static ImmutableArray<string> CreateOnlyOf(string type) => Find(type)?.CreateOnly ?? ImmutableArray<string>.Empty;

    /// <summary>
    /// The paths whose change replaces this resource, given its inputs and its provider's: a ConfigMap's
    /// data and binaryData update in place under a provider with enableConfigMapMutable, a Secret's data
    /// and stringData under enableSecretMutable, unless the object is immutable; a cluster-scoped kind's
    /// namespace counts for nothing (pulumi-kubernetes diff.go forceNewProperties, provider.go Diff).
    /// </summary>
    public static ImmutableArray<string> ReplacePaths(string type, JsonObject? inputs, JsonObject? providerInputs)
    {
        var paths = Of(type);
        bool Mutable(string flag) => IsTrue(providerInputs?[flag]) && !IsTrue(inputs?["immutable"]);
        if (type == ConfigMapType && Mutable("enableConfigMapMutable"))
            paths = paths.RemoveAll(p => p is "data" or "binaryData");
        else if (type == SecretType && Mutable("enableSecretMutable"))
            paths = paths.RemoveAll(p => p is "data" or "stringData");
        if (IsKubernetesObject(type) && !NamespaceDefaultsToDefault(type))
            paths = paths.Remove("metadata.namespace");
        return paths;
    }

    /// <summary>
    /// Whether a Kubernetes object of this kind is namespaced, so that an unset metadata.namespace counts
    /// as "default" (provider.go Diff). Cluster-scoped: the kinds the facts' notes say are, and kinds
    /// named Cluster* (ClusterRole, ClusterRoleBinding, ClusterAliyunPipelineConfig), which Kubernetes
    /// and the CRDs this program installs declare cluster-scoped.
    /// </summary>
    public static bool NamespaceDefaultsToDefault(string type)
    {
        if (!IsKubernetesObject(type))
            return false;
        var facts = Find(type);
        if (facts?.Notes?.Contains("Cluster-scoped", StringComparison.Ordinal) == true)
            return false;
        var kind = type[(type.LastIndexOf(':') + 1)..];
        return !(kind == "Namespace" || kind.StartsWith("Cluster", StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether the provider itself deletes the old object before creating its replacement: a Kubernetes
    /// object (not a Helm release, whose DeleteBeforeReplace is false) replaced while it keeps a name set
    /// by hand and its namespace (the facts' `kubernetes.source`: provider.go Diff), since the API server
    /// cannot hold two objects of one name.
    /// </summary>
    public static bool ProviderDeletesFirst(string type, JsonObject? oldInputs, JsonObject? newInputs)
    {
        if (!IsKubernetesObject(type) || type == HelmReleaseType)
            return false;
        var oldMetadata = oldInputs?["metadata"] as JsonObject;
        var newMetadata = newInputs?["metadata"] as JsonObject;
        if (newMetadata?["name"] is not JsonValue name || !JsonNode.DeepEquals(oldMetadata?["name"], name))
            return false;
        string? Namespace(JsonObject? metadata)
            => metadata?["namespace"]?.GetValue<string>() ?? (NamespaceDefaultsToDefault(type) ? "default" : null);
        return Namespace(oldMetadata) == Namespace(newMetadata);
    }

    public const string SecurityGroupRuleType = TypeTokens.AliCloud.Ecs.SecurityGroupRule;

    public const string KubernetesProviderType = TypeTokens.Kubernetes.Provider;

    /// <summary>
    /// Whether a provider is replaced when this input of its configuration is unknown until apply: the
    /// Kubernetes provider cannot tell whether a computed kubeconfig, context or cluster points at another
    /// cluster, and replaces itself (pulumi-kubernetes v4.32.0 provider.go DiffConfig: "we make the
    /// conservative choice and force a replacement"), and with it every object it manages (the engine
    /// replaces a resource whose provider reference changed: step_generator.go). The facts file does not
    /// cover providers' configuration; this is read from the provider's own source, 2026-12-05.
    /// </summary>
    public static bool ReplacesWhenUnknown(string type, string key)
        => type == KubernetesProviderType && key is "kubeconfig" or "context" or "cluster";

    /// <summary>
    /// Whether the provider's DiffSuppressFunc hides a change of this input (then nothing happens: no
    /// replacement, no update): true or false where the facts' notes say when (a security group rule's
    /// portRange, prefixListId and ipv6CidrIp, hand-checked in the notes), null where they only say that it
    /// can, so the diff must still say replace.
    /// </summary>
    public static bool? Suppresses(string type, string key, JsonObject oldInputs, JsonObject newInputs)
    {
        if (Find(type) is not { } facts || !facts.Suppressible.Contains(key))
            return false;
        if (type != SecurityGroupRuleType)
            return null;
        string? Text(JsonObject inputs, string name) => inputs[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        switch (key)
        {
            case "portRange":
                // Ignored for tcp and udp when the new range is -1/-1, and for other protocols unless it is.
                var all = Text(newInputs, "portRange") == "-1/-1";
                return Text(newInputs, "ipProtocol") is "tcp" or "udp" ? all : !all;
            case "prefixListId":
                return new[] { "cidrIp", "ipv6CidrIp", "sourceSecurityGroupId" }.Any(k => !string.IsNullOrEmpty(Text(newInputs, k)));
            case "ipv6CidrIp":
                // Compared in the compressed form: the same network written another way is no change.
                return Text(oldInputs, key) is { } before && Text(newInputs, key) is { } after
                       && System.Net.IPNetwork.TryParse(before, out var b) && System.Net.IPNetwork.TryParse(after, out var a) && a.Equals(b);
            default:
                return null;
        }
    }

    /// <summary>A Kubernetes object's type token (kubernetes:group/version:Kind), a Helm release included, its provider not.</summary>
    public static bool IsKubernetesObject(string type)
        => type.StartsWith("kubernetes:", StringComparison.Ordinal) && type.Count(c => c == ':') == 2;

    private static bool IsTrue(JsonNode? node)
        => node is JsonValue value && ((value.TryGetValue<bool>(out var b) && b) || (value.TryGetValue<string>(out var s) && s == "true"));

    private static readonly Regex SuppressedFields = new(@"DiffSuppressFunc on ([^:]+):", RegexOptions.CultureInvariant);

    /// <summary>The fields a note names after "DiffSuppressFunc on" ("a, b and c").</summary>
    private static ImmutableArray<string> Suppressible(string? notes)
        => notes is null
            ? ImmutableArray<string>.Empty
            : SuppressedFields.Matches(notes)
                .SelectMany(m => m.Groups[1].Value.Replace(" and ", ", ", StringComparison.Ordinal).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Distinct(StringComparer.Ordinal)
                .ToImmutableArray();

    private static ImmutableArray<string> Strings(JsonNode? node)
        => node is JsonArray array ? array.Select(p => p!.GetValue<string>()).ToImmutableArray() : ImmutableArray<string>.Empty;

    private static Table Load()
    {
        using var stream = typeof(ReplacementInputs).Assembly.GetManifestResourceStream("BlinkInfra.alicloud-replacement-inputs.json")
            ?? throw new InvalidOperationException("the replacement facts are not embedded in the program");
        var root = JsonNode.Parse(stream)!.AsObject();
        ResourceFacts Read(string type, JsonObject entry, string source)
        {
            var notes = entry["notes"]?.GetValue<string>();
            return new ResourceFacts(type, Strings(entry["replaceOnChange"]), Strings(entry["createOnly"]), Suppressible(notes), notes, source);
        }
        var aliCloud = root["resources"]!.AsObject().ToImmutableDictionary(
            kv => kv.Key,
            kv => Read(kv.Key, kv.Value!.AsObject(), $"terraform-provider-alicloud v1.285.0 {kv.Value!["terraform"]?.GetValue<string>()} ({kv.Value!["file"]?.GetValue<string>()})"),
            StringComparer.Ordinal);
        var kubernetes = root["kubernetes"]!.AsObject();
        const string kubernetesSource = "pulumi-kubernetes v4.32.0 provider/pkg/provider/diff.go";
        var kinds = kubernetes["resources"]!.AsObject().ToImmutableDictionary(
            kv => kv.Key,
            kv => Read(kv.Key, kv.Value!.AsObject(), kv.Key == HelmReleaseType ? "pulumi-kubernetes v4.32.0 provider/pkg/provider/helm_release.go" : kubernetesSource),
            StringComparer.Ordinal);
        return new Table(
            aliCloud,
            kinds,
            Read("kubernetes:*", kubernetes["anyOtherKind"]!.AsObject(), kubernetesSource),
            root["source"]?.GetValue<string>() ?? "",
            root["createOnlySource"]?.GetValue<string>() ?? "",
            kubernetes["source"]?.GetValue<string>() ?? "");
    }
}
