using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>
/// Policy enforcement under `pulumi preview` and `pulumi up`: before the program registers anything
/// with the engine, it plans itself offline from the config the engine passed, checks the plan, and
/// stops on a mandatory violation printing the report. Otherwise it deploys, with the advisory
/// violations logged as warnings by the stack.
/// </summary>
public static class EngineGate
{
    /// <summary>The stack file the engine's environment describes: PULUMI_STACK and PULUMI_CONFIG.</summary>
    public static StackFile FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        var stack = environment.GetValueOrDefault("PULUMI_STACK") ?? "stack";
        var config = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (environment.GetValueOrDefault("PULUMI_CONFIG") is { Length: > 0 } json)
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
                config[property.Name] = property.Value.ToString();
        }
        var secrets = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        if (environment.GetValueOrDefault("PULUMI_CONFIG_SECRET_KEYS") is { Length: > 0 } keys)
        {
            using var document = JsonDocument.Parse(keys);
            foreach (var key in document.RootElement.EnumerateArray())
                secrets.Add(key.ToString());
        }
        return new StackFile(stack, "(the Pulumi engine's config)", config.ToImmutable(), secrets.ToImmutable());
    }

    /// <summary>Plans and checks; deploys through <paramref name="deploy"/> unless a mandatory policy is violated.</summary>
    public static async Task<int> RunAsync(StackFile stackFile, Func<PolicyReport, Task<int>> deploy, TextWriter errors)
    {
        StackPlan plan;
        try
        {
            plan = await PlanRunner.PlanAsync(stackFile);
        }
        catch (SpecException invalid)
        {
            await errors.WriteLineAsync($"error: {invalid.Message}");
            return 1;
        }

        var report = PolicyEngine.Evaluate(plan, PolicyReportRenderer.Overrides(plan));
        if (report.HasMandatory)
        {
            await errors.WriteAsync(PolicyReportRenderer.Text(report));
            await errors.WriteLineAsync("error: mandatory policy violations: nothing was registered with the engine");
            return 1;
        }
        return await deploy(report);
    }

    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
        => Environment.GetEnvironmentVariables().Keys.Cast<string>().ToDictionary(k => k, Environment.GetEnvironmentVariable);
}
