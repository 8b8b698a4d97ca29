using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using BlinkInfra.Config;
using Pulumi;

namespace BlinkInfra.Engine;

/// <summary>
/// The customer's sources and sinks as jobs read them: "&lt;endpoint&gt;.&lt;setting&gt;" keys in a
/// ConfigMap (kind, host, port and the connector's own setting), never a secret; credentials go to a
/// Kubernetes Secret from the secret config key only.
/// </summary>
public static class EndpointSettings
{
    /// <summary>What stands for a secret the offline plan cannot decrypt (see StackFile).</summary>
    public const string UndecryptedSecret = "[secret]";

    public static InputMap<string> Data(ImmutableArray<DataEndpointSpec> endpoints)
    {
        var data = new InputMap<string>();
        foreach (var endpoint in endpoints.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            foreach (var (key, value) in SettingsOf(endpoint))
                data.Add($"{endpoint.Name}.{key}", value);
        }
        return data;
    }

    /// <summary>An endpoint's settings, the connector's own key last.</summary>
    public static IEnumerable<(string Key, string Value)> SettingsOf(DataEndpointSpec endpoint)
    {
        var port = endpoint.Port.ToString(CultureInfo.InvariantCulture);
        yield return ("kind", endpoint.Kind);
        yield return ("port", port);
        yield return ("cidr", endpoint.Cidr);
        if (endpoint.Host is not { } host)
            yield break;
        yield return ("host", host);
        var address = $"{host}:{port}";
        yield return endpoint.Kind switch
        {
            "kafka" => ("properties.bootstrap.servers", address),
            "rds" or "analyticdb" or "hybriddb-mysql" => ("url", $"jdbc:mysql://{address}"),
            "elasticsearch" => ("hosts", $"http://{address}"),
            "hbase" => ("zookeeper.quorum", address),
            "hitsdb" => ("url", $"http://{address}"),
            _ => ("endpoint", endpoint.Kind == "mq" ? address : $"http://{address}"),
        };
    }

    /// <summary>
    /// The Secret's entries from blink-infra:endpointCredentials: "&lt;endpoint&gt;.username" and
    /// ".password" for endpoints the spec lists. A malformed value stops the deployment naming the key.
    /// </summary>
    public static ImmutableDictionary<string, string> Credentials(string json, ImmutableArray<DataEndpointSpec> endpoints)
    {
        var key = ConfigKeys.Section(ConfigKeys.EndpointCredentials);
        if (json == UndecryptedSecret)
            return ImmutableDictionary<string, string>.Empty;
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            throw new RunException($"{key}: not JSON; allowed: an object of endpoint name to {{\"username\": ..., \"password\": ...}}");
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new RunException($"{key}: not an object; allowed: an object of endpoint name to {{\"username\": ..., \"password\": ...}}");

        var names = endpoints.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var entries = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in root.EnumerateObject())
        {
            if (!names.Contains(endpoint.Name))
                throw new RunException($"{key}: \"{endpoint.Name}\" is not an endpoint of blink-infra:dataAccess.endpoints; allowed: {string.Join(", ", names.OrderBy(n => n, StringComparer.Ordinal))}");
            foreach (var field in new[] { "username", "password" })
            {
                if (endpoint.Value.ValueKind != JsonValueKind.Object || !endpoint.Value.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
                    throw new RunException($"{key}: \"{endpoint.Name}\" has no {field}; allowed: {{\"username\": ..., \"password\": ...}}");
                entries[$"{endpoint.Name}.{field}"] = value.GetString()!;
            }
        }
        return entries.ToImmutable();
    }
}
