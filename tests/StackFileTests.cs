using System.Linq;
using BlinkInfra.Cli;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>Stack files read the way the Pulumi CLI passes config to a program.</summary>
public class StackFileTests
{
    [Test]
    public void Structured_values_become_json_text_with_yaml_scalar_types()
    {
        var file = StackFile.Parse("""
            config:
              blink-infra:network:
                vswitchPrefixLength: 22
                enabled: true
                quoted: "22"
                nothing: null
                zones: [{id: cn-hangzhou-h}]
              alicloud:region: cn-hangzhou
            """, "dev", "Pulumi.dev.yaml");

        Assert.That(file.Config["blink-infra:network"],
            Is.EqualTo("""{"vswitchPrefixLength":22,"enabled":true,"quoted":"22","nothing":null,"zones":[{"id":"cn-hangzhou-h"}]}"""));
        Assert.That(file.Config["alicloud:region"], Is.EqualTo("cn-hangzhou"), "plain values stay plain strings");
        Assert.That(file.ToPulumiConfigJson(),
            Is.EqualTo("""{"alicloud:region":"cn-hangzhou","blink-infra:network":"{\u0022vswitchPrefixLength\u0022:22,\u0022enabled\u0022:true,\u0022quoted\u0022:\u002222\u0022,\u0022nothing\u0022:null,\u0022zones\u0022:[{\u0022id\u0022:\u0022cn-hangzhou-h\u0022}]}"}"""));
    }

    [Test]
    public void Keys_without_a_namespace_belong_to_the_project()
    {
        var file = StackFile.Parse("config:\n  cluster:\n    region: cn-beijing\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.Config.Keys, Is.EqualTo(new[] { "blink-infra:cluster" }));
    }

    [Test]
    public void Secure_values_are_secret_keys_and_masked_offline()
    {
        var file = StackFile.Parse("config:\n  blink-infra:token:\n    secure: v1:abcdef\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.SecretKeys, Is.EqualTo(new[] { "blink-infra:token" }));
        Assert.That(file.Config["blink-infra:token"], Is.EqualTo("[secret]"));
        Assert.That(file.ToPulumiConfigSecretKeysJson(), Is.EqualTo("""["blink-infra:token"]"""));
    }

    [Test]
    public void Only_the_project_namespace_reaches_the_spec()
    {
        var file = StackFile.Parse("config:\n  blink-infra:cluster: {}\n  alicloud:region: x\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.ToRaw().Values.Keys.ToList(), Is.EqualTo(new[] { "blink-infra:cluster" }));
        Assert.That(file.ToRaw().StackName, Is.EqualTo("dev"));
    }

    [Test]
    public void Example_stack_files_are_named_for_their_stack()
    {
        Assert.That(StackFile.StackNameOf("stacks/Pulumi.prod-hangzhou.yaml"), Is.EqualTo("prod-hangzhou"));
        Assert.Throws<StackFileException>(() => StackFile.StackNameOf("stacks/prod.yaml"));
    }
}
