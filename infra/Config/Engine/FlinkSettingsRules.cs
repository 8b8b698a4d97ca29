using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>
/// Flink settings checked by meaning, wherever a stack can give them (`engine.flinkConfiguration` for
/// every session cluster, a job's `config`): a setting name Flink could read, a value of one line (the
/// operator writes each setting as a line of Flink's configuration file), no credential in plain
/// text (<see cref="SecretNames"/>), none of the settings the program derives under any name Flink
/// reads for them (<see cref="FlinkDefaults.SettingsFromSpec"/>), none that exposes a service
/// (<see cref="FlinkDefaults.ExposingSettings"/>), and none whose effect opens a port, turns off HA or the reporter
/// the stack relies on, or moves pods off their pool, under whatever key (<see cref="FlinkEffectRules"/>).
/// </summary>
public static class FlinkSettingsRules
{
    // Flink's option keys: dotted words of letters, digits, '-', '_' (and '$' in internal keys).
    private static readonly Regex SettingName = new(@"^[A-Za-z0-9_$][A-Za-z0-9_$.-]*\z", RegexOptions.CultureInvariant);
    public const int MaxNameLength = 256;

    private const string CredentialsCommand =
        "pulumi config set --secret blink-infra:endpointCredentials '{\"<endpoint>\": {\"username\": \"...\", \"password\": \"...\"}}'";

    /// <summary>Adds a failure for each setting of <paramref name="property"/> (FlinkConfiguration, Config) that is refused.</summary>
    public static void Check<T>(IReadOnlyDictionary<string, string> settings, string property, ValidationContext<T> context)
    {
        var path = context.PropertyChain.BuildPropertyPath(property);
        foreach (var (setting, value) in settings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            void Fail(DiagnosticEntry code, string problem, object? given)
                => context.AddFailure(new ValidationFailure($"{path}[{setting}]", problem) { ErrorCode = code.Code, AttemptedValue = given });

            if (setting.Length > MaxNameLength || !SettingName.IsMatch(setting))
            {
                Fail(DiagnosticCatalogue.MalformedValue, $"not a Flink setting's name; allowed: a dotted name of letters, digits, '-' and '_', at most {MaxNameLength} characters, such as restart-strategy.type", value);
                continue;
            }
            if (SecretNames.IsSecret(setting))
            {
                Fail(DiagnosticCatalogue.PlainTextSecret, $"names a credential (infra/Facts/SecretNames.cs), and Flink settings are stored in plain text in the operator's custom resources; allowed: no credential here: give an endpoint's as a secret, {CredentialsCommand}, and reach OSS through RRSA, without a key", Secrets.Mask);
                continue;
            }
            if (value.Any(c => char.IsControl(c) && c != '\t'))
            {
                Fail(DiagnosticCatalogue.ControlCharacter, "a value of more than one line (or with control characters), which would be written as extra lines of Flink's configuration file; allowed: a value on one line", value);
                continue;
            }
            if (FlinkDefaults.DerivedSettingReadAs(setting) is { } derived)
            {
                var problem = setting == derived.Key || derived.Prefixes.Any(prefix => setting.StartsWith(prefix, StringComparison.Ordinal))
                    ? $"set by BlinkInfra from {derived.Source}"
                    : $"Flink reads it for {derived.Key}, which BlinkInfra sets from {derived.Source}";
                Fail(DiagnosticCatalogue.NotAllowed, $"{problem}; allowed: any other Flink setting", value);
                continue;
            }
            // Flink's YAML configuration nests: "execution.checkpointing: {dir: ...}" is execution.checkpointing.dir.
            if (value.TrimStart().StartsWith('{') && FlinkDefaults.SettingsFromSpec.FirstOrDefault(d => d.Names.Any(n => n.StartsWith(setting + ".", StringComparison.Ordinal))) is { } nested)
            {
                Fail(DiagnosticCatalogue.NotAllowed, $"a nested map Flink reads as settings under {setting}., among them {nested.Key}, which BlinkInfra sets from {nested.Source}; allowed: single settings by their full names", value);
                continue;
            }
            if (FlinkDefaults.ExposingSettings.FirstOrDefault(e => e.IsReadAs(setting)) is { } exposing
                && !exposing.SafeValues.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                var readAs = setting == exposing.Key ? "" : $"Flink reads it for {exposing.Key}: ";
                Fail(DiagnosticCatalogue.NotAllowed, $"{readAs}{exposing.Reason}; allowed: {(exposing.SafeValues.IsEmpty ? "no value: BlinkInfra leaves it to Flink's Kubernetes integration" : string.Join(" or ", exposing.SafeValues))}", value);
                continue;
            }
            // By effect, whatever key carries it (FlinkEffects): debuggers and agents, reporters with ports of their
            // own, scheduling off the pool, labels others read, the entrypoint's arguments, any other listening port.
            if ((FlinkEffectRules.ProblemWith(setting, value, settings) ?? FlinkEffectRules.NestedProblem(setting, value, settings)) is { } effect)
                Fail(DiagnosticCatalogue.NotAllowed, effect, value);
        }
    }
}
