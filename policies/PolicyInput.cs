using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>What policies read: the stack's settings and its resources, as CrossGuard gives them (type, name, inputs, parent, dependencies).</summary>
public sealed record PolicyInput(StackSettings Settings, ImmutableArray<PlannedResource> Resources)
{
    public static PolicyInput Of(StackPlan plan)
        => new(plan.Settings ?? StackSettings.FromResources(plan.Resources), plan.Resources);

    public IEnumerable<PlannedResource> OfType(string type) => Resources.Where(r => r.Type == type);
}
