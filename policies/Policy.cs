using System.Collections.Generic;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>
/// A policy: a name, what it checks, and its enforcement level (the stack's override, where it gives
/// one, replaces it). Each is made by a small factory of its pack that takes the level.
/// </summary>
public abstract record Policy(string Name, string Description, EnforcementLevel Level)
{
    /// <summary>Messages for what violates the policy, each with the resource it is about (none for the stack).</summary>
    public abstract IEnumerable<(PlannedResource? Resource, string Message)> Check(PolicyInput input);
}
