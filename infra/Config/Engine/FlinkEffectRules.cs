using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BlinkInfra.Facts;
using YamlDotNet.RepresentationModel;

namespace BlinkInfra.Config;

/// <summary>
/// Flink settings judged by what they do (<see cref="FlinkEffects"/>), whatever key carries them: a JVM option or an
/// environment variable that opens a debugger or an agent, a metrics reporter that opens a port of its own, scheduling
/// that moves pods off their pool, labels and annotations others read, the entrypoint's own arguments, any other
/// listening port. A problem says what the setting does and what is allowed; null when the setting may stand.
/// </summary>
public static class FlinkEffectRules
{
    private static readonly string PushReporterNames = "slf4j, Prometheus push gateway, Datadog, InfluxDB, Graphite, StatsD, OpenTelemetry";

    public static string? ProblemWith(string setting, string value, IReadOnlyDictionary<string, string> settings)
    {
        if (FlinkEffects.IsJvmOptions(setting))
            return JvmOptionsProblem(value) is { } jvm ? $"JVM options for Flink's processes: {jvm}" : null;

        if (FlinkEffects.EnvironmentPrefixes.FirstOrDefault(p => setting.StartsWith(p, StringComparison.Ordinal)) is { } envPrefix)
            return EnvironmentProblem(setting[envPrefix.Length..], value);

        if (setting == FlinkEffects.EnvironmentFromSecrets)
        {
            foreach (var entry in value.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = entry.Split(',').Select(p => p.Split(':', 2)).FirstOrDefault(kv => kv.Length == 2 && kv[0].Trim() == "env")?[1].Trim();
                if (name is not null && (FlinkEffects.JvmOptionVariables.Contains(name) || FlinkEffects.SettingVariables.Contains(name)))
                    return $"sets {name} from a Kubernetes Secret, which {(FlinkEffects.SettingVariables.Contains(name) ? "the Flink image's entrypoint appends to the configuration, past every check here" : "the JVM or Flink's start script reads as JVM options, which no check here sees")}; allowed: environment variables other than {string.Join(", ", FlinkEffects.JvmOptionVariables.Concat(FlinkEffects.SettingVariables))}";
            }
            return null;
        }

        if (FlinkEffects.EntrypointSettings.FirstOrDefault(e => e.Key == setting) is { Key: not null } entrypoint)
            return $"{entrypoint.Effect}; allowed: no value: each Flink setting by its own key here, where it is checked";

        if (ReporterOf(setting) is { } reporter)
            return ReporterProblem(setting, reporter.Prefix, reporter.Name, settings);

        if (FlinkEffects.SchedulingSettings.FirstOrDefault(s => s.Key == setting) is { Key: not null } scheduling)
            return $"{scheduling.Effect}; allowed: no value: placement comes from the stack ({ConfigKeys.Section("engine")}.jobs[i].pool and {ConfigKeys.Section("compute")}.workerPools)";

        if (setting == FlinkEffects.JobManagerReplicas)
            return $"how many JobManagers run, which BlinkInfra sets from {ConfigKeys.Section("compute")}.highAvailability (two with HA: the operator's spec.jobManager.replicas), so fewer would switch the standby off; allowed: any other Flink setting";

        if (FlinkEffects.MetadataSettings.Contains(setting))
            return MetadataProblem(setting, value);

        if (FlinkEffects.ServerOptionPrefixes.Any(p => setting.StartsWith(p, StringComparison.Ordinal))
            && FlinkEffects.PortKeyEndings.Any(e => setting.EndsWith(e, StringComparison.Ordinal)))
            return $"a port a Flink server listens on, which no security group rule was derived for (the rules open only the ports BlinkInfra pins: infra/Facts/ClusterPorts.cs); allowed: no value";

        return null;
    }

    /// <summary>Judged settings under a key Flink's YAML configuration reads as a nested map ("env.java: {opts: ...}"): each flattened setting's problem.</summary>
    public static string? NestedProblem(string setting, string value, IReadOnlyDictionary<string, string> settings)
    {
        if (!value.TrimStart().StartsWith('{'))
            return null;
        Dictionary<string, string> flattened;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(value));
            if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode map)
                return null;
            flattened = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(setting, map, flattened, depth: 0);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
        var merged = settings.Concat(flattened).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        foreach (var (key, inner) in flattened.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (ProblemWith(key, inner, merged) is { } problem)
                return $"a nested map Flink reads as the setting {key}: {problem}";
        }
        return null;
    }

    private static void Flatten(string prefix, YamlMappingNode map, Dictionary<string, string> into, int depth)
    {
        if (depth > 8)
            return;
        foreach (var (key, node) in map.Children)
        {
            var name = $"{prefix}.{(key as YamlScalarNode)?.Value}";
            if (node is YamlMappingNode inner)
                Flatten(name, inner, into, depth + 1);
            else if (node is YamlScalarNode scalar)
                into[name] = scalar.Value ?? "";
        }
    }

    /// <summary>The first JVM option that opens a port or runs code no check sees, said with its effect.</summary>
    public static string? JvmOptionsProblem(string options)
    {
        foreach (var option in options.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var bare = option.Trim('"', '\'');
            foreach (var (refused, effect) in FlinkEffects.JvmOptionsRefused)
            {
                if (bare.StartsWith(refused, StringComparison.OrdinalIgnoreCase))
                    return $"{bare} {effect}; allowed: JVM options without {string.Join(", ", FlinkEffects.JvmOptionsRefused.Select(r => r.Option).Distinct())} (debug a job where it runs locally, and read its metrics from the Prometheus reporter the stack runs)";
            }
        }
        return null;
    }

    private static string? EnvironmentProblem(string variable, string value)
    {
        if (FlinkEffects.SettingVariables.Contains(variable))
            return $"sets {variable}, which the Flink image's entrypoint appends to the configuration: the settings in it pass none of the checks here; allowed: each Flink setting by its own key";
        if (FlinkEffects.JvmOptionVariables.Contains(variable) && JvmOptionsProblem(value) is { } jvm)
            return $"sets {variable}, which the JVM or Flink's start script reads as JVM options: {jvm}";
        return null;
    }

    private static (string Prefix, string Name)? ReporterOf(string setting)
    {
        foreach (var prefix in FlinkEffects.ReporterPrefixes)
        {
            if (!setting.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var rest = setting[prefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            return dot <= 0 ? null : (prefix, rest[..dot]);
        }
        return null;
    }

    private static string? ReporterProblem(string setting, string prefix, string name, IReadOnlyDictionary<string, string> settings)
    {
        var classKeys = FlinkEffects.ReporterClassKeys.Select(k => $"{prefix}{name}.{k}").ToList();
        var className = classKeys.Select(k => settings.TryGetValue(k, out var c) ? c.Trim() : null).OfType<string>().FirstOrDefault();
        // A reporter's own parameter without its class configures nothing here; the class is judged under its own key.
        if (className is null || (!classKeys.Contains(setting) && !setting.EndsWith(".port", StringComparison.Ordinal)))
            return null;
        var allowed = $"allowed: the Prometheus reporter BlinkInfra runs (metrics.reporter.{FlinkEffects.StackReporterName}, {ConfigKeys.Section("observability")}.metrics), or a reporter that pushes or logs and listens on nothing ({PushReporterNames})";
        if (FlinkEffects.PortReporters.FirstOrDefault(r => r.Class == className) is { Class: not null } port)
            return classKeys.Contains(setting)
                ? $"a {port.Name} reporter ({className}) named {name}: {port.Effect}; {allowed}"
                : null;
        if (FlinkEffects.PushReporters.Contains(className))
            return null;
        return classKeys.Contains(setting)
            ? $"a reporter BlinkInfra does not know ({className}) named {name}: it cannot tell whether it opens a port of its own; {allowed}"
            : null;
    }

    private static string? MetadataProblem(string setting, string value)
    {
        // Flink's map options: "k1:v1,k2:v2" (MetricOptions and KubernetesConfigOptions' map type).
        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = pair.Split(':', 2)[0].Trim().Trim('"', '\'', '{', '}', ' ');
            if (key.Length == 0)
                continue;
            if (FlinkEffects.ReservedMetadataKeys.Contains(key) || FlinkEffects.ReservedMetadataPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
                return $"sets {key}, which {WhatReads(key)}; allowed: labels and annotations of your own, not {string.Join(", ", FlinkEffects.ReservedMetadataKeys)} nor under {string.Join(", ", FlinkEffects.ReservedMetadataPrefixes)}";
        }
        return null;
    }

    private static string WhatReads(string key) => key switch
    {
        _ when key.StartsWith("prometheus.io/", StringComparison.Ordinal) => "the managed Prometheus reads to find the metrics the stack's alerts rely on: another value stops or misdirects the scrape",
        _ when key.StartsWith("pod-identity.alibabacloud.com/", StringComparison.Ordinal) => "ACK's RRSA webhook reads to choose the RAM role the pods assume",
        _ when key.StartsWith("k8s.aliyun.com/", StringComparison.Ordinal) || key.StartsWith("network.alibabacloud.com/", StringComparison.Ordinal) => "Terway reads to give a pod its own vSwitch and security groups, moving it off the network the stack's rules were derived for",
        _ when key.StartsWith("service.beta.kubernetes.io/", StringComparison.Ordinal) => "ACK's cloud controller reads to create and configure a load balancer",
        _ when key.StartsWith("blink.io/", StringComparison.Ordinal) => "BlinkInfra sets and selects nodes and pods by",
        _ => "Flink sets on its pods and selects them by (its JobManagers' spread over zones among them)",
    };
}
