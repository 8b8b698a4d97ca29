using System;
using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Names and descriptions against Alibaba Cloud's documented limits (infra/Facts/NameLimits.cs): each
/// free-text key on its own, and every name BlinkInfra derives from one, refused naming the key that
/// makes it too long and how long that key may be.
/// </summary>
public class NameLimitsTests
{
    private const string Pools = "highAvailability: false\nworkerPools:\n  - name: cpu\n    family: g7\n    instanceTypes: [ecs.g7.xlarge]\n    nodes: 2";

    private static string[] Errors(string clusterName, string extra = "", string pools = Pools)
    {
        var yaml = "config:\n  blink-infra:cluster:\n    name: " + clusterName + "\n    region: cn-hangzhou\n"
                   + "  blink-infra:network:\n    zones:\n      - id: cn-hangzhou-h\n      - id: cn-hangzhou-i\n"
                   + "  blink-infra:compute:\n" + string.Concat(pools.Split('\n').Select(line => "    " + line + "\n"))
                   + extra;
        return SpecLoader.TryLoad(StackRunner.Stack(yaml, "dev").ToRaw(), StackRunner.NoPolicyNames).Errors.Select(e => e.Message).ToArray();
    }

    private static string Name(int length) => "c" + new string('x', length - 2) + "1";

    private const string GivenBucket = "  blink-infra:engine:\n    bucket: acme-flink-state\n";

    [Test]
    public void A_cluster_name_too_long_for_the_default_bucket_is_refused_naming_the_cluster_name()
    {
        var name = Name(52);
        Assert.That(Errors(name), Is.EqualTo(new[]
        {
            $"blink-infra:cluster.name = \"{name}\": an OSS bucket's name BlinkInfra derives from it, \"{name}-flink-state\", has 64 characters; allowed: 3 to 63 characters: lower-case letters, digits and '-', starting and ending with a letter or digit (OSS, bucket naming conventions, infra/Facts/NameLimits.cs); so at most 51 characters here",
        }));
    }

    [Test]
    public void A_stack_name_too_long_for_the_default_bucket_says_the_cluster_name_defaults_to_it()
    {
        var stack = Name(52);
        var yaml = "config:\n  blink-infra:cluster:\n    region: cn-hangzhou\n  blink-infra:network:\n    zones:\n      - id: cn-hangzhou-h\n"
                   + "  blink-infra:compute:\n" + string.Concat(Pools.Split('\n').Select(line => "    " + line + "\n"));
        var errors = SpecLoader.TryLoad(StackRunner.Stack(yaml, stack).ToRaw(), StackRunner.NoPolicyNames).Errors.Select(e => e.Message);
        Assert.That(errors, Is.EqualTo(new[]
        {
            $"blink-infra:cluster.name = \"{stack}\": the cluster name defaults to the stack's name (set blink-infra:cluster.name); an OSS bucket's name BlinkInfra derives from it, \"{stack}-flink-state\", has 64 characters; allowed: 3 to 63 characters: lower-case letters, digits and '-', starting and ending with a letter or digit (OSS, bucket naming conventions, infra/Facts/NameLimits.cs); so at most 51 characters here",
        }));
    }

    [Test]
    public void The_same_name_fits_when_the_bucket_is_given()
    {
        Assert.That(Errors(Name(52), GivenBucket), Is.Empty);
    }

    [Test]
    public void A_cluster_name_too_long_for_a_session_clusters_ram_role_is_refused_naming_the_cluster_name()
    {
        // Each session cluster has a RAM role of its own, "<name>-session-<pool>" (issue 29.12): 52 characters with a pool "cpu".
        var name = Name(53);
        Assert.That(Errors(name, GivenBucket), Is.EqualTo(new[]
        {
            $"blink-infra:cluster.name = \"{name}\": a RAM role's name BlinkInfra derives from it, \"{name}-session-cpu\", has 65 characters; allowed: 1 to 64 characters: letters, digits, '.' and '-' (RAM API CreateRole, RoleName, infra/Facts/NameLimits.cs); so at most 52 characters here",
        }));
        Assert.That(Errors(Name(52), GivenBucket), Is.Empty);
    }

    [Test]
    public void The_default_log_project_is_held_to_log_services_limit_a_given_one_is_not_derived()
    {
        // The session's role (room for 52 with a pool "cpu") is tighter than the default project (58), so the project's
        // limit is read from what the loader checks.
        var (spec, errors) = SpecLoader.TryLoad(StackRunner.Stack("config:\n  blink-infra:cluster:\n    name: blink-dev\n    region: cn-hangzhou\n"
            + "  blink-infra:network:\n    zones:\n      - id: cn-hangzhou-h\n      - id: cn-hangzhou-i\n"
            + "  blink-infra:compute:\n" + string.Concat(Pools.Split('\n').Select(line => "    " + line + "\n")), "dev").ToRaw(), StackRunner.NoPolicyNames);
        Assert.That(errors, Is.Empty);
        var projects = (bool defaultProject) => DerivedNames.Of(spec!.Cluster, spec.Network, spec.Compute, spec.DataAccess, spec.Engine, bucketGiven: false, defaultLogProject: defaultProject)
            .Where(d => d.Limit == NameLimits.SlsProjectName).Select(d => (d.Key, d.Text)).ToList();
        Assert.That(projects(true), Is.EqualTo(new[] { ("blink-infra:cluster.name", "blink-dev-logs") }));
        Assert.That(projects(false), Is.Empty, "a project of its own, or no logs");
    }

    [Test]
    public void A_cluster_name_too_long_for_the_operators_ram_role_is_refused_when_there_are_jobs()
    {
        var name = Name(50);
        var jobs = GivenBucket + "    jobs: [{name: enrich, pool: cpu, jarPath: udf/enrich.jar}]\n";
        Assert.That(Errors(name, GivenBucket), Is.Empty, "no jobs: no operator role");
        Assert.That(Errors(name, jobs), Is.EqualTo(new[]
        {
            $"blink-infra:cluster.name = \"{name}\": a RAM role's name BlinkInfra derives from it, \"{name}-flink-operator\", has 65 characters; allowed: 1 to 64 characters: letters, digits, '.' and '-' (RAM API CreateRole, RoleName, infra/Facts/NameLimits.cs); so at most 49 characters here",
        }));
    }

    [Test]
    public void A_cluster_name_too_long_for_the_tenant_session_is_refused_across_accounts()
    {
        var name = Name(21);
        var crossAccount = "  blink-infra:dataAccess:\n    crossAccount:\n      tenantRoleArn: \"acs:ram::1234567890123456:role/blink-tenant\"\n"
                           + "      platformAccountId: \"6543210987654321\"\n      vpcId: vpc-bp1tenant000001\n      cidrBlock: 192.168.0.0/16\n"
                           + "      vswitches: [{id: vsw-bp1tenanth00001, zone: cn-hangzhou-h}, {id: vsw-bp1tenanti00001, zone: cn-hangzhou-i}]\n";
        Assert.That(Errors(name), Is.Empty, "no tenant: no session");
        Assert.That(Errors(name, crossAccount), Is.EqualTo(new[]
        {
            $"blink-infra:cluster.name = \"{name}\": an STS role session's name BlinkInfra derives from it, \"{name}-blink-infra\", has 33 characters; allowed: 2 to 32 characters: letters, digits, '.', '@', '_' and '-' (STS API AssumeRole, RoleSessionName, infra/Facts/NameLimits.cs); so at most 20 characters here",
        }));
    }

    [Test]
    public void A_cluster_name_beyond_an_ack_clusters_limit_is_refused_by_its_own_rule()
    {
        var name = Name(64);
        Assert.That(Errors(name, GivenBucket), Is.EqualTo(new[]
        {
            $"blink-infra:cluster.name = \"{name}\": not a valid cluster name; allowed: lower-case letters, digits and '-', starting with a letter and not ending with '-', at most 63 characters (less when a name BlinkInfra derives from it needs the room)",
        }));
    }

    [Test]
    public void A_pool_name_too_long_for_its_session_cluster_is_refused_naming_the_pool()
    {
        var pool = "p" + new string('x', 36) + "1";
        var pools = Pools.Replace("name: cpu", "name: " + pool, StringComparison.Ordinal);
        Assert.That(Errors("blink-dev", "", pools), Is.EqualTo(new[]
        {
            $"blink-infra:compute.workerPools[0].name = \"{pool}\": a Flink session cluster's name (its kubernetes.cluster-id) BlinkInfra derives from it, \"session-{pool}\", has 46 characters; allowed: 1 to 45 characters: lower-case letters, digits and '-', starting with a letter (Flink 1.20 KubernetesConfigOptions.CLUSTER_ID, infra/Facts/NameLimits.cs); so at most 37 characters here",
        }));
        Assert.That(Errors("blink-dev", "", Pools.Replace("name: cpu", "name: " + pool[1..], StringComparison.Ordinal)), Is.Empty, "37 characters fit");
    }

    [Test]
    public void A_pool_name_beyond_a_node_pools_limit_is_refused_by_its_own_rule()
    {
        var pool = "p" + new string('x', 63);
        var pools = Pools.Replace("name: cpu", "name: " + pool, StringComparison.Ordinal);
        Assert.That(Errors("blink-dev", "", pools), Is.EqualTo(new[]
        {
            $"blink-infra:compute.workerPools[0].name = \"{pool}\": not a valid pool name; allowed: lower-case letters, digits and '-', starting with a letter, at most 63 characters (less when its session cluster's name needs the room), not \"masters\"",
        }));
    }

    [Test]
    public void A_job_name_beyond_a_kubernetes_name_is_refused()
    {
        var job = "j" + new string('x', 63);
        Assert.That(Errors("blink-dev", GivenBucket + $"    jobs: [{{name: {job}, pool: cpu, jarPath: udf/enrich.jar}}]\n"), Is.EqualTo(new[]
        {
            $"blink-infra:engine.jobs[0].name = \"{job}\": not a valid job name (a FlinkSessionJob's name); allowed: 1 to 63 characters: lower-case letters, digits and '-', starting with a letter and ending with a letter or digit",
        }));
    }

    [Test]
    public void A_tag_value_with_a_line_break_is_refused()
    {
        Assert.That(Errors("blink-dev\n    tags:\n      team: \"data\\nops\""), Is.EqualTo(new[]
        {
            "blink-infra:cluster.tags[\"team\"] = \"data\\nops\": holds the control character \\n (line feed) at character 5, which a terminal would act on and no setting of the stack takes; allowed: printable text on one line",
        }));
    }

    [Test]
    public void A_key_is_reported_once_for_the_derived_name_that_leaves_it_least_room()
    {
        // Two derived names over their limits from one key: one error, for the tighter.
        var name = Name(60);
        var errors = Errors(name, "  blink-infra:engine:\n    jobs: [{name: enrich, pool: cpu, jarPath: udf/enrich.jar}]\n");
        Assert.That(errors, Has.Length.EqualTo(1));
        Assert.That(errors[0], Does.Contain($"\"{name}-flink-operator\", has 75 characters").And.EndWith("so at most 49 characters here"),
            "the operator's role (room for 49) is tighter than the default bucket (51) and the session's role (52)");
    }

    // The table itself: what a row refuses and why.
    [TestCase("http://x", "a start with http:// or https://")]
    [TestCase("a\tb", "characters or a start it does not allow")]
    [TestCase("", "0 characters")]
    public void A_row_says_why_it_refuses(string text, string problem)
    {
        Assert.That(NameLimits.VpcDescription.ProblemWith(text), Is.EqualTo(problem));
    }

    [Test]
    public void The_rows_carry_their_sources_and_sane_bounds()
    {
        Assert.That(NameLimits.All, Is.Unique);
        Assert.That(NameLimits.All.Select(r => r.What), Is.Unique);
        Assert.That(NameLimits.All, Has.All.Matches<NameLimit>(r => r.MinLength >= 0 && r.MinLength <= r.MaxLength && r.Source.Length > 0));
        Assert.That((NameLimits.RamRoleName.MaxLength, NameLimits.OssBucketName.MaxLength, NameLimits.FlinkClusterId.MaxLength, NameLimits.StsRoleSessionName.MaxLength),
            Is.EqualTo((64, 63, 45, 32)));
    }
}
