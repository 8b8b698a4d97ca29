using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BlinkInfra.Plan;

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
        TypeInfoResolver = JsonTypeInfoResolver.Combine(PlanJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// The stack's outputs (BlinkStack's [Output] properties), values from other resources as references
    /// ("${blink-dev-vpc.id}"), secrets masked; null for a plan read back from a file, whose JSON does not
    /// keep them (the plan file's format is what diff and check read).
    /// </summary>
    [JsonIgnore]
    public System.Text.Json.Nodes.JsonObject? Outputs { get; init; }

    public IEnumerable<PlannedResource> ChildrenOf(PlannedResource parent)
    {
        foreach (var resource in Resources)
        {
            if (resource.Parent == parent.Ref)
                yield return resource;
        }
    }
}
