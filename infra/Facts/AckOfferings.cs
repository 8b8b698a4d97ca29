using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>
/// What ACK offers that could not be confirmed from here (issue 29.15), as data: the advisory ack-offerings-unconfirmed
/// reads it, so a fact confirmed later is one line here. Read on <see cref="ReadOn"/>:
/// - ACK, "Kubernetes version overview and mechanism" (last updated 2026-03-17): 1.35 released February 2026, end of support
///   2027-02-28; clusters are created on the three most recent minor versions, and ACK publishes new patch versions for
///   fixes. No page read lists which patch versions (x.y.z-aliyun.n) CreateCluster still takes today; the 1.35 release
///   notes name 1.35.1-aliyun.1 and 1.35.2-aliyun.1 (read 2026-11-27, ClusterDefaults.KubernetesVersion). What settles it is
///   the provider's data source alicloud_cs_kubernetes_version (since 1.170.0; Pulumi CS.getKubernetesVersion, clusterType
///   ManagedKubernetes) or ACK's DescribeKubernetesVersionMetadata (GET /api/v1/metadata/versions), both needing an account.
/// - ACK, "List of NVIDIA driver versions supported by ACK": its 2024-09-19 edition lists for Kubernetes "1.30 and later" the
///   default 535.161.07 and custom 550.90.07 and 550.54.14 among others (the rest of its list was not readable here); its
///   current edition (2026-03-26) was read only in part and names no version for 1.35 in what was read. "Specify a custom
///   GPU driver version for a node" (2026-03-26): a version ACK does not list falls back to the default driver, without an
///   error. 535.161.08 (the gpu-shanghai example's) appears in no list read.
/// </summary>
public static class AckOfferings
{
    public const string ReadOn = "2026-12-05";

    /// <summary>Kubernetes versions a source read on <see cref="ReadOn"/> shows ACK still creates: none could be confirmed.</summary>
    public static readonly ImmutableHashSet<string> VersionsConfirmedCreatable = ImmutableHashSet<string>.Empty;

    /// <summary>NVIDIA drivers ACK lists for custom installation, by Kubernetes minor version, as far as read (see the summary).</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> DriversConfirmed = ImmutableDictionary<string, ImmutableArray<string>>.Empty
        .Add("1.30", ImmutableArray.Create("535.161.07", "550.54.14", "550.90.07"));

    /// <summary>"1.35" of "1.35.2-aliyun.1".</summary>
    public static string? MinorOf(string? version)
    {
        var parts = version?.Split('.');
        return parts is { Length: >= 2 } ? $"{parts[0]}.{parts[1]}" : null;
    }
}
