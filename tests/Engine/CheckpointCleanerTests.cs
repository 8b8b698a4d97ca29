using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using NUnit.Framework;

namespace BlinkInfra.Tests.Engine;

/// <summary>
/// Issue 29.13: every last-state upgrade of a session job left checkpoints/&lt;session&gt;/&lt;old job id&gt;/ behind (the
/// operator retains checkpoints on cancellation and restores in NO_CLAIM mode). The stack declares a cleaner for the session
/// clusters that host jobs, with a role that lists and deletes under their checkpoint directories alone.
/// </summary>
public class CheckpointCleanerTests
{
    private static string Stack(string engine)
        => $$"""
            {{TestStacks.SmallClusterAndNetwork}}
              blink-infra:compute:
                highAvailability: true
                workerPools:
                  - {name: cpu, family: g7, instanceTypes: [ecs.g7.2xlarge], nodes: 3}
                  - {name: etl, family: g7, instanceTypes: [ecs.g7.2xlarge], nodes: 2}
              blink-infra:engine:
                bucket: blink-t-state
            {{engine}}
            """;

    private const string Jobs = "    jobs: [{name: enrich, pool: etl, jarPath: udf/enrich.jar, upgradeMode: last-state}]";

    private static string[] Errors(string yaml) => SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public async Task With_jobs_a_cronjob_cleans_the_sessions_hosting_them_with_a_role_that_only_lists_and_deletes_their_checkpoints()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack(Jobs));

        var policy = JsonNode.Parse((string)mocks.Single("alicloud:ram/policy:Policy", "blink-t-checkpoint-cleaner-policy").Inputs["policyDocument"])!;
        Assert.That(policy.ToJsonString(), Is.EqualTo("""{"Version":"1","Statement":[""" +
            """{"Effect":"Allow","Action":["oss:DeleteObject"],"Resource":["acs:oss:*:*:blink-t-state/checkpoints/session-etl/*"]},""" +
            """{"Effect":"Allow","Action":["oss:ListObjects"],"Resource":["acs:oss:*:*:blink-t-state"],"Condition":{"StringLike":{"oss:Prefix":["checkpoints/session-etl/*"]}}}]}"""),
            "only the session that hosts the job; no read, no write");
        var trust = JsonNode.Parse((string)mocks.Single("alicloud:ram/role:Role", "blink-t-checkpoint-cleaner-role").Inputs["assumeRolePolicyDocument"])!;
        Assert.That(trust["Statement"]![0]!["Condition"]!["StringEquals"]!["oidc:sub"]!.GetValue<string>(), Is.EqualTo("system:serviceaccount:flink:blink-checkpoint-cleaner"));
        Assert.That(mocks.Single("alicloud:ram/role:Role", "blink-t-checkpoint-cleaner-role").Inputs["roleName"], Is.EqualTo("blink-t-flink-cleaner"));

        var role = mocks.Single("kubernetes:rbac.authorization.k8s.io/v1:Role", "blink-t-role-checkpoint-cleaner").Inputs;
        Assert.That(JsonValues.ToNode(role["rules"])!.ToJsonString(), Is.EqualTo("""[{"apiGroups":["flink.apache.org"],"resources":["flinksessionjobs","flinkstatesnapshots"],"verbs":["get","list"]}]"""));
        var account = mocks.Single("kubernetes:core/v1:ServiceAccount", "blink-t-sa-checkpoint-cleaner").Inputs;
        Assert.That(JsonValues.ToNode(account["metadata"])!.ToJsonString(), Is.EqualTo("""{"annotations":{"pod-identity.alibabacloud.com/role-name":"blink-t-flink-cleaner"},"name":"blink-checkpoint-cleaner","namespace":"flink"}"""));

        var cronJob = JsonValues.ToNode(mocks.Single("kubernetes:batch/v1:CronJob", "blink-t-checkpoint-cleaner").Inputs)!;
        Assert.That((cronJob["apiVersion"]!.GetValue<string>(), cronJob["kind"]!.GetValue<string>()), Is.EqualTo(("batch/v1", "CronJob")));
        var spec = cronJob["spec"]!;
        Assert.That((spec["schedule"]!.GetValue<string>(), spec["concurrencyPolicy"]!.GetValue<string>()), Is.EqualTo(("17 * * * *", "Forbid")));
        var pod = spec["jobTemplate"]!["spec"]!["template"]!["spec"]!;
        Assert.That(pod["serviceAccountName"]!.GetValue<string>(), Is.EqualTo("blink-checkpoint-cleaner"));
        Assert.That(pod["nodeSelector"]!.ToJsonString(), Is.EqualTo("""{"blink.io/role":"master"}"""), "the masters' group reaches the JobManagers' REST port");
        Assert.That(pod["securityContext"]!.ToJsonString(), Is.EqualTo("""{"runAsGroup":65534,"runAsNonRoot":true,"runAsUser":65534,"seccompProfile":{"type":"RuntimeDefault"}}"""));
        var container = pod["containers"]![0]!;
        Assert.That(container["image"]!.GetValue<string>(), Is.EqualTo("registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/blink-checkpoint-cleaner:1.0.0"));
        Assert.That(container["securityContext"]!.ToJsonString(), Is.EqualTo("""{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]},"readOnlyRootFilesystem":true}"""));
        var environment = container["env"]!.AsArray().ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());
        Assert.That(environment, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["BUCKET"] = "blink-t-state", ["OSS_ENDPOINT"] = "oss-cn-hangzhou-internal.aliyuncs.com", ["REGION"] = "cn-hangzhou", ["NAMESPACE"] = "flink",
            ["SESSIONS"] = "session-etl", ["GRACE_HOURS"] = "24", ["REST_PORT"] = "8081", ["DRY_RUN"] = "false",
            ["ALIBABA_CLOUD_STS_REGION"] = "cn-hangzhou", ["ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"] = "true",
        }));
    }

    [Test]
    public async Task Without_jobs_or_switched_off_there_is_no_cleaner_and_options_that_would_do_nothing_are_refused()
    {
        var (_, without) = await StackRunner.RunAsync(Stack(""));
        Assert.That(without.OfType("kubernetes:batch/v1:CronJob"), Is.Empty);
        var (_, off) = await StackRunner.RunAsync(Stack(Jobs + "\n    checkpointCleanup: {enabled: false}"));
        Assert.That(off.OfType("kubernetes:batch/v1:CronJob"), Is.Empty);
        Assert.That(off.OfType("alicloud:ram/role:Role").Select(r => r.Name), Has.None.Contains("cleaner"));

        Assert.That(Errors(Stack("    checkpointCleanup: {enabled: true}")), Is.EqualTo(new[]
        {
            "blink-infra:engine.checkpointCleanup = \"enabled: true\": the cleaner removes the checkpoint folders of session jobs the stack no longer runs, and the stack declares no job (blink-infra:engine.jobs); allowed: false, or jobs",
        }));
        Assert.That(Errors(Stack(Jobs + "\n    checkpointCleanup: {enabled: false, graceHours: 12}")), Is.EqualTo(new[]
        {
            "blink-infra:engine.checkpointCleanup = \"enabled: false\": the cleaner's options with the cleaner off; allowed: enabled: false alone, or the options without it",
        }));
        Assert.That(Errors(Stack(Jobs + "\n    checkpointCleanup: {graceHours: 0, image: \"Cleaner:latest\"}")), Is.EqualTo(new[]
        {
            "blink-infra:engine.checkpointCleanup.image = \"Cleaner:latest\": not a container image reference; allowed: [registry/]repository[:tag][@sha256:digest] of the image built from images/checkpoint-cleaner/, such as registry-vpc.cn-hangzhou.aliyuncs.com/acme/blink-checkpoint-cleaner:1.0.0",
            "blink-infra:engine.checkpointCleanup.graceHours = \"0\": allowed: 1 to 720 hours a dead job's checkpoint folder stays untouched before it is removed (default 24)",
        }));
        var (_, tuned) = await StackRunner.RunAsync(Stack(Jobs + "\n    checkpointCleanup: {graceHours: 72, dryRun: true}"));
        var env = JsonValues.ToNode(tuned.Single("kubernetes:batch/v1:CronJob", "blink-t-checkpoint-cleaner").Inputs)!["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.ToJsonString();
        Assert.That(env, Does.Contain("""{"name":"GRACE_HOURS","value":"72"}""").And.Contain("""{"name":"DRY_RUN","value":"true"}"""));
    }

    [Test]
    [NeedsProgram("python3", "the cleaner's decisions are Python (images/checkpoint-cleaner/test_cleaner.py)")]
    public async Task The_cleaners_decisions_keep_what_a_job_still_needs_and_remove_an_upgrades_old_folder()
    {
        var start = new ProcessStartInfo(NeedsProgramAttribute.Find("python3")!, "-B -m unittest discover -s images/checkpoint-cleaner")
        {
            WorkingDirectory = TestPaths.ProjectRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Ran 7 tests").And.Contain("OK"));
    }
}
