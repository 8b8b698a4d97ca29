using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BlinkInfra.Config;
using Pulumi;

namespace BlinkInfra.Engine;

/// <summary>
/// The customer's sources and sinks as jobs read them: "&lt;endpoint&gt;.&lt;setting&gt;" keys in a
/// ConfigMap (kind, host, port and the connector's own setting), never a secret; credentials go to a
/// Kubernetes Secret from the secret config key only (see <see cref="EndpointCredentials"/>).
/// </summary>
public static class EndpointSettings
{
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
        yield return ("cidr", endpoint.Cidr.ToString());
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
}
