using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;

namespace BlinkInfra.Config;

/// <summary>
/// Reads `blink-infra:endpointCredentials` into <see cref="EndpointCredentials"/>, checked against the
/// stack's endpoints before any resource is declared. Messages never show the value.
/// </summary>
public static class EndpointCredentialsBuilder
{
    private const string Allowed = "an object of endpoint name to {\"username\": ..., \"password\": ...}";

    /// <summary>The credentials of the context's data endpoints, from the config's secret; null when it gives none.</summary>
    public static EndpointCredentials? Build(RawStackConfig raw, SpecContext context)
    {
        if (context.DataAccess is not { } dataAccess)
            return null;
        var endpoints = dataAccess.Endpoints;
        var errors = context.Errors;
        var key = ConfigKeys.Section(ConfigKeys.EndpointCredentials);
        if (raw.IsUndecrypted(key))
            return new EndpointCredentials(Readable: false, ImmutableSortedDictionary<string, string>.Empty);
        if (!raw.Values.TryGetValue(key, out var json))
            return null;
        // Credentials are given as a secret, or not at all: plain text would sit in the stack file and the state.
        if (!raw.SecretKeys.Contains(key))
        {
            errors.Add(new SpecError(DiagnosticCatalogue.PlainTextSecret, key, Secrets.Mask,
                $"credentials given in plain text; allowed: a secret, set with pulumi config set --secret {key} '{{\"<endpoint>\": {{\"username\": \"...\", \"password\": \"...\"}}}}'"));
            return null;
        }

        if (context.SecretObject(key, Allowed) is not { } root)
            return null;

        var names = endpoints.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var entries = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in root.EnumerateObject())
        {
            if (!names.Contains(endpoint.Name))
            {
                errors.Add(new SpecError(DiagnosticCatalogue.UnknownValue, key, Secrets.Mask,
                    $"\"{endpoint.Name}\" is not an endpoint of blink-infra:dataAccess.endpoints; allowed: {(names.Count == 0 ? "none, the stack declares no endpoints" : string.Join(", ", names.OrderBy(n => n, StringComparer.Ordinal)))}"));
                continue;
            }
            foreach (var field in new[] { "username", "password" })
            {
                if (endpoint.Value.ValueKind != JsonValueKind.Object || !endpoint.Value.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
                    errors.Add(new SpecError(DiagnosticCatalogue.MissingRequired, key, Secrets.Mask, $"\"{endpoint.Name}\" has no {field}; allowed: {{\"username\": ..., \"password\": ...}}"));
                else
                    entries[$"{endpoint.Name}.{field}"] = value.GetString()!;
            }
        }
        return new EndpointCredentials(Readable: true, entries.ToImmutable());
    }
}
