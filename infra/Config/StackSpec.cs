using System.Collections.Immutable;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

// The typed, validated spec the components are built from. Everything in it has been checked and
// defaulted; components never read config themselves.

public sealed record StackSpec(ClusterSpec Cluster, NetworkSpec Network, ComputeSpec Compute, SecuritySpec Security, DataAccessSpec DataAccess, EngineSpec Engine, PolicySpec Policy, EndpointCredentials? EndpointCredentials);


/// <summary>The Flink engine: where it runs, its state bucket, HA, and the jobs it runs.</summary>
public sealed record EngineSpec(
    string Namespace,
    string Bucket,
    bool HighAvailability,
    int JobManagerReplicas,
    int CheckpointIntervalSeconds,
    string Image,
    string? OperatorImage,
    ImmutableSortedDictionary<string, string> FlinkConfiguration,
    ImmutableArray<JobSpec> Jobs);

/// <summary>A job: its jar under the bucket's udf/ prefix, the pool whose session cluster runs it, and how it upgrades.</summary>
public sealed record JobSpec(
    string Name,
    string Pool,
    string JarPath,
    string? EntryClass,
    int Parallelism,
    string UpgradeMode,
    ImmutableArray<string> Args,
    ImmutableSortedDictionary<string, string> Config);

/// <summary>Other security groups let into the cluster.</summary>
public sealed record SecuritySpec(ImmutableArray<PeerGroupSpec> PeerGroups);

/// <summary>Ingress from another security group into one role's group.</summary>
public sealed record PeerGroupSpec(string SecurityGroupId, string Role, string Protocol, string PortRange, string? Description);

/// <summary>The ENIs into the customer's VPC and the endpoints reached through them.</summary>
public sealed record DataAccessSpec(
    ImmutableArray<DataVswitchSpec> Vswitches,
    CrossAccountSpec? CrossAccount,
    ImmutableArray<DataEndpointSpec> Endpoints)
{
    public bool Enabled => Vswitches.Length > 0;
}

public sealed record DataVswitchSpec(string Id, string Zone, string VpcId);

public sealed record CrossAccountSpec(string TenantRoleArn, string PlatformAccountId);

/// <summary>A source or sink: the CIDR its egress rule opens, its port, and the host jobs connect to.</summary>
public sealed record DataEndpointSpec(string Name, string Kind, string? Host, string Cidr, int Port);

/// <summary>Internet egress through a NAT gateway and an EIP; off unless enabled.</summary>
public sealed record InternetEgressSpec(bool Enabled, int BandwidthMbps);

public sealed record ClusterSpec(
    string Name,
    string Region,
    BillingMode Billing,
    ImmutableSortedDictionary<string, string> Tags);

/// <summary>The cluster's VPC: created (ExistingVpcId null) or the customer's own, given by id.</summary>
public sealed record NetworkSpec(
    string? ExistingVpcId,
    string VpcCidrBlock,
    ImmutableArray<string> UsedCidrBlocks,
    ImmutableArray<ZoneSpec> Zones,
    InternetEgressSpec InternetEgress);

/// <summary>One zone of the cluster and the CIDR blocks of its node and pod vSwitches (given or planned).</summary>
public sealed record ZoneSpec(string ZoneId, string CidrBlock, bool Planned, string PodCidrBlock, bool PodPlanned);

/// <summary>The cluster's Kubernetes, masters and worker pools.</summary>
public sealed record ComputeSpec(
    bool HighAvailability,
    KubernetesSpec Kubernetes,
    MasterSpec Masters,
    ImmutableArray<WorkerPoolSpec> WorkerPools,
    int? TotalComputeUnits);

/// <summary>The cluster's Kubernetes: its spec, its pinned version, its Service CIDR, API server exposure and deletion protection.</summary>
public sealed record KubernetesSpec(string ClusterSpec, string Version, string ServiceCidr, bool ApiServerPublic, bool DeletionProtection);

/// <summary>The master machines (the nodes of the JobManagers and the operator): one per zone listed (3 in HA mode, 1 otherwise); no image id for ACK's own.</summary>
public sealed record MasterSpec(string InstanceType, string? ImageId, ImmutableArray<string> Zones, bool SizedByLadder);

/// <summary>A pool's size: a fixed node count, or autoscaling between a minimum and a maximum.</summary>
public sealed record PoolSize(int MinNodes, int MaxNodes, bool Autoscaling, int? RequestedComputeUnits)
{
    public int? DesiredNodes => Autoscaling ? null : MaxNodes;
}

public sealed record WorkerPoolSpec(
    string Name,
    string Family,
    MachineKind Kind,
    ImmutableArray<string> InstanceTypes,
    PoolSize Size,
    ImmutableArray<string> Zones,
    string? GpuDriverVersion,
    string? ImageId,
    int? ComputeUnitsPerNode);
