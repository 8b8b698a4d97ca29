using System;
using System.Collections.Generic;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>A policy over the whole stack.</summary>
public sealed record StackPolicy(
    string Name, string Description, EnforcementLevel Level,
    Func<PolicyInput, IEnumerable<(PlannedResource? Resource, string Message)>> Validate)
    : Policy(Name, Description, Level)
{
    public override IEnumerable<(PlannedResource? Resource, string Message)> Check(PolicyInput input) => Validate(input);
}
