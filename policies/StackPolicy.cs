using System;
using System.Collections.Generic;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>A policy over the whole stack.</summary>
public sealed record StackPolicy(
    DiagnosticEntry Entry, EnforcementLevel Level,
    Func<PolicyInput, IEnumerable<(PlannedResource? Resource, string Message)>> Validate)
    : Policy(Entry, Level)
{
    public override IEnumerable<(PlannedResource? Resource, string Message)> Check(PolicyInput input) => Validate(input);
}
