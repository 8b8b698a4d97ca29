using System.Text.Json.Serialization;

namespace BlinkInfra.Policies;

/// <summary>
/// The policy report's JSON contract, generated at compile time for the Native AOT build of the CLI
/// (see BlinkInfra.Plan.PlanJsonContext); <see cref="PolicyReportRenderer.JsonOptions"/> asks it first.
/// </summary>
[JsonSerializable(typeof(PolicyReport))]
internal sealed partial class PolicyReportJsonContext : JsonSerializerContext;
