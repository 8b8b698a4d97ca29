using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using BlinkInfra.Policies.Packs;
using BlinkInfra.State;

namespace BlinkInfra.Policies;

/// <summary>The policy packs BlinkInfra enforces, and their one entry point, <see cref="Check(StackPlan)"/>, which reads the stack's levels from what it evaluates.</summary>
public static class PolicyEngine
{
    public static readonly ImmutableArray<PolicyPack> Packs = ImmutableArray.Create(
        RegionPack.Create(), IsolationPack.Create(), HighAvailabilityPack.Create(), HardwarePack.Create(), DataProtectionPack.Create(), OperationsPack.Create());

    /// <summary>Every policy's name, in pack order.</summary>
    public static readonly ImmutableArray<string> PolicyNames = Packs.SelectMany(p => p.Policies).Select(p => p.Name).ToImmutableArray();

    /// <summary>The names `blink-infra:policy.levels` takes: the packs' policies, then the change policies `diff` evaluates.</summary>
    public static readonly ImmutableArray<string> LevelNames = PolicyNames.Concat(ChangePolicies.Names).ToImmutableArray();

    /// <summary>The policies of the packs that decide on one resource alone (CrossGuard's validateResource), in pack order.</summary>
    public static readonly ImmutableArray<string> ResourcePolicyNames = Packs.SelectMany(p => p.Policies).OfType<ResourcePolicy>().Select(p => p.Name).ToImmutableArray();

    /// <summary>
    /// The one way BlinkInfra evaluates its packs (check, plan, the gate under `pulumi up`, fleet, the HTML page): a plan,
    /// or a state read as one, under the levels its settings record (`blink-infra:policy.levels`, as the stack gave them).
    /// </summary>
    public static PolicyReport Check(StackPlan plan)
        => Evaluate(PolicyInput.Of(plan), plan.Settings?.PolicyLevels, null, null);

    /// <summary>
    /// A resource list as a CrossGuard pack sends it (`check --resources`): under the levels it carries (its
    /// policyLevels, the stack's config as the pack read it through <see cref="PolicyLevels"/>), each name checked;
    /// the policies its resources cannot decide are not evaluated, and returned with the reason.
    /// With <paramref name="resourcePoliciesOnly"/> only the policies one resource decides are evaluated: what the
    /// pack asks for each resource as CrossGuard registers it (validateResource), where a stack-wide policy would judge
    /// one resource as if it were the stack.
    /// </summary>
    public static (PolicyReport Report, ImmutableArray<(string Policy, string Reason)> NotApplicable) Check(ResourceList list, bool resourcePoliciesOnly = false)
    {
        var unknown = list.PolicyLevels.Keys.Where(name => !LevelNames.Contains(name)).ToList();
        if (unknown.Count > 0)
            throw new System.IO.InvalidDataException($"policyLevels names unknown policies ({string.Join(", ", unknown)}); allowed: {string.Join(", ", LevelNames)}");
        var input = PolicyInput.Of(list.ToPlan());
        if (resourcePoliciesOnly)
            return (Evaluate(input, list.PolicyLevels, null, ResourcePolicyNames), ImmutableArray<(string, string)>.Empty);
        var notApplicable = Applicability.NotApplicable(input, list.SecretsMarked);
        return (Evaluate(input, list.PolicyLevels, notApplicable.Select(n => n.Policy).ToHashSet(StringComparer.Ordinal), null), notApplicable);
    }

    /// <summary>
    /// Each policy of the packs with its level under a stack's config (`blink-infra:policy.levels` as the Pulumi CLI
    /// hands a policy pack its config, PULUMI_CONFIG): what the CrossGuard pack declares when it starts, before any
    /// resource. The config's errors are the same <see cref="SpecError"/>s, with the same messages, `check` gives.
    /// </summary>
    public static IReadOnlyList<(PolicyPack Pack, Policy Policy, EnforcementLevel Level)> Levels(PolicySpec levels)
        => Packs.SelectMany(pack => pack.Policies.Select(policy => (pack, policy, levels.Levels.TryGetValue(policy.Name, out var given) ? given : policy.Level))).ToList();

    /// <summary>
    /// The violations under the stack's levels. A level lower than the policy's own is never silent: the report
    /// lists it (<see cref="PolicyReport.Lowered"/>) and counts a policy switched off as not checked.
    /// <paramref name="notApplicable"/> are policies the input cannot decide: not evaluated, and not counted as switched off;
    /// <paramref name="only"/>, when given, the policies to evaluate (the others are not counted at all).
    /// </summary>
    private static PolicyReport Evaluate(PolicyInput input, IReadOnlyDictionary<string, EnforcementLevel>? overrides, IReadOnlyCollection<string>? notApplicable, IReadOnlyCollection<string>? only)
    {
        var violations = new List<Violation>();
        var lowered = ImmutableArray.CreateBuilder<LevelLowered>();
        var checkedCount = 0;
        var notApplicableCount = 0;
        foreach (var pack in Packs)
        {
            foreach (var policy in pack.Policies)
            {
                if (only != null && !only.Contains(policy.Name))
                    continue;
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
