using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Config;
using BlinkInfra.Engine;
using BlinkInfra.Plan;
using Json.Schema;
using NUnit.Framework;
using Pulumi;
using Pulumi.Testing;
using YamlDotNet.RepresentationModel;

namespace BlinkInfra.Tests;

/// <summary>The Flink engine: provider, operator, state bucket and RRSA, session clusters, jobs and endpoints.</summary>
public class EngineTests
{
    private const string DeploymentType = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";
    private const string SessionJobType = "kubernetes:flink.apache.org/v1beta1:FlinkSessionJob";

    private static string Stack(bool highAvailability = true, string engine = "", string pools = "")
        => $$"""
            {{TestStacks.SmallClusterAndNetwork}}
              blink-infra:compute:
                highAvailability: {{(highAvailability ? "true" : "false")}}
                workerPools:
                  - {name: cpu, family: g7, instanceTypes: [ecs.g7.2xlarge], nodes: 3}
            {{pools}}
              blink-infra:engine:
                bucket: blink-t-state
            {{engine}}
            """;

    private const string GpuPool = "      - {name: gpu, family: gn6i, instanceTypes: [ecs.gn6i-c24g1.12xlarge], nodes: 1, gpuDriverVersion: \"535.161.08\"}";

    private static string[] Errors(string yaml) => SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    private static JsonObject Spec(PlannedResource resource) => resource.Inputs["spec"]!.AsObject();

    [Test]
    public async Task Kubernetes_objects_use_a_provider_built_from_the_clusters_credentials_that_waits_for_the_node_pools()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));

        var provider = plan.Resources.Single(r => r.Type == "pulumi:providers:kubernetes" && r.Name == "blink-t-k8s");
        Assert.That(provider.Inputs["kubeconfig"]!.GetValue<string>(), Is.EqualTo(Secrets.Mask), "the kubeconfig is a secret");
        Assert.That(provider.PropertyDependencies["kubeconfig"], Is.EqualTo(new[] { new ResourceRef("alicloud:cs/managedKubernetes:ManagedKubernetes", "blink-t-ack") }));
        Assert.That(provider.DependsOn, Is.EqualTo(new[]
        {
            new ResourceRef("alicloud:cs/nodePool:NodePool", "blink-t-pool-masters"),
            new ResourceRef("alicloud:cs/nodePool:NodePool", "blink-t-pool-cpu"),
            new ResourceRef("alicloud:cs/kubernetesAddon:KubernetesAddon", "blink-t-addon-ack-pod-identity-webhook"),
        }), "the nodes, and the pod identity webhook that injects RRSA's credentials into the pods");
        // The engine's objects; the masters' Terway config goes through the compute's provider, which does not wait for the pools.
        var kubernetesObjects = plan.Resources.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal) && r.Parent?.Type == "blink:engine:FlinkEngine").ToList();
        Assert.That(kubernetesObjects, Is.Not.Empty);
        Assert.That(kubernetesObjects.Select(r => r.Provider), Has.All.EqualTo(provider.Ref), "passed explicitly to every Kubernetes object");

        var (_, mocks) = await StackRunner.RunAsync(Stack());
        var lookups = mocks.Calls.Where(c => c.Token == ClusterAccess.CredentialToken).ToList();
        Assert.That(lookups.Select(l => l.Args["clusterId"]), Is.EqualTo(new[] { "blink-t-ack-id" }), "read once, by the compute, for both providers");
        Assert.That(mocks.Single("pulumi:providers:kubernetes", "blink-t-k8s").Inputs["kubeconfig"], Does.Contain("blink-t-ack-id"));
        Assert.That(mocks.Single("pulumi:providers:kubernetes", "blink-t-k8s-system").Inputs["kubeconfig"], Is.EqualTo(mocks.Single("pulumi:providers:kubernetes", "blink-t-k8s").Inputs["kubeconfig"]),
            "the masters' Terway config's provider and the engine's: one cluster, one kubeconfig");
    }

    [Test]
    public async Task The_operator_is_the_pinned_chart_on_the_masters_with_its_webhook_switched_off()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack());

        var release = mocks.Single("kubernetes:helm.sh/v3:Release", "blink-t-operator").Inputs;
        Assert.That((release["chart"], release["version"], release["namespace"]), Is.EqualTo(("flink-kubernetes-operator", "1.15.0", "flink-operator")));
        Assert.That(((ImmutableDictionary<string, object>)release["repositoryOpts"])["repo"], Is.EqualTo("https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/"));
        Assert.That(release.Keys, Is.EquivalentTo(new[] { "atomic", "chart", "compat", "name", "namespace", "repositoryOpts", "values", "version" }),
            "compat is the one input pulumi-kubernetes' Release adds itself");
        var values = JsonValues.ToNode(release["values"])!.ToJsonString();
        Assert.That(values, Is.EqualTo("""{"defaultConfiguration":{"append":true,"create":true,"flink-conf.yaml":"kubernetes.operator.metrics.reporter.slf4j.factory.class: org.apache.flink.metrics.slf4j.Slf4jReporterFactory\nkubernetes.operator.metrics.reporter.slf4j.interval: 5 MINUTE\nkubernetes.operator.reconcile.interval: 15 s\nkubernetes.operator.observer.progress-check.interval: 5 s\nkubernetes.operator.metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory\nkubernetes.operator.metrics.reporter.prom.port: 9999\n"},"image":{"repository":"registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink-kubernetes-operator","tag":"1.15.0"},"jobServiceAccount":{"create":false},"metrics":{"port":9999},"operatorPod":{"annotations":{"prometheus.io/port":"9999","prometheus.io/scrape":"true"},"nodeSelector":{"blink.io/role":"master"},"priorityClassName":"blink-flink","resources":{"limits":{"memory":"1Gi"},"requests":{"cpu":"500m","memory":"1024Mi"}},"tolerations":[{"effect":"NoSchedule","key":"blink.io/role","operator":"Equal","value":"master"}]},"rbac":{"jobRole":{"create":false},"jobRoleBinding":{"create":false}},"watchNamespaces":["flink"],"webhook":{"create":false}}"""),
            "the operator reports to Prometheus on 9999, exposed by the chart and annotated for the managed Prometheus");
        Assert.That(mocks.Single("kubernetes:core/v1:Namespace", "blink-t-ns-operator").Inputs["metadata"], Is.EquivalentTo(new Dictionary<string, object> { ["name"] = "flink-operator" }));
    }

    [Test]
    public async Task State_lives_in_a_zone_redundant_encrypted_versioned_protected_bucket_that_expires_what_flink_deleted()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));

        var bucket = plan.Resources.Single(r => r.Type == "alicloud:oss/bucket:Bucket");
        Assert.That(bucket.Protect, Is.True);
        // No acl on the bucket: deprecated since provider 1.220.0 for the BucketAcl resource.
        Assert.That(bucket.Inputs.ToJsonString(), Is.EqualTo("""{"bucket":"blink-t-state","lifecycleRules":[{"abortMultipartUploads":[{"days":1}],"enabled":true,"expirations":[{"expiredObjectDeleteMarker":true}],"id":"blink-state-retention","noncurrentVersionExpirations":[{"days":7}]},{"enabled":true,"expirations":[{"days":30}],"id":"blink-savepoints-expiry","prefix":"savepoints/"}],"redundancyType":"ZRS","serverSideEncryptionRule":{"sseAlgorithm":"AES256"},"tags":{"blink.io/cluster":"blink-t","blink.io/managed-by":"blink-infra","blink.io/stack":"dev"},"versioning":{"status":"Enabled"}}"""));
        var acl = plan.Resources.Single(r => r.Type == "alicloud:oss/bucketAcl:BucketAcl");
        Assert.That((acl.Name, acl.Inputs.ToJsonString()), Is.EqualTo(("blink-t-state-acl", """{"acl":"private","bucket":"blink-t-state"}""")));
        Assert.That(acl.PropertyDependencies["bucket"], Is.EqualTo(new[] { bucket.Ref }));
        var block = plan.Resources.Single(r => r.Type == "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock");
        Assert.That((block.Name, block.Inputs.ToJsonString()), Is.EqualTo(("blink-t-state-public-access-block", """{"blockPublicAccess":true,"bucket":"blink-t-state"}""")));
        Assert.That(block.PropertyDependencies["bucket"], Is.EqualTo(new[] { bucket.Ref }));
    }

    [Test]
    public async Task The_state_buckets_retention_and_redundancy_come_from_the_config()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(engine: "    stateRedundancy: LRS\n    stateRetention: {noncurrentVersionDays: 30, incompleteUploadDays: 3, savepointDays: 90}")));

        var bucket = plan.Resources.Single(r => r.Type == "alicloud:oss/bucket:Bucket");
        Assert.That(bucket.Inputs["redundancyType"]!.GetValue<string>(), Is.EqualTo("LRS"));
        Assert.That(bucket.Inputs["lifecycleRules"]!.ToJsonString(), Is.EqualTo("""[{"abortMultipartUploads":[{"days":3}],"enabled":true,"expirations":[{"expiredObjectDeleteMarker":true}],"id":"blink-state-retention","noncurrentVersionExpirations":[{"days":30}]},{"enabled":true,"expirations":[{"days":90}],"id":"blink-savepoints-expiry","prefix":"savepoints/"}]"""),
            "savepoints the operator could not dispose of expire under savepoints/");
    }

    [Test]
    public void Zone_redundancy_is_offered_by_region_and_retention_has_bounds()
    {
        Assert.That(BlinkInfra.Facts.AlibabaCloud.DefaultOssRedundancy("cn-hangzhou"), Is.EqualTo("ZRS"));
        Assert.That(BlinkInfra.Facts.AlibabaCloud.DefaultOssRedundancy("cn-wulanchabu"), Is.EqualTo("ZRS"));
        Assert.That(BlinkInfra.Facts.AlibabaCloud.DefaultOssRedundancy("cn-qingdao"), Is.EqualTo("LRS"), "not in OSS's ZRS list");
        Assert.That(Errors(Stack(engine: "    stateRedundancy: GRS\n    stateRetention: {noncurrentVersionDays: 0, incompleteUploadDays: 4000}")), Is.EqualTo(new[]
        {
            "blink-infra:engine.stateRedundancy = \"GRS\": not an OSS redundancy type; allowed: LRS, ZRS (ZRS by default where the region offers it; the provider replaces the bucket when it changes, so an existing LRS bucket keeps LRS)",
            "blink-infra:engine.stateRetention.noncurrentVersionDays = \"0\": allowed: 1 to 3650 days a version Flink deleted or overwrote is kept before it expires",
            "blink-infra:engine.stateRetention.incompleteUploadDays = \"4000\": allowed: 1 to 3650 days an unfinished multipart upload is kept before it is aborted",
        }));
    }

    [Test]
    public async Task With_jobs_the_operator_reads_their_jars_through_rrsa_with_a_read_only_role_on_udf()
    {
        const string engine = "    operatorImage: registry.cn-hangzhou.aliyuncs.com/acme/flink-kubernetes-operator:1.15.0-oss\n" +
                              "    flinkConfiguration: {fs.oss.credentials.provider: com.acme.flink.RrsaCredentialsProvider, restart-strategy.type: fixed-delay}\n" +
                              "    jobs: [{name: enrich, pool: cpu, jarPath: udf/enrich.jar}]";
        var (_, mocks) = await StackRunner.RunAsync(Stack(engine: engine));

        var trust = JsonNode.Parse((string)mocks.Single("alicloud:ram/role:Role", "blink-t-operator-role").Inputs["assumeRolePolicyDocument"])!;
        Assert.That(trust["Statement"]![0]!["Condition"]!["StringEquals"]!["oidc:sub"]!.GetValue<string>(), Is.EqualTo("system:serviceaccount:flink-operator:flink-operator"));
        Assert.That(trust["Statement"]![0]!["Condition"]!["StringEquals"]!.AsObject().Select(c => c.Key), Is.EqualTo(new[] { "oidc:iss", "oidc:aud", "oidc:sub" }));
        var policy = mocks.Single("alicloud:ram/policy:Policy", "blink-t-operator-policy").Inputs;
        Assert.That((string)policy["policyDocument"], Is.EqualTo("""{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject"],"Resource":["acs:oss:*:*:blink-t-state/udf/*"]}]}"""));
        var attachment = mocks.Single("alicloud:ram/rolePolicyAttachment:RolePolicyAttachment", "blink-t-operator-role-policy").Inputs;
        Assert.That((attachment["roleName"], attachment["policyName"]), Is.EqualTo(("blink-t-flink-operator", "blink-t-flink-operator-jars")));

        var operatorNamespace = mocks.Single("kubernetes:core/v1:Namespace", "blink-t-ns-operator").Inputs;
        Assert.That(JsonValues.ToNode(operatorNamespace["metadata"])!.ToJsonString(), Is.EqualTo("""{"labels":{"pod-identity.alibabacloud.com/injection":"on"},"name":"flink-operator"}"""));
        var values = JsonValues.ToNode(mocks.Single("kubernetes:helm.sh/v3:Release", "blink-t-operator").Inputs["values"])!;
        Assert.That(values["image"]!.ToJsonString(), Is.EqualTo("""{"repository":"registry.cn-hangzhou.aliyuncs.com/acme/flink-kubernetes-operator","tag":"1.15.0-oss"}"""));
        Assert.That(values["operatorServiceAccount"]!.ToJsonString(), Is.EqualTo("""{"annotations":{"pod-identity.alibabacloud.com/role-name":"blink-t-flink-operator"}}"""));
        Assert.That(values["defaultConfiguration"]!["flink-conf.yaml"]!.GetValue<string>(), Is.EqualTo(
            "kubernetes.operator.metrics.reporter.slf4j.factory.class: org.apache.flink.metrics.slf4j.Slf4jReporterFactory\n" +
            "kubernetes.operator.metrics.reporter.slf4j.interval: 5 MINUTE\n" +
            "kubernetes.operator.reconcile.interval: 15 s\n" +
            "kubernetes.operator.observer.progress-check.interval: 5 s\n" +
            "kubernetes.operator.metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory\n" +
            "kubernetes.operator.metrics.reporter.prom.port: 9999\n" +
            "fs.oss.endpoint: oss-cn-hangzhou-internal.aliyuncs.com\n" +
            "fs.oss.credentials.provider: com.acme.flink.RrsaCredentialsProvider\n"), "the chart's lines kept, the Prometheus reporter, then only the OSS settings");
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(engine: engine)));
        Assert.That(plan.Resources.Single(r => r.Name == "blink-t-operator").DependsOn,
            Does.Contain(new ResourceRef("alicloud:ram/rolePolicyAttachment:RolePolicyAttachment", "blink-t-operator-role-policy")), "the role is usable before the operator starts");
    }

    [Test]
    public async Task Without_jobs_the_operator_has_no_role_and_an_image_reference_splits_for_the_chart()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack());
        Assert.That(mocks.OfType("alicloud:ram/role:Role").Select(r => r.Name), Is.EqualTo(new[] { "blink-t-flink-cpu-role" }), "the session cluster's role alone");

        Assert.That(JsonValues.ToNode(OperatorValues.Image("registry.example.com:5000/flink/operator"))!.ToJsonString(),
            Is.EqualTo("""{"repository":"registry.example.com:5000/flink/operator","tag":"1.15.0"}"""), "a registry port is not a tag");
        var digest = "sha256:" + new string('a', 64);
        Assert.That(JsonValues.ToNode(OperatorValues.Image($"acme/operator:1.15.0@{digest}"))!.ToJsonString(),
            Is.EqualTo($$"""{"digest":"{{digest}}","repository":"acme/operator","tag":"1.15.0"}"""));
    }

    [Test]
    public async Task Images_come_from_the_regions_acr_vpc_endpoint_and_the_chart_from_its_permanent_location_by_default()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));

        var release = plan.Resources.Single(r => r.Name == "blink-t-operator");
        Assert.That(release.Inputs["repositoryOpts"]!.ToJsonString(), Is.EqualTo("""{"repo":"https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/"}"""));
        Assert.That(release.Inputs["values"]!["image"]!.ToJsonString(), Is.EqualTo("""{"repository":"registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink-kubernetes-operator","tag":"1.15.0"}"""));
        Assert.That(plan.Resources.Where(r => r.Type == DeploymentType).Select(r => Spec(r)["image"]!.GetValue<string>()),
            Is.EqualTo(new[] { "registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink:1.20.1-scala_2.12-java17" }));
        // A mirror of the stock image keeps its tag: it still loads the OSS plugin from opt/.
        Assert.That(Spec(plan.Resources.Single(r => r.Type == DeploymentType))["podTemplate"]!.ToJsonString(), Does.Contain("ENABLE_BUILT_IN_PLUGINS"));
    }

    [Test]
    public async Task The_registry_and_the_chart_repository_come_from_the_config_and_are_checked()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(engine: "    registry: crpi-abc123-vpc.cn-hangzhou.personal.cr.aliyuncs.com/acme/\n    operatorChartRepository: https://charts.example.com/flink/")));

        var release = plan.Resources.Single(r => r.Name == "blink-t-operator");
        Assert.That(release.Inputs["repositoryOpts"]!["repo"]!.GetValue<string>(), Is.EqualTo("https://charts.example.com/flink/"));
        Assert.That(release.Inputs["values"]!["image"]!["repository"]!.GetValue<string>(), Is.EqualTo("crpi-abc123-vpc.cn-hangzhou.personal.cr.aliyuncs.com/acme/flink-kubernetes-operator"));
        Assert.That(Spec(plan.Resources.Single(r => r.Type == DeploymentType))["image"]!.GetValue<string>(), Is.EqualTo("crpi-abc123-vpc.cn-hangzhou.personal.cr.aliyuncs.com/acme/flink:1.20.1-scala_2.12-java17"));

        Assert.That(Errors(Stack(engine: "    registry: blink-infra\n    operatorChartRepository: http://downloads.apache.org/flink/")), Is.EqualTo(new[]
        {
            "blink-infra:engine.registry = \"blink-infra\": not a registry and namespace; allowed: host[:port]/namespace where the images flink:1.20.1-scala_2.12-java17 and flink-kubernetes-operator:1.15.0 are mirrored, such as registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra (the default, in the stack's region)",
            "blink-infra:engine.operatorChartRepository = \"http://downloads.apache.org/flink/\": not an https URL; allowed: the URL of a Helm repository holding flink-kubernetes-operator 1.15.0, such as https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/ (the default)",
        }));
    }

    [Test]
    public async Task With_internet_egress_the_operator_waits_for_every_snat_entry()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack().Replace("zones: [{id: cn-hangzhou-h}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]",
            "zones: [{id: cn-hangzhou-h}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]\n    internetEgress: {enabled: true}", StringComparison.Ordinal)));

        var snat = plan.Resources.Where(r => r.Type == "alicloud:vpc/snatEntry:SnatEntry").Select(r => r.Ref).ToList();
        Assert.That(snat, Has.Count.EqualTo(6), "a node and a pod vSwitch per zone");
        Assert.That(plan.Resources.Single(r => r.Name == "blink-t-operator").DependsOn, Is.SupersetOf(snat));

        var without = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));
        Assert.That(without.Resources.Single(r => r.Name == "blink-t-operator").DependsOn.Where(d => d.Type == "alicloud:vpc/snatEntry:SnatEntry"), Is.Empty);
    }

    [TestCase("ramOidcProviderArn", "BLINK1027: cluster blink-t reports no RRSA OIDC provider: no RAM role can trust its service accounts, so none is declared (is RRSA enabled on the cluster?)")]
    [TestCase("rrsaOidcIssuerUrl", "BLINK1027: cluster blink-t reports no RRSA OIDC issuer URL: no RAM role can condition its trust on oidc:iss, so none is declared (is RRSA enabled on the cluster?)")]
    public async Task A_cluster_without_rrsa_metadata_stops_the_rrsa_resources_with_one_message_and_no_stack_trace(string missing, string message)
    {
        var mocks = new RecordingMocks
        {
            State = (args, state) => args.Type == "alicloud:cs/managedKubernetes:ManagedKubernetes"
                ? state.SetItem("rrsaMetadata", ((ImmutableDictionary<string, object>)state["rrsaMetadata"]).Remove(missing))
                : state,
        };

        var (_, error) = await StackRunner.TryRunAsync(Stack(highAvailability: false, engine: "    jobs: [{name: etl, pool: cpu, jarPath: udf/etl.jar}]"), mocks: mocks);

        // Each resource that would carry the failure waits on the check through DependsOn, so it fails with
        // the RunException itself (its message alone), not "error serializing property" with a stack trace.
        Assert.That(error, Is.InstanceOf<RunException>());
        Assert.That(error!.Message, Is.EqualTo(message));
        var registered = mocks.Resources.Select(r => r.Type).ToHashSet();
        Assert.That(registered, Does.Not.Contain("alicloud:ram/role:Role").And.Not.Contain("alicloud:ram/rolePolicyAttachment:RolePolicyAttachment")
            .And.Not.Contain("kubernetes:core/v1:ServiceAccount").And.Not.Contain("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding")
            .And.Not.Contain("kubernetes:helm.sh/v3:Release").And.Not.Contain(DeploymentType).And.Not.Contain(SessionJobType),
            "nothing that trusts, names or needs the roles");
        Assert.That(registered, Does.Contain("alicloud:cs/managedKubernetes:ManagedKubernetes").And.Contain("alicloud:oss/bucket:Bucket"));
    }

    [Test]
    public async Task Each_session_cluster_reaches_only_its_own_state_through_a_role_of_its_own_and_no_access_key()
    {
        // Issue 29.12: one role with Put and Delete on the whole bucket let any job rewrite another job's jar under udf/ (which
        // the operator submits at the next upgrade) or delete another session's checkpoints and HA metadata.
        var (_, mocks) = await StackRunner.RunAsync(Stack(pools: GpuPool,
            engine: "    jobs: [{name: infer, pool: gpu, jarPath: udf/infer.jar, initialSavepointPath: \"oss://blink-t-state/savepoints/session-cpu/savepoint-0a1b2c-3d4e5f6a7b8c\"}]"));

        Assert.That(mocks.OfType("alicloud:ram/role:Role").Select(r => r.Name), Is.EqualTo(new[] { "blink-t-flink-cpu-role", "blink-t-flink-gpu-role", "blink-t-operator-role", "blink-t-checkpoint-cleaner-role" }));
        var trust = JsonNode.Parse((string)mocks.Single("alicloud:ram/role:Role", "blink-t-flink-cpu-role").Inputs["assumeRolePolicyDocument"])!;
        Assert.That(trust.ToJsonString(), Is.EqualTo("""{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Federated":["acs:ram::1234567890123456:oidc-provider/ack-rrsa-blink-t-ack-id"]},"Condition":{"StringEquals":{"oidc:iss":"https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/blink-t-ack-id","oidc:aud":"sts.aliyuncs.com","oidc:sub":"system:serviceaccount:flink:blink-flink-cpu"}}}]}"""),
            "ACK's RRSA template: the cluster's issuer, STS as audience, this session's service account alone as subject");
        var cpu = JsonNode.Parse((string)mocks.Single("alicloud:ram/policy:Policy", "blink-t-flink-cpu-policy").Inputs["policyDocument"])!;
        Assert.That(cpu.ToJsonString(), Is.EqualTo("""{"Version":"1","Statement":[""" +
            """{"Effect":"Allow","Action":["oss:GetObject","oss:PutObject","oss:DeleteObject","oss:AbortMultipartUpload","oss:ListParts"],"Resource":["acs:oss:*:*:blink-t-state/checkpoints/session-cpu/*","acs:oss:*:*:blink-t-state/savepoints/session-cpu/*","acs:oss:*:*:blink-t-state/ha/session-cpu/*"]},""" +
            """{"Effect":"Allow","Action":["oss:ListObjects"],"Resource":["acs:oss:*:*:blink-t-state"],"Condition":{"StringLike":{"oss:Prefix":["checkpoints/","savepoints/","ha/","checkpoints/session-cpu/*","savepoints/session-cpu/*","ha/session-cpu/*"]}}},""" +
            """{"Effect":"Allow","Action":["oss:GetBucketInfo"],"Resource":["acs:oss:*:*:blink-t-state"]}]}"""));
        var gpu = JsonNode.Parse((string)mocks.Single("alicloud:ram/policy:Policy", "blink-t-flink-gpu-policy").Inputs["policyDocument"])!;
        Assert.That(gpu["Statement"]![1]!["Condition"]!.ToJsonString(), Does.Contain("\"savepoints/session-cpu/savepoint-0a1b2c-3d4e5f6a7b8c/*\""), "the savepoint its job starts from, listed");
        Assert.That(gpu["Statement"]![3]!.ToJsonString(), Is.EqualTo("""{"Effect":"Allow","Action":["oss:GetObject"],"Resource":["acs:oss:*:*:blink-t-state/savepoints/session-cpu/savepoint-0a1b2c-3d4e5f6a7b8c","acs:oss:*:*:blink-t-state/savepoints/session-cpu/savepoint-0a1b2c-3d4e5f6a7b8c/*"]}"""),
            "and read, never written");
        foreach (var document in new[] { cpu, gpu })
        {
            var resources = document["Statement"]!.AsArray().SelectMany(statement => statement!["Resource"]!.AsArray()).Select(r => r!.GetValue<string>()).ToList();
            Assert.That(resources, Has.None.EqualTo("acs:oss:*:*:blink-t-state/*").And.None.Contains("/udf/"), "never the whole bucket, never the jobs' jars");
        }
        var attachment = mocks.Single("alicloud:ram/rolePolicyAttachment:RolePolicyAttachment", "blink-t-flink-cpu-role-policy").Inputs;
        Assert.That((attachment["roleName"], attachment["policyName"], attachment["policyType"]), Is.EqualTo(("blink-t-session-cpu", "blink-t-session-cpu-state", "Custom")));

        var account = mocks.Single("kubernetes:core/v1:ServiceAccount", "blink-t-sa-flink-gpu").Inputs;
        Assert.That(JsonValues.ToNode(account["metadata"])!.ToJsonString(), Is.EqualTo("""{"annotations":{"pod-identity.alibabacloud.com/role-name":"blink-t-session-gpu"},"name":"blink-flink-gpu","namespace":"flink"}"""));
        Assert.That(mocks.OfType(DeploymentType).Select(d => JsonValues.ToNode(d.Inputs["spec"])!["serviceAccount"]!.GetValue<string>()), Is.EqualTo(new[] { "blink-flink-cpu", "blink-flink-gpu" }),
            "each session cluster runs as its own service account");
        var jobsNamespace = mocks.Single("kubernetes:core/v1:Namespace", "blink-t-ns-jobs").Inputs;
        Assert.That(JsonValues.ToNode(jobsNamespace["metadata"])!.ToJsonString(), Is.EqualTo("""{"labels":{"pod-identity.alibabacloud.com/injection":"on"},"name":"flink"}"""));
        Assert.That(mocks.Resources.SelectMany(r => r.Inputs.Keys), Has.None.Contains("accessKey").And.None.Contains("secretKey"));
    }

    [Test]
    public async Task In_every_example_stack_the_engines_service_account_may_run_native_session_clusters_and_kubernetes_ha()
    {
        // The chart's job role (templates/rbac/_helpers.tpl, jobRbacRules): pods and configmaps, and apps
        // deployments with their finalizers, which Flink's native client needs to own TaskManager pods.
        const string verbs = """["get","list","watch","create","update","patch","delete"]""";
        foreach (var path in TestPaths.ExampleStacks())
        {
            var plan = await BlinkCli.PlanStackAsync(StackFile.Load(path));
            var role = plan.Resources.Single(r => r.Type == "kubernetes:rbac.authorization.k8s.io/v1:Role" && r.Inputs["metadata"]!["name"]!.GetValue<string>() == "blink-flink");
            Assert.That(role.Inputs["rules"]!.ToJsonString(), Is.EqualTo(
                $$"""[{"apiGroups":[""],"resources":["pods","configmaps","services"],"verbs":{{verbs}}},{"apiGroups":["apps"],"resources":["deployments","deployments/finalizers"],"verbs":{{verbs}}}]"""),
                Path.GetFileName(path));
            var binding = plan.Resources.Single(r => r.Type == "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding" && r.Inputs["metadata"]!["name"]!.GetValue<string>() == "blink-flink");
            var pools = plan.Resources.Where(r => r.Type == DeploymentType).Select(d => d.Inputs["metadata"]!["labels"]!["blink.io/pool"]!.GetValue<string>());
            Assert.That(binding.Inputs["subjects"]!.ToJsonString(), Is.EqualTo("[" + string.Join(",", pools.Select(pool => $$"""{"kind":"ServiceAccount","name":"blink-flink-{{pool}}","namespace":"flink"}""")) + "]"),
                Path.GetFileName(path) + ": every session cluster's service account");
            Assert.That(binding.Inputs["roleRef"]!.ToJsonString(), Is.EqualTo("""{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"blink-flink"}"""), Path.GetFileName(path));
            var values = plan.Resources.Single(r => r.Type == "kubernetes:helm.sh/v3:Release").Inputs["values"]!;
            Assert.That(values["rbac"]!.ToJsonString(), Is.EqualTo("""{"jobRole":{"create":false},"jobRoleBinding":{"create":false}}"""),
                "the chart's own job role would bind a service account that does not exist");
        }
    }

    [Test]
    public async Task Kubernetes_resources_fill_in_their_api_version_and_kind()
    {
        var namespaceArgs = new Pulumi.Kubernetes.Types.Inputs.Core.V1.NamespaceArgs();
        var configMapArgs = new Pulumi.Kubernetes.Types.Inputs.Core.V1.ConfigMapArgs();
        var secretArgs = new Pulumi.Kubernetes.Types.Inputs.Core.V1.SecretArgs();
        var accountArgs = new Pulumi.Kubernetes.Types.Inputs.Core.V1.ServiceAccountArgs();
        var roleArgs = new Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleArgs();
        var bindingArgs = new Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleBindingArgs { RoleRef = new Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleRefArgs { Kind = "Role", Name = "r" } };
        var flinkArgs = new FlinkResourceArgs("FlinkDeployment");
        var priorityArgs = new Pulumi.Kubernetes.Types.Inputs.Scheduling.V1.PriorityClassArgs { Value = 1 };
        var budgetArgs = new Pulumi.Kubernetes.Types.Inputs.Policy.V1.PodDisruptionBudgetArgs();
        var cronJobArgs = new Pulumi.Kubernetes.Types.Inputs.Batch.V1.CronJobArgs
        {
            Spec = new Pulumi.Kubernetes.Types.Inputs.Batch.V1.CronJobSpecArgs { Schedule = "0 * * * *", JobTemplate = new Pulumi.Kubernetes.Types.Inputs.Batch.V1.JobTemplateSpecArgs() },
        };
        await Deployment.TestAsync(new RecordingMocks(), new TestOptions { IsPreview = false }, () =>
        {
            new Pulumi.Kubernetes.Core.V1.Namespace("ns", namespaceArgs);
            new Pulumi.Kubernetes.Core.V1.ConfigMap("cm", configMapArgs);
            new Pulumi.Kubernetes.Core.V1.Secret("secret", secretArgs);
            new Pulumi.Kubernetes.Core.V1.ServiceAccount("sa", accountArgs);
            new Pulumi.Kubernetes.Rbac.V1.Role("role", roleArgs);
            new Pulumi.Kubernetes.Rbac.V1.RoleBinding("binding", bindingArgs);
            new Pulumi.Kubernetes.Batch.V1.CronJob("cron", cronJobArgs);
            new Pulumi.Kubernetes.Scheduling.V1.PriorityClass("priority", priorityArgs);
            new Pulumi.Kubernetes.Policy.V1.PodDisruptionBudget("budget", budgetArgs);
            return new Dictionary<string, object?>();
        });

        async Task<string> Text(Input<string>? input) => await Pulumi.Utilities.OutputUtilities.GetValueAsync(input.ToOutput());
        Assert.That((await Text(namespaceArgs.ApiVersion), await Text(namespaceArgs.Kind)), Is.EqualTo(("v1", "Namespace")));
        Assert.That((await Text(configMapArgs.ApiVersion), await Text(configMapArgs.Kind)), Is.EqualTo(("v1", "ConfigMap")));
        Assert.That((await Text(secretArgs.ApiVersion), await Text(secretArgs.Kind)), Is.EqualTo(("v1", "Secret")));
        Assert.That((await Text(accountArgs.ApiVersion), await Text(accountArgs.Kind)), Is.EqualTo(("v1", "ServiceAccount")));
        Assert.That((await Text(roleArgs.ApiVersion), await Text(roleArgs.Kind)), Is.EqualTo(("rbac.authorization.k8s.io/v1", "Role")));
        Assert.That((await Text(bindingArgs.ApiVersion), await Text(bindingArgs.Kind)), Is.EqualTo(("rbac.authorization.k8s.io/v1", "RoleBinding")));
        Assert.That((await Text(flinkArgs.ApiVersion), await Text(flinkArgs.Kind)), Is.EqualTo(("flink.apache.org/v1beta1", "FlinkDeployment")));
        Assert.That((await Text(cronJobArgs.ApiVersion), await Text(cronJobArgs.Kind)), Is.EqualTo(("batch/v1", "CronJob")));
        Assert.That((await Text(priorityArgs.ApiVersion), await Text(priorityArgs.Kind)), Is.EqualTo(("scheduling.k8s.io/v1", "PriorityClass")));
        Assert.That((await Text(budgetArgs.ApiVersion), await Text(budgetArgs.Kind)), Is.EqualTo(("policy/v1", "PodDisruptionBudget")));
    }

    [Test]
    public async Task With_high_availability_each_pool_gets_a_session_cluster_with_kubernetes_ha_on_the_bucket()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(pools: GpuPool)));

        var sessions = plan.Resources.Where(r => r.Type == DeploymentType).ToList();
        Assert.That(sessions.Select(s => s.Inputs["metadata"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "session-cpu", "session-gpu" }));
        var cpu = Spec(sessions[0]);
        Assert.That(cpu["flinkConfiguration"]!["high-availability.type"]!.GetValue<string>(), Is.EqualTo("kubernetes"));
        Assert.That(cpu["flinkConfiguration"]!["high-availability.storageDir"]!.GetValue<string>(), Is.EqualTo("oss://blink-t-state/ha/session-cpu"));
        Assert.That(cpu["flinkConfiguration"]!["execution.checkpointing.dir"]!.GetValue<string>(), Is.EqualTo("oss://blink-t-state/checkpoints/session-cpu"));
        Assert.That(cpu["flinkConfiguration"]!["execution.checkpointing.savepoint-dir"]!.GetValue<string>(), Is.EqualTo("oss://blink-t-state/savepoints/session-cpu"));
        Assert.That(cpu["flinkConfiguration"]!.AsObject().Select(p => p.Key).Where(key => !key.StartsWith("state.backend.", StringComparison.Ordinal)),
            Has.None.StartsWith("state.").And.None.EqualTo("high-availability"),
            "Flink 1.20's current names, not the deprecated ones it falls back to (state.backend.type and state.backend.rocksdb.localdir are current)");
        Assert.That(new[] { "taskmanager.data.port", "taskmanager.rpc.port", "jobmanager.rpc.port", "blob.server.port", "rest.port", "high-availability.jobmanager.port" }
            .Select(key => $"{key}={cpu["flinkConfiguration"]![key]?.GetValue<string>()}"), Is.EqualTo(new[]
        {
            "taskmanager.data.port=6121", "taskmanager.rpc.port=6122", "jobmanager.rpc.port=6123", "blob.server.port=6124", "rest.port=8081", "high-availability.jobmanager.port=6123",
        }), "every port the rules open, pinned; with HA the JobManager's RPC listens on the HA port");
        Assert.That(cpu["flinkVersion"]!.GetValue<string>(), Is.EqualTo("v1_20"));
        Assert.That(cpu["serviceAccount"]!.GetValue<string>(), Is.EqualTo("blink-flink-cpu"));
        Assert.That(cpu["jobManager"]!["replicas"]!.GetValue<long>(), Is.EqualTo(2));
        var jobManagerPod = cpu["jobManager"]!["podTemplate"]!["spec"]!;
        Assert.That(jobManagerPod["nodeSelector"]!.ToJsonString(), Is.EqualTo("""{"blink.io/role":"master"}"""));
        Assert.That(jobManagerPod["affinity"]!.ToJsonString(), Is.EqualTo("""{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchLabels":{"app":"session-cpu","component":"jobmanager"}},"topologyKey":"topology.kubernetes.io/zone"}]}}"""));
        Assert.That(cpu["taskManager"]!["podTemplate"]!["spec"]!["nodeSelector"]!.ToJsonString(), Is.EqualTo("""{"blink.io/pool":"cpu"}"""));
        Assert.That(cpu["podTemplate"]!.ToJsonString(), Does.Contain("""{"name":"ENABLE_BUILT_IN_PLUGINS","value":"flink-oss-fs-hadoop-1.20.1.jar"}"""));

        var gpuTaskManager = Spec(sessions[1])["taskManager"]!["podTemplate"]!["spec"]!;
        Assert.That(gpuTaskManager["tolerations"]!.ToJsonString(), Is.EqualTo("""[{"effect":"NoSchedule","key":"blink.io/accelerator","operator":"Equal","value":"gpu"}]"""));
        Assert.That(gpuTaskManager["containers"]!.ToJsonString(), Is.EqualTo("""[{"name":"flink-main-container","resources":{"limits":{"nvidia.com/gpu":"2"}},"volumeMounts":[{"mountPath":"/mnt/blink-state","name":"blink-state"}]}]"""));
        Assert.That(sessions.All(s => s.DependsOn.Contains(new ResourceRef("kubernetes:helm.sh/v3:Release", "blink-t-operator"))), "the CRDs come with the operator");
    }

    [Test]
    public async Task A_session_cluster_that_hosts_session_jobs_runs_one_jobmanager_and_one_without_keeps_its_standby()
    {
        // Issue 29.10: the operator uploads a session job's jar, then runs it, in two requests through the session's rest
        // Service; with two JobManagers behind it the run could reach the one without the jar ("Jar file ... does not exist").
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(pools: GpuPool,
            engine: "    jobs: [{name: infer, pool: gpu, jarPath: udf/infer.jar}]")));

        var replicas = plan.Resources.Where(r => r.Type == DeploymentType)
            .ToDictionary(s => s.Inputs["metadata"]!["name"]!.GetValue<string>(), s => Spec(s)["jobManager"]!["replicas"]!.GetValue<long>());
        Assert.That(replicas, Is.EqualTo(new Dictionary<string, long> { ["session-cpu"] = 2, ["session-gpu"] = 1 }));
        var gpu = Spec(plan.Resources.Single(r => r.Type == DeploymentType && r.Inputs["metadata"]!["name"]!.GetValue<string>() == "session-gpu"));
        Assert.That(gpu["flinkConfiguration"]!["high-availability.type"]!.GetValue<string>(), Is.EqualTo("kubernetes"), "Kubernetes HA restarts the one JobManager from the bucket");
        Assert.That(PolicyEngine.Check(plan).Violations.Where(v => v.Policy == "jobmanager-ha-on-bucket"), Is.Empty);
    }

    [Test]
    public async Task TaskManagers_request_what_a_machine_offers_after_the_systems_share_a_slot_per_cu()
    {
        var (spec, _) = SpecLoader.TryLoad(StackRunner.Stack(Stack(pools: GpuPool)).ToRaw(), PolicyEngine.PolicyNames);
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(pools: GpuPool)));

        var sessions = plan.Resources.Where(r => r.Type == DeploymentType).Select(Spec).ToList();
        // ecs.g7.2xlarge, 8 cores 32 GiB: 6 CU by Alibaba's sizing table, so 6 cores, 24 GiB, 6 slots.
        Assert.That(sessions[0]["taskManager"]!["resource"]!.ToJsonString(), Is.EqualTo("""{"cpu":6,"memory":"24576m"}"""));
        Assert.That(sessions[0]["flinkConfiguration"]!["taskmanager.numberOfTaskSlots"]!.GetValue<string>(), Is.EqualTo("6"));
        // ecs.gn6i-c24g1.12xlarge, 48 cores 186 GiB: the 56-core row withholds 4 cores and 16 GiB, and ACK's
        // reservation, the DaemonSets and the system Deployments leave its TaskManager 162 GiB (NodeAllocatable), so 40 CU.
        Assert.That(sessions[1]["taskManager"]!["resource"]!.ToJsonString(), Is.EqualTo("""{"cpu":44,"memory":"165888m"}"""));
        Assert.That(sessions[1]["flinkConfiguration"]!["taskmanager.numberOfTaskSlots"]!.GetValue<string>(), Is.EqualTo("40"));
        // One model: each pool's slots are the CU its machines count for in sizing.
        Assert.That(spec!.Compute.WorkerPools.Select(p => p.ComputeUnitsPerNode), Is.EqualTo(new int?[] { 6, 40 }));
    }

    [Test]
    public async Task Session_clusters_keep_state_in_rocksdb_on_the_pools_data_disk_and_checkpoint_incrementally_to_the_bucket()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));

        var session = Spec(plan.Resources.Single(r => r.Type == DeploymentType));
        var configuration = session["flinkConfiguration"]!;
        Assert.That(new[] { "state.backend.type", "execution.checkpointing.incremental", "state.backend.rocksdb.localdir", "execution.checkpointing.dir" }
            .Select(key => $"{key}={configuration[key]?.GetValue<string>()}"), Is.EqualTo(new[]
        {
            "state.backend.type=rocksdb", "execution.checkpointing.incremental=true", "state.backend.rocksdb.localdir=/mnt/blink-state/rocksdb",
            "execution.checkpointing.dir=oss://blink-t-state/checkpoints/session-cpu",
        }));
        var taskManager = session["taskManager"]!["podTemplate"]!["spec"]!;
        Assert.That(taskManager["volumes"]!.ToJsonString(), Is.EqualTo("""[{"hostPath":{"path":"/mnt/blink-state","type":"Directory"},"name":"blink-state"}]"""),
            "the directory ACK mounts the pool's data disk on");
        Assert.That(taskManager["containers"]!.ToJsonString(), Is.EqualTo("""[{"name":"flink-main-container","volumeMounts":[{"mountPath":"/mnt/blink-state","name":"blink-state"}]}]"""));
        var owner = taskManager["initContainers"]![0]!;
        Assert.That(owner["command"]![2]!.GetValue<string>(), Does.EndWith("find $d -mindepth 1 -delete"),
            "emptied of what a killed TaskManager left on the host path, as the Flink user (the node made the directory its own)");
        Assert.That((owner["image"]!.GetValue<string>(), owner["securityContext"]!.ToJsonString()), Is.EqualTo(("registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink:1.20.1-scala_2.12-java17",
            """{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}""")), "the session cluster's own image, never as root");
        Assert.That(session["jobManager"]!["podTemplate"]!["spec"]!.AsObject().ContainsKey("volumes"), Is.False, "JobManagers keep no RocksDB state");
    }

    [Test]
    public async Task Without_a_data_disk_or_with_the_hashmap_backend_no_local_directory_is_set()
    {
        var noDisk = Stack().Replace("nodes: 3}", "nodes: 3, dataDisk: {enabled: false}}");
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(noDisk));
        var session = Spec(plan.Resources.Single(r => r.Type == DeploymentType));
        Assert.That(session["flinkConfiguration"]!["state.backend.type"]!.GetValue<string>(), Is.EqualTo("rocksdb"));
        Assert.That(session["flinkConfiguration"]!.AsObject().ContainsKey("state.backend.rocksdb.localdir"), Is.False);
        Assert.That(session["taskManager"]!["podTemplate"]!["spec"]!.AsObject().ContainsKey("volumes"), Is.False);

        plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(engine: "    stateBackend: hashmap")));
        session = Spec(plan.Resources.Single(r => r.Type == DeploymentType));
        Assert.That(session["flinkConfiguration"]!["state.backend.type"]!.GetValue<string>(), Is.EqualTo("hashmap"));
        Assert.That(session["flinkConfiguration"]!.AsObject().ContainsKey("execution.checkpointing.incremental"), Is.False);
        Assert.That(session["flinkConfiguration"]!.AsObject().ContainsKey("state.backend.rocksdb.localdir"), Is.False);
    }

    [Test]
    public void The_state_backend_is_rocksdb_or_hashmap_and_set_only_through_its_key()
    {
        Assert.That(Errors(Stack(engine: "    stateBackend: filesystem")), Is.EqualTo(new[]
        {
            "blink-infra:engine.stateBackend = \"filesystem\": not a Flink state backend; allowed: rocksdb, hashmap (rocksdb keeps state on the pools' data disks and checkpoints incrementally)",
        }));
        Assert.That(Errors(Stack(engine: "    flinkConfiguration: {state.backend: hashmap}")), Is.EqualTo(new[]
        {
            "blink-infra:engine.flinkConfiguration[state.backend] = \"hashmap\": Flink reads it for state.backend.type, which BlinkInfra sets from blink-infra:engine.stateBackend; allowed: any other Flink setting",
        }));
    }

    [Test]
    public async Task An_fpga_pools_session_cluster_is_pinned_to_that_pool_and_tolerates_only_the_fpga_taint()
    {
        const string fpgaPool = "      - {name: fpga, family: f3, instanceTypes: [ecs.f3-c16f1.4xlarge], nodes: 1, imageId: m-bp1fpgaimage0001}";
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(pools: fpgaPool)));

        var sessions = plan.Resources.Where(r => r.Type == DeploymentType).ToDictionary(r => r.Inputs["metadata"]!["name"]!.GetValue<string>());
        var fpgaTaskManager = Spec(sessions["session-fpga"])["taskManager"]!["podTemplate"]!["spec"]!;
        Assert.That(fpgaTaskManager["nodeSelector"]!.ToJsonString(), Is.EqualTo("""{"blink.io/pool":"fpga"}"""));
        Assert.That(fpgaTaskManager["tolerations"]!.ToJsonString(), Is.EqualTo("""[{"effect":"NoSchedule","key":"blink.io/accelerator","operator":"Equal","value":"fpga"}]"""));
        Assert.That(fpgaTaskManager["containers"]![0]!.AsObject().ContainsKey("resources"), Is.False, "no GPU limit on an FPGA machine");
        var cpuTaskManager = Spec(sessions["session-cpu"])["taskManager"]!["podTemplate"]!["spec"]!;
        Assert.That(cpuTaskManager.AsObject().ContainsKey("tolerations"), Is.False, "CPU TaskManagers never land on accelerator machines");
    }

    [Test]
    public async Task A_stacks_image_and_flink_settings_reach_every_session_cluster()
    {
        const string engine = "    image: registry.cn-hangzhou.aliyuncs.com/acme/flink:1.20.1-rrsa\n    flinkConfiguration: {fs.oss.credentials.provider: com.acme.flink.RrsaCredentialsProvider, restart-strategy.type: exponential-delay}";
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(engine: engine, pools: GpuPool)));

        var sessions = plan.Resources.Where(r => r.Type == DeploymentType).Select(Spec).ToList();
        Assert.That(sessions, Has.Count.EqualTo(2));
        foreach (var spec in sessions)
        {
            Assert.That(spec["image"]!.GetValue<string>(), Is.EqualTo("registry.cn-hangzhou.aliyuncs.com/acme/flink:1.20.1-rrsa"));
            Assert.That(spec["flinkConfiguration"]!["fs.oss.credentials.provider"]!.GetValue<string>(), Is.EqualTo("com.acme.flink.RrsaCredentialsProvider"));
            Assert.That(spec["flinkConfiguration"]!["restart-strategy.type"]!.GetValue<string>(), Is.EqualTo("exponential-delay"));
            Assert.That(spec["flinkConfiguration"]!["high-availability.type"]!.GetValue<string>(), Is.EqualTo("kubernetes"), "the spec's own settings stay");
            Assert.That(spec["podTemplate"]!.ToJsonString(), Does.Not.Contain("ENABLE_BUILT_IN_PLUGINS"), "an image of the stack's own carries the OSS plugin under plugins/: no second copy from opt/");
        }
        Assert.That(Facts.FlinkDefaults.IsStockImage("registry-vpc.cn-hangzhou.aliyuncs.com/mirror/flink:1.20.1-scala_2.12-java17"), Is.True, "a mirror keeping the stock tag is stock");
        Assert.That(Facts.FlinkDefaults.IsStockImage("flink:1.20"), Is.True);
        Assert.That(Facts.FlinkDefaults.IsStockImage("registry.cn-hangzhou.aliyuncs.com/acme/flink:1.20.1-rrsa"), Is.False);

        var defaults = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack()));
        Assert.That(Spec(defaults.Resources.Single(r => r.Type == DeploymentType))["image"]!.GetValue<string>(), Is.EqualTo("registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink:1.20.1-scala_2.12-java17"));
    }

    [Test]
    public async Task Every_rrsa_pod_asks_sts_at_the_regions_vpc_endpoint_which_the_pods_groups_let_out()
    {
        // credentials-java's OIDCRoleArnCredentialProvider asks sts.aliyuncs.com unless told the region and the VPC endpoint.
        var plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("prod-hangzhou")));
        var expected = """[{"name":"ALIBABA_CLOUD_STS_REGION","value":"cn-hangzhou"},{"name":"ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED","value":"true"}]""";

        foreach (var session in plan.Resources.Where(r => r.Type == DeploymentType))
        {
            var main = Spec(session)["podTemplate"]!["spec"]!["containers"]![0]!;
            Assert.That(main["name"]!.GetValue<string>(), Is.EqualTo("flink-main-container"), "the top-level template reaches JobManagers and TaskManagers");
            Assert.That(main["env"]!.ToJsonString(), Is.EqualTo(expected), session.Name);
        }
        var release = plan.Resources.Single(r => r.Type == "kubernetes:helm.sh/v3:Release");
        Assert.That(release.Inputs["values"]!["operatorPod"]!["env"]!.ToJsonString(), Is.EqualTo(expected), "the operator reads jars through RRSA too");
        Assert.That(Facts.StsEndpoints.VpcEndpoint("cn-hangzhou"), Is.EqualTo("sts-vpc.cn-hangzhou.aliyuncs.com"));

        // The endpoint lies in Alibaba Cloud's service block, which both pod groups let out.
        foreach (var role in new[] { "masters", "workers" })
        {
            Assert.That(plan.Resources.Where(r => r.Type == "alicloud:ecs/securityGroupRule:SecurityGroupRule" && r.Name == $"blink-prod-sgr-{role}-to-alibaba-services")
                .Select(r => (r.Inputs["type"]!.GetValue<string>(), r.Inputs["cidrIp"]!.GetValue<string>(), r.Inputs["policy"]!.GetValue<string>(), r.Inputs["ipProtocol"]!.GetValue<string>())),
                Is.EqualTo(new[] { ("egress", "100.64.0.0/10", "accept", "all") }), role);
        }

        var dev = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("dev")));
        var devMain = Spec(dev.Resources.Single(r => r.Type == DeploymentType))["podTemplate"]!["spec"]!["containers"]![0]!;
        Assert.That(devMain["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "ENABLE_BUILT_IN_PLUGINS", "ALIBABA_CLOUD_STS_REGION", "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED" }));
    }

    [Test]
    public async Task One_failed_checkpoint_does_not_restart_a_job_and_the_tolerance_is_a_key()
    {
        var plan = await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack("prod-hangzhou")));
        Assert.That(Spec(plan.Resources.Single(r => r.Type == DeploymentType))["flinkConfiguration"]!["execution.checkpointing.tolerable-failed-checkpoints"]!.GetValue<string>(), Is.EqualTo("3"),
            "Flink's default, 0, fails a job over at its first failed checkpoint");

        var given = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(engine: "    tolerableFailedCheckpoints: 10")));
        Assert.That(Spec(given.Resources.Single(r => r.Type == DeploymentType))["flinkConfiguration"]!["execution.checkpointing.tolerable-failed-checkpoints"]!.GetValue<string>(), Is.EqualTo("10"));
        Assert.That(Errors(Stack(engine: "    tolerableFailedCheckpoints: -1")), Is.EqualTo(new[]
        {
            "blink-infra:engine.tolerableFailedCheckpoints = \"-1\": allowed: 0 to 100 consecutive failed checkpoints a job survives before it fails over (default 3; 0 fails it over at the first, such as one OSS timeout)",
        }));
        Assert.That(Errors(Stack(engine: "    flinkConfiguration: {execution.checkpointing.tolerable-failed-checkpoints: \"5\"}")), Is.EqualTo(new[]
        {
            "blink-infra:engine.flinkConfiguration[execution.checkpointing.tolerable-failed-checkpoints] = \"5\": set by BlinkInfra from blink-infra:engine.tolerableFailedCheckpoints; allowed: any other Flink setting",
        }));
    }

    [Test]
    public async Task Without_high_availability_one_jobmanager_and_no_ha_settings()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(highAvailability: false)));

        var spec = Spec(plan.Resources.Single(r => r.Type == DeploymentType));
        Assert.That(spec["jobManager"]!["replicas"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(spec["flinkConfiguration"]!.AsObject().Select(p => p.Key), Has.None.StartsWith("high-availability"));
        Assert.That(spec["jobManager"]!["podTemplate"]!["spec"]!.AsObject().ContainsKey("affinity"), Is.False);
    }

    [Test]
    public async Task Jobs_become_session_jobs_of_their_pools_cluster_with_jars_from_the_bucket()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(engine: """
                jobs:
                  - name: orders-enrich
                    pool: cpu
                    jarPath: udf/orders-enrich-1.0.jar
                    entryClass: com.example.OrdersEnrich
                    parallelism: 4
                    upgradeMode: last-state
                    args: [--window, 5m]
                    config: {pipeline.max-parallelism: "128"}
            """)));

        var job = plan.Resources.Single(r => r.Type == SessionJobType);
        Assert.That(job.Inputs["metadata"]!.ToJsonString(), Is.EqualTo("""{"name":"orders-enrich","namespace":"flink"}"""));
        Assert.That(Spec(job).ToJsonString(), Is.EqualTo("""{"deploymentName":"session-cpu","flinkConfiguration":{"kubernetes.operator.periodic.savepoint.interval":"360min","kubernetes.operator.savepoint.dispose-on-delete":"true","kubernetes.operator.savepoint.history.max.age":"7d","kubernetes.operator.savepoint.history.max.count":"5","pipeline.max-parallelism":"128"},"job":{"args":["--window","5m"],"entryClass":"com.example.OrdersEnrich","jarURI":"oss://blink-t-state/udf/orders-enrich-1.0.jar","parallelism":4,"state":"running","upgradeMode":"last-state"}}"""));
        Assert.That(job.DependsOn, Is.EqualTo(new[] { new ResourceRef(DeploymentType, "blink-t-flink-cpu") }));
    }

    [Test]
    public async Task Savepoints_are_periodic_with_history_limits_and_a_job_can_be_suspended_or_redeployed_from_a_savepoint()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack(engine: """
                savepoints: {intervalMinutes: 60, maxCount: 10, disposeOnDelete: true}
                stateRetention: {savepointDays: 45}
                jobs:
                  - {name: enrich, pool: cpu, jarPath: udf/enrich.jar}
                  - name: audit
                    pool: cpu
                    jarPath: udf/audit.jar
                    state: suspended
                    initialSavepointPath: oss://blink-t-state/savepoints/session-cpu/savepoint-0a1b2c-3d4e5f6a7b8c
                    savepointRedeployNonce: 2
                    savepoints: {intervalMinutes: 0, maxAgeDays: 30}
            """)));

        var jobs = plan.Resources.Where(r => r.Type == SessionJobType).Select(Spec).ToList();
        string Settings(JsonObject job) => string.Join(", ", job["flinkConfiguration"]!.AsObject().Select(p => $"{p.Key}={p.Value!.GetValue<string>()}"));
        Assert.That(Settings(jobs[0]), Is.EqualTo("kubernetes.operator.periodic.savepoint.interval=60min, kubernetes.operator.savepoint.dispose-on-delete=true, kubernetes.operator.savepoint.history.max.age=7d, kubernetes.operator.savepoint.history.max.count=10"),
            "the engine's savepoints over the defaults");
        Assert.That(Settings(jobs[1]), Is.EqualTo("kubernetes.operator.periodic.savepoint.interval=0, kubernetes.operator.savepoint.dispose-on-delete=true, kubernetes.operator.savepoint.history.max.age=30d, kubernetes.operator.savepoint.history.max.count=10"),
            "the job's own keys over the engine's");
        Assert.That(jobs[0]["job"]!["state"]!.GetValue<string>(), Is.EqualTo("running"));
        Assert.That(jobs[0]["job"]!.AsObject().ContainsKey("initialSavepointPath"), Is.False);
        var audit = jobs[1]["job"]!;
        Assert.That((audit["state"]!.GetValue<string>(), audit["initialSavepointPath"]!.GetValue<string>(), audit["savepointRedeployNonce"]!.GetValue<long>()),
            Is.EqualTo(("suspended", "oss://blink-t-state/savepoints/session-cpu/savepoint-0a1b2c-3d4e5f6a7b8c", 2L)));
    }

    [Test]
    public void The_bucket_expires_savepoints_only_after_every_jobs_history_and_interval_and_disposes_by_default()
    {
        Assert.That(Errors(Stack(engine: """
                stateRetention: {savepointDays: 7}
                jobs:
                  - {name: enrich, pool: cpu, jarPath: udf/enrich.jar}
            """)), Is.EqualTo(new[]
        {
            "blink-infra:engine.stateRetention.savepointDays = \"7\": the bucket would expire job enrich's savepoints while its history keeps them (7 days, blink-infra:engine.savepoints.maxAgeDays or the job's own) or before its next periodic one (360 minutes); allowed: more days than the savepoints' maxAgeDays and interval, up to 3650",
        }));
        Assert.That(Errors(Stack(engine: "    stateRetention: {savepointDays: 0}")), Is.EqualTo(new[]
        {
            "blink-infra:engine.stateRetention.savepointDays = \"0\": allowed: 1 to 3650 days a savepoint stays under the bucket's savepoints/ before it expires (default 30)",
        }));
        Assert.That(BlinkInfra.Config.EngineSpecBuilder.SavepointsOf(null, null).DisposeOnDelete, Is.True,
            "operator 1.15 disposes of a savepoint's data only for snapshots with disposeOnDelete; history cleanup deletes the snapshot objects alone");
    }

    [Test]
    public void Savepoint_and_job_state_errors_name_the_key_the_value_and_what_is_allowed()
    {
        Assert.That(Errors(Stack(engine: "    savepoints: {intervalMinutes: 20000, maxCount: 0}")), Is.EqualTo(new[]
        {
            "blink-infra:engine.savepoints.intervalMinutes = \"20000\": allowed: minutes between periodic savepoints, at most 10080 (a week), or 0 for none",
            "blink-infra:engine.savepoints.maxCount = \"0\": allowed: 1 to 1000 savepoints kept per job",
        }));
        Assert.That(Errors(Stack(engine: "    jobs: [{name: a, pool: cpu, jarPath: udf/a.jar, state: paused, savepointRedeployNonce: 1}]")), Is.EqualTo(new[]
        {
            "blink-infra:engine.jobs[0].state = \"paused\": not a job state; allowed: running, suspended (suspended stops the job, taking a savepoint first with upgradeMode savepoint)",
            "blink-infra:engine.jobs[0].savepointRedeployNonce = \"1\": a redeploy restarts the job from initialSavepointPath, which this job does not give; allowed: no savepointRedeployNonce, or an initialSavepointPath with it",
        }));
        Assert.That(Errors(Stack(engine: "    jobs: [{name: a, pool: cpu, jarPath: udf/a.jar, initialSavepointPath: \"oss://elsewhere/sp-1\"}]")), Is.EqualTo(new[]
        {
            "blink-infra:engine.jobs[0].initialSavepointPath = \"oss://elsewhere/sp-1\": job a can start only from a savepoint on the state bucket, which its RAM role reads; allowed: a path under oss://blink-t-state/, such as oss://blink-t-state/savepoints/session-cpu/savepoint-0a1b2c-3d4e5f6a7b8c",
        }));
        Assert.That(Errors(Stack(engine: "    jobs: [{name: a, pool: cpu, jarPath: udf/a.jar, config: {kubernetes.operator.periodic.savepoint.interval: 1h}}]")), Is.EqualTo(new[]
        {
            "blink-infra:engine.jobs[0].config[kubernetes.operator.periodic.savepoint.interval] = \"1h\": set by BlinkInfra from blink-infra:engine.savepoints.intervalMinutes; allowed: any other Flink setting",
        }));
    }

    [Test]
    public async Task Endpoints_reach_jobs_as_a_configmap_and_credentials_only_as_a_secret()
    {
        var yaml = Stack(highAvailability: false).Replace("""
              blink-infra:network:
            """, """
              blink-infra:network:
                vpcId: vpc-bp1customer00001
                cidrBlock: 10.0.0.0/16
            """) + """
              blink-infra:dataAccess:
                endpoints:
                  - {name: orders, kind: kafka, host: 10.0.9.9}
                  - {name: warehouse, kind: rds, host: 10.0.9.10, cidr: 10.0.9.0/24}
            """;
        var raw = StackRunner.WithSecret(yaml, "blink-infra:endpointCredentials", """{"warehouse":{"username":"etl","password":"s3cr3t"}}""");
        var mocks = new RecordingMocks { CallResult = call => call.Token == ClusterAccess.CredentialToken
            ? ImmutableDictionary<string, object>.Empty.Add("kubeConfig", "k")
            : StackRunner.NetworksResult("vpc-bp1customer00001", "10.0.0.0/16") };
        await StackRunner.RunAsync(SpecLoader.Load(raw, PolicyEngine.PolicyNames), mocks);

        var data = (ImmutableDictionary<string, object>)mocks.Single("kubernetes:core/v1:ConfigMap", "blink-t-endpoints").Inputs["data"];
        Assert.That(data, Is.EquivalentTo(new Dictionary<string, object>
        {
            ["orders.kind"] = "kafka", ["orders.port"] = "9092", ["orders.cidr"] = "10.0.9.9/32", ["orders.host"] = "10.0.9.9",
            ["orders.properties.bootstrap.servers"] = "10.0.9.9:9092",
            ["warehouse.kind"] = "rds", ["warehouse.port"] = "3306", ["warehouse.cidr"] = "10.0.9.0/24", ["warehouse.host"] = "10.0.9.10",
            ["warehouse.url"] = "jdbc:mysql://10.0.9.10:3306",
        }));
        var secret = mocks.Single("kubernetes:core/v1:Secret", "blink-t-endpoint-credentials").Inputs;
        Assert.That(secret["stringData"], Is.EquivalentTo(new Dictionary<string, object> { ["warehouse.username"] = "etl", ["warehouse.password"] = "s3cr3t" }));
        Assert.That(data.Values, Has.None.EqualTo("s3cr3t"));
    }

    [Test]
    public void Credentials_for_an_endpoint_the_spec_does_not_list_are_refused_before_any_resource_without_showing_the_value()
    {
        string[] Errors(string credentials)
            => SpecLoader.TryLoad(StackRunner.WithSecret(Stack(), "blink-infra:endpointCredentials", credentials), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

        Assert.That(Errors("""{"billing":{"username":"u","password":"p"}}"""),
            Is.EqualTo(new[] { "blink-infra:endpointCredentials = \"[secret]\": \"billing\" is not an endpoint of blink-infra:dataAccess.endpoints; allowed: none, the stack declares no endpoints" }));
        Assert.That(Errors("""{"billing":{"username":"u","password":"p2"}}""")[0], Does.Not.Contain("p2"));
        Assert.That(Errors("orders:u:p"),
            Is.EqualTo(new[] { "blink-infra:endpointCredentials = \"[secret]\": not JSON; allowed: an object of endpoint name to {\"username\": ..., \"password\": ...}" }));
    }

    private static IEnumerable<TestCaseData> EngineErrors()
    {
        TestCaseData Case(string name, string yaml, string message) => new TestCaseData(yaml, message).SetName(name);

        yield return Case("last-state without HA", Stack(highAvailability: false, engine: "    jobs: [{name: j, pool: cpu, jarPath: udf/j.jar, upgradeMode: last-state}]"),
            "blink-infra:engine.jobs[0].upgradeMode = \"last-state\": job j restarts from its last checkpoint, which needs HA (blink-infra:compute.highAvailability, off here) and checkpoints (blink-infra:engine.checkpointIntervalSeconds); allowed: stateless or savepoint");
        yield return Case("last-state without checkpoints", Stack(engine: "    checkpointIntervalSeconds: 0\n    jobs: [{name: j, pool: cpu, jarPath: udf/j.jar, upgradeMode: last-state}]"),
            "blink-infra:engine.jobs[0].upgradeMode = \"last-state\": job j restarts from its last checkpoint, which needs HA (blink-infra:compute.highAvailability) and checkpoints (blink-infra:engine.checkpointIntervalSeconds, 0 here); allowed: stateless or savepoint");
        yield return Case("job on a gpu pool the cluster lacks", Stack(engine: "    jobs: [{name: infer, pool: gpu, jarPath: udf/infer.jar}]"),
            "blink-infra:engine.jobs[0].pool = \"gpu\": job infer runs on a pool the cluster does not have; allowed: cpu");
        yield return Case("jar outside udf", Stack(engine: "    jobs: [{name: j, pool: cpu, jarPath: ../etc/j.jar}]"),
            "blink-infra:engine.jobs[0].jarPath = \"../etc/j.jar\": not a jar under the bucket's udf/ prefix; allowed: a path such as udf/orders-enrich-1.0.jar");
        yield return Case("unknown upgrade mode", Stack(engine: "    jobs: [{name: j, pool: cpu, jarPath: udf/j.jar, upgradeMode: rolling}]"),
            "blink-infra:engine.jobs[0].upgradeMode = \"rolling\": unknown upgrade mode; allowed: stateless, savepoint, last-state");
        yield return Case("two jobmanagers without HA", Stack(highAvailability: false, engine: "    jobManagerReplicas: 2"),
            "blink-infra:engine.jobManagerReplicas = \"2\": more than one JobManager needs Kubernetes HA, which blink-infra:compute.highAvailability turns on; allowed: 1 without high availability");
        yield return Case("one jobmanager with HA", Stack(engine: "    jobManagerReplicas: 1"),
            "blink-infra:engine.jobManagerReplicas = \"1\": high availability keeps a standby JobManager in the session clusters without session jobs (session-cpu); allowed: 2 or more with blink-infra:compute.highAvailability");
        yield return Case("standby jobmanagers where every session hosts jobs", Stack(engine: "    jobManagerReplicas: 2\n    jobs: [{name: j, pool: cpu, jarPath: udf/j.jar}]"),
            "blink-infra:engine.jobManagerReplicas = \"2\": every session cluster hosts session jobs, and each runs one JobManager: the operator uploads a job's jar and runs it in two requests through the session's rest Service, and a second JobManager would not have the jar (Kubernetes HA restarts the one from the bucket); allowed: no jobManagerReplicas, or 1");
        yield return Case("image reference", Stack(engine: "    image: \"flink 1.20\""),
            "blink-infra:engine.image = \"flink 1.20\": not a container image reference; allowed: [registry/]repository[:tag][@sha256:digest] of a Flink 1.20 image, such as registry.cn-hangzhou.aliyuncs.com/acme/flink:1.20.1-rrsa");
        yield return Case("operator image reference", Stack(engine: "    operatorImage: \"Operator:latest\""),
            "blink-infra:engine.operatorImage = \"Operator:latest\": not a container image reference; allowed: [registry/]repository[:tag][@sha256:digest] of a Flink Kubernetes Operator 1.15.0 image with the OSS filesystem plugin, such as registry.cn-hangzhou.aliyuncs.com/acme/flink-kubernetes-operator:1.15.0-oss");
        yield return Case("a setting the spec owns", Stack(engine: "    flinkConfiguration: {execution.checkpointing.dir: \"oss://elsewhere/cp\"}"),
            "blink-infra:engine.flinkConfiguration[execution.checkpointing.dir] = \"oss://elsewhere/cp\": set by BlinkInfra from blink-infra:engine.bucket; allowed: any other Flink setting");
        yield return Case("the deprecated name of a setting the spec owns", Stack(engine: "    flinkConfiguration: {state.checkpoints.dir: \"oss://elsewhere/cp\"}"),
            "blink-infra:engine.flinkConfiguration[state.checkpoints.dir] = \"oss://elsewhere/cp\": Flink reads it for execution.checkpointing.dir, which BlinkInfra sets from blink-infra:engine.bucket; allowed: any other Flink setting");
        yield return Case("the oldest name of the savepoint directory", Stack(engine: "    flinkConfiguration: {savepoints.state.backend.fs.dir: \"oss://elsewhere/sp\"}"),
            "blink-infra:engine.flinkConfiguration[savepoints.state.backend.fs.dir] = \"oss://elsewhere/sp\": Flink reads it for execution.checkpointing.savepoint-dir, which BlinkInfra sets from blink-infra:engine.bucket; allowed: any other Flink setting");
        yield return Case("the bare high-availability key", Stack(engine: "    flinkConfiguration: {high-availability: zookeeper}"),
            "blink-infra:engine.flinkConfiguration[high-availability] = \"zookeeper\": Flink reads it for high-availability.type, which BlinkInfra sets from blink-infra:compute.highAvailability; allowed: any other Flink setting");
        yield return Case("a pinned port", Stack(engine: "    flinkConfiguration: {taskmanager.data.port: \"0\"}"),
            "blink-infra:engine.flinkConfiguration[taskmanager.data.port] = \"0\": set by BlinkInfra from the cluster's security group rules (infra/Facts/ClusterPorts.cs); allowed: any other Flink setting");
        yield return Case("another name of a pinned port", Stack(engine: "    flinkConfiguration: {rest.bind-port: \"8080-8090\"}"),
            "blink-infra:engine.flinkConfiguration[rest.bind-port] = \"8080-8090\": Flink reads it for rest.port, which BlinkInfra sets from the cluster's security group rules (infra/Facts/ClusterPorts.cs); allowed: any other Flink setting");
        yield return Case("the HA JobManager port", Stack(engine: "    flinkConfiguration: {high-availability.jobmanager.port: \"50100-50200\"}"),
            "blink-infra:engine.flinkConfiguration[high-availability.jobmanager.port] = \"50100-50200\": set by BlinkInfra from blink-infra:compute.highAvailability; allowed: any other Flink setting");
        yield return Case("an old HA key", Stack(engine: "    flinkConfiguration: {recovery.zookeeper.storageDir: \"hdfs:///ha\"}"),
            "blink-infra:engine.flinkConfiguration[recovery.zookeeper.storageDir] = \"hdfs:///ha\": set by BlinkInfra from blink-infra:compute.highAvailability; allowed: any other Flink setting");
        yield return Case("an HA setting", Stack(engine: "    flinkConfiguration: {high-availability.type: zookeeper}"),
            "blink-infra:engine.flinkConfiguration[high-availability.type] = \"zookeeper\": set by BlinkInfra from blink-infra:compute.highAvailability; allowed: any other Flink setting");
        yield return Case("bucket name", Stack().Replace("bucket: blink-t-state", "bucket: Blink_State"),
            "blink-infra:engine.bucket = \"Blink_State\": not an OSS bucket name; allowed: 3 to 63 characters: lower-case letters, digits and '-', starting and ending with a letter or digit (OSS, bucket naming conventions)");
    }

    [TestCaseSource(nameof(EngineErrors))]
    public void Invalid_engine_config_gets_one_clear_message(string yaml, string message)
    {
        Assert.That(Errors(yaml), Is.EqualTo(new[] { message }));
    }

    private static readonly (string Kind, string File)[] CrdFiles =
    {
        ("FlinkDeployment", "flinkdeployments.flink.apache.org-v1.yml"),
        ("FlinkSessionJob", "flinksessionjobs.flink.apache.org-v1.yml"),
    };

    // The operator's CRDs, read once: the openAPIV3Schema of each kind's served version.
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() =>
    {
        return CrdFiles.ToDictionary(p => p.Kind, p => SchemaOf(Path.Combine(VendoredCrds, p.File)));
    });

    /// <summary>The CRDs as the repository carries them (tests/Fixtures/flink-operator-1.15.0).</summary>
    private static string VendoredCrds => TestPaths.Fixture("flink-operator-1.15.0");

    [Test, NeedsShared("flink-operator-1.15.0", "the vendored copy stands alone")]
    public void The_vendored_crds_are_the_operators_own()
    {
        var shared = TestPaths.Shared("flink-operator-1.15.0");
        foreach (var (_, file) in CrdFiles)
            Assert.That(File.ReadAllBytes(Path.Combine(VendoredCrds, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(shared, file))), file);
    }

    private static JsonSchema SchemaOf(string crdPath)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(crdPath)));
        var crd = YamlJson.ToJson(yaml.Documents[0].RootNode)!;
        var version = crd["spec"]!["versions"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "v1beta1")!;
        return JsonSchema.FromText(version["schema"]!["openAPIV3Schema"]!.ToJsonString());
    }

    [Test]
    public async Task Every_flink_object_of_every_example_stack_matches_the_operators_crd()
    {
        var checkedObjects = 0;
        foreach (var path in TestPaths.ExampleStacks())
        {
            var plan = await BlinkCli.PlanStackAsync(StackFile.Load(path));
            foreach (var resource in plan.Resources.Where(r => r.Type is DeploymentType or SessionJobType))
            {
                var kind = resource.Inputs["kind"]!.GetValue<string>();
                var result = Schemas.Value[kind].Evaluate(JsonNode.Parse(resource.Inputs.ToJsonString()), new EvaluationOptions { OutputFormat = OutputFormat.List });
                var errors = result.Details.Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
                Assert.That(result.IsValid, $"{Path.GetFileName(path)} {resource.Name}:\n  " + string.Join("\n  ", errors));
                checkedObjects++;
            }
        }
        Assert.That(checkedObjects, Is.GreaterThanOrEqualTo(5), "every example stack declares session clusters, and some jobs");
    }

    [Test]
    public void The_schema_check_refuses_what_the_crd_does_not_allow()
    {
        var bad = JsonNode.Parse("""{"apiVersion":"flink.apache.org/v1beta1","kind":"FlinkDeployment","spec":{"flinkVersion":"v9_9","jobManager":{"replicas":"two"}}}""");
        Assert.That(Schemas.Value["FlinkDeployment"].Evaluate(bad).IsValid, Is.False);
    }
}

/// <summary>YAML documents as JSON, plain scalars typed as YAML 1.2 types them.</summary>
public static class YamlJson
{
    public static JsonNode? ToJson(YamlNode node)
        => node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
            YamlScalarNode scalar when scalar.Style is YamlDotNet.Core.ScalarStyle.Plain => scalar.Value switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                "null" or "~" => null,
                var text when long.TryParse(text, out var number) => JsonValue.Create(number),
                var text => JsonValue.Create(text),
            },
            YamlScalarNode scalar => JsonValue.Create(scalar.Value),
            _ => null,
        };
}
