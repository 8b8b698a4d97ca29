using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using BlinkInfra.Policies;

namespace BlinkInfra.Host;

/// <summary>
/// The program under `pulumi preview` and `pulumi up`: the config the engine passed is read and
/// loaded into a spec once; before anything is registered with the engine, the spec is planned
/// offline and checked, and a mandatory violation stops the run printing the report. Otherwise the
/// same spec is deployed, with the advisory violations as warnings.
/// </summary>
public static class EngineGate
{
    /// <summary>The config the engine's environment passes: PULUMI_STACK, PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS and BLINK_ overrides.</summary>
    public static RawStackConfig FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        var stack = environment.GetValueOrDefault("PULUMI_STACK") ?? "stack";
        var ours = ConfigKeys.Namespace + ":";
        var config = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (environment.GetValueOrDefault("PULUMI_CONFIG") is { Length: > 0 } json)
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name.StartsWith(ours, StringComparison.Ordinal)))
                config[property.Name] = property.Value.ToString();
        }
        var secrets = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        if (environment.GetValueOrDefault("PULUMI_CONFIG_SECRET_KEYS") is { Length: > 0 } keys)
        {
            using var document = JsonDocument.Parse(keys);
            foreach (var key in document.RootElement.EnumerateArray().Select(k => k.ToString()).Where(k => k.StartsWith(ours, StringComparison.Ordinal)))
                secrets.Add(key);
        }
        var overrides = environment.Where(kv => kv.Key.StartsWith(ConfigKeys.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value ?? "", StringComparer.Ordinal);
        return new RawStackConfig(stack, config.ToImmutable(), secrets.ToImmutable(), overrides);
    }

    /// <summary>Loads, plans and checks; deploys the spec through <paramref name="deploy"/> unless a mandatory policy is violated.</summary>
    public static async Task<int> RunAsync(RawStackConfig raw, Func<StackSpec, BlinkStackOptions, Task<int>> deploy, TextWriter errors)
    {
        StackSpec spec;
        try
        {
            spec = SpecLoader.Load(raw, PolicyEngine.PolicyNames);
        }
        catch (SpecException invalid)
        {
            await errors.WriteLineAsync($"error: {invalid.Message}");
            return 1;
        }

        var plan = await Planner.PlanAsync(spec, raw.StackName);
        var report = PolicyEngine.Evaluate(plan, PolicyReportRenderer.Overrides(plan));
        if (report.HasMandatory)
        {
            await errors.WriteAsync(PolicyReportRenderer.Text(report));
            await errors.WriteLineAsync("error: mandatory policy violations: nothing was registered with the engine");
            return 1;
        }
        return await deploy(spec, new BlinkStackOptions { Warnings = report.Advisories.Select(PolicyReportRenderer.Warning).ToImmutableArray() });
    }

    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
        => Environment.GetEnvironmentVariables().Keys.Cast<string>().ToDictionary(k => k, Environment.GetEnvironmentVariable);
}
