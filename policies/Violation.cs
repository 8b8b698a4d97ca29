using System.Text.Json.Serialization;
using BlinkInfra.Config;

namespace BlinkInfra.Policies;

/// <summary>One violation: where it came from, how it is enforced, what it is about, and what is wrong.</summary>
public sealed record Violation(
    [property: JsonPropertyName("pack")] string Pack,
    [property: JsonPropertyName("policy")] string Policy,
    [property: JsonPropertyName("level")] EnforcementLevel Level,
    [property: JsonPropertyName("resourceType")] string? ResourceType,
    [property: JsonPropertyName("resourceName")] string? ResourceName,
    [property: JsonPropertyName("message")] string Message)
{
    /// <summary>The policy's stable code (DiagnosticCatalogue), which `./blink explain` knows.</summary>
    [JsonPropertyName("code")]
    public string Code { get; init; } = "";
}
