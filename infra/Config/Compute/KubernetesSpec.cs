using System.Net;

namespace BlinkInfra.Config;

/// <summary>The cluster's Kubernetes: its spec, its pinned version, its Service CIDR, API server exposure, deletion protection and kube-proxy's mode.</summary>
public sealed record KubernetesSpec(string ClusterSpec, string Version, IPNetwork2 ServiceCidr, bool ApiServerPublic, bool DeletionProtection,
    string ProxyMode = Facts.ClusterDefaults.DefaultProxyMode);
