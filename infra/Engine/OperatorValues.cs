using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using Pulumi;

namespace BlinkInfra.Engine;

/// <summary>
/// The operator chart's values: on the masters, watching the jobs' namespace, webhook off; its image
/// (always set: the chart's default is on ghcr.io, which a cluster without internet egress cannot
/// reach); with jobs, its RRSA role and OSS endpoint.
/// </summary>
public static class OperatorValues
{
    public static InputMap<object> For(EngineSpec spec, string region, string? rrsaRoleName)
    {
        // With RRSA (jobs), the operator's credentials provider asks STS at the region's VPC endpoint (StsEndpoints); the
        // chart's operatorPod.env reaches the operator container.
        var values = Base(spec.Namespace, spec.OperatorImage, rrsaRoleName != null ? region : null);
        // The operator reports its own metrics to Prometheus on its metrics port (the operator's metrics
        // documentation), after the chart's own lines, which setting this key replaces.
        var lines = FlinkDefaults.OperatorChartConfiguration
            .Append($"kubernetes.operator.{FlinkPorts.PrometheusReporterFactorySetting}: {FlinkPorts.PrometheusReporterFactory}")
            .Append($"{FlinkPorts.OperatorMetrics.Setting}: {FlinkPorts.OperatorMetrics.Number.ToString(CultureInfo.InvariantCulture)}");
        if (rrsaRoleName != null)
        {
            values.Add("operatorServiceAccount", ImmutableDictionary<string, object>.Empty
                .Add("annotations", ImmutableDictionary<string, object>.Empty.Add(FlinkDefaults.PodIdentityRoleAnnotation, rrsaRoleName)));
            // The operator reads jars through Flink's OSS filesystem: the region's internal endpoint, and
            // the stack's fs.oss.* settings (such as its credentials provider).
            lines = lines
                .Append($"fs.oss.endpoint: {FlinkDefaults.OssInternalEndpoint(region)}")
                .Concat(spec.FlinkConfiguration.Where(p => p.Key.StartsWith("fs.oss.", StringComparison.Ordinal)).Select(p => $"{p.Key}: {p.Value}"));
        }
        values.Add("defaultConfiguration", ImmutableDictionary<string, object>.Empty
            .Add("create", true)
            .Add("append", true)
            .Add("flink-conf.yaml", string.Join("\n", lines) + "\n"));
        // The chart exposes the port on the operator's container (values.yaml metrics.port).
        values.Add("metrics", ImmutableDictionary<string, object>.Empty.Add("port", FlinkPorts.OperatorMetrics.Number));
        return values;
    }

    /// <summary>An image reference as the chart takes it: repository, tag, digest.</summary>
    public static ImmutableDictionary<string, object> Image(string reference)
    {
        var image = ImmutableDictionary<string, object>.Empty;
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            image = image.Add("digest", reference[(at + 1)..]);
            reference = reference[..at];
        }
        var colon = reference.LastIndexOf(':');
        if (colon > reference.LastIndexOf('/'))
            return image.Add("repository", reference[..colon]).Add("tag", reference[(colon + 1)..]);
        return image.Add("repository", reference).Add("tag", FlinkDefaults.OperatorVersion);
    }

    private static InputMap<object> Base(string jobsNamespace, string operatorImage, string? stsRegion)
        => new()
        {
            { "watchNamespaces", ImmutableArray.Create<object>(jobsNamespace) },
            { "image", Image(operatorImage) },
            // The webhook needs cert-manager, which this stack does not install: it is switched off
            // deliberately, and the CRDs' own schema still validates what is submitted.
            { "webhook", ImmutableDictionary<string, object>.Empty.Add("create", false) },
            // BlinkInfra creates the jobs' service account itself, with its RRSA role, and its role and
            // binding (FlinkRbac): the chart's would bind a role to a service account "flink" that does
            // not exist, and stay behind on uninstall (helm.sh/resource-policy: keep).
            { "jobServiceAccount", ImmutableDictionary<string, object>.Empty.Add("create", false) },
            { "rbac", ImmutableDictionary<string, object>.Empty
                .Add("jobRole", ImmutableDictionary<string, object>.Empty.Add("create", false))
                .Add("jobRoleBinding", ImmutableDictionary<string, object>.Empty.Add("create", false)) },
            { "operatorPod", OperatorPod(stsRegion) },
        };

    /// <summary>The chart's operatorPod: scraped, on the masters; with RRSA (a region), the STS environment.</summary>
    private static ImmutableDictionary<string, object> OperatorPod(string? region)
    {
        var pod = ImmutableDictionary<string, object>.Empty
                .Add("annotations", ImmutableDictionary<string, object>.Empty
                    .Add(FlinkDefaults.ScrapeAnnotation, "true")
                    .Add(FlinkDefaults.ScrapePortAnnotation, FlinkPorts.OperatorMetrics.Number.ToString(CultureInfo.InvariantCulture)))
                .Add("nodeSelector", MasterPlacement.NodeSelector())
                .Add("tolerations", MasterPlacement.Tolerations())
                // Requests of its own (the chart's are empty: BestEffort, evicted first) and the Flink pods' priority (PodHardening).
                .Add("resources", ImmutableDictionary<string, object>.Empty
                    .Add("requests", ImmutableDictionary<string, object>.Empty
                        .Add("cpu", $"{PodHardening.OperatorRequests.MilliCpu}m")
                        .Add("memory", $"{PodHardening.OperatorRequests.MemoryMiB}Mi"))
                    .Add("limits", ImmutableDictionary<string, object>.Empty.Add("memory", PodHardening.OperatorMemoryLimit)))
                .Add("priorityClassName", PodHardening.FlinkPriorityClass);
        return region is null
            ? pod
            : pod.Add("env", StsEndpoints.Environment(region)
                .Select(variable => (object)ImmutableDictionary<string, object>.Empty.Add("name", variable.Name).Add("value", variable.Value))
                .ToImmutableArray());
    }
}
