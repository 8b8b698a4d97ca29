using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;

namespace BlinkInfra.Facts;

/// <summary>
/// Where the cluster's images and the operator's chart come from, and what can reach them.
///
/// Images are pulled by each node's kubelet, through the node's security group: with internet egress
/// off, a node reaches only the stack's own groups, its endpoints and Alibaba Cloud's services in
/// 100.64.0.0/10, among them the VPC endpoints of Container Registry (ACR) in the node's region.
/// Sources, read 2026-11-27: ACR, "Instance domain names of Personal Edition" (instances created before
/// 2024-09-09: registry.&lt;region&gt;.aliyuncs.com on the internet, registry-vpc.&lt;region&gt;.aliyuncs.com in
/// the region's VPCs; later ones: crpi-&lt;id&gt;.&lt;region&gt;.personal.cr.aliyuncs.com and
/// crpi-&lt;id&gt;-vpc.&lt;region&gt;.personal.cr.aliyuncs.com); ACR Enterprise Edition, "Configure access over
/// VPCs" (its VPC address is an IP of one of the customer's vSwitches, outside 100.64.0.0/10, so it is
/// reached like the internet here: with internet egress). A reference without a registry host is Docker
/// Hub's (the distribution reference grammar: the first component is a host only with a '.' or ':', or
/// localhost).
///
/// The chart is not pulled by the cluster: pulumi-kubernetes' Helm Release fetches it where `pulumi`
/// runs, on every preview and update (provider/pkg/provider/helm_release.go: Check, then helmTemplate and
/// getChart; pulumi/pulumi-kubernetes issue 1504: a repository that does not answer fails every `up`).
/// So the chart must stay where it is: the ASF keeps only current releases on downloads.apache.org (and
/// its CDN dlcdn.apache.org) and moves superseded ones to archive.apache.org, their permanent location
/// (infra.apache.org/release-distribution.html); the Flink Kubernetes Operator 1.15.0 release
/// announcement names https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/, and 1.16.0
/// superseded it on 2026-08-06.
/// </summary>
public static class ImageSources
{
    /// <summary>The ACR namespace the default registry reads from: the platform mirrors the two images there once (README).</summary>
    public const string DefaultNamespace = "blink-infra";

    /// <summary>The default registry: the region's ACR (Personal Edition) VPC endpoint, in the blink-infra namespace.</summary>
    public static string DefaultRegistry(string region) => $"registry-vpc.{region}.aliyuncs.com/{DefaultNamespace}";

    /// <summary>The chart's permanent location (archive.apache.org), a Helm repository holding 1.15.0.</summary>
    public const string OperatorChartRepository = "https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/";

    /// <summary>Hosts that keep only current releases, so a pinned chart disappears from them when the next one is out.</summary>
    public static readonly ImmutableArray<string> CurrentReleasesOnlyHosts = ImmutableArray.Create("downloads.apache.org", "dlcdn.apache.org");

    /// <summary>The images the charts default to, on the internet: the operator chart's values.yaml (1.15.0) image.repository.</summary>
    public const string OperatorChartImage = "ghcr.io/apache/flink-kubernetes-operator";

    /// <summary>The registry host of an image reference: Docker Hub's when it names none.</summary>
    public static string HostOf(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return "docker.io";
        var first = reference[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? first : "docker.io";
    }

    /// <summary>Whether a registry host is an ACR VPC endpoint of the region (of any region when it is not known).</summary>
    public static bool IsVpcEndpoint(string host, string? region)
    {
        var regionPattern = region is null ? "[a-z0-9-]+" : Regex.Escape(region);
        return Regex.IsMatch(host, $"^(registry-vpc\\.{regionPattern}\\.aliyuncs\\.com|[a-z0-9-]+-vpc\\.{regionPattern}\\.personal\\.cr\\.aliyuncs\\.com)\\z", RegexOptions.CultureInvariant);
    }

    /// <summary>Whether the cluster's nodes can pull this image without internet egress.</summary>
    public static bool ReachableWithoutInternet(string reference, string? region) => IsVpcEndpoint(HostOf(reference), region);

    /// <summary>Whether a chart repository URL is on a host that drops superseded releases.</summary>
    public static bool DropsSupersededReleases(string repositoryUrl)
        => Uri.TryCreate(repositoryUrl, UriKind.Absolute, out var uri) && CurrentReleasesOnlyHosts.Contains(uri.Host.ToLowerInvariant());
}
