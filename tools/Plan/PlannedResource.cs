using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BlinkInfra.Plan;

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
