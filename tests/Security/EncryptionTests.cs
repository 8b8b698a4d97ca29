using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>The cluster's KMS key (Secrets, disks, bucket, the RRSA roles' use of it) and the nodes' break-glass key pair.</summary>
public class EncryptionTests
{
    private const string KeyType = "alicloud:kms/key:Key";
    private const string KeyPairType = "alicloud:ecs/ecsKeyPair:EcsKeyPair";
    private const string PoolType = "alicloud:cs/nodePool:NodePool";

    private static string Stack(string security = "")
        => $$"""
            {{TestStacks.SmallClusterAndNetwork}}
              blink-infra:compute:
                highAvailability: false
                workerPools:
                  - {name: cpu, family: g7, instanceTypes: [ecs.g7.2xlarge], nodes: 3}
              blink-infra:engine:
                jobs:
                  - {name: enrich, pool: cpu, jarPath: udf/enrich.jar}
              blink-infra:security:
            {{security}}
            """;

    private static string[] Errors(string security)
        => SpecLoader.TryLoad(StackRunner.Stack(Stack(security)).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public async Task Without_kms_nothing_is_declared_and_the_bucket_keeps_oss_managed_keys()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("    peerGroups: []"));

        Assert.That(mocks.OfType(KeyType), Is.Empty);
        Assert.That(mocks.Single("alicloud:cs/managedKubernetes:ManagedKubernetes", "blink-t-ack").Inputs.Keys.Intersect(new[] { "encryptionProviderKey", "disableEncryption" }), Is.Empty);
        Assert.That(mocks.OfType(PoolType).Select(p => p.Inputs.ContainsKey("systemDiskKmsKey") || p.Inputs.ContainsKey("keyName")), Has.All.False);
        Assert.That(mocks.Single("alicloud:oss/bucket:Bucket", "blink-t-state").Inputs["serverSideEncryptionRule"],
            Is.EqualTo(ImmutableDictionary<string, object>.Empty.Add("sseAlgorithm", "AES256")));
    }

    [Test]
    public async Task One_declared_key_encrypts_the_secrets_every_pools_disks_and_the_bucket()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("    kms: {enabled: true, automaticRotation: true, rotationIntervalDays: 180, pendingWindowDays: 14}"));

        var key = mocks.Single(KeyType, "blink-t-kms");
        Assert.That(key.Inputs.OrderBy(kv => kv.Key).Where(kv => kv.Key != "tags").Select(kv => $"{kv.Key}={kv.Value}"), Is.EqualTo(new[]
        {
            "automaticRotation=Enabled", "deletionProtection=Enabled",
            "deletionProtectionDescription=BlinkInfra cluster blink-t: its API server cannot read Secrets without this key",
            "description=BlinkInfra cluster blink-t: Kubernetes Secrets, node disks and the Flink state bucket",
            "keySpec=Aliyun_AES_256", "keyUsage=ENCRYPT/DECRYPT", "pendingWindowInDays=14", "rotationInterval=180d", "status=Enabled",
        }));
        var cluster = mocks.Single("alicloud:cs/managedKubernetes:ManagedKubernetes", "blink-t-ack");
        Assert.That((cluster.Inputs["encryptionProviderKey"], cluster.Inputs["disableEncryption"]), Is.EqualTo(("blink-t-kms-id", false)),
            "the provider applies the key only with disable_encryption false, which is computed otherwise");
        foreach (var pool in mocks.OfType(PoolType))
        {
            Assert.That((pool.Inputs["systemDiskEncrypted"], pool.Inputs["systemDiskKmsKey"]), Is.EqualTo((true, "blink-t-kms-id")), pool.Name);
        }
        var disk = (ImmutableDictionary<string, object>)((ImmutableArray<object>)mocks.Single(PoolType, "blink-t-pool-cpu").Inputs["dataDisks"])[0];
        Assert.That((disk["encrypted"], disk["kmsKeyId"]), Is.EqualTo(("true", "blink-t-kms-id")));
        Assert.That(mocks.Single("alicloud:oss/bucket:Bucket", "blink-t-state").Inputs["serverSideEncryptionRule"],
            Is.EqualTo(ImmutableDictionary<string, object>.Empty.Add("sseAlgorithm", "KMS").Add("kmsMasterKeyId", "blink-t-kms-id")));
    }

    [Test]
    public async Task The_key_is_protected_and_the_plan_wires_it_by_its_id()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack("    kms: {enabled: true}")));

        var key = plan.Resources.Single(r => r.Type == KeyType);
        Assert.That((key.Protect, key.Parent?.Name, key.Parent?.Type), Is.EqualTo((true, "blink-t", "blink:security:ClusterKey")));
        Assert.That(key.Inputs.ContainsKey("rotationInterval"), Is.False, "rotation is off by default");
        var cluster = plan.Resources.Single(r => r.Name == "blink-t-ack");
        Assert.That(cluster.PropertyDependencies["encryptionProviderKey"].Select(r => r.Name), Is.EqualTo(new[] { "blink-t-kms" }));
        Assert.That(PolicyEngine.Check(plan).Violations.Where(v => v.Level == EnforcementLevel.Mandatory), Is.Empty);
    }

    [Test]
    public async Task The_rrsa_roles_may_use_the_key_the_engine_writing_and_the_operator_reading()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("    kms: {enabled: true}"));

        JsonElement KeyStatement(string policy)
        {
            using var document = JsonDocument.Parse((string)mocks.Single("alicloud:ram/policy:Policy", policy).Inputs["policyDocument"]);
            return document.RootElement.GetProperty("Statement").EnumerateArray().Last().Clone();
        }
        var engine = KeyStatement("blink-t-flink-cpu-policy");
        Assert.That(engine.GetProperty("Action").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey" }));
        Assert.That(engine.GetProperty("Resource")[0].GetString(), Is.EqualTo("acs:kms:cn-hangzhou:*:key/blink-t-kms-id"));
        var operatorKey = KeyStatement("blink-t-operator-policy");
        Assert.That(operatorKey.GetProperty("Action").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "kms:Decrypt", "kms:DescribeKey" }));
    }

    [Test]
    public async Task A_given_key_id_is_used_and_no_key_declared()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("    kms: {keyId: key-hzz62f1cb66fa42qo1a2b}"));

        Assert.That(mocks.OfType(KeyType), Is.Empty);
        Assert.That(mocks.Single("alicloud:cs/managedKubernetes:ManagedKubernetes", "blink-t-ack").Inputs["encryptionProviderKey"], Is.EqualTo("key-hzz62f1cb66fa42qo1a2b"));
        Assert.That(((ImmutableDictionary<string, object>)mocks.Single("alicloud:oss/bucket:Bucket", "blink-t-state").Inputs["serverSideEncryptionRule"])["kmsMasterKeyId"],
            Is.EqualTo("key-hzz62f1cb66fa42qo1a2b"));
    }

    [Test]
    public void Kms_config_errors_name_the_key_the_value_and_what_is_allowed()
    {
        Assert.That(Errors("    kms: {enabled: true, pendingWindowDays: 3, rotationIntervalDays: 900}"), Is.EqualTo(new[]
        {
            "blink-infra:security.kms.rotationIntervalDays = \"900\": allowed: 7 to 730 days between automatic rotations",
            "blink-infra:security.kms.rotationIntervalDays = \"900\": a rotation interval without automaticRotation: true, which is off by default; allowed: automaticRotation: true with it, or no rotationIntervalDays",
            "blink-infra:security.kms.pendingWindowDays = \"3\": allowed: 7 to 30 days a deleted key waits (and can be restored) before KMS destroys it",
        }));
        Assert.That(Errors("    kms: {keyId: alias/acs/oss}"), Is.EqualTo(new[]
        {
            "blink-infra:security.kms.keyId = \"alias/acs/oss\": not a KMS key id; allowed: the id of a symmetric (Aliyun_AES_256) key in the stack's region, such as key-hzz62f1cb66fa42qo1a2b or 0b30658a-ed1a-4922-b8f7-a673ca9c1a2b, or none to declare a key",
        }));
        Assert.That(Errors("    kms: {keyId: key-hzz62f1cb66fa42qo1a2b, automaticRotation: true}").Single(),
            Is.EqualTo("blink-infra:security.kms.keyId = \"key-hzz62f1cb66fa42qo1a2b\": rotation, the pending window and deletion protection belong to a key the stack declares, not to the key keyId names, which its owner manages; allowed: keyId alone, or these keys without keyId"));
        Assert.That(Errors("    kms: {enabled: false, deletionProtection: false}"), Is.EqualTo(new[]
        {
            "blink-infra:security.kms.enabled = \"False\": the other kms keys describe the key that enabled: false leaves out; allowed: enabled: true (or no enabled) with them, or enabled: false alone",
        }));
        Assert.That(Errors("    kms: {pendingWindowDays: 10}"), Is.EqualTo(new[]
        {
            "blink-infra:security.kms.enabled is missing; a key's options without enabled: true, and the key is off by default (it costs money); allowed: enabled: true with them, or keyId alone for an existing key",
        }));
    }

    [Test]
    public async Task Break_glass_imports_a_public_key_and_every_pool_accepts_it()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack("    breakGlass: {keyPairName: blink-t-break-glass, publicKey: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBlinkInfraTestKey ops@example}")));

        var keyPair = plan.Resources.Single(r => r.Type == KeyPairType);
        Assert.That((keyPair.Name, keyPair.Text("keyPairName"), keyPair.Text("publicKey")),
            Is.EqualTo(("blink-t-break-glass", "blink-t-break-glass", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBlinkInfraTestKey ops@example")));
        var pools = plan.Resources.Where(r => r.Type == PoolType).ToList();
        Assert.That(pools.Select(p => p.PropertyDependencies["keyName"].Single().Name), Is.EqualTo(new[] { "blink-t-break-glass", "blink-t-break-glass" }));
        var report = PolicyEngine.Check(plan);
        Assert.That(report.Violations.Where(v => v.Policy == "break-glass-key-pair").Select(v => (v.Level, v.ResourceName)), Is.EquivalentTo(new[]
        {
            (EnforcementLevel.Advisory, (string?)"blink-t-pool-cpu"), (EnforcementLevel.Advisory, "blink-t-pool-masters"),
        }));
        Assert.That(report.Violations.Where(v => v.Policy == "no-ingress-from-internet"), Is.Empty, "no rule lets port 22 in from the internet");
    }

    [Test]
    public async Task Break_glass_with_an_existing_key_pair_declares_none()
    {
        var (_, mocks) = await StackRunner.RunAsync(Stack("    breakGlass: {keyPairName: ops-break-glass}"));

        Assert.That(mocks.OfType(KeyPairType), Is.Empty);
        Assert.That(mocks.OfType(PoolType).Select(p => p.Inputs["keyName"]), Is.EqualTo(new[] { "ops-break-glass", "ops-break-glass" }));
    }

    [Test]
    public void Break_glass_errors_name_the_key()
    {
        Assert.That(Errors("    breakGlass: {keyPairName: 1ops, publicKey: \"ssh-dss AAAAB3NzaC1kc3M ops\"}"), Is.EqualTo(new[]
        {
            "blink-infra:security.breakGlass.keyPairName = \"1ops\": not an ECS key pair name; allowed: 2 to 128 letters, digits, '.', '_' and '-', starting with a letter: an existing key pair's name, or the name to import publicKey as",
            "blink-infra:security.breakGlass.publicKey = \"ssh-dss AAAAB3NzaC1kc3M ops\": not an OpenSSH public key on one line; allowed: ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521 and its base64 body, as in an .pub file (never the private key), or none to use the existing key pair keyPairName",
        }));
        // A private key where the public one belongs is refused at the door, masked: never echoed (issue 31.3).
        Assert.That(Errors("    breakGlass: {keyPairName: ops, publicKey: \"-----BEGIN OPENSSH PRIVATE KEY-----\"}"), Is.EqualTo(new[]
        {
            "blink-infra:security.breakGlass.publicKey = \"[secret]\": holds a private key (masked here), in plain text in the stack file and in every plan and state made from it; allowed: no private key in config: for break-glass access the public key (the .pub file), and anything secret as a Pulumi secret (pulumi config set --secret)",
        }));
    }
}
