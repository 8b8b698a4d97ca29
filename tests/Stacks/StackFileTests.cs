using System.Linq;
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
    }

    [Test]
    public void Keys_without_a_namespace_belong_to_the_project()
    {
        var file = StackFile.Parse("config:\n  cluster:\n    region: cn-beijing\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.Config.Keys, Is.EqualTo(new[] { "blink-infra:cluster" }));
    }

    [Test]
    public void Secure_values_are_secret_keys_whose_values_cannot_be_read_offline()
    {
        var file = StackFile.Parse("config:\n  blink-infra:token:\n    secure: v1:abcdef\n", "dev", "Pulumi.dev.yaml");

        Assert.That(file.SecretKeys, Is.EqualTo(new[] { "blink-infra:token" }));
        Assert.That(file.Config.ContainsKey("blink-infra:token"), Is.False, "no value stands for the undecrypted secret");
        Assert.That(file.ToRaw().IsUndecrypted("blink-infra:token"), Is.True);
    }

    [Test]
    public void Blink_environment_variables_are_captured_with_the_config_once()
    {
        var file = StackFile.Parse("config:\n  blink-infra:cluster: {}\n", "dev", "Pulumi.dev.yaml");
        RawStackConfig raw;
        using (new ScopedEnvironment(("BLINK_cluster__region", "cn-beijing")))
            raw = file.ToRaw();

        Assert.That(raw.Overrides, Is.EqualTo(new System.Collections.Generic.Dictionary<string, string> { ["BLINK_cluster__region"] = "cn-beijing" }));
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
