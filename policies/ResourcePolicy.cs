using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>A policy over one resource at a time, for the resources of some types.</summary>
public sealed record ResourcePolicy(
    DiagnosticEntry Entry, EnforcementLevel Level,
    ImmutableArray<string> Types,
    Func<PlannedResource, PolicyInput, IEnumerable<string>> Validate)
    : Policy(Entry, Level)
{
    public override IEnumerable<(PlannedResource? Resource, string Message)> Check(PolicyInput input)
        => input.Resources.Where(r => Types.Contains(r.Type)).SelectMany(r => Validate(r, input).Select(message => ((PlannedResource?)r, message)));
}
