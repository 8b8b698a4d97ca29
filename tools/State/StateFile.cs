using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using BlinkInfra.Plan;

namespace BlinkInfra.State;

/// <summary>
/// Pulumi state in every form Pulumi writes it, read as the engine reads it:
/// - `pulumi stack export`: `{"version": 3, "deployment": {...}}`, or version 4 (with `features`) once a
///   stack uses taint, hooks, views or refresh-before-update; versions 1 and 2 from old CLIs;
/// - the local backend's file (`.pulumi/stacks/&lt;project&gt;/&lt;stack&gt;.json`, or .json.gz: PlanFiles unzips it):
///   `{"version": 3, "checkpoint": {"stack": ..., "latest": {...deployment...}}}`, and the version-0 form from
///   before checkpoints were versioned, `{"stack": ..., "latest": {...}}`, which Pulumi still reads.
/// Source: pulumi/pulumi sdk/go/common/apitype (UntypedDeployment, VersionedCheckpoint, CheckpointV3,
/// DeploymentV3, ResourceV3, OperationV2) and pkg/resource/stack/deployment.go (versions 1 to 4, the
/// features of version 4). What does not fit throws InvalidDataException saying what.
/// </summary>
public static class StateFile
{
    /// <summary>The deployment versions Pulumi reads (DeploymentSchemaVersionOldestSupported to Latest).</summary>
    private const int OldestVersion = 1, LatestVersion = 4;

    /// <summary>
    /// The features a version-4 deployment may name that Pulumi knows today; a state that names another is refused as
    /// Pulumi refuses it (validateSupportedFeatures: "this stack's deployment needs support for the following
    /// features"), because a feature exists precisely so that older readers do not misread the state. Sources, read
    /// 2026-12-05: pulumi/pulumi sdk/pkg/resource/stack/deployment.go (supportedFeatures: refreshBeforeUpdate, views,
    /// hooks, taint; ApplyFeatures sets them from a resource's refreshBeforeUpdate, viewOf, resourceHooks and taint),
    /// and the features of current CLIs the state files this reader is checked on carry: replaceWith (the resource
    /// option of that name, recorded on the resource; pkg/resource/deploy goal.go ReplaceWith) and byteString.
    /// </summary>
    public static readonly ImmutableArray<string> KnownFeatures = ImmutableArray.Create("refreshBeforeUpdate", "views", "hooks", "taint", "replaceWith", "byteString");

    private const string UrnPrefix = "urn:pulumi:";

    /// <summary>
    /// Whether a file's JSON is a state: an export (`deployment`), a local backend's checkpoint (`checkpoint`), or a
    /// local backend's checkpoint from before checkpoints were versioned (no version; `stack` and `latest` at the top),
    /// which Pulumi still reads (sdk/pkg/resource/stack/checkpoint.go: version 0 is read as a CheckpointV1).
    /// </summary>
    public static bool LooksLikeState(JsonNode root)
        => root is JsonObject obj && (obj.ContainsKey("deployment") || obj.ContainsKey("checkpoint") || IsVersionZeroCheckpoint(obj));

    private static bool IsVersionZeroCheckpoint(JsonObject obj)
        => (obj["version"] is null || obj["version"] is JsonValue v && v.TryGetValue<double>(out var n) && n == 0)
           && !obj.ContainsKey("deployment") && !obj.ContainsKey("checkpoint") && !obj.ContainsKey("resources")
           && (obj["latest"] is JsonObject || obj["stack"] is JsonValue && (obj.ContainsKey("latest") || obj.ContainsKey("config")));

    /// <summary>A state of any form; a form it cannot read is an InvalidDataException naming the form.</summary>
    public static StateSnapshot Read(JsonNode root)
    {
        if (root is not JsonObject obj)
            throw new InvalidDataException("not a JSON object, as every Pulumi state is");
        if (IsVersionZeroCheckpoint(obj))
            return ReadDeployment("a local backend's state file from before checkpoints were versioned (version 0: `stack` and `latest` at the top)",
                obj["latest"] switch
                {
                    null => null,
                    JsonObject latest => latest,
                    _ => throw new InvalidDataException("a version-0 state file: `latest` is not an object"),
                },
                Inputs.Text(obj["stack"]), "latest.resources");
        var isCheckpoint = !obj.ContainsKey("deployment") && obj.ContainsKey("checkpoint");
        var kind = isCheckpoint ? "a local backend's state file (`checkpoint`)" : "a `pulumi stack export` file (`deployment`)";
        var version = obj["version"] is JsonValue v && v.TryGetValue<double>(out var number) && number == Math.Floor(number) ? (int?)number : null;
        if (version is not null && version < OldestVersion && !isCheckpoint)
            throw new InvalidDataException($"{kind} of version {version}: this stack's deployment is too old, as Pulumi says of it; Pulumi reads versions {OldestVersion} to {LatestVersion}");
        if (version is not null && version > LatestVersion)
            throw new InvalidDataException($"{kind} of version {version}: this stack's deployment version is too new, as Pulumi says of it; it reads versions {OldestVersion} to {LatestVersion}");
        if (version is null || version < OldestVersion || version > LatestVersion)
            throw new InvalidDataException($"{kind} of version {obj["version"]?.ToJsonString() ?? "(none)"}, which this reader does not know; it reads versions {OldestVersion} to {LatestVersion}, as Pulumi 3 writes them");
        var form = $"{kind}, version {version}";

        if (version >= 4)
        {
            // As Pulumi: a feature it does not know stops the read, never a warning (UnmarshalUntypedDeployment).
            var features = obj["features"] switch
            {
                null => new List<string>(),
                JsonArray array when array.All(f => f is JsonValue value && value.TryGetValue<string>(out _)) => array.Select(f => f!.GetValue<string>()).ToList(),
                _ => throw new InvalidDataException($"{form}: `features` is not a list of feature names"),
            };
            var unknown = features.Where(f => !KnownFeatures.Contains(f, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
                throw new InvalidDataException($"{form}: this stack's deployment needs support for the following features: {string.Join(", ", unknown)}, as Pulumi says and refuses to read it, so that no reader misreads what a feature changes; allowed: a state that needs only {string.Join(", ", KnownFeatures)}");
        }

        JsonObject? deployment;
        string? checkpointStack = null;
        if (isCheckpoint)
        {
            var checkpoint = obj["checkpoint"] as JsonObject ?? throw new InvalidDataException($"{form}: `checkpoint` is not an object");
            checkpointStack = Inputs.Text(checkpoint["stack"]);
            // A stack never deployed has no `latest`: no resources.
            deployment = checkpoint["latest"] switch
            {
                null => null,
                JsonObject latest => latest,
                _ => throw new InvalidDataException($"{form}: `checkpoint.latest` is not an object"),
            };
        }
        else
        {
            deployment = obj["deployment"] as JsonObject ?? throw new InvalidDataException($"{form}: `deployment` is not an object");
        }

        return ReadDeployment(form, deployment, checkpointStack, isCheckpoint ? "checkpoint.latest.resources" : "deployment.resources");
    }

    /// <summary>A deployment's resources and pending operations, whatever form carried it.</summary>
    private static StateSnapshot ReadDeployment(string form, JsonObject? deployment, string? checkpointStack, string where)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        var resources = deployment?["resources"] switch
        {
            null => new JsonArray(),
            JsonArray array => array,
            _ => throw new InvalidDataException($"{form}: `resources` is not a list"),
        };
        var read = ReadResources(resources, where);
        warnings.AddRange(PendingOperations(deployment?["pending_operations"]));

        var (stack, project) = read.Select(r => UrnParts(r.Urn)).FirstOrDefault();
        stack ??= checkpointStack?.Split('/').Last() ?? "";
        return new StateSnapshot(form, project ?? "", stack, read, warnings.ToImmutable());
    }

    private static ImmutableArray<StateResource> ReadResources(JsonArray resources, string where)
    {
        var refs = new Dictionary<string, ResourceRef>(StringComparer.Ordinal);
        var records = new List<(JsonObject Resource, string Urn)>();
        for (var index = 0; index < resources.Count; index++)
        {
            if (resources[index] is not JsonObject resource)
                throw new InvalidDataException($"{where}[{index}] is not an object");
            var urn = Required(resource, "urn", where, index);
            if (UrnParts(urn).Stack is null)
                throw new InvalidDataException($"{where}[{index}].urn {urn} is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)");
            refs[urn] = new ResourceRef(Required(resource, "type", where, index), NameOf(urn));
            records.Add((resource, urn));
        }

        ResourceRef? Ref(string? urn) => urn is null ? null : refs.GetValueOrDefault(urn);
        ResourceRef? ProviderRef(string? reference)
            => reference is null ? null : Ref(reference[..Math.Max(0, reference.LastIndexOf("::", StringComparison.Ordinal))]);

        return records.Select((entry, index) =>
        {
            var (resource, urn) = entry;
            var propertyDependencies = (resource["propertyDependencies"] as JsonObject ?? new JsonObject())
                .Where(kv => kv.Value is JsonArray { Count: > 0 })
                .ToImmutableSortedDictionary(
                    kv => kv.Key,
                    kv => kv.Value!.AsArray().Select(u => Ref(Inputs.Text(u))).OfType<ResourceRef>().Distinct().OrderBy(r => r.ToString(), StringComparer.Ordinal).ToImmutableArray(),
                    StringComparer.Ordinal);
            var fromProperties = propertyDependencies.Values.SelectMany(v => v).ToHashSet();
            var explicitDependencies = (resource["dependencies"] as JsonArray ?? new JsonArray())
                .Select(u => Ref(Inputs.Text(u))).OfType<ResourceRef>()
                .Where(r => !fromProperties.Contains(r)).Distinct().ToImmutableArray();
            var inputs = resource["inputs"] switch
            {
                null => new JsonObject(),
                JsonObject o => o,
                _ => throw new InvalidDataException($"{where}[{index}].inputs is not an object"),
            };
            var planned = new PlannedResource(
                refs[urn].Type,
                refs[urn].Name,
                Flag(resource, "custom"),
                Ref(Inputs.Text(resource["parent"])),
                explicitDependencies,
                propertyDependencies,
                ProviderRef(Inputs.Text(resource["provider"])),
                Flag(resource, "protect"),
                StateValues.DeclaredInputs(inputs));
            return new StateResource(
                urn,
                Inputs.Text(resource["id"]),
                planned,
                (JsonObject)StateValues.Masked(resource)!,
                Delete: Flag(resource, "delete"),
                External: Flag(resource, "external") || Inputs.Text(resource["viewOf"]) is { Length: > 0 },
                PendingReplacement: Flag(resource, "pendingReplacement"),
                Taint: Flag(resource, "taint"));
        }).ToImmutableArray();
    }

    /// <summary>
    /// The operations an interrupted update left unfinished, as one warning saying what Pulumi would do
    /// with them (pulumi/pulumi docs: "Recovering from an interrupted update"; `pulumi stack import`
    /// removes pending operations from the snapshot it imports).
    /// </summary>
    private static IEnumerable<string> PendingOperations(JsonNode? node)
    {
        if (node is not JsonArray { Count: > 0 } operations)
            yield break;
        var listed = operations.Select(op => op is JsonObject o
            ? $"{Inputs.Text(o["resource"]?["urn"]) ?? "(no urn)"} (interrupted while {Inputs.Text(o["type"]) ?? "(unknown)"})"
            : "(not an object)");
        yield return $"the state holds {operations.Count} pending operation(s) of an interrupted update: {string.Join(", ", listed)}. "
                     + "Their resources may or may not exist as recorded, so this comparison may be wrong for them. "
                     + "`pulumi refresh` reads each from the cloud and clears the operations (a pending create it asks about, or takes "
                     + "--clear-pending-creates / --import-pending-creates URN ID); `pulumi stack export` then `pulumi stack import` "
                     + "drops the operations and keeps the resources as recorded, so a create that did finish leaves its resource in the cloud unrecorded.";
    }

    /// <summary>A text field every resource of a state has; its absence names the resource and the field.</summary>
    private static string Required(JsonObject resource, string field, string where, int index)
        => Inputs.Text(resource[field]) is { Length: > 0 } text ? text : throw new InvalidDataException($"{where}[{index}] has no {field}");


    private static bool Flag(JsonObject resource, string field) => resource[field] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>A URN's stack and project, or nulls when it is not a URN.</summary>
    public static (string? Stack, string? Project) UrnParts(string urn)
    {
        if (!urn.StartsWith(UrnPrefix, StringComparison.Ordinal))
            return (null, null);
        var parts = urn.Split("::", 4);
        return parts.Length == 4 ? (parts[0][UrnPrefix.Length..], parts[1]) : (null, null);
    }

    /// <summary>The name part of a URN: what follows its type (names may hold "::").</summary>
    public static string NameOf(string urn) => urn.Split("::", 4) is { Length: 4 } parts ? parts[3] : urn;
}
