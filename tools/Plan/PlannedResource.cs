using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BlinkInfra.Plan;

/// <summary>
/// One resource of a plan, with its inputs as the provider would receive them and the options the
/// engine acts on when it compares the resource with the state: protect, deleteBeforeReplace,
/// aliases (the identities it had before) and ignoreChanges (inputs whose change it keeps the old
/// value of), as pulumi/pulumi's step generator reads them from the registration (its Goal).
/// </summary>
public sealed record PlannedResource(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("custom")] bool Custom,
    [property: JsonPropertyName("parent")] ResourceRef? Parent,
    [property: JsonPropertyName("dependsOn")] ImmutableArray<ResourceRef> DependsOn,
    [property: JsonPropertyName("propertyDependencies")] ImmutableSortedDictionary<string, ImmutableArray<ResourceRef>> PropertyDependencies,
    [property: JsonPropertyName("provider")] ResourceRef? Provider,
    [property: JsonPropertyName("protect")] bool Protect,
    [property: JsonPropertyName("inputs")] JsonObject Inputs)
{
    [JsonIgnore]
    public ResourceRef Ref => new(Type, Name);

    /// <summary>The id a resource has in a plan, before the cloud gives it one: a reference that says where the value will come from.</summary>
    public static string IdOf(string name) => $"${{{name}.id}}";

    /// <summary>The resource is deleted before its replacement is created (CustomResourceOptions.DeleteBeforeReplace).</summary>
    [JsonPropertyName("deleteBeforeReplace")]
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>The resource's earlier identities, in the order given (ResourceOptions.Aliases).</summary>
    [JsonPropertyName("aliases")]
    public ImmutableArray<PlannedAlias> Aliases { get; init; } = ImmutableArray<PlannedAlias>.Empty;

    /// <summary>Input paths whose change the engine ignores, keeping their old values (ResourceOptions.IgnoreChanges).</summary>
    [JsonPropertyName("ignoreChanges")]
    public ImmutableArray<string> IgnoreChanges { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>
/// One of a resource's earlier identities, as Pulumi's Alias gives it: a whole URN, or the parts that
/// differ from the resource's own (its name, type, parent, project, stack); a part left out is the
/// resource's current one, and <see cref="NoParent"/> says it had no parent.
/// </summary>
public sealed record PlannedAlias(
    [property: JsonPropertyName("urn")] string? Urn = null,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("type")] string? Type = null,
    [property: JsonPropertyName("parent")] ResourceRef? Parent = null,
    [property: JsonPropertyName("parentUrn")] string? ParentUrn = null,
    [property: JsonPropertyName("noParent")] bool? NoParent = null,
    [property: JsonPropertyName("project")] string? Project = null,
    [property: JsonPropertyName("stack")] string? Stack = null);
