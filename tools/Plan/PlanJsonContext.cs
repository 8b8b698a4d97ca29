using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace BlinkInfra.Plan;

/// <summary>
/// The plan file's JSON contract, generated at compile time: the Native AOT build of the CLI
/// (README, Speed) cannot build serializers by reflection for value types such as the plan's
/// ImmutableArray lists. <see cref="StackPlan.JsonOptions"/> asks it first and reflection after, so
/// both builds write the same bytes (the pinned plans check it).
/// </summary>
[JsonSerializable(typeof(StackPlan))]
// What PolicyLevelsJsonConverter reads a plan's policy levels as.
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
