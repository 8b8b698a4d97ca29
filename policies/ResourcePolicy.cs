using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>
/// A policy that one resource decides, for the resources of some types: its rule sees that resource and
/// nothing else (no settings, no other resource), so the compiler keeps it decidable as CrossGuard registers
/// each resource (the pack's validateResource). A rule that needs the stack is a <see cref="StackPolicy"/>
/// (<see cref="StackPolicy.OnEach"/> reports on each resource of its types all the same).
/// </summary>
public sealed record ResourcePolicy(
    DiagnosticEntry Entry, EnforcementLevel Level,
    ImmutableArray<string> Types,
    Func<PlannedResource, IEnumerable<string>> Validate)
    : Policy(Entry, Level)
{
    public override PolicyKind Kind => PolicyKind.Resource;

    public override IEnumerable<(PlannedResource? Resource, string Message)> Check(PolicyInput input)
        => input.Resources.Where(r => Types.Contains(r.Type)).SelectMany(r => Validate(r).Select(message => ((PlannedResource?)r, message)));
}
