using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BlinkInfra.Plan;

/// <summary>A data-source lookup the program made, answered offline from the spec.</summary>
public sealed record PlannedInvoke(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("args")] JsonObject Args);
