using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>Flink settings checked by meaning in the engine's and each job's configuration; secrets by name; the engine's namespace.</summary>
public class FlinkSettingsTests
{
    private static string Stack(string engine) => StackRunner.DevConfig + "\n  blink-infra:engine:\n" + engine;

    private static string[] Errors(string engine)
        => SpecLoader.TryLoad(StackRunner.Stack(Stack(engine)).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    private const string Job = "    jobs:\n      - name: j\n        pool: cpu\n        jarPath: udf/j.jar\n        config:\n";

    private static IEnumerable<TestCaseData> Refusals()
    {
        TestCaseData Case(string name, string engine, string message) => new TestCaseData(engine, message).SetName(name);

        yield return Case("a job's own setting the program derives", Job + "          state.checkpoints.dir: oss://elsewhere/cp\n",
            "blink-infra:engine.jobs[0].config[state.checkpoints.dir] = \"oss://elsewhere/cp\": Flink reads it for execution.checkpointing.dir, which BlinkInfra sets from blink-infra:engine.bucket; allowed: any other Flink setting");
        yield return Case("a job's checkpoint interval", Job + "          execution.checkpointing.interval: 1s\n",
            "blink-infra:engine.jobs[0].config[execution.checkpointing.interval] = \"1s\": set by BlinkInfra from blink-infra:engine.checkpointIntervalSeconds; allowed: any other Flink setting");
        yield return Case("a nested map over derived settings", "    flinkConfiguration:\n      execution.checkpointing: \"{dir: oss://elsewhere/cp}\"\n",
            "blink-infra:engine.flinkConfiguration[execution.checkpointing] = \"{dir: oss://elsewhere/cp}\": a nested map Flink reads as settings under execution.checkpointing., among them execution.checkpointing.dir, which BlinkInfra sets from blink-infra:engine.bucket; allowed: single settings by their full names");
        yield return Case("a job's autoscaler setting", Job + "          job.autoscaler.target.utilization: \"0.9\"\n",
            "blink-infra:engine.jobs[0].config[job.autoscaler.target.utilization] = \"0.9\": set by BlinkInfra from blink-infra:engine.jobs[i].autoscaler; allowed: any other Flink setting");
        yield return Case("the autoscaler under the operator's older name", "    flinkConfiguration:\n      kubernetes.operator.job.autoscaler.enabled: \"true\"\n",
            "blink-infra:engine.flinkConfiguration[kubernetes.operator.job.autoscaler.enabled] = \"true\": set by BlinkInfra from blink-infra:engine.jobs[i].autoscaler; allowed: any other Flink setting");
        yield return Case("the scheduler", "    flinkConfiguration:\n      jobmanager.scheduler: adaptive\n",
            "blink-infra:engine.flinkConfiguration[jobmanager.scheduler] = \"adaptive\": set by BlinkInfra from blink-infra:engine.jobs[i].autoscaler (the adaptive scheduler of a session cluster whose jobs autoscale); allowed: any other Flink setting");
        yield return Case("a list of reporters, which would leave out the Prometheus one", "    flinkConfiguration:\n      metrics.reporters: jmx\n",
            "blink-infra:engine.flinkConfiguration[metrics.reporters] = \"jmx\": Flink reads it for metrics.reporter.prom.factory.class, which BlinkInfra sets from blink-infra:observability.metrics (the Prometheus reporter every session cluster runs); allowed: any other Flink setting");
        yield return Case("the REST endpoint on a load balancer", "    flinkConfiguration:\n      kubernetes.rest-service.exposed.type: LoadBalancer\n",
            "blink-infra:engine.flinkConfiguration[kubernetes.rest-service.exposed.type] = \"LoadBalancer\": NodePort or LoadBalancer exposes Flink's REST endpoint (which submits and cancels jobs) outside the cluster, a LoadBalancer through an SLB instance ACK creates; allowed: ClusterIP or Headless_ClusterIP");
        yield return Case("the REST bind address", "    flinkConfiguration:\n      rest.bind-address: 0.0.0.0\n",
            "blink-infra:engine.flinkConfiguration[rest.bind-address] = \"0.0.0.0\": where the REST endpoint listens, which Flink's Kubernetes integration sets for its ClusterIP service; allowed: no value: BlinkInfra leaves it to Flink's Kubernetes integration");
        yield return Case("the REST bind address by its fallback key web.address", "    flinkConfiguration:\n      web.address: 0.0.0.0\n",
            "blink-infra:engine.flinkConfiguration[web.address] = \"0.0.0.0\": Flink reads it for rest.bind-address: where the REST endpoint listens, which Flink's Kubernetes integration sets for its ClusterIP service; allowed: no value: BlinkInfra leaves it to Flink's Kubernetes integration");
        yield return Case("the REST bind address by its deprecated key jobmanager.web.address", Job + "          jobmanager.web.address: 0.0.0.0\n",
            "blink-infra:engine.jobs[0].config[jobmanager.web.address] = \"0.0.0.0\": Flink reads it for rest.bind-address: where the REST endpoint listens, which Flink's Kubernetes integration sets for its ClusterIP service; allowed: no value: BlinkInfra leaves it to Flink's Kubernetes integration");
        yield return Case("a JMX server", "    flinkConfiguration:\n      jmx.server.port: \"9010\"\n",
            "blink-infra:engine.flinkConfiguration[jmx.server.port] = \"9010\": starts a JMX server, which reads and changes the JVM without credentials, on a port no security group rule was derived for; allowed: no value: BlinkInfra leaves it to Flink's Kubernetes integration");
        yield return Case("a pod template by its deprecated key", "    flinkConfiguration:\n      kubernetes.pod-template-file: /tmp/t.yaml\n",
            "blink-infra:engine.flinkConfiguration[kubernetes.pod-template-file] = \"/tmp/t.yaml\": Flink reads it for kubernetes.pod-template-file.default: a pod template file replaces the one BlinkInfra sets (placement, tolerations, the OSS plugin) and can run pods on the host network; allowed: no value: BlinkInfra leaves it to Flink's Kubernetes integration");
        yield return Case("the HA JobManager port by its old name", "    flinkConfiguration:\n      recovery.jobmanager.port: \"7000\"\n",
            "blink-infra:engine.flinkConfiguration[recovery.jobmanager.port] = \"7000\": set by BlinkInfra from blink-infra:compute.highAvailability; allowed: any other Flink setting");
        yield return Case("the REST port by its deprecated key", Job + "          jobmanager.web.port: \"80\"\n",
            "blink-infra:engine.jobs[0].config[jobmanager.web.port] = \"80\": Flink reads it for rest.port, which BlinkInfra sets from the cluster's security group rules (infra/Facts/ClusterPorts.cs); allowed: any other Flink setting");
        yield return Case("the RocksDB directory by its deprecated key", "    flinkConfiguration:\n      state.backend.rocksdb.checkpointdir: /tmp\n",
            "blink-infra:engine.flinkConfiguration[state.backend.rocksdb.checkpointdir] = \"/tmp\": Flink reads it for state.backend.rocksdb.localdir, which BlinkInfra sets from the pool's data disk (blink-infra:compute.workerPools[i].dataDisk); allowed: any other Flink setting");
        yield return Case("the JobManager under another service account", "    flinkConfiguration:\n      kubernetes.jobmanager.service-account: admin\n",
            "blink-infra:engine.flinkConfiguration[kubernetes.jobmanager.service-account] = \"admin\": Flink reads it for kubernetes.service-account, which BlinkInfra sets from the session cluster's service account (blink-flink-<pool>, the one the Role binds and the session's RAM role trusts); allowed: any other Flink setting");
        yield return Case("a job on the host network", Job + "          kubernetes.hostnetwork.enabled: \"true\"\n",
            "blink-infra:engine.jobs[0].config[kubernetes.hostnetwork.enabled] = \"true\": Flink's pods on their nodes' network listen on the nodes' addresses, outside what the security group rules were derived for; allowed: false");
        yield return Case("a value of two lines", "    flinkConfiguration:\n      restart-strategy.type: \"fixed-delay\\nrest.bind-address: 0.0.0.0\"\n",
            "blink-infra:engine.flinkConfiguration[\"restart-strategy.type\"] = \"fixed-delay\\nrest.bind-address: 0.0.0.0\": holds the control character \\n (line feed) at character 12, which a terminal would act on and no setting of the stack takes; allowed: printable text on one line");
        yield return Case("an OSS access key secret", "    flinkConfiguration:\n      fs.oss.accessKeySecret: abc123\n",
            "blink-infra:engine.flinkConfiguration[fs.oss.accessKeySecret] = \"[secret]\": names a credential (infra/Facts/SecretNames.cs), and Flink settings are stored in plain text in the operator's custom resources; allowed: no credential here: give an endpoint's as a secret, pulumi config set --secret blink-infra:endpointCredentials '{\"<endpoint>\": {\"username\": \"...\", \"password\": \"...\"}}', and reach OSS through RRSA, without a key");
        yield return Case("a keystore password in a job", Job + "          security.ssl.rest.keystore-password: hunter2\n",
            "blink-infra:engine.jobs[0].config[security.ssl.rest.keystore-password] = \"[secret]\": names a credential (infra/Facts/SecretNames.cs), and Flink settings are stored in plain text in the operator's custom resources; allowed: no credential here: give an endpoint's as a secret, pulumi config set --secret blink-infra:endpointCredentials '{\"<endpoint>\": {\"username\": \"...\", \"password\": \"...\"}}', and reach OSS through RRSA, without a key");
        yield return Case("a name Flink cannot read", "    flinkConfiguration:\n      \"rest port\": \"1\"\n",
            "blink-infra:engine.flinkConfiguration[rest port] = \"1\": not a Flink setting's name; allowed: a dotted name of letters, digits, '-' and '_', at most 256 characters, such as restart-strategy.type");
        yield return Case("the kube-system namespace", "    namespace: kube-system\n",
            "blink-infra:engine.namespace = \"kube-system\": a namespace of the cluster's own: BlinkInfra declares the engine's namespace (deleting it with the stack) and lets the Flink service account edit pods and ConfigMaps in it (infra/Facts/SystemNamespaces.cs); allowed: a namespace of the engine's own, such as flink, not default, kube-system, kube-public, kube-node-lease, arms-prom, flink-operator or another kube-* name");
    }

    [TestCaseSource(nameof(Refusals))]
    public void Refused_with_its_key_value_and_what_is_allowed(string engine, string message)
    {
        Assert.That(Errors(engine), Is.EqualTo(new[] { message }));
    }

    [TestCase("default")]
    [TestCase("kube-public")]
    [TestCase("kube-node-lease")]
    [TestCase("kube-anything")]
    [TestCase("arms-prom")]
    [TestCase("flink-operator")]
    public void System_namespaces_are_refused(string ns)
    {
        Assert.That(Errors($"    namespace: {ns}\n"), Has.One.StartWith($"blink-infra:engine.namespace = \"{ns}\": a namespace of the cluster's own"));
    }

    [Test]
    public void Safe_values_of_exposing_settings_and_ordinary_settings_pass()
    {
        Assert.That(Errors("    flinkConfiguration:\n      kubernetes.rest-service.exposed.type: ClusterIP\n      state.backend.rocksdb.thread.num: \"4\"\n      fs.oss.credentials.provider: com.acme.Rrsa\n" + Job.Replace("    jobs", "    jobs") + "          pipeline.max-parallelism: \"256\"\n"), Is.Empty);
    }

    [TestCase("access_key_secret")]
    [TestCase("accessKeySecret")]
    [TestCase("AccessKeySecret")]
    [TestCase("secretKey")]
    [TestCase("fs.oss.accessKeySecret")]
    [TestCase("fs.oss.securityToken")]
    [TestCase("ALIBABA_CLOUD_ACCESS_KEY_SECRET")]
    [TestCase("security.ssl.internal.keystore-password")]
    [TestCase("security.ssl.rest.truststore-password")]
    [TestCase("s3.secret-key")]
    [TestCase("fs.s3a.secret.key")]
    [TestCase("properties.sasl.jaas.config")]
    [TestCase("kubeConfig")]
    public void Credential_names_are_secrets(string name)
    {
        Assert.That(SecretNames.IsSecret(name), Is.True);
    }

    [TestCase("fs.oss.credentials.provider")]
    [TestCase("fs.oss.accessKeyId")]
    [TestCase("kubernetes.secrets")]
    [TestCase("security.ssl.keystore")]
    [TestCase("restart-strategy.type")]
    public void Ordinary_names_are_not(string name)
    {
        Assert.That(SecretNames.IsSecret(name), Is.False);
    }

    [Test]
    public void Endpoint_credentials_in_plain_text_are_refused_with_the_command_that_makes_them_a_secret()
    {
        var yaml = StackRunner.DevConfig + "\n  blink-infra:endpointCredentials:\n    orders: {username: u, password: p}\n";

        Assert.That(SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message), Is.EqualTo(new[]
        {
            "blink-infra:endpointCredentials = \"[secret]\": credentials given in plain text; allowed: a secret, set with pulumi config set --secret blink-infra:endpointCredentials '{\"<endpoint>\": {\"username\": \"...\", \"password\": \"...\"}}'",
        }));
    }
}
