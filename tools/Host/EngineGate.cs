using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using BlinkInfra.Policies;
using BlinkInfra.Recorder;
using Pulumi;

namespace BlinkInfra.Host;

/// <summary>
/// The program under `pulumi preview` and `pulumi up`: the config the engine passed is read and
/// loaded into a spec once; before anything is registered with the engine, the spec is planned
/// offline and checked. A stop (invalid config, a mandatory violation, or anything else that fails
/// before the deployment) is reported through the engine, as the real SDK reports a failed program:
/// inside a deployment that declares nothing, one RunException ends the run, which the runner logs as
/// its message and answers with exit code 32 ("already reported", so the language host adds nothing).
/// That message carries every reason for the stop (<see cref="StopMessage"/>): the runner awaits the
/// logging of the exception that ends the run, but returns without awaiting lines logged before it
/// with Log.Error, which can then be lost (Deployment.Runner.cs of Pulumi 3.112.1, WhileRunningAsync).
/// Otherwise the same spec is deployed, with the advisory violations as warnings on their resources.
/// </summary>
public static class EngineGate
{
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
                    throw new SpecException(new[] { new SpecError(DiagnosticCatalogue.DuplicateKey, property.Name, ConfigFrontDoor.Shorten(property.Value.ToString()), $"the same key as {first} when case is ignored; allowed: each key once") });
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
            throw new SpecException(new[] { new SpecError(DiagnosticCatalogue.TooLarge, variable, ConfigFrontDoor.Shorten(text), $"{text.Length} characters; allowed: at most {ConfigLimits.MaxFileBytes}") });
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = ConfigLimits.MaxDepth });
            if (document.RootElement.ValueKind == kind)
                return document.RootElement.Clone();
        }
        catch (JsonException)
        {
        }
        throw new SpecException(new[] { new SpecError(DiagnosticCatalogue.WrongShape, variable, ConfigFrontDoor.Shorten(text), $"not the JSON {(kind == JsonValueKind.Object ? "object" : "array")} the Pulumi engine passes; allowed: the config as `pulumi up` hands it to the program") });
    }

    /// <inheritdoc cref="RunAsync(Func{RawStackConfig}, Func{StackSpec, BlinkStackOptions, Task{int}}, Func{Action, Task{int}})"/>
    public static Task<int> RunAsync(RawStackConfig raw, Func<StackSpec, BlinkStackOptions, Task<int>> deploy, Func<Action, Task<int>> report)
        => RunAsync(() => raw, deploy, report);

    /// <summary>
    /// Reads the config, loads, plans and checks; deploys the spec through <paramref name="deploy"/>
    /// unless it must stop, and then runs the report of the stop through <paramref name="report"/>
    /// (Pulumi's Deployment.RunAsync(Action) under the engine), whose exit code it returns.
    /// </summary>
    public static async Task<int> RunAsync(Func<RawStackConfig> read, Func<StackSpec, BlinkStackOptions, Task<int>> deploy, Func<Action, Task<int>> report)
    {
        (Action? Stop, StackSpec? Spec, ImmutableArray<StackWarning> Warnings) checkedRun;
        try
        {
            checkedRun = await CheckAsync(read);
        }
        catch (Exception unexpected)
        {
            // Not a stop the gate knows: the runner reports it as it reports any exception in a program
            // ("Running program ... failed with an unhandled exception" and the stack trace), through the
            // engine, rather than the process crashing with it on stderr.
            checkedRun = (() => End(Task.FromException<bool>(unexpected)), null, ImmutableArray<StackWarning>.Empty);
        }
        return checkedRun.Stop is { } stop
            ? await report(stop)
            : await deploy(checkedRun.Spec!, new BlinkStackOptions { Warnings = checkedRun.Warnings });
    }

    /// <summary>The report of a stop; or none, the spec to deploy and the warnings for its resources.</summary>
    private static async Task<(Action? Stop, StackSpec? Spec, ImmutableArray<StackWarning> Warnings)> CheckAsync(Func<RawStackConfig> read)
    {
        StackSpec spec;
        RawStackConfig raw;
        try
        {
            // The front door (FromEnvironment) refuses what is not the config the engine writes, as invalid config too.
            raw = read();
            spec = SpecLoader.Load(raw, PolicyEngine.LevelNames);
        }
        catch (SpecException invalid)
        {
            var summary = $"the stack's config is invalid ({Count(invalid.Errors.Count, "error")}), so no resource was declared:";
            return (Stop(summary, invalid.Errors.Select(e => e.Line)), null, ImmutableArray<StackWarning>.Empty);
        }

        var plan = await Planner.PlanAsync(spec, raw.StackName);
        var report = PolicyEngine.Check(plan);
        if (report.HasMandatory)
        {
            var mandatory = report.Violations.Where(v => v.Level == EnforcementLevel.Mandatory).Select(PolicyReportRenderer.Diagnostic).ToList();
            var summary = $"{Count(mandatory.Count, "mandatory policy violation")}, so no resource was declared:";
            return (Stop(summary, mandatory), null, ImmutableArray<StackWarning>.Empty);
        }
        // A policy the stack lowered is said on every run, as `check` says it: never a silent downgrade.
        var warnings = report.Lowered.Select(lowered => new StackWarning(UserText.Shown(PolicyReport.NoticePrefix + PolicyReport.Notice(lowered))))
            .Concat(report.Advisories.Select(v => new StackWarning(PolicyReportRenderer.Diagnostic(v), v.ResourceType, v.ResourceName)))
            .ToImmutableArray();
        return (null, spec, warnings);
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>
    /// The message of the exception that stops the program: the summary, then each reason on a line of
    /// its own, indented (a reason's own further lines more deeply). The engine shows it as one error
    /// diagnostic on the stack: under `pulumi up` and `preview`, in `--json` events and in the update's log.
    /// </summary>
    public static string StopMessage(string summary, IEnumerable<string> reasons)
        => string.Join("\n", reasons.Select(r => "  " + r.ReplaceLineEndings("\n    ")).Prepend(summary));

    /// <summary>
    /// The report of a stop: no Log.Error beside it, whose line the runner could return without (above);
    /// the URN a log line could carry is of no use here either, as no resource was registered.
    /// </summary>
    private static Action Stop(string summary, IEnumerable<string> reasons)
    {
        var message = StopMessage(summary, reasons);
        return () => End(Task.FromException<bool>(new RunException(message)));
    }

    /// <summary>
    /// Inside a deployment: the run ended by <paramref name="ending"/>'s exception, carried by one output
    /// only, so that the runner logs it once (every Output registers its task with the runner, Output.cs;
    /// an exception thrown from the program itself would also fail the stack's outputs and its output
    /// registration, each logged again).
    /// </summary>
    private static void End(Task<bool> ending) => _ = Output.Create(ending);

    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
        => Environment.GetEnvironmentVariables().Keys.Cast<string>().ToDictionary(k => k, Environment.GetEnvironmentVariable);
}
