using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>A policy over the whole stack: its rule reads the stack's settings or other resources (CrossGuard's validateStack).</summary>
public sealed record StackPolicy(
    DiagnosticEntry Entry, EnforcementLevel Level,
    Func<PolicyInput, IEnumerable<(PlannedResource? Resource, string Message)>> Validate)
    : Policy(Entry, Level)
{
    public override PolicyKind Kind => PolicyKind.Stack;

    public override IEnumerable<(PlannedResource? Resource, string Message)> Check(PolicyInput input) => Validate(input);

    /// <summary>
    /// A policy on each resource of some types that needs the stack to decide (its settings, or the resources
    /// beside it): reported on the resource, evaluated once the stack is known.
    /// </summary>
    public static StackPolicy OnEach(DiagnosticEntry entry, EnforcementLevel level, ImmutableArray<string> types, Func<PlannedResource, PolicyInput, IEnumerable<string>> validate)
        => new(entry, level, input => input.Resources.Where(r => types.Contains(r.Type)).SelectMany(r => validate(r, input).Select(message => ((PlannedResource?)r, message))));
}
