using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>What is lost with a resource of one kind, said as the diff says it: when it is replaced, and when it is deleted.</summary>
public sealed record Loss(string Type, string What, string WhenReplaced, string WhenDeleted, bool RestartsJobs);

/// <summary>A kind whose replacement must delete the old resource first: what must stay unique while the old one stands, and where that is said.</summary>
public sealed record UniqueKey(string Type, string Key, string Why, string Source);

/// <summary>
/// What changes cost beyond the step itself (read 2026-12-05): the kinds of resource that cost machines
/// or hold state, whose deletion or replacement every diff names loudly; the kinds the cloud cannot
/// hold twice under one key, which are deleted before they are replaced; and what a VPC's block can
/// change to.
/// </summary>
public static class ChangeConsequences
{
    public const string JobsRestart = "running Flink jobs restart: every job on what is replaced or deleted is stopped and submitted again by the operator, from its last checkpoint or savepoint only where that is still readable";

    /// <summary>
    /// The kinds whose loss costs machines or state. Sources: ACK node pools release their ECS instances
    /// with the pool (DeleteClusterNodepool); a vSwitch can only be deleted once nothing is in it
    /// (DeleteVSwitch); OSS, Log Service and KMS delete what they hold with the bucket, project, logstore
    /// or key (DeleteBucket, DeleteProject, DeleteLogStore, ScheduleKeyDeletion); the Flink Kubernetes
    /// Operator stops a session cluster's JobManager and TaskManagers when its FlinkDeployment goes, and a
    /// session job with its FlinkSessionJob; Kubernetes deletes every object in a deleted namespace.
    /// </summary>
    public static readonly ImmutableDictionary<string, Loss> Losses = new[]
    {
        new Loss("alicloud:vpc/switch:Switch", "vSwitch",
            "a vSwitch is deleted only once it is empty, so every machine and pod address in it (the node pools' machines, TaskManagers, JobManagers) is destroyed with it and created again in the new one",
            "every machine and pod address in it (the node pools' machines, TaskManagers, JobManagers) must go first", true),
        new Loss("alicloud:cs/managedKubernetes:ManagedKubernetes", "the ACK cluster",
            "the cluster and everything in it (every node pool's machines, the operator, every session cluster and job) are destroyed and created again; the API server's address and kubeconfig change, and with deletion protection on (the default) Alibaba Cloud refuses to delete the old cluster until it is switched off",
            "the cluster and everything in it (every node pool's machines, the operator, every session cluster and job) are destroyed; with deletion protection on (the default) Alibaba Cloud refuses until it is switched off", true),
        new Loss("alicloud:cs/nodePool:NodePool", "the node pool",
            "its machines are released and new ones created, killing the pods on them (TaskManagers; on the masters' pool the JobManagers and the operator)",
            "its machines are released, killing the pods on them (TaskManagers; on the masters' pool the JobManagers and the operator); subscription machines stay billed until they expire", true),
        new Loss("alicloud:oss/bucket:Bucket", "the state bucket",
            "a new, empty bucket is created; the checkpoints, savepoints, HA metadata and UDF jars in the old one are not carried over, so jobs cannot restore from them (the bucket is protected: pulumi up refuses until protect is lifted)",
            "the checkpoints, savepoints, HA metadata and UDF jars in it are lost (the bucket is protected: pulumi up refuses until protect is lifted, and OSS refuses to delete a bucket that is not empty)", false),
        new Loss("alicloud:log/project:Project", "the Log Service project",
            "every logstore in it and every log they hold (Flink's, the operator's, the control plane's and the audit log) is deleted with it; the new project starts empty",
            "every logstore in it and every log they hold (Flink's, the operator's, the control plane's and the audit log) is deleted with it", false),
        new Loss("alicloud:log/store:Store", "the logstore",
            "every log it holds is deleted; the new logstore starts empty",
            "every log it holds is deleted", false),
        new Loss("alicloud:kms/key:Key", "the KMS key",
            "what it encrypted (the cluster's Secrets, the node disks, the bucket's objects) stays encrypted with the old key, which is scheduled for deletion: once KMS destroys it (after the pending window) none of that can be read (the key is protected: pulumi up refuses until protect is lifted)",
            "it is scheduled for deletion: once KMS destroys it (after the pending window) nothing it encrypted (the cluster's Secrets, the node disks, the bucket's objects) can be read (the key is protected: pulumi up refuses until protect is lifted)", false),
        new Loss("kubernetes:flink.apache.org/v1beta1:FlinkDeployment", "the session cluster",
            "its JobManager and TaskManagers are stopped and started again, and every job on it with them",
            "its JobManager and TaskManagers are stopped, and every job on it with them", true),
        new Loss("kubernetes:flink.apache.org/v1beta1:FlinkSessionJob", "the Flink job",
            "the job is cancelled and submitted again, from its last checkpoint or savepoint only where that is still readable",
            "the job is cancelled (with a savepoint only where its upgrade mode takes one)", true),
        new Loss("kubernetes:core/v1:Namespace", "the Kubernetes namespace",
            "Kubernetes deletes every object in it (session clusters, jobs, their HA ConfigMaps) before it is created again",
            "Kubernetes deletes every object in it (session clusters, jobs, their HA ConfigMaps)", true),
    }.ToImmutableDictionary(l => l.Type);

    /// <summary>
    /// The kinds a replacement may leave with the same key (some input outside the key forces it, or
    /// `pulumi up --replace` and a taint do), which the cloud cannot hold twice: the components declare
    /// them with deleteBeforeReplace, and a test holds every declared one to it.
    /// </summary>
    public static readonly ImmutableDictionary<string, UniqueKey> DeleteFirst = new[]
    {
        new UniqueKey("alicloud:log/project:Project", "projectName",
            "a Log Service project's name is unique in its region across all Alibaba Cloud accounts",
            "Simple Log Service API CreateProject, usage notes (last updated 2026-03-27)"),
        new UniqueKey("alicloud:log/store:Store", "projectName, logstoreName",
            "a logstore's name is unique in its project, and shardCount, encryptConf and telemetryType replace it under the same name",
            "Simple Log Service API CreateLogStore; terraform-provider-alicloud v1.285.0 alicloud_log_store (ForceNew)"),
        new UniqueKey("alicloud:oss/bucket:Bucket", "bucket",
            "a bucket's name is unique across OSS, and storageClass and redundancyType replace it under the same name",
            "OSS bucket naming rules; terraform-provider-alicloud v1.285.0 alicloud_oss_bucket (ForceNew)"),
        new UniqueKey("alicloud:vpc/routeEntry:RouteEntry", "routeTableId, destinationCidrblock",
            "the destination blocks of the route entries in one route table must be unique, and every input of a route entry replaces it",
            "VPC API CreateRouteEntries, usage notes; terraform-provider-alicloud v1.285.0 alicloud_route_entry (no Update function)"),
    }.ToImmutableDictionary(k => k.Type);

    /// <summary>
    /// A VPC's primary block can change in place (terraform-provider-alicloud v1.285.0 alicloud_vpc:
    /// cidr_block is not ForceNew), but "if you specify a smaller IPv4 CIDR block and existing IP
    /// addresses do not fall within the CIDR block, the modification fails" (VPC API ModifyVpcAttribute,
    /// CidrBlock), and Pulumi updates the VPC before it touches the vSwitches that depend on it.
    /// </summary>
    public const string VpcBlockSource = "VPC API ModifyVpcAttribute, CidrBlock: \"if you specify a smaller IPv4 CIDR block and existing IP addresses do not fall within the CIDR block, the modification fails\"";
}
