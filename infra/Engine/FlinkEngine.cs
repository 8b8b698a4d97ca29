using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.CS;
using Pulumi.AliCloud.CS.Outputs;
using Pulumi.AliCloud.Oss;
using Pulumi.AliCloud.Oss.Inputs;
using RamRole = Pulumi.AliCloud.Ram.Role;
using RamRoleArgs = Pulumi.AliCloud.Ram.RoleArgs;
using Pulumi.AliCloud.Ram;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Helm.V3;
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

/// <summary>What <see cref="FlinkEngine"/> is built from.</summary>
public sealed record FlinkEngineArgs(
    EngineSpec Spec,
    ComputeSpec Compute,
    DataAccessSpec DataAccess,
    string Region,
    Input<string> ClusterId,
    Output<ManagedKubernetesRrsaMetadata> Rrsa,
    ImmutableArray<Resource> NodePools,
    Output<string>? EndpointCredentials,
    IReadOnlyDictionary<string, string> Tags);

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

    [Output("roleName")]
    public Output<string> RoleName { get; private set; }

    public FlinkEngine(string name, FlinkEngineArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var spec = args.Spec;

        // State: private, encrypted, versioned, and protected from deletion by Pulumi.
        var bucket = new Bucket($"{name}-state", new BucketArgs
        {
            BucketName = spec.Bucket,
            Acl = "private",
            ServerSideEncryptionRule = new BucketServerSideEncryptionRuleArgs { SseAlgorithm = "AES256" },
            // Qualified: Pulumi.AliCloud.Oss also has a BucketVersioningArgs (the standalone BucketVersioning resource's).
            Versioning = new Pulumi.AliCloud.Oss.Inputs.BucketVersioningArgs { Status = "Enabled" },
            Tags = Tagging.ToInputMap(args.Tags),
        }, new CustomResourceOptions { Parent = this, Protect = true });
        BucketName = Output.Create(spec.Bucket);

        // RRSA: a RAM role the engine's service account assumes through the cluster's OIDC provider.
        var (role, _) = RrsaAccess($"{name}-flink", args.Rrsa, new RrsaGrant(
            RoleName: $"{name}-flink",
            Who: "the engine",
            RoleDescription: $"BlinkInfra cluster {name}: the Flink engine's access to its state bucket",
            Namespace: spec.Namespace,
            ServiceAccount: FlinkDefaults.ServiceAccount,
            PolicyName: $"{name}-flink-state",
            PolicyDescription: $"BlinkInfra cluster {name}: read and write the state bucket {spec.Bucket}, nothing else",
            PolicyDocument: Documents.BucketAccess(spec.Bucket)), name);
        RoleName = role.RoleName;

        // The operator downloads session jobs' jars from the bucket's udf/ prefix itself: a role of its
        // own through RRSA, read-only on that prefix, exactly when the stack has jobs.
        RolePolicyAttachment? operatorAccess = null;
        var operatorRoleName = $"{name}-flink-operator";
        if (!spec.Jobs.IsEmpty)
        {
            (_, operatorAccess) = RrsaAccess($"{name}-operator", args.Rrsa, new RrsaGrant(
                RoleName: operatorRoleName,
                Who: "the operator",
                RoleDescription: $"BlinkInfra cluster {name}: the Flink operator reads job jars from {spec.Bucket}/{FlinkDefaults.UdfPrefix}",
                Namespace: FlinkDefaults.OperatorNamespace,
                ServiceAccount: FlinkDefaults.OperatorServiceAccount,
                PolicyName: $"{name}-flink-operator-jars",
                PolicyDescription: $"BlinkInfra cluster {name}: read job jars under {spec.Bucket}/{FlinkDefaults.UdfPrefix}, nothing else",
                PolicyDocument: Documents.JarRead(spec.Bucket)), name);
        }

        // Kubernetes, through a provider of this cluster's own, once its nodes are there.
        var credential = GetClusterCredential.Invoke(new GetClusterCredentialInvokeArgs { ClusterId = args.ClusterId }, new InvokeOptions { Parent = this });
        var kubernetes = new KubernetesProvider($"{name}-k8s", new KubernetesProviderArgs
        {
            KubeConfig = Output.CreateSecret(credential.Apply(c => c.KubeConfig)),
            EnableServerSideApply = true,
        }, new CustomResourceOptions { Parent = this, DependsOn = args.NodePools.ToArray() });
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

        var release = new Release($"{name}-operator", new ReleaseArgs
        {
            Name = FlinkDefaults.OperatorChart,
            Chart = FlinkDefaults.OperatorChart,
            Version = FlinkDefaults.OperatorVersion,
            RepositoryOpts = new RepositoryOptsArgs { Repo = FlinkDefaults.OperatorRepository },
            Namespace = FlinkDefaults.OperatorNamespace,
            Atomic = true,
            Values = OperatorValues.For(spec, args.Region, operatorAccess != null ? operatorRoleName : null),
        }, InCluster(new Resource?[] { operatorNamespace, jobsNamespace, operatorAccess }.OfType<Resource>().ToArray()));

        var serviceAccount = new ServiceAccount($"{name}-sa-flink", new ServiceAccountArgs
        {
            Metadata = new ObjectMetaArgs
            {
                Name = FlinkDefaults.ServiceAccount,
                Namespace = spec.Namespace,
                Annotations = { { FlinkDefaults.PodIdentityRoleAnnotation, role.RoleName } },
            },
        }, InCluster(jobsNamespace));
        var haRole = new KubernetesRole($"{name}-role-flink", new KubernetesRoleArgs
        {
            Metadata = new ObjectMetaArgs { Name = FlinkDefaults.ServiceAccount, Namespace = spec.Namespace },
            Rules = FlinkRbac.Rules(),
        }, InCluster(jobsNamespace));
        var binding = new RoleBinding($"{name}-rolebinding-flink", new RoleBindingArgs
        {
            Metadata = new ObjectMetaArgs { Name = FlinkDefaults.ServiceAccount, Namespace = spec.Namespace },
            RoleRef = new RoleRefArgs { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = FlinkDefaults.ServiceAccount },
            Subjects = { new SubjectArgs { Kind = "ServiceAccount", Name = FlinkDefaults.ServiceAccount, Namespace = spec.Namespace } },
        }, InCluster(haRole, serviceAccount));

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
                StringData = credentials.Apply(text => EndpointSettings.Credentials(text, args.DataAccess.Endpoints)),
            }, InCluster(jobsNamespace));
        }

        var sessions = new Dictionary<string, Resource>();
        foreach (var pool in args.Compute.WorkerPools)
        {
            var deployment = FlinkResources.SessionCluster($"{name}-flink-{pool.Name}", pool, spec, args.Region,
                InCluster(release, serviceAccount, binding, endpoints));
            sessions[pool.Name] = deployment;
        }
        foreach (var job in spec.Jobs)
            FlinkResources.SessionJob($"{name}-job-{job.Name}", job, spec, InCluster(sessions[job.Pool]));

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["bucketName"] = BucketName,
            ["roleName"] = RoleName,
        });
    }

    /// <summary>What one service account may do through RRSA: its role, and the one policy attached to it.</summary>
    private sealed record RrsaGrant(string RoleName, string Who, string RoleDescription, string Namespace, string ServiceAccount,
        string PolicyName, string PolicyDescription, string PolicyDocument);

    /// <summary>A RAM role trusted by one service account through the cluster's OIDC provider, with its policy attached.</summary>
    private (RamRole Role, RolePolicyAttachment Attachment) RrsaAccess(string prefix, Output<ManagedKubernetesRrsaMetadata> rrsa, RrsaGrant grant, string clusterName)
    {
        var role = new RamRole($"{prefix}-role", new RamRoleArgs
        {
            RoleName = grant.RoleName,
            Description = grant.RoleDescription,
            AssumeRolePolicyDocument = rrsa.Apply(metadata => Documents.RrsaTrust(
                metadata?.RamOidcProviderArn ?? throw new RunException($"cluster {clusterName} reports no RRSA OIDC provider; the role of {grant.Who} cannot trust it (is RRSA enabled on the cluster?)"),
                grant.Namespace, grant.ServiceAccount)),
        }, new CustomResourceOptions { Parent = this });
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
        }, new CustomResourceOptions { Parent = this });
        return (role, attachment);
    }
}

/// <summary>How the engine reaches the cluster's API server.</summary>
public static class ClusterAccess
{
    public const string CredentialToken = "alicloud:cs/getClusterCredential:getClusterCredential";
}

/// <summary>The RAM policy documents of the engine, as JSON text.</summary>
public static class Documents
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Trust for RRSA: only the engine's service account, through the cluster's OIDC provider.</summary>
    public static string RrsaTrust(string oidcProviderArn, string @namespace, string serviceAccount)
        => new JsonObject
        {
            ["Version"] = "1",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Action"] = "sts:AssumeRole",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Federated"] = new JsonArray(oidcProviderArn) },
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject
                    {
                        ["oidc:aud"] = "sts.aliyuncs.com",
                        ["oidc:sub"] = $"system:serviceaccount:{@namespace}:{serviceAccount}",
                    },
                },
            }),
        }.ToJsonString(Compact);

    /// <summary>Read-only on the bucket's job jars: what the operator needs to submit session jobs.</summary>
    public static string JarRead(string bucket)
        => new JsonObject
        {
            ["Version"] = "1",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("oss:GetObject"),
                ["Resource"] = new JsonArray($"acs:oss:*:*:{bucket}/{FlinkDefaults.UdfPrefix}*"),
            }),
        }.ToJsonString(Compact);

    /// <summary>Least privilege on the state bucket: its objects and listing, no other bucket.</summary>
    public static string BucketAccess(string bucket)
        => new JsonObject
        {
            ["Version"] = "1",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:ListObjects", "oss:GetBucketInfo", "oss:AbortMultipartUpload", "oss:ListParts"),
                ["Resource"] = new JsonArray($"acs:oss:*:*:{bucket}", $"acs:oss:*:*:{bucket}/*"),
            }),
        }.ToJsonString(Compact);
}

/// <summary>
/// The operator chart's values: on the masters, watching the jobs' namespace, webhook off; its image
/// (the stack's, or the chart's at the pinned version); with jobs, its RRSA role and OSS endpoint.
/// </summary>
public static class OperatorValues
{
    public static InputMap<object> For(EngineSpec spec, string region, string? rrsaRoleName)
    {
        var values = Base(spec.Namespace, spec.OperatorImage);
        if (rrsaRoleName != null)
        {
            values.Add("operatorServiceAccount", ImmutableDictionary<string, object>.Empty
                .Add("annotations", ImmutableDictionary<string, object>.Empty.Add(FlinkDefaults.PodIdentityRoleAnnotation, rrsaRoleName)));
            // The operator reads jars through Flink's OSS filesystem: the region's internal endpoint, and
            // the stack's fs.oss.* settings (such as its credentials provider), after the chart's own lines.
            var lines = FlinkDefaults.OperatorChartConfiguration
                .Append($"fs.oss.endpoint: {FlinkDefaults.OssInternalEndpoint(region)}")
                .Concat(spec.FlinkConfiguration.Where(p => p.Key.StartsWith("fs.oss.", StringComparison.Ordinal)).Select(p => $"{p.Key}: {p.Value}"));
            values.Add("defaultConfiguration", ImmutableDictionary<string, object>.Empty
                .Add("create", true)
                .Add("append", true)
                .Add("flink-conf.yaml", string.Join("\n", lines) + "\n"));
        }
        return values;
    }

    /// <summary>An image reference as the chart takes it: repository, tag, digest.</summary>
    public static ImmutableDictionary<string, object> Image(string? reference)
    {
        if (reference is null)
            return ImmutableDictionary<string, object>.Empty.Add("tag", FlinkDefaults.OperatorVersion);
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

    private static InputMap<object> Base(string jobsNamespace, string? operatorImage)
        => new()
        {
            { "watchNamespaces", ImmutableArray.Create<object>(jobsNamespace) },
            { "image", Image(operatorImage) },
            // The webhook needs cert-manager, which this stack does not install: it is switched off
            // deliberately, and the CRDs' own schema still validates what is submitted.
            { "webhook", ImmutableDictionary<string, object>.Empty.Add("create", false) },
            // BlinkInfra creates the jobs' service account itself, with its RRSA role.
            { "jobServiceAccount", ImmutableDictionary<string, object>.Empty.Add("create", false) },
            { "operatorPod", ImmutableDictionary<string, object>.Empty
                .Add("nodeSelector", MasterPlacement.NodeSelector())
                .Add("tolerations", MasterPlacement.Tolerations()) },
        };
}

/// <summary>Where the engine's control plane runs: on the masters, tolerating their taint.</summary>
public static class MasterPlacement
{
    public static ImmutableDictionary<string, object> NodeSelector()
        => ImmutableDictionary<string, object>.Empty.Add(NodeRoles.RoleLabel, NodeRoles.MasterRole);

    public static ImmutableArray<object> Tolerations()
        => ImmutableArray.Create<object>(Toleration(NodeRoles.RoleLabel, NodeRoles.MasterRole));

    public static ImmutableDictionary<string, object> Toleration(string key, string value)
        => ImmutableDictionary<string, object>.Empty
            .Add("key", key).Add("operator", "Equal").Add("value", value).Add("effect", NodeRoles.NoSchedule);
}

/// <summary>What the engine's service account may do in its namespace: Kubernetes HA and native session clusters.</summary>
public static class FlinkRbac
{
    public static InputList<PolicyRuleArgs> Rules()
        => new()
        {
            // Kubernetes HA keeps leader election and job metadata in ConfigMaps.
            new PolicyRuleArgs { ApiGroups = { "" }, Resources = { "configmaps" }, Verbs = { "get", "list", "watch", "create", "update", "patch", "delete" } },
            // A native session cluster's JobManager starts and stops its TaskManager pods.
            new PolicyRuleArgs { ApiGroups = { "" }, Resources = { "pods", "services" }, Verbs = { "get", "list", "watch", "create", "update", "patch", "delete" } },
        };
}
