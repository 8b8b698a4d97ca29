using System.Net;

namespace BlinkInfra.Config;

/// <summary>The cluster's Kubernetes: its spec, its pinned version, its Service CIDR, API server exposure and deletion protection.</summary>
public sealed record KubernetesSpec(string ClusterSpec, string Version, IPNetwork2 ServiceCidr, bool ApiServerPublic, bool DeletionProtection);
