namespace BlinkInfra.Tests;

/// <summary>Plans under other levels: PolicyEngine.Check reads a plan's levels from its settings, as the stack gave them.</summary>
public static class TestPlans
{
    /// <summary>The plan with these levels (none: the policies' defaults) in its settings.</summary>
    public static BlinkInfra.Plan.StackPlan WithLevels(BlinkInfra.Plan.StackPlan plan, System.Collections.Generic.IReadOnlyDictionary<string, BlinkInfra.Config.EnforcementLevel>? levels)
        => plan with
        {
            Settings = (plan.Settings ?? BlinkInfra.Plan.StackSettings.FromResources(plan.Resources)) with
            {
                PolicyLevels = levels is null ? null : System.Collections.Immutable.ImmutableSortedDictionary.ToImmutableSortedDictionary(levels, System.StringComparer.Ordinal),
            },
        };
}
