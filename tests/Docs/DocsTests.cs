using System;
using System.IO;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Policies;
using NUnit.Framework;

namespace BlinkInfra.Tests.Docs;

/// <summary>
/// The generated reference in docs/ is what the code generates now: the config keys from the schema, the
/// diagnostics and policies from the catalogue and the packs, the commands from the CLI's tree. After changing
/// any of them, regenerate with
/// BLINKINFRA_UPDATE_DOCS=1 ./blink test --filter DocsTests
/// </summary>
public class DocsTests
{
    private const string Regenerate = "BLINKINFRA_UPDATE_DOCS=1 ./blink test --filter DocsTests";

    private static readonly (string File, Func<string> Generate)[] Generated =
    [
        ("config.md", ConfigReference.Markdown),
        ("diagnostics.md", DiagnosticsReference.Markdown),
        ("commands.md", CommandsReference.Markdown),
    ];

    public static string[] GeneratedFiles => Generated.Select(g => g.File).ToArray();

    [TestCaseSource(nameof(GeneratedFiles))]
    public void The_generated_reference_is_what_the_code_generates(string file)
    {
        var path = Path.Combine(TestPaths.ProjectRoot, "docs", file);
        var expected = Generated.Single(g => g.File == file).Generate();
        if (Environment.GetEnvironmentVariable("BLINKINFRA_UPDATE_DOCS") == "1")
            File.WriteAllText(path, expected);

        Assert.That(File.Exists(path), Is.True, $"docs/{file} is missing: regenerate it with {Regenerate}");
        Assert.That(File.ReadAllText(path), Is.EqualTo(expected), $"docs/{file} differs from what the code generates: regenerate it with {Regenerate}");
    }

    [Test]
    public void Every_config_key_is_described_beside_its_property()
    {
        var undescribed = ConfigReference.Keys().Where(k => k.Doc == null && k.DescribedWith == null).Select(k => $"{k.Section}.{k.Path}");
        Assert.That(undescribed, Is.Empty, "add a [ConfigDoc(...)] beside each of these properties (infra/Config), or to the object that holds it");
    }

    [Test]
    public void Every_policy_of_the_packs_says_what_it_checks()
    {
        var policies = PolicyEngine.Packs.SelectMany(p => p.Policies).Select(p => p.Entry).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(policies.Where(e => PolicyChecks.Of(e) == null).Select(e => e.Name), Is.Empty, "add the policy's detail to infra/Config/Diagnostics/PolicyChecks.cs");
            Assert.That(PolicyChecks.What.Keys.Except(policies).Select(e => e.Name), Is.Empty, "PolicyChecks names an entry no pack holds");
        });
    }

    [Test]
    public void Every_generated_file_says_it_is_generated_and_how_to_regenerate_it()
    {
        foreach (var (file, generate) in Generated)
            Assert.That(generate().Split('\n')[0..2], Has.Some.Contains("do not edit").And.Some.Contains(Regenerate), file);
    }
}
