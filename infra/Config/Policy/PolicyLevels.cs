using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:policy.levels`: each key a policy of the packs, each value a level. The model does not
/// know the policies; whoever loads the spec names them (the policy packs do).
/// </summary>
public static class PolicyLevels
{
    public static IEnumerable<SpecError> Check(PolicyConfig policy, IReadOnlyCollection<string> policyNames)
    {
        foreach (var (name, level) in policy.Levels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var key = $"{ConfigKeys.Section("policy")}.levels[\"{name}\"]";
            if (!policyNames.Contains(name))
                yield return new SpecError(DiagnosticCatalogue.UnknownValue, key, level.Text, $"unknown policy \"{name}\"; allowed: {string.Join(", ", policyNames)}");
            else if (level.Level is null)
                yield return new SpecError(DiagnosticCatalogue.UnknownValue, key, level.Text, level.Problem!);
        }
    }

    public static PolicySpec Build(PolicyConfig policy, SpecContext context)
        => new(policy.Levels.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.Level!.Value, StringComparer.Ordinal));
}
