using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Flink settings judged by what they do, under whatever key: a debugger or an agent in any JVM options key or JVM
/// environment variable, a reporter with a port of its own, scheduling that moves pods off their pool, labels and
/// annotations others read, the entrypoint's own arguments, any other listening port; refused in the engine's and a
/// job's configuration alike, and in the nested maps Flink's YAML configuration reads.
/// </summary>
public class FlinkEffectsTests
{
    private static string[] Errors(string settings, bool job = false)
    {
        var engine = job
            ? "    jobs:\n      - name: j\n        pool: cpu\n        jarPath: udf/j.jar\n        config:\n" + Indent(settings, 10)
            : "    flinkConfiguration:\n" + Indent(settings, 6);
        return SpecLoader.TryLoad(StackRunner.Stack(StackRunner.DevConfig + "\n  blink-infra:engine:\n" + engine).ToRaw(), PolicyEngine.PolicyNames)
            .Errors.Select(e => e.Message).ToArray();
    }

    private static string Indent(string lines, int spaces)
        => string.Concat(lines.Split('\n').Where(l => l.Length > 0).Select(l => new string(' ', spaces) + l + "\n"));

    private static IEnumerable<TestCaseData> Refused()
    {
        TestCaseData Case(string name, string settings, string key, string contains) => new TestCaseData(settings, key, contains).SetName(name);

        const string Jdwp = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005";
        yield return Case("jdwp in env.java.opts.taskmanager", $"env.java.opts.taskmanager: \"{Jdwp}\"", "[env.java.opts.taskmanager]",
            "JVM options for Flink's processes: " + Jdwp + " starts the JDWP debugger, which runs any code in the JVM for whoever reaches its port");
        yield return Case("jdwp in the deprecated env.java.opts", "env.java.opts: \"-Xmx1g -Xrunjdwp:transport=dt_socket,server=y\"", "[env.java.opts]", "-Xrunjdwp:transport=dt_socket,server=y starts the JDWP debugger");
        yield return Case("an agent in env.java.opts.all", "env.java.opts.all: \"-XX:+UseG1GC -javaagent:/opt/agent.jar\"", "[env.java.opts.all]", "-javaagent:/opt/agent.jar loads a Java agent into the JVM");
        yield return Case("the JMX agent in the default options", "env.java.default-opts.jobmanager: -Dcom.sun.management.jmxremote.port=9999", "[env.java.default-opts.jobmanager]", "starts the JMX agent, which reads and changes the JVM remotely on its port");
        yield return Case("an option file", "env.java.opts.client: \"@/tmp/opts\"", "[env.java.opts.client]", "reads more JVM options from an argument file");
        yield return Case("jdwp through JAVA_TOOL_OPTIONS", $"containerized.taskmanager.env.JAVA_TOOL_OPTIONS: \"{Jdwp}\"", "[containerized.taskmanager.env.JAVA_TOOL_OPTIONS]",
            "sets JAVA_TOOL_OPTIONS, which the JVM or Flink's start script reads as JVM options: " + Jdwp + " starts the JDWP debugger");
        yield return Case("jdwp through Flink's launcher variable", $"containerized.master.env.FLINK_ENV_JAVA_OPTS_JM: \"{Jdwp}\"", "[containerized.master.env.FLINK_ENV_JAVA_OPTS_JM]", "sets FLINK_ENV_JAVA_OPTS_JM");
        yield return Case("settings smuggled in FLINK_PROPERTIES", "containerized.master.env.FLINK_PROPERTIES: \"rest.bind-address: 0.0.0.0\"", "[containerized.master.env.FLINK_PROPERTIES]",
            "sets FLINK_PROPERTIES, which the Flink image's entrypoint appends to the configuration: the settings in it pass none of the checks here");
        yield return Case("JVM options from a Secret", "kubernetes.env.secretKeyRef: \"env:JAVA_TOOL_OPTIONS,secret:opts,key:jvm\"", "[kubernetes.env.secretKeyRef]", "sets JAVA_TOOL_OPTIONS from a Kubernetes Secret");
        yield return Case("a JMX reporter", "metrics.reporter.jmx.factory.class: org.apache.flink.metrics.jmx.JMXReporterFactory\nmetrics.reporter.jmx.port: \"8789\"", "[metrics.reporter.jmx.factory.class]",
            "a JMX reporter (org.apache.flink.metrics.jmx.JMXReporterFactory) named jmx: with a port (metrics.reporter.<name>.port) it starts a JMX server");
        yield return Case("a JMX reporter by its old class key", "metrics.reporter.monitor.class: org.apache.flink.metrics.jmx.JMXReporter", "[metrics.reporter.monitor.class]", "a JMX reporter (org.apache.flink.metrics.jmx.JMXReporter) named monitor");
        yield return Case("a second Prometheus reporter", "metrics.reporter.scrape.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory", "[metrics.reporter.scrape.factory.class]",
            "a Prometheus reporter (org.apache.flink.metrics.prometheus.PrometheusReporterFactory) named scrape: it serves metrics on a port of its own");
        yield return Case("a reporter nobody knows", "metrics.reporter.acme.factory.class: com.acme.metrics.HttpReporterFactory", "[metrics.reporter.acme.factory.class]",
            "a reporter BlinkInfra does not know (com.acme.metrics.HttpReporterFactory) named acme: it cannot tell whether it opens a port of its own");
        yield return Case("TaskManagers tolerating the masters' taint", "kubernetes.taskmanager.tolerations: \"key:blink.io/role,operator:Equal,value:master,effect:NoSchedule\"", "[kubernetes.taskmanager.tolerations]",
            "tolerations on the TaskManagers, which let them onto tainted nodes: the master machines (blink.io/role=master)");
        yield return Case("TaskManagers selecting the masters", "kubernetes.taskmanager.node-selector: \"blink.io/role:master\"", "[kubernetes.taskmanager.node-selector]",
            "a node selector on the TaskManagers, which BlinkInfra places on their pool's nodes (blink.io/pool)");
        yield return Case("one JobManager fewer", "kubernetes.jobmanager.replicas: \"1\"", "[kubernetes.jobmanager.replicas]", "how many JobManagers run, which BlinkInfra sets from blink-infra:compute.highAvailability");
        yield return Case("the scrape annotation switched off", "kubernetes.taskmanager.annotations: \"team:data,prometheus.io/scrape:false\"", "[kubernetes.taskmanager.annotations]",
            "sets prometheus.io/scrape, which the managed Prometheus reads to find the metrics the stack's alerts rely on");
        yield return Case("another RAM role", "kubernetes.jobmanager.annotations: \"pod-identity.alibabacloud.com/role-name:admin\"", "[kubernetes.jobmanager.annotations]", "ACK's RRSA webhook reads to choose the RAM role the pods assume");
        yield return Case("a pod network of its own", "kubernetes.taskmanager.annotations: \"k8s.aliyun.com/pod-networks:other\"", "[kubernetes.taskmanager.annotations]", "Terway reads to give a pod its own vSwitch and security groups");
        yield return Case("dynamic properties to the entrypoint", "kubernetes.taskmanager.entrypoint.args: \"-Drest.bind-address=0.0.0.0\"", "[kubernetes.taskmanager.entrypoint.args]",
            "extra arguments to the TaskManagers' entrypoint, where -Dkey=value sets any Flink setting past these checks");
        yield return Case("another entrypoint", "kubernetes.entry.path: /bin/sh", "[kubernetes.entry.path]", "runs another program as the Flink containers' command");
        yield return Case("the history server's port", "historyserver.web.port: \"8082\"", "[historyserver.web.port]", "a port a Flink server listens on, which no security group rule was derived for");
        yield return Case("queryable state's ports", "queryable-state.proxy.ports: \"9069\"", "[queryable-state.proxy.ports]", "a port a Flink server listens on");
        yield return Case("jdwp in a nested map", $"env.java: \"{{opts: {{all: '{Jdwp}'}}}}\"", "[env.java]", "a nested map Flink reads as the setting env.java.opts.all: JVM options for Flink's processes: " + Jdwp);
        yield return Case("a JMX reporter in a nested map", "metrics.reporter.jmx: \"{factory.class: org.apache.flink.metrics.jmx.JMXReporterFactory, port: 8789}\"", "[metrics.reporter.jmx]",
            "a nested map Flink reads as the setting metrics.reporter.jmx.factory.class: a JMX reporter");
    }

    [TestCaseSource(nameof(Refused))]
    public void Refused_by_effect_in_the_engines_configuration(string settings, string key, string contains)
    {
        var errors = Errors(settings);

        Assert.That(errors, Has.Length.EqualTo(1), string.Join("\n", errors));
        Assert.That(errors[0], Does.StartWith($"blink-infra:engine.flinkConfiguration{key} = "));
        Assert.That(errors[0], Does.Contain(contains));
        Assert.That(errors[0], Does.Contain("; allowed: "));
    }

    [TestCaseSource(nameof(Refused))]
    public void Refused_by_effect_in_a_jobs_configuration(string settings, string key, string contains)
    {
        var errors = Errors(settings, job: true);

        Assert.That(errors, Has.Length.EqualTo(1), string.Join("\n", errors));
        Assert.That(errors[0], Does.StartWith($"blink-infra:engine.jobs[0].config{key} = "));
        Assert.That(errors[0], Does.Contain(contains));
    }

    [TestCase("env.java.opts.all: \"-XX:+UseG1GC -Dfile.encoding=UTF-8 -Xss2m\"")]
    [TestCase("containerized.taskmanager.env.TZ: Asia/Shanghai")]
    [TestCase("containerized.taskmanager.env.JAVA_TOOL_OPTIONS: \"-Dfile.encoding=UTF-8\"")]
    [TestCase("metrics.reporter.log.factory.class: org.apache.flink.metrics.slf4j.Slf4jReporterFactory\nmetrics.reporter.log.interval: 60 SECONDS")]
    [TestCase("metrics.reporter.dd.factory.class: org.apache.flink.metrics.datadog.DatadogHttpReporterFactory\nmetrics.reporter.dd.port: \"8126\"")]
    [TestCase("metrics.reporter.pgw.factory.class: org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporterFactory\nmetrics.reporter.pgw.hostUrl: http://pushgateway.monitoring:9091")]
    [TestCase("kubernetes.taskmanager.annotations: \"team:data,cost-center:42\"")]
    [TestCase("kubernetes.taskmanager.labels: \"version:alphav1\"")]
    [TestCase("kubernetes.taskmanager.cpu.limit-factor: \"1.5\"")]
    public void Settings_whose_effect_stays_inside_what_the_stack_opens_pass(string settings)
    {
        Assert.That(Errors(settings), Is.Empty);
    }

    [Test]
    public void Every_family_cites_the_option_class_it_reads()
    {
        Assert.That(FlinkEffects.JvmOptionPrefixes, Is.EquivalentTo(new[] { "env.java.opts", "env.java.default-opts" }));
        Assert.That(FlinkEffects.IsJvmOptions("env.java.opts.sql-gateway"), Is.True);
        Assert.That(FlinkEffects.IsJvmOptions("env.java.home"), Is.False);
        Assert.That(FlinkEffects.SchedulingSettings.Select(s => s.Key), Is.EquivalentTo(new[]
        {
            "kubernetes.taskmanager.node-selector", "kubernetes.jobmanager.node-selector", "kubernetes.taskmanager.tolerations", "kubernetes.jobmanager.tolerations",
        }));
    }
}
