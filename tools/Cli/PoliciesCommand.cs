using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Host;
using BlinkInfra.Plan;
using BlinkInfra.Policies;
using BlinkInfra.Stacks;
using Spectre.Console;

namespace BlinkInfra.Cli;

/// <summary>
/// `policies`: every policy of the packs with its code, kind (what decides it: one resource, or the stack) and level,
/// from the packs themselves. With --pulumi-config the levels are the stack's, read from the config the Pulumi CLI
/// hands a policy pack (PULUMI_CONFIG, BLINK_ overrides over it) through the same loader and messages as `check`:
/// what the CrossGuard pack asks once when it starts (CrossGuard wants each policy's level before any resource).
/// </summary>
internal static class PoliciesCommand
{
    public static Command Create(IAnsiConsole console, TextWriter errors, Func<Func<Task<int>>, int, TextWriter, Task<int>> exitOnInputError)
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON (packs, then each policy's name, code, pack, kind, description, default and effective level)" };
        var pulumiConfig = new Option<bool>("--pulumi-config") { Description = "Take the levels from blink-infra:policy.levels in PULUMI_CONFIG, as the Pulumi CLI hands a policy pack its stack's config (a wrong level or an unknown policy is an error, exit 2)" };
        var policies = new Command("policies", "List the policies of the packs: code, name, kind (resource: one resource decides; stack: the stack does), pack and level")
        {
            json, pulumiConfig,
        };
        policies.SetAction((parse, _) => exitOnInputError(() =>
        {
            var levels = parse.GetValue(pulumiConfig) ? FromPulumiConfig(Environment.GetEnvironmentVariables()) : new PolicySpec(System.Collections.Immutable.ImmutableSortedDictionary<string, EnforcementLevel>.Empty);
            var list = PolicyEngine.Levels(levels);
            console.Profile.Out.Writer.Write(parse.GetValue(json) ? Json(list) : Text(list));
            return Task.FromResult(BlinkCli.Success);
        }, BlinkCli.InvalidInput, errors));
        return policies;
    }

    /// <summary>The levels of `blink-infra:policy` in the environment's PULUMI_CONFIG (none: the defaults), or the config's errors.</summary>
    public static PolicySpec FromPulumiConfig(System.Collections.IDictionary environment)
    {
        var variables = environment.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => environment[k]?.ToString(), StringComparer.Ordinal);
        var raw = EngineGate.FromEnvironment(variables);
        var (policy, problems) = SpecLoader.TryLoadPolicy(raw, PolicyEngine.LevelNames);
        return problems.Count > 0 ? throw new SpecException(problems) : policy!;
    }

    private static string Json(IReadOnlyList<(PolicyPack Pack, Policy Policy, EnforcementLevel Level)> list)
    {
        var document = new JsonObject
        {
            ["packs"] = new JsonArray(PolicyEngine.Packs.Select(p => (JsonNode)p.Id).ToArray()),
            ["policies"] = new JsonArray(list.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Policy.Name,
                ["code"] = p.Policy.Entry.Code,
                ["pack"] = p.Pack.Id,
                ["kind"] = PolicyKinds.Name(p.Policy.Kind),
                ["description"] = p.Policy.Description,
                ["defaultLevel"] = EnforcementLevels.Name(p.Policy.Level),
                ["enforcementLevel"] = EnforcementLevels.Name(p.Level),
            }).ToArray()),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string Text(IReadOnlyList<(PolicyPack Pack, Policy Policy, EnforcementLevel Level)> list)
    {
        var text = new StringBuilder();
        foreach (var (pack, policy, level) in list)
        {
            var lowered = level == policy.Level ? "" : $" (default {EnforcementLevels.Name(policy.Level)})";
            text.Append($"{policy.Entry.Code} {policy.Name} [{EnforcementLevels.Name(level)}{lowered}] {PolicyKinds.Name(policy.Kind)}, {pack.Id}: {policy.Description}\n");
        }
        var resources = list.Count(p => p.Policy.Kind == PolicyKind.Resource);
        text.Append($"{list.Count} policies of {PolicyEngine.Packs.Length} packs: {resources} decided by one resource, {list.Count - resources} by the stack.\n");
        return text.ToString();
    }
}
