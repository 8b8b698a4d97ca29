using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Nothing a user wrote reaches the terminal raw: key material masked wherever a value is quoted, every
/// control character escaped, and a control character reported as its own error.
/// </summary>
public class UserTextTests
{
    private const string PrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBhZ2VudHNlY3JldGtleW1hdGVyaWFsZm9ydGVzdHNvbmx5AAAAJGFnZW50\n-----END OPENSSH PRIVATE KEY-----\n";

    [TestCase("clear\u001b[2Jscreen", "\"clear\\e[2Jscreen\"")]
    [TestCase("nul\0byte", "\"nul\\0byte\"")]
    [TestCase("two\nlines\r", "\"two\\nlines\\r\"")]
    [TestCase("bell\a\u007f\u0085", "\"bell\\a\\u007f\\u0085\"")]
    [TestCase("evil\u202Etxt.exe", "\"evil\\u202etxt.exe\"")]
    [TestCase("zero\u200Bwidth\u2028sep", "\"zero\\u200bwidth\\u2028sep\"")]
    [TestCase("back\\slash \"quoted\"", "\"back\\\\slash \\\"quoted\\\"\"")]
    [TestCase("Ω≈ç emoji 😀 stays", "\"Ω≈ç emoji 😀 stays\"")]
    public void Control_characters_are_shown_escaped_and_printable_text_as_it_is(string value, string quoted)
    {
        Assert.That(UserText.Quote(value), Is.EqualTo(quoted));
    }

    [Test]
    public void A_lone_surrogate_is_escaped_too()
    {
        Assert.That(UserText.Quote("a\uD800b"), Is.EqualTo("\"a\\ud800b\""));
    }

    [TestCase(PrivateKey, "\"[secret]\\n\"")]
    [TestCase("key: -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA", "\"key: [secret]\"")]
    [TestCase("id LTAI5tQ9ExampleKey7x and secret", "\"id [secret] and secret\"")]
    [TestCase("secret 7Ab8cD9eF0gH1iJ2kL3mN4oP5qR6s here", "\"secret [secret] here\"")]
    [TestCase("jdbc://admin:Hunter2Pass@db.internal:3306/x", "\"jdbc://admin:[secret]@db.internal:3306/x\"")]
    [TestCase("password=Summer2026! next", "\"password=[secret] next\"")]
    [TestCase("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJibGluayJ9.c2lnbmF0dXJl", "\"[secret]\"")]
    [TestCase("ghp_abcdefghijklmnopqrstuvwxyz0123456789", "\"[secret]\"")]
    public void Key_material_is_masked_wherever_a_value_is_quoted(string value, string quoted)
    {
        Assert.That(UserText.Quote(value), Is.EqualTo(quoted));
    }

    [TestCase("vpc-bp1prodcustomer0001")]
    [TestCase("0b30658a-ed1a-4922-b8f7-a673ca9c1a2b")]
    [TestCase("org.apache.flink.metrics.prometheus.PrometheusReporterFactory")]
    [TestCase("registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink:1.20.1-rrsa")]
    [TestCase("acs:ram::1234567890123456:role/blink-tenant")]
    [TestCase("pulumi config set --secret blink-infra:endpointCredentials '{\"<endpoint>\": {\"username\": \"...\", \"password\": \"...\"}}'")]
    public void Identifiers_the_config_takes_are_not_mistaken_for_keys(string value)
    {
        Assert.That(UserText.Mask(value), Is.EqualTo(value));
    }

    private static string[] Errors(string yaml)
        => SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public void A_control_character_is_its_own_error_not_a_length_problem()
    {
        var description = "ok\u001b[2J\u001b[HAll checks passed." + new string('d', 600);
        var errors = Errors(StackRunner.DevConfig + "\n  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: icmp, description: \"" + description.Replace("\u001b", "\\e") + "\"}]\n");

        Assert.That(errors, Has.Length.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("blink-infra:security.peerGroups[0].description = \"ok\\e[2J\\e[HAll checks passed.ddd"));
        Assert.That(errors[0], Does.EndWith("\": holds the control character \\e (ESC, which starts a terminal escape sequence) at character 3, which a terminal would act on and no setting of the stack takes; allowed: printable text on one line"));
        Assert.That(errors[0].IndexOf('\u001b'), Is.EqualTo(-1), "no ESC (a culture-aware Contains would ignore it)");
        Assert.That(errors[0], Does.Not.Contain("characters; allowed: 1 to 512"));
    }

    [Test]
    public void A_control_character_in_a_map_key_is_refused_with_the_key_escaped()
    {
        var errors = Errors(StackRunner.DevConfig.Replace("team: data-platform", "\"te\\0am\": data-platform"));

        Assert.That(errors, Is.EqualTo(new[]
        {
            "blink-infra:cluster.tags[\"te\\0am\"] = \"data-platform\": the key's name holds the control character \\0 (NUL) at character 3, which a terminal would act on and no setting takes; allowed: a key of printable characters, spelled as documented",
        }));
    }

    [Test]
    public void A_final_line_break_from_a_block_scalar_says_how_to_drop_it()
    {
        var errors = Errors(StackRunner.DevConfig.Replace("name: blink-dev", "name: |\n      blink-dev"));

        Assert.That(errors.Single(), Is.EqualTo("blink-infra:cluster.name = \"blink-dev\\n\": holds the control character \\n (line feed) at character 10 (a YAML block scalar, | or >, keeps a final line break: write |- or >-, or a quoted value), which a terminal would act on and no setting of the stack takes; allowed: printable text on one line"));
    }

    [Test]
    public async Task A_private_key_pasted_where_a_public_key_belongs_is_refused_and_never_printed()
    {
        var folder = Directory.CreateTempSubdirectory("blink-usertext-");
        try
        {
            var path = Path.Combine(folder.FullName, "Pulumi.dev.yaml");
            var indented = string.Join("\n", PrivateKey.TrimEnd('\n').Split('\n').Select(l => "        " + l));
            await File.WriteAllTextAsync(path, StackRunner.DevConfig + "\n  blink-infra:security:\n    breakGlass:\n      keyPairName: ops\n      publicKey: |\n" + indented + "\n");

            var (exit, output, errors) = await CliRunner.Run("check", "--config", path);

            Assert.That(exit, Is.EqualTo(2));
            Assert.That(errors, Does.Contain("blink-infra:security.breakGlass.publicKey = \"[secret]\\n\": holds a private key (masked here), in plain text in the stack file"));
            Assert.That(output + errors, Does.Not.Contain("b3BlbnNzaC1rZXktdjE"));
            Assert.That(output + errors, Does.Not.Contain("BEGIN OPENSSH"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_refused_description_cannot_clear_the_screen_or_print_a_line_of_its_own()
    {
        var folder = Directory.CreateTempSubdirectory("blink-usertext-");
        try
        {
            var path = Path.Combine(folder.FullName, "Pulumi.dev.yaml");
            await File.WriteAllTextAsync(path, StackRunner.DevConfig + "\n  blink-infra:security:\n    peerGroups: [{securityGroupId: sg-bp1bastion0001, protocol: icmp, description: \"x\\e[2J\\e[H\\rNo policy violations.\\n\\0\"}]\n");

            var (exit, output, errors) = await CliRunner.Run("check", "--config", path);

            Assert.That(exit, Is.EqualTo(2));
            Assert.That((output + errors).Where(c => char.IsControl(c) && c != '\n'), Is.Empty, "no control character but the line ends");
            Assert.That(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2), "the summary line and the one error: nothing the value holds starts a line");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void A_stack_file_error_quoting_a_key_escapes_it()
    {
        var message = Assert.Throws<StackFileException>(() => StackFile.Parse("config:\n  blink-infra:cluster:\n    \"a\\e[31m\": 1\n    \"a\\e[31m\": 2\n", "dev", "Pulumi.dev.yaml"))!.Message;

        Assert.That(message, Does.Contain("key \"a\\e[31m\" appears twice"));
        Assert.That(message.IndexOf('\u001b'), Is.EqualTo(-1));
    }
}
