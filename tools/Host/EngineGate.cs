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
    /// <summary>Exit codes, as the CLI's: refused by a policy 1, refused as invalid config 2, an internal error 3.</summary>
    public const int RefusedByPolicy = 1;
    public const int InvalidConfig = 2;
    public const int InternalError = 3;

    /// <summary>
    /// The config the engine's environment passes: PULUMI_STACK, PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS
    /// and BLINK_ overrides. Keys outside the project's namespace are kept by name for the front door
    /// (ConfigFrontDoor), which refuses a misspelt namespace; text that is not the JSON the engine
    /// writes is refused as invalid config.
    /// </summary>
    public static RawStackConfig FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        var stack = environment.GetValueOrDefault("PULUMI_STACK") ?? "stack";
        var ours = ConfigKeys.Namespace + ":";
        var config = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var others = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var secrets = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        var secretKeys = new HashSet<string>(StringComparer.Ordinal);
        if (environment.GetValueOrDefault("PULUMI_CONFIG_SECRET_KEYS") is { Length: > 0 } keys)
        {
            foreach (var key in ReadJson("PULUMI_CONFIG_SECRET_KEYS", keys, JsonValueKind.Array).EnumerateArray().Select(k => k.ToString()))
            {
                secretKeys.Add(key);
                if (key.StartsWith(ours, StringComparison.Ordinal))
                    secrets.Add(key);
            }
        }
        if (environment.GetValueOrDefault("PULUMI_CONFIG") is { Length: > 0 } json)
        {
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in ReadJson("PULUMI_CONFIG", json, JsonValueKind.Object).EnumerateObject())
            {
                if (seen.TryGetValue(property.Name, out var first))
                    throw new SpecException(new[] { new SpecError(property.Name, ConfigFrontDoor.Shorten(property.Value.ToString()), $"the same key as {first} when case is ignored; allowed: each key once") });
                seen[property.Name] = property.Name;
                if (property.Name.StartsWith(ours, StringComparison.Ordinal))
                    config[property.Name] = property.Value.ToString();
                else
                    others[property.Name] = secretKeys.Contains(property.Name) ? Secrets.Mask : property.Value.ToString();
            }
        }
        var overrides = environment.Where(kv => kv.Key.StartsWith(ConfigKeys.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value ?? "", StringComparer.Ordinal);
        return new RawStackConfig(stack, config.ToImmutable(), secrets.ToImmutable(), overrides) { OtherNamespaces = others.ToImmutable() };
    }

    private static JsonElement ReadJson(string variable, string text, JsonValueKind kind)
    {
        if (text.Length > ConfigLimits.MaxFileBytes)
            throw new SpecException(new[] { new SpecError(variable, ConfigFrontDoor.Shorten(text), $"{text.Length} characters; allowed: at most {ConfigLimits.MaxFileBytes}") });
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = ConfigLimits.MaxDepth });
            if (document.RootElement.ValueKind == kind)
                return document.RootElement.Clone();
        }
        catch (JsonException)
        {
        }
        throw new SpecException(new[] { new SpecError(variable, ConfigFrontDoor.Shorten(text), $"not the JSON {(kind == JsonValueKind.Object ? "object" : "array")} the Pulumi engine passes; allowed: the config as `pulumi up` hands it to the program") });
    }

    /// <summary>Reads the engine's environment, then <see cref="RunAsync(RawStackConfig, Func{StackSpec, BlinkStackOptions, Task{int}}, TextWriter)"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> environment, Func<StackSpec, BlinkStackOptions, Task<int>> deploy, TextWriter errors)
    {
        RawStackConfig raw;
        try
        {
            raw = FromEnvironment(environment);
        }
        catch (SpecException invalid)
        {
            await errors.WriteLineAsync($"error: refused as invalid config (exit {InvalidConfig}): {invalid.Message}");
            return InvalidConfig;
        }
        return await RunAsync(raw, deploy, errors);
    }

    /// <summary>Loads, plans and checks; deploys the spec through <paramref name="deploy"/> unless a mandatory policy is violated.</summary>
    public static async Task<int> RunAsync(RawStackConfig raw, Func<StackSpec, BlinkStackOptions, Task<int>> deploy, TextWriter errors)
    {
        StackSpec spec;
        BlinkStackOptions options;
        try
        {
            spec = SpecLoader.Load(raw, PolicyEngine.PolicyNames);
            var plan = await Planner.PlanAsync(spec, raw.StackName);
            var report = PolicyEngine.Evaluate(plan, PolicyReportRenderer.Overrides(plan));
            if (report.HasMandatory)
            {
                await errors.WriteAsync(PolicyReportRenderer.Text(report));
                await errors.WriteLineAsync($"error: refused by policy (exit {RefusedByPolicy}): mandatory policy violations: nothing was registered with the engine");
                return RefusedByPolicy;
            }
            options = new BlinkStackOptions { Warnings = report.Advisories.Select(PolicyReportRenderer.Warning).ToImmutableArray() };
        }
        catch (SpecException invalid)
        {
            await errors.WriteLineAsync($"error: refused as invalid config (exit {InvalidConfig}): {invalid.Message}");
            return InvalidConfig;
        }
        catch (Exception internalError)
        {
            // A bug of the program's, not the stack's: one line, no stack trace, its own code.
            await errors.WriteLineAsync($"error: internal error (exit {InternalError}): {internalError.GetType().Name}: {OneLine(internalError.Message)}");
            return InternalError;
        }
        return await deploy(spec, options);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
        => Environment.GetEnvironmentVariables().Keys.Cast<string>().ToDictionary(k => k, Environment.GetEnvironmentVariable);
}
