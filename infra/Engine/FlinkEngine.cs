using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.CS.Outputs;
using Pulumi.AliCloud.Oss;
using Pulumi.AliCloud.Oss.Inputs;
using RamRole = Pulumi.AliCloud.Ram.Role;
using RamRoleArgs = Pulumi.AliCloud.Ram.RoleArgs;
using Pulumi.AliCloud.Ram;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Policy.V1;
using Pulumi.Kubernetes.Scheduling.V1;
using Pulumi.Kubernetes.Types.Inputs.Policy.V1;
using Pulumi.Kubernetes.Types.Inputs.Scheduling.V1;
using Pulumi.Kubernetes.Rbac.V1;
using KubernetesRole = Pulumi.Kubernetes.Rbac.V1.Role;
using KubernetesRoleArgs = Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleArgs;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;
using KubernetesProvider = Pulumi.Kubernetes.Provider;
using KubernetesProviderArgs = Pulumi.Kubernetes.ProviderArgs;

namespace BlinkInfra.Engine;

/// <summary>
/// The Flink engine on the cluster: a Kubernetes provider from the cluster's credentials, the Flink
/// Kubernetes Operator on the masters, a protected OSS bucket for state reached through RRSA (no
/// access keys), one session cluster per worker pool, the jobs, and the endpoints handed to jobs.
/// </summary>
public sealed class FlinkEngine : ComponentResource
{
    public const string TypeToken = "blink:engine:FlinkEngine";

    [Output("bucketName")]
    public Output<string> BucketName { get; private set; }

    /// <summary>Each worker pool's session cluster's RAM role.</summary>
    [Output("roleNames")]
    public Output<ImmutableDictionary<string, string>> RoleNames { get; private set; }

    /// <summary>The cluster's Kubernetes, once its node pools are there: what other components declare Kubernetes objects through.</summary>
    public KubernetesProvider Kubernetes { get; }

    public FlinkEngine(string name, FlinkEngineArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var spec = args.Spec;

        // State: encrypted, versioned, protected from deletion by Pulumi, and kept cheap. Source:
        // terraform-provider-alicloud v1.285.0, website/docs/r/oss_bucket.html.markdown: redundancy_type
        // LRS or ZRS (ForceNew: the spec's choice, ZRS where the region offers it); lifecycle_rule with
        // noncurrent_version_expiration (versions Flink deleted or overwrote, every checkpoint interval),
        // abort_multipart_upload and an expiration of expired delete markers (once their versions are
        // gone), for the whole bucket (no prefix); `acl` is deprecated since 1.220.0 (Optional and
        // Computed: left out, the provider keeps reading it) in favour of alicloud_oss_bucket_acl, below.
        var state = spec.StateBucket;
        var bucket = new Bucket($"{name}-state", new BucketArgs
        {
            BucketName = state.Name,
            RedundancyType = state.Redundancy,
            // OSS-managed keys (AES256), or the stack's KMS key (sseAlgorithm KMS with kmsMasterKeyId; OSS then asks KMS
            // for every object's data key as the caller, so the RRSA roles below may use the key).
            ServerSideEncryptionRule = args.KmsKeyId is { } kmsKeyId
                ? new BucketServerSideEncryptionRuleArgs { SseAlgorithm = Encryption.SseKms, KmsMasterKeyId = kmsKeyId }
                : new BucketServerSideEncryptionRuleArgs { SseAlgorithm = Encryption.SseAes256 },
            // Qualified: Pulumi.AliCloud.Oss also has a BucketVersioningArgs (the standalone BucketVersioning resource's).
            Versioning = new Pulumi.AliCloud.Oss.Inputs.BucketVersioningArgs { Status = "Enabled" },
            LifecycleRules =
            {
                new BucketLifecycleRuleArgs
                {
                    Id = FlinkDefaults.StateLifecycleRule,
                    Enabled = true,
                    NoncurrentVersionExpirations = { new BucketLifecycleRuleNoncurrentVersionExpirationArgs { Days = state.NoncurrentVersionDays } },
                    AbortMultipartUploads = { new BucketLifecycleRuleAbortMultipartUploadArgs { Days = state.IncompleteUploadDays } },
                    Expirations = { new BucketLifecycleRuleExpirationArgs { ExpiredObjectDeleteMarker = true } },
                },
                // What the operator could not dispose of (a savepoint whose job was gone or stopped when history dropped
                // it, an upgrade's savepoint of a deleted job) expires under savepoints/; the whole-bucket rule above then
                // removes its noncurrent version (FlinkDefaults.SavepointsLifecycleRule; lifecycle_rule prefix, expiration.days).
                new BucketLifecycleRuleArgs
                {
                    Id = FlinkDefaults.SavepointsLifecycleRule,
                    Enabled = true,
                    Prefix = FlinkDefaults.SavepointsPrefix,
                    Expirations = { new BucketLifecycleRuleExpirationArgs { Days = state.SavepointDays } },
                },
            },
            Tags = Tagging.ToInputMap(args.Tags),
        }, new CustomResourceOptions
        {
            Parent = this,
            Protect = true,
            // A bucket's name is unique across OSS, and storageClass and redundancyType replace it under the same name
            // (infra/Facts/ChangeConsequences.cs, DeleteFirst): the old one must go first.
            DeleteBeforeReplace = true,
        });
        // The bucket's ACL and its public access block, as resources of their own. Sources:
        // terraform-provider-alicloud v1.285.0, alicloud_oss_bucket_acl (acl private, public-read or
        // public-read-write; bucket ForceNew; deleting it only forgets it, the bucket keeps its ACL) and
        // alicloud_oss_bucket_public_access_block (available since 1.224.0; block_public_access: OSS then
        // refuses public ACLs and public bucket policies on the bucket; bucket ForceNew).
        new BucketAcl($"{name}-state-acl", new BucketAclArgs
        {
            Bucket = bucket.BucketName,
            Acl = "private",
        }, new CustomResourceOptions { Parent = this });
        new BucketPublicAccessBlock($"{name}-state-public-access-block", new BucketPublicAccessBlockArgs
        {
            Bucket = bucket.BucketName,
            BlockPublicAccess = true,
        }, new CustomResourceOptions { Parent = this });
        BucketName = Output.Create(spec.Bucket);

        // RRSA: RAM roles the engine's service accounts assume through the cluster's OIDC provider.
        // The cluster's RRSA metadata is checked once, in an output (it exists only once the cluster
        // does). A RunException thrown inside an Apply would fail every input that carries it, each
        // reported by the real SDK as "error serializing property" with a stack trace; so every resource
        // whose inputs would carry it waits on the check through DependsOn instead, which the real SDK
        // gathers before it serializes any input (Deployment_Prepare.cs, PrepareResourceAsync): their
        // registrations fail with the RunException itself, which the runner logs as its message alone
        // (Deployment.Runner.cs), and what depends on them fails the same way when it awaits their URNs.
        var issuer = args.Rrsa.Apply(metadata => RrsaIssuer.Of(metadata, name));
        InputList<Resource> rrsaChecked = issuer.Apply(_ => ImmutableArray<Resource>.Empty);
        // One RAM role per session cluster, trusted by that session's service account alone and reaching only that session's
        // state (Documents.SessionStateAccess, issue 29.12): a job of one session can neither rewrite another session's
        // checkpoints, savepoints or HA metadata nor any job's jar. Finer is not possible: a session's jobs share its
        // JobManager's and TaskManagers' processes, and so their credentials.
        var sessionRoles = new Dictionary<string, RamRole>();
        foreach (var pool in args.Compute.WorkerPools)
        {
            var session = DerivedNames.SessionCluster(pool.Name);
            var startsFrom = spec.Jobs.Where(job => job.Pool == pool.Name && job.InitialSavepointPath != null)
                .Select(job => job.InitialSavepointPath![$"oss://{spec.Bucket}/".Length..]).ToList();
            (sessionRoles[pool.Name], _) = RrsaAccess($"{name}-flink-{pool.Name}", issuer, rrsaChecked, new RrsaGrant(
                RoleName: DerivedNames.SessionRole(name, pool.Name),
                RoleDescription: DerivedNames.SessionRoleDescription(name, pool.Name),
                Namespace: spec.Namespace,
                ServiceAccount: FlinkDefaults.SessionServiceAccount(pool.Name),
                PolicyName: DerivedNames.SessionPolicy(name, pool.Name),
                PolicyDescription: DerivedNames.SessionPolicyDescription(name, pool.Name, spec.Bucket),
                PolicyDocument: WithKey(args.KmsKeyArn, arn => Documents.SessionStateAccess(spec.Bucket, session, startsFrom, arn))));
        }
        // The roles' names as declared: the component's output does not wait on (nor fail with) the roles.
        RoleNames = Output.Create(args.Compute.WorkerPools.ToImmutableDictionary(pool => pool.Name, pool => DerivedNames.SessionRole(name, pool.Name)));

        // The operator downloads session jobs' jars from the bucket's udf/ prefix itself: a role of its
        // own through RRSA, read-only on that prefix, exactly when the stack has jobs.
        RolePolicyAttachment? operatorAccess = null;
        var operatorRoleName = DerivedNames.OperatorRole(name);
        if (!spec.Jobs.IsEmpty)
        {
            (_, operatorAccess) = RrsaAccess($"{name}-operator", issuer, rrsaChecked, new RrsaGrant(
                RoleName: operatorRoleName,
                RoleDescription: DerivedNames.OperatorRoleDescription(name, spec.Bucket),
                Namespace: FlinkDefaults.OperatorNamespace,
                ServiceAccount: FlinkDefaults.OperatorServiceAccount,
                PolicyName: DerivedNames.OperatorPolicy(name),
                PolicyDescription: DerivedNames.OperatorPolicyDescription(name, spec.Bucket),
                PolicyDocument: WithKey(args.KmsKeyArn, arn => Documents.JarRead(spec.Bucket, arn))));
        }

        // Kubernetes, through a provider of this cluster's own, once its nodes are there: every object declared through it
        // waits for the node pools and the pod identity webhook. Not the compute's <name>-k8s-system, whose Terway configs
        // must come before the node pools (why one provider would not do: ClusterCompute, where that one is declared).
        var kubernetes = new KubernetesProvider($"{name}-k8s", new KubernetesProviderArgs
        {
            KubeConfig = args.KubeConfig,
            EnableServerSideApply = true,
        }, new CustomResourceOptions { Parent = this, DependsOn = args.NodePools.ToArray() });
        Kubernetes = kubernetes;
        CustomResourceOptions InCluster(params Resource[] dependsOn)
        {
            var options = new CustomResourceOptions { Parent = this, Provider = kubernetes };
            foreach (var dependency in dependsOn)
                options.DependsOn.Add(dependency);
            return options;
        }

        var operatorNamespaceMetadata = new ObjectMetaArgs { Name = FlinkDefaults.OperatorNamespace };
        if (operatorAccess != null)
            operatorNamespaceMetadata.Labels.Add(FlinkDefaults.PodIdentityInjectionLabel, "on");
        var operatorNamespace = new Namespace($"{name}-ns-operator", new NamespaceArgs
        {
            Metadata = operatorNamespaceMetadata,
        }, InCluster());
        var jobsNamespace = new Namespace($"{name}-ns-jobs", new NamespaceArgs
        {
            Metadata = new ObjectMetaArgs
            {
                Name = spec.Namespace,
                Labels = { { FlinkDefaults.PodIdentityInjectionLabel, "on" } },
            },
        }, InCluster());

        // The JobManagers' and TaskManagers' (and the operator's) priority, above any pod without a class, such as batch work
        // (PodHardening); cluster-scoped. The operator's pod names it too, so the release waits for it.
        var priority = new PriorityClass($"{name}-priority-flink", new PriorityClassArgs
        {
            Metadata = new ObjectMetaArgs { Name = PodHardening.FlinkPriorityClass },
            Value = PodHardening.FlinkPriority,
            GlobalDefault = false,
            PreemptionPolicy = PodHardening.PreemptLowerPriority,
            Description = "BlinkInfra: the Flink JobManagers, TaskManagers and operator, above batch work",
        }, InCluster());

        var release = new Release($"{name}-operator", new ReleaseArgs
        {
            Name = FlinkDefaults.OperatorChart,
            Chart = FlinkDefaults.OperatorChart,
            Version = FlinkDefaults.OperatorVersion,
            // Fetched by the provider where `pulumi` runs, on every preview and up: a permanent location
            // (infra/Facts ImageSources; pulumi-kubernetes helm_release.go, issue 1504).
            RepositoryOpts = new RepositoryOptsArgs { Repo = spec.OperatorChartRepository },
            Namespace = FlinkDefaults.OperatorNamespace,
            Atomic = true,
            Values = OperatorValues.For(spec, args.Region, operatorAccess != null ? operatorRoleName : null),
        }, InCluster(new Resource?[] { operatorNamespace, jobsNamespace, operatorAccess, priority }.OfType<Resource>()
            // With internet egress, the images may come from the internet: the operator (and the session
            // clusters, which wait on it) start once the SNAT entries give the nodes and pods a way out.
            .Concat(args.InternetEgressReady).ToArray()));

        // A service account per session cluster, annotated with its own RAM role; one Role and one binding for all of them.
        var serviceAccounts = new Dictionary<string, ServiceAccount>();
        foreach (var pool in args.Compute.WorkerPools)
        {
            var serviceAccountOptions = InCluster(jobsNamespace);
            serviceAccountOptions.DependsOn.AddRange(rrsaChecked); // its annotation carries the role's name
            serviceAccounts[pool.Name] = new ServiceAccount($"{name}-sa-flink-{pool.Name}", new ServiceAccountArgs
            {
                Metadata = new ObjectMetaArgs
                {
                    Name = FlinkDefaults.SessionServiceAccount(pool.Name),
                    Namespace = spec.Namespace,
                    Annotations = { { FlinkDefaults.PodIdentityRoleAnnotation, sessionRoles[pool.Name].RoleName } },
                },
            }, serviceAccountOptions);
        }
        var haRole = new KubernetesRole($"{name}-role-flink", new KubernetesRoleArgs
        {
            Metadata = new ObjectMetaArgs { Name = FlinkDefaults.ServiceAccount, Namespace = spec.Namespace },
            Rules = FlinkRbac.Rules(),
        }, InCluster(jobsNamespace));
        var bindingArgs = new RoleBindingArgs
        {
            Metadata = new ObjectMetaArgs { Name = FlinkDefaults.ServiceAccount, Namespace = spec.Namespace },
            RoleRef = new RoleRefArgs { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = FlinkDefaults.ServiceAccount },
        };
        foreach (var pool in args.Compute.WorkerPools)
            bindingArgs.Subjects.Add(new SubjectArgs { Kind = "ServiceAccount", Name = FlinkDefaults.SessionServiceAccount(pool.Name), Namespace = spec.Namespace });
        var binding = new RoleBinding($"{name}-rolebinding-flink", bindingArgs, InCluster(new Resource[] { haRole }.Concat(serviceAccounts.Values).ToArray()));

        var endpoints = new ConfigMap($"{name}-endpoints", new ConfigMapArgs
        {
            Metadata = new ObjectMetaArgs { Name = "blink-endpoints", Namespace = spec.Namespace },
            Data = EndpointSettings.Data(args.DataAccess.Endpoints),
        }, InCluster(jobsNamespace));
        if (args.EndpointCredentials is { } credentials)
        {
            new Secret($"{name}-endpoint-credentials", new SecretArgs
            {
                Metadata = new ObjectMetaArgs { Name = "blink-endpoint-credentials", Namespace = spec.Namespace },
                Type = "Opaque",
                // A Pulumi secret from the config to the cluster: never in a plan, a log or the state in clear.
                StringData = Output.CreateSecret(credentials.Entries.ToImmutableDictionary()),
            }, InCluster(jobsNamespace));
        }

        var sessions = new Dictionary<string, Resource>();
        foreach (var pool in args.Compute.WorkerPools)
        {
            var deployment = FlinkResources.SessionCluster($"{name}-flink-{pool.Name}", pool, spec, args.Region,
                InCluster(release, serviceAccounts[pool.Name], binding, endpoints, priority));
            sessions[pool.Name] = deployment;
            // A session cluster with a standby keeps one JobManager through a drain or an ACK upgrade: at most one away at a
            // time. None for a single JobManager, whose budget would refuse every eviction and so block the masters' drains.
            if (spec.JobManagersOf(pool.Name) > 1)
            {
                var session = DerivedNames.SessionCluster(pool.Name);
                new PodDisruptionBudget($"{name}-pdb-{pool.Name}", new PodDisruptionBudgetArgs
                {
                    Metadata = new ObjectMetaArgs { Name = $"{session}-jobmanager", Namespace = spec.Namespace },
                    Spec = new PodDisruptionBudgetSpecArgs
                    {
                        MaxUnavailable = PodHardening.JobManagersMaxUnavailable,
                        // The labels Flink's native Kubernetes integration puts on a session's JobManager pods.
                        Selector = new LabelSelectorArgs { MatchLabels = { { "app", session }, { "component", "jobmanager" } } },
                    },
                }, InCluster(deployment));
            }
        }
        foreach (var job in spec.Jobs)
            FlinkResources.SessionJob($"{name}-job-{job.Name}", job, spec, InCluster(sessions[job.Pool]));

        // The checkpoint cleaner (issue 29.13): a RAM role of its own, listing and deleting only under the cleaned sessions'
        // checkpoints/ directories; a service account that role trusts; read of the operator's objects in the namespace.
        if (spec.CheckpointCleanup is { } cleanup)
        {
            var (cleanerRamRole, cleanerAccess) = RrsaAccess($"{name}-checkpoint-cleaner", issuer, rrsaChecked, new RrsaGrant(
                RoleName: DerivedNames.CleanerRole(name),
                RoleDescription: DerivedNames.CleanerRoleDescription(name),
                Namespace: spec.Namespace,
                ServiceAccount: CheckpointCleanup.Name,
                PolicyName: DerivedNames.CleanerPolicy(name),
                PolicyDescription: DerivedNames.CleanerPolicyDescription(name, spec.Bucket),
                PolicyDocument: Documents.CheckpointCleanup(spec.Bucket, cleanup.Sessions)));
            var cleanerAccountOptions = InCluster(jobsNamespace);
            cleanerAccountOptions.DependsOn.AddRange(rrsaChecked);
            var cleanerAccount = new ServiceAccount($"{name}-sa-checkpoint-cleaner", new ServiceAccountArgs
            {
                Metadata = new ObjectMetaArgs
                {
                    Name = CheckpointCleanup.Name,
                    Namespace = spec.Namespace,
                    Annotations = { { FlinkDefaults.PodIdentityRoleAnnotation, cleanerRamRole.RoleName } },
                },
            }, cleanerAccountOptions);
            var cleanerRole = new KubernetesRole($"{name}-role-checkpoint-cleaner", new KubernetesRoleArgs
            {
                Metadata = new ObjectMetaArgs { Name = CheckpointCleanup.Name, Namespace = spec.Namespace },
                Rules = { new PolicyRuleArgs { ApiGroups = { "flink.apache.org" }, Resources = CheckpointCleanup.ReadsKinds, Verbs = { "get", "list" } } },
            }, InCluster(jobsNamespace));
            var cleanerBinding = new RoleBinding($"{name}-rolebinding-checkpoint-cleaner", new RoleBindingArgs
            {
                Metadata = new ObjectMetaArgs { Name = CheckpointCleanup.Name, Namespace = spec.Namespace },
                RoleRef = new RoleRefArgs { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = CheckpointCleanup.Name },
                Subjects = { new SubjectArgs { Kind = "ServiceAccount", Name = CheckpointCleanup.Name, Namespace = spec.Namespace } },
            }, InCluster(cleanerRole, cleanerAccount));
            CheckpointCleaner.Declare($"{name}-checkpoint-cleaner", cleanup, spec, args.Region,
                InCluster(release, cleanerAccount, cleanerBinding, cleanerAccess));
        }

        // Every [Output] property, under its name (ComponentResource.RegisterOutputs(), Pulumi 3.59 and later).
        RegisterOutputs();
    }

    /// <summary>What one service account may do through RRSA: its role, and the one policy attached to it.</summary>
    private sealed record RrsaGrant(string RoleName, string RoleDescription, string Namespace, string ServiceAccount,
        string PolicyName, string PolicyDescription, Input<string> PolicyDocument);

    /// <summary>A policy document, naming the stack's KMS key when it has one (known once the key is).</summary>
    private static Input<string> WithKey(Output<string>? kmsKeyArn, System.Func<string?, string> document)
        => kmsKeyArn is null ? document(null) : kmsKeyArn.Apply(arn => document(arn));

    /// <summary>A RAM role trusted by one service account through the cluster's OIDC provider, with its policy attached.</summary>
    private (RamRole Role, RolePolicyAttachment Attachment) RrsaAccess(string prefix, Output<RrsaIssuer> issuer, InputList<Resource> rrsaChecked, RrsaGrant grant)
    {
        var role = new RamRole($"{prefix}-role", new RamRoleArgs
        {
            RoleName = grant.RoleName,
            Description = grant.RoleDescription,
            AssumeRolePolicyDocument = issuer.Apply(trusted => Documents.RrsaTrust(trusted.OidcProviderArn, trusted.IssuerUrl, grant.Namespace, grant.ServiceAccount)),
        }, new CustomResourceOptions { Parent = this, DependsOn = rrsaChecked });
        var policy = new Policy($"{prefix}-policy", new PolicyArgs
        {
            PolicyName = grant.PolicyName,
            Description = grant.PolicyDescription,
            PolicyDocument = grant.PolicyDocument,
        }, new CustomResourceOptions { Parent = this });
        var attachment = new RolePolicyAttachment($"{prefix}-role-policy", new RolePolicyAttachmentArgs
        {
            RoleName = role.RoleName,
            PolicyName = policy.PolicyName,
            PolicyType = "Custom",
        }, new CustomResourceOptions { Parent = this, DependsOn = rrsaChecked });
        return (role, attachment);
    }
}
