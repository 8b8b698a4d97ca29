using System.Collections.Generic;

namespace BlinkInfra.Config;

// The stack's config as written under the `blink-infra:` namespace of stacks/Pulumi.<stack>.yaml,
// bound as-is by Microsoft.Extensions.Configuration. Nothing here is trusted: SpecValidator checks
// it and SpecBuilder turns it into the typed StackSpec the components use. Property names are the
// config keys in camelCase.

/// <summary>All sections BlinkInfra reads, each one top-level key of the `blink-infra:` namespace.</summary>
public sealed class StackConfig
{
    public ClusterConfig? Cluster { get; set; }
    public NetworkConfig? Network { get; set; }
    public ComputeConfig? Compute { get; set; }
    public SecurityConfig? Security { get; set; }
    public DataAccessConfig? DataAccess { get; set; }
    public EngineConfig? Engine { get; set; }
    public PolicyConfig? Policy { get; set; }
}


/// <summary>`blink-infra:engine`.</summary>
public sealed class EngineConfig
{
    public string? Namespace { get; set; }
    public string? Bucket { get; set; }
    public int? JobManagerReplicas { get; set; }
    public int? CheckpointIntervalSeconds { get; set; }
    public string? Image { get; set; }
    public string? OperatorImage { get; set; }
    public Dictionary<string, string> FlinkConfiguration { get; set; } = new();
    public List<JobConfig> Jobs { get; set; } = new();
}

/// <summary>One item of `blink-infra:engine.jobs`: a job of UDF jars, run on a pool's session cluster.</summary>
public sealed class JobConfig
{
    public string? Name { get; set; }
    public string? Pool { get; set; }
    public string? JarPath { get; set; }
    public string? EntryClass { get; set; }
    public int? Parallelism { get; set; }
    public string? UpgradeMode { get; set; }
    public List<string> Args { get; set; } = new();
    public Dictionary<string, string> Config { get; set; } = new();
}

/// <summary>`blink-infra:cluster`.</summary>
public sealed class ClusterConfig
{
    public string? Name { get; set; }
    public string? Region { get; set; }
    public string? Billing { get; set; }
    public string? Mode { get; set; }
    public Dictionary<string, string> Tags { get; set; } = new();
}

/// <summary>`blink-infra:network`.</summary>
public sealed class NetworkConfig
{
    public string? VpcId { get; set; }
    public string? CidrBlock { get; set; }
    public List<string> UsedCidrBlocks { get; set; } = new();
    public int? VswitchPrefixLength { get; set; }
    public int? PodVswitchPrefixLength { get; set; }
    public List<ZoneConfig> Zones { get; set; } = new();
    public InternetEgressConfig? InternetEgress { get; set; }
}

/// <summary>`blink-infra:network.internetEgress`.</summary>
public sealed class InternetEgressConfig
{
    public bool? Enabled { get; set; }
    public int? BandwidthMbps { get; set; }
}

/// <summary>`blink-infra:security`.</summary>
public sealed class SecurityConfig
{
    public List<PeerGroupConfig> PeerGroups { get; set; } = new();
}

/// <summary>One item of `blink-infra:security.peerGroups`: another security group allowed in.</summary>
public sealed class PeerGroupConfig
{
    public string? SecurityGroupId { get; set; }
    public string? Role { get; set; }
    public string? Protocol { get; set; }
    public string? Ports { get; set; }
    public string? Description { get; set; }
}

/// <summary>`blink-infra:dataAccess`.</summary>
public sealed class DataAccessConfig
{
    public List<DataVswitchConfig> Vswitches { get; set; } = new();
    public CrossAccountConfig? CrossAccount { get; set; }
    public List<DataEndpointConfig> Endpoints { get; set; } = new();
}

/// <summary>One of the customer's vSwitches the cluster reaches through an ENI.</summary>
public sealed class DataVswitchConfig
{
    public string? Id { get; set; }
    public string? Zone { get; set; }
    public string? VpcId { get; set; }
}

/// <summary>`blink-infra:dataAccess.crossAccount`: the ENIs live in a tenant's account.</summary>
public sealed class CrossAccountConfig
{
    public string? TenantRoleArn { get; set; }
    public string? PlatformAccountId { get; set; }
}

/// <summary>One source or sink of the customer's.</summary>
public sealed class DataEndpointConfig
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Host { get; set; }
    public string? Cidr { get; set; }
    public int? Port { get; set; }
}

/// <summary>One item of `blink-infra:network.zones`.</summary>
public sealed class ZoneConfig
{
    public string? Id { get; set; }
    public string? CidrBlock { get; set; }
    public string? PodCidrBlock { get; set; }
}

/// <summary>`blink-infra:compute`.</summary>
public sealed class ComputeConfig
{
    public bool? HighAvailability { get; set; }
    public MastersConfig? Masters { get; set; }
    public KubernetesConfig? Kubernetes { get; set; }
    public List<WorkerPoolConfig> WorkerPools { get; set; } = new();
}

/// <summary>`blink-infra:compute.masters`.</summary>
public sealed class MastersConfig
{
    public string? InstanceType { get; set; }
    public string? ImageId { get; set; }
    public bool? Trusted { get; set; }
}

/// <summary>`blink-infra:compute.kubernetes`.</summary>
public sealed class KubernetesConfig
{
    public string? ClusterSpec { get; set; }
    public string? Version { get; set; }
    public string? ServiceCidr { get; set; }
    public bool? ApiServerPublic { get; set; }
    public bool? DeletionProtection { get; set; }
}

/// <summary>One item of `blink-infra:compute.workerPools`.</summary>
public sealed class WorkerPoolConfig
{
    public string? Name { get; set; }
    public string? Family { get; set; }
    public string? Kind { get; set; }
    public List<string> InstanceTypes { get; set; } = new();
    public int? Nodes { get; set; }
    public int? MinNodes { get; set; }
    public int? MaxNodes { get; set; }
    public int? ComputeUnits { get; set; }
    public List<string> Zones { get; set; } = new();
    public bool? Trusted { get; set; }
    public string? GpuDriverVersion { get; set; }
    public string? ImageId { get; set; }
}
