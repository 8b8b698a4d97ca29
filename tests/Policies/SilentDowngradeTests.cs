using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Nothing weakened in silence: a policy the stack lowers is a notice and counted as switched off; a data disk in
/// plain beside the stack's KMS key and the API server's audit log switched off are advisories; a public VPC block
/// is said once, of blink-infra:network.cidrBlock.
/// </summary>
public class SilentDowngradeTests
{
    private static async Task<(int Exit, string Out, string Err)> Check(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("blink-downgrade-");
        try
        {
            var path = Path.Combine(folder.FullName, "Pulumi.dev.yaml");
            await File.WriteAllTextAsync(path, yaml);
            return await CliRunner.Run("check", "--config", path);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_mandatory_policy_switched_off_is_a_notice_and_counted_as_switched_off()
    {
        var (exit, output, _) = await Check(StackRunner.DevConfig + "\n  blink-infra:policy:\n    levels: {no-public-ip: disabled, private-api-server: advisory}\n");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("notice BLINK3001: no-public-ip (blink-isolation@1.0.0, mandatory by default) is switched off by blink-infra:policy.levels[\"no-public-ip\"], so \"No machine has a public IP.\" is not checked\n"));
        Assert.That(output, Does.Contain("notice BLINK3001: private-api-server (blink-isolation@1.0.0, mandatory by default) is only advisory by blink-infra:policy.levels[\"private-api-server\"], so \"The API server is not public unless the stack explicitly allows it.\" is reported, never enforced\n"));
        var total = PolicyEngine.PolicyNames.Length;
        // dev's two advisories (its alerts have no receivers; its pinned Kubernetes version is unconfirmed) stay; the
        // summary counts the policy switched off.
        Assert.That(output, Does.EndWith($"0 mandatory and 2 advisory violation(s); {total - 1} policies of {PolicyEngine.Packs.Length} packs checked, 1 switched off by blink-infra:policy.levels (no-public-ip).\n"));
    }

    [Test]
    public async Task A_policy_raised_is_no_notice()
    {
        var (_, output, _) = await Check(StackRunner.DevConfig + "\n  blink-infra:policy:\n    levels: {private-address-space: mandatory}\n");

        Assert.That(output, Does.Not.Contain("Notice:"));
        Assert.That(output, Does.EndWith($"0 mandatory and 2 advisory violation(s); {PolicyEngine.PolicyNames.Length} policies of {PolicyEngine.Packs.Length} packs checked.\n"));
    }

    [Test]
    public void Under_the_engine_a_lowered_policy_is_a_warning_on_every_run()
    {
        var plan = BlinkCli.PlanStackAsync(StackRunner.Stack(StackRunner.DevConfig + "\n  blink-infra:policy:\n    levels: {no-public-ip: disabled}\n")).GetAwaiter().GetResult();
        var report = PolicyEngine.Check(plan);

        Assert.That(report.Lowered.Select(PolicyReport.Notice), Is.EqualTo(new[]
        {
            "no-public-ip (blink-isolation@1.0.0, mandatory by default) is switched off by blink-infra:policy.levels[\"no-public-ip\"], so \"No machine has a public IP.\" is not checked",
        }));
        Assert.That(report.PoliciesChecked, Is.EqualTo(PolicyEngine.PolicyNames.Length - 1));
    }

    private const string KmsAndPlainDisk = """

          blink-infra:security:
            kms: {enabled: true}
        """;

    [Test]
    public async Task A_data_disk_left_in_plain_beside_the_stacks_kms_key_is_an_advisory()
    {
        var yaml = StackRunner.DevConfig.Replace("        nodes: 2", "        nodes: 2\n        dataDisk: {encrypted: false}") + KmsAndPlainDisk;

        var (exit, output, _) = await Check(yaml);

        Assert.That(exit, Is.EqualTo(0), "an advisory");
        Assert.That(output, Does.Contain("[advisory] BLINK2037 data-disks-encrypted (alicloud:cs/nodePool:NodePool: blink-dev-pool-cpu)\n"
            + "    blink-data-protection@1.0.0: data disk 0 (cloud_essd) is not encrypted, while the stack has a KMS key that encrypts its Secrets and system disks: Flink's local state (RocksDB) would be the one copy in plain; allowed: encrypted true (blink-infra:compute.workerPools[].dataDisk.encrypted: true, its default)\n"));

        var (_, withoutKey, _) = await Check(StackRunner.DevConfig.Replace("        nodes: 2", "        nodes: 2\n        dataDisk: {encrypted: false}"));
        Assert.That(withoutKey, Does.Not.Contain("data-disks-encrypted"), "no key in the stack: nothing to encrypt with");
    }

    [TestCase("audit: false")]
    [TestCase("enabled: false")]
    public async Task The_api_servers_audit_log_switched_off_is_an_advisory(string logs)
    {
        var (exit, output, _) = await Check(StackRunner.DevConfig + $"\n  blink-infra:observability:\n    logs: {{{logs}}}\n");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("[advisory] BLINK2017 api-server-audit-log (alicloud:cs/managedKubernetes:ManagedKubernetes: blink-dev-ack)\n"
            + "    blink-isolation@1.0.0: the API server's audit log is off (auditLogConfig): nothing records who read a Secret or ran a command in a pod through it; allowed: auditLogConfig enabled (blink-infra:observability.logs.audit: true, with logs.enabled: true, the defaults)\n"));
    }

    [Test]
    public async Task A_public_vpc_block_is_said_once_of_network_cidr_block()
    {
        var (_, output, _) = await Check(StackRunner.DevConfig.Replace("cidrBlock: 10.10.0.0/16", "cidrBlock: 11.10.0.0/16"));

        var advisories = output.Split('\n').Where(l => l.StartsWith("[advisory] BLINK2014 private-address-space", System.StringComparison.Ordinal)).ToList();
        Assert.That(advisories, Is.EqualTo(new[] { "[advisory] BLINK2014 private-address-space (alicloud:vpc/network:Network: blink-dev-vpc)" }));
        Assert.That(output, Does.Contain("the VPC's block 11.10.0.0/16 (blink-infra:network.cidrBlock) is public address space"));
    }
}
