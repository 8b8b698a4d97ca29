using System.Text.Json.Serialization;

namespace BlinkInfra.Plan;

/// <summary>A resource named by its type token and name, which together identify it in a stack.</summary>
public sealed record ResourceRef(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("name")] string Name)
{
    public override string ToString() => $"{Type}::{Name}";
}
