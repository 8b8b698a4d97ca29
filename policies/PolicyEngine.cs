using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using BlinkInfra.Policies.Packs;

namespace BlinkInfra.Policies;

/// <summary>The policy packs BlinkInfra enforces, and their evaluation with the stack's level overrides.</summary>
public static class PolicyEngine
{
    public static readonly ImmutableArray<PolicyPack> Packs = ImmutableArray.Create(
        RegionPack.Create(), IsolationPack.Create(), HighAvailabilityPack.Create(), HardwarePack.Create(), DataProtectionPack.Create(), OperationsPack.Create());

    /// <summary>Every policy's name, in pack order: the names `blink-infra:policy.levels` takes.</summary>
    public static readonly ImmutableArray<string> PolicyNames = Packs.SelectMany(p => p.Policies).Select(p => p.Name).ToImmutableArray();

    public static PolicyReport Evaluate(StackPlan plan, IReadOnlyDictionary<string, EnforcementLevel>? overrides = null)
        => Evaluate(PolicyInput.Of(plan), overrides);

    public static PolicyReport Evaluate(PolicyInput input, IReadOnlyDictionary<string, EnforcementLevel>? overrides = null)
    {
        var violations = new List<Violation>();
        foreach (var pack in Packs)
        {
            foreach (var policy in pack.Policies)
            {
                var level = overrides != null && overrides.TryGetValue(policy.Name, out var overridden) ? overridden : policy.Level;
                if (level == EnforcementLevel.Disabled)
                    continue;
                violations.AddRange(policy.Check(input).Select(found => new Violation(
                    pack.Id, policy.Name, level, found.Resource?.Type, found.Resource?.Name, found.Message)));
            }
        }
        return PolicyReport.Of(Packs.Select(p => p.Id), violations);
    }
}
