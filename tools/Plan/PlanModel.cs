using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BlinkInfra.Plan;

/// <summary>A resource named by its type token and name, which together identify it in a stack.</summary>
public sealed record ResourceRef(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("name")] string Name)
{
    public override string ToString() => $"{Type}::{Name}";
}

/// <summary>One resource of a plan, with its inputs as the provider would receive them.</summary>
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
}

/// <summary>A data-source lookup the program made, answered offline from the spec.</summary>
public sealed record PlannedInvoke(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("args")] JsonObject Args);

/// <summary>
/// What a stack declares, resolved offline under mocks: every resource in declaration order. The
/// JSON form (`plan --json`) is what `diff` reads back.
/// </summary>
public sealed record StackPlan(
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("stack")] string Stack,
    [property: JsonPropertyName("sdk")] string Sdk,
    [property: JsonPropertyName("settings")] StackSettings? Settings,
    [property: JsonPropertyName("resources")] ImmutableArray<PlannedResource> Resources,
    [property: JsonPropertyName("invokes")] ImmutableArray<PlannedInvoke> Invokes)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public IEnumerable<PlannedResource> ChildrenOf(PlannedResource parent)
    {
        foreach (var resource in Resources)
        {
            if (resource.Parent == parent.Ref)
                yield return resource;
        }
    }
}
