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

    /// <summary>Every policy's name, in pack order.</summary>
    public static readonly ImmutableArray<string> PolicyNames = Packs.SelectMany(p => p.Policies).Select(p => p.Name).ToImmutableArray();

    /// <summary>The names `blink-infra:policy.levels` takes: the packs' policies, then the change policies `diff` evaluates.</summary>
    public static readonly ImmutableArray<string> LevelNames = PolicyNames.Concat(ChangePolicies.Names).ToImmutableArray();

    public static PolicyReport Evaluate(StackPlan plan, IReadOnlyDictionary<string, EnforcementLevel>? overrides = null)
        => Evaluate(PolicyInput.Of(plan), overrides);

    /// <summary>
    /// The violations under the stack's levels. A level lower than the policy's own is never silent: the report
    /// lists it (<see cref="PolicyReport.Lowered"/>) and counts a policy switched off as not checked.
    /// <paramref name="notApplicable"/> are policies the input cannot decide: not evaluated, and not counted as switched off.
    /// </summary>
    public static PolicyReport Evaluate(PolicyInput input, IReadOnlyDictionary<string, EnforcementLevel>? overrides = null, IReadOnlyCollection<string>? notApplicable = null)
    {
        var violations = new List<Violation>();
        var lowered = ImmutableArray.CreateBuilder<LevelLowered>();
        var checkedCount = 0;
        var notApplicableCount = 0;
        foreach (var pack in Packs)
        {
            foreach (var policy in pack.Policies)
            {
                if (notApplicable?.Contains(policy.Name) == true)
                {
                    notApplicableCount++;
                    continue;
                }
                var level = overrides != null && overrides.TryGetValue(policy.Name, out var overridden) ? overridden : policy.Level;
                // Mandatory < Advisory < Disabled: a greater level enforces less.
                if (level > policy.Level)
                    lowered.Add(new LevelLowered(pack.Id, policy.Name, policy.Level, level, policy.Description));
                if (level == EnforcementLevel.Disabled)
                    continue;
                checkedCount++;
                violations.AddRange(policy.Check(input).Select(found => new Violation(
                    pack.Id, policy.Name, level, found.Resource?.Type, found.Resource?.Name, found.Message) { Code = policy.Entry.Code }));
            }
        }
        return PolicyReport.Of(Packs.Select(p => p.Id), violations) with
        {
            PoliciesChecked = checkedCount,
            Lowered = lowered.ToImmutable(),
            NotApplicable = notApplicableCount,
        };
    }
}
