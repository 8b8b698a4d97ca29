using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Config;

/// <summary>
/// The project's config as it reaches the program, read once by whoever starts it (a stack file
/// offline, PULUMI_CONFIG under the engine): full keys ("blink-infra:cluster") to values, structured
/// values as JSON text. <see cref="SecretKeys"/> are the keys given as secrets; a secret whose value
/// could not be decrypted (offline) is among them and absent from <see cref="Values"/>.
/// <see cref="Overrides"/> are the BLINK_-prefixed environment variables layered over the values.
/// </summary>
public sealed record RawStackConfig(
    string StackName,
    ImmutableSortedDictionary<string, string> Values,
    ImmutableSortedSet<string> SecretKeys,
    ImmutableSortedDictionary<string, string> Overrides)
{
    /// <summary>
    /// The stack's keys outside the project's namespace (`alicloud:region`, or a misspelt
    /// `blink-infar:cluster`), each with its value as given (a secret's as the mask): the program reads
    /// none of them, and the front door refuses any outside the providers' namespaces.
    /// </summary>
    public ImmutableSortedDictionary<string, string> OtherNamespaces { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Values alone, no secrets and no overrides.</summary>
    public RawStackConfig(string stackName, ImmutableSortedDictionary<string, string> values)
        : this(stackName, values, ImmutableSortedSet<string>.Empty, ImmutableSortedDictionary<string, string>.Empty)
    {
    }

    /// <summary>The BLINK_ environment variables of an environment, to layer over a stack's values.</summary>
    public static ImmutableSortedDictionary<string, string> OverridesFrom(IDictionary environment)
        => environment.Keys.Cast<object>().Select(k => k.ToString()!)
            .Where(k => k.StartsWith(ConfigKeys.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .ToImmutableSortedDictionary(k => k, k => environment[k]?.ToString() ?? "", StringComparer.Ordinal);

    /// <summary>The same config with the current process's BLINK_ environment variables over it.</summary>
    public RawStackConfig WithProcessOverrides() => this with { Overrides = OverridesFrom(Environment.GetEnvironmentVariables()) };

    /// <summary>Whether a key was given as a secret that could not be read here.</summary>
    public bool IsUndecrypted(string key) => SecretKeys.Contains(key) && !Values.ContainsKey(key);
}
