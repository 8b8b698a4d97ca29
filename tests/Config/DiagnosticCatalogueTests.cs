using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Config;
using BlinkInfra.Policies;
using NUnit.Framework;

namespace BlinkInfra.Tests.Config;

/// <summary>
/// The diagnostics catalogue: every code declared once, well-formed, in its kind's range; every policy an entry of its
/// own; every validator rule a code; `explain` for every code a run prints; every error of a run in that run.
/// </summary>
public class DiagnosticCatalogueTests
{
    private static readonly Regex Kebab = new("^[a-z][a-z0-9]*(-[a-z0-9]+)*\\z");

    [Test]
    public void Codes_are_unique_well_formed_and_in_their_kinds_range()
    {
        var all = DiagnosticCatalogue.All;
        Assert.That(all.Select(e => e.Code), Is.Unique);
        Assert.That(all.Select(e => e.Name), Is.Unique);
        foreach (var entry in all)
        {
            Assert.That(DiagnosticEntry.CodePattern.IsMatch(entry.Code), Is.True, entry.Code);
            Assert.That(entry.Code[5], Is.EqualTo(DiagnosticEntry.RangeOf(entry.Kind)), $"{entry.Code} is a {DiagnosticEntry.KindName(entry.Kind)}");
            Assert.That(Kebab.IsMatch(entry.Name), Is.True, entry.Name);
            Assert.That(new[] { entry.Title, entry.Explanation, entry.Fix }, Has.All.Not.Empty.And.All.Not.Contain("\n"), entry.Code);
        }
        // Declared in the order of their codes: a new one goes at the end of its range.
        Assert.That(all.Select(e => e.Code), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void Every_policy_is_exactly_one_entry_of_its_kind_and_every_such_entry_a_policy()
    {
        var policies = PolicyEngine.Packs.SelectMany(p => p.Policies).Select(p => p.Entry).ToList();
        var changes = ChangePolicies.Policies.Select(p => p.Entry).ToList();
        Assert.That(policies.Select(e => e.Code), Is.Unique);
        Assert.That(policies, Has.All.Matches<DiagnosticEntry>(e => e.Kind == DiagnosticKind.Policy));
        Assert.That(changes, Has.All.Matches<DiagnosticEntry>(e => e.Kind == DiagnosticKind.ChangePolicy));
        Assert.That(policies.Select(e => e.Code), Is.EquivalentTo(DiagnosticCatalogue.All.Where(e => e.Kind == DiagnosticKind.Policy).Select(e => e.Code)));
        Assert.That(changes.Select(e => e.Code), Is.EquivalentTo(DiagnosticCatalogue.All.Where(e => e.Kind == DiagnosticKind.ChangePolicy).Select(e => e.Code)));
        // The name a stack's policy.levels takes is the catalogue's.
        Assert.That(PolicyEngine.LevelNames, Is.EqualTo(policies.Concat(changes).Select(e => e.Name)));
    }

    /// <summary>
    /// Every rule of the validators says its kind of problem: a WithMessage has a WithCode in its statement, and a
    /// failure added by hand an ErrorCode (Fail and FailAt take one). A rule without would be reported as the
    /// general invalid-value, a code too vague to look up.
    /// </summary>
    [Test]
    public void Every_validator_rule_gives_its_code()
    {
        var missing = new List<string>();
        var files = Directory.GetFiles(Path.Combine(TestPaths.ProjectRoot, "infra", "Config"), "*.cs", SearchOption.AllDirectories);
        foreach (var path in files)
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                // The convention: .WithCode(DiagnosticCatalogue.X).WithMessage(...), and a failure made by hand with its ErrorCode on its line.
                var messages = Regex.Matches(lines[i], @"\.WithMessage\(").Count;
                var coded = Regex.Matches(lines[i], @"\.WithCode\(DiagnosticCatalogue\.\w+\)\.WithMessage\(").Count;
                if (messages != coded || (lines[i].Contains("new ValidationFailure(", StringComparison.Ordinal) && !lines[i].Contains("ErrorCode = ", StringComparison.Ordinal)))
                    missing.Add($"{Path.GetFileName(path)}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.That(files.Sum(f => Regex.Matches(File.ReadAllText(f), @"\.WithCode\(").Count), Is.GreaterThan(100), "the scan reads the validators");
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public async Task Explain_prints_a_codes_name_kind_title_meaning_and_fix()
    {
        var (exit, output, errors) = await CliRunner.RunAt(80, "explain", "BLINK1001");

        Assert.That((exit, errors), Is.EqualTo((0, "")));
        Assert.That(output, Is.EqualTo(
            "BLINK1001 unknown-key (config error)\n" +
            "A key the program does not read\n" +
            "\n" +
            "The stack sets a key under blink-infra: (or under one of its sections) that no\n" +
            "setting takes. Read as it is, the key would be silently ignored, so the stack\n" +
            "is refused; a secret under such a key is refused the same way, and its value is\n" +
            "never shown.\n" +
            "\n" +
            "Fix: Spell the key as documented (the message names the closest allowed key,\n" +
            "     and lists every allowed one), or remove it: `pulumi config rm KEY` or\n" +
            "     delete its line in the stack file.\n"));
        // Any case, as a user might type it.
        Assert.That((await CliRunner.RunAt(80, "explain", "blink1001")).Out, Is.EqualTo(output));
    }

    [Test]
    public async Task Explain_alone_lists_every_code_with_its_title()
    {
        var (exit, output, _) = await CliRunner.Run("explain");

        Assert.That(exit, Is.EqualTo(0));
        foreach (var entry in DiagnosticCatalogue.All)
            Assert.That(output, Does.Contain($"\n  {entry.Code} {entry.Name}: {entry.Title}\n"));
        Assert.That(output, Does.StartWith("Config errors (BLINK1xxx):\n"));
    }

    [TestCase("BLINK0000", "error BLINK5006: explain \"BLINK0000\": no diagnostic has this code; allowed: a code ./blink explain lists, such as BLINK1001\n")]
    [TestCase("E1001", "error BLINK5006: explain \"E1001\": not a diagnostic code; allowed: BLINK and four digits as a message prints it, such as BLINK1001 (./blink explain lists them)\n")]
    public async Task Explain_of_an_unknown_or_malformed_code_is_bad_input(string code, string error)
    {
        var (exit, output, errors) = await CliRunner.Run("explain", code);

        Assert.That((exit, output, errors), Is.EqualTo((BlinkCli.InvalidInput, "", error)));
    }

    /// <summary>The issue's stack: an unknown key, a secret under another, and a block that is no CIDR, all in one run.</summary>
    [Test]
    public void Every_error_of_a_run_is_reported_in_that_run()
    {
        var yaml = StackRunner.DevConfig.Replace("cidrBlock: 10.10.0.0/16", "cidrBlock: 10.0.0.0/33", StringComparison.Ordinal) + "\n" + """
              blink-infra:bogus: 1
              blink-infra:bogus2:
                secure: AAAbbb
            """;

        var errors = SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.LevelNames).Errors.Select(e => e.Line);

        const string sections = "allowed keys under blink-infra: cluster, network, compute, security, dataAccess, engine, observability, maintenance, policy, endpointCredentials, alertContacts";
        Assert.That(errors, Is.EqualTo(new[]
        {
            $"error BLINK1001: blink-infra:bogus = \"1\": unknown key; {sections}",
            $"error BLINK1001: blink-infra:bogus2 = \"[secret]\": unknown key; {sections}",
            "error BLINK1012: blink-infra:network.cidrBlock = \"10.0.0.0/33\": not an IPv4 CIDR block; allowed: a block such as 10.0.0.0/16",
        }));
    }

    /// <summary>A section the shape refuses is not validated, and the other sections are, in the same run.</summary>
    [Test]
    public void A_section_the_shape_refuses_leaves_the_others_validated()
    {
        var yaml = StackRunner.DevConfig.Replace("vswitchPrefixLength: 20", "vswitchPrefixLength: twenty", StringComparison.Ordinal)
            .Replace("nodes: 2", "nodes: 0", StringComparison.Ordinal);

        var errors = SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), PolicyEngine.LevelNames).Errors.Select(e => e.Line);

        Assert.That(errors, Is.EqualTo(new[]
        {
            "error BLINK1005: blink-infra:network.vswitchPrefixLength = \"twenty\": not a whole number; allowed: a whole number",
            "error BLINK1011: blink-infra:compute.workerPools[0].nodes = \"0\": allowed: 1 to 1000",
        }));
    }

    /// <summary>
    /// Bad input of every kind the CLI meets: each code it prints is one `explain` knows (as every code printed under
    /// the tests is: <see cref="CliRunner"/> records them, and <see cref="CodesSeenCheck"/> checks them at the end).
    /// </summary>
    [Test]
    public async Task Every_code_bad_input_prints_is_one_explain_knows()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"blink-codes-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string Write(string name, string text)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllText(path, text);
            return path;
        }
        var badStack = Write("Pulumi.bad.yaml", StackRunner.DevConfig.Replace("cidrBlock: 10.10.0.0/16", "cidrBlock: 10.0.0.0/33", StringComparison.Ordinal)
            .Replace("region: cn-hangzhou", "region: cn-nowhere", StringComparison.Ordinal) + "\n  blink-infar:cluster: x\n  blink-infra:bogus: 1\n");
        var runs = new[]
        {
            new[] { "check", "--config", badStack },
            new[] { "plan", "--config", Write("Pulumi.yaml-bad.yaml", "config: [") },
            new[] { "check", "--plan", Write("plan.json", "[]") },
            new[] { "check", "--state", Write("state.json", "{}") },
            new[] { "check", "--resources", Write("list.json", "{\"resources\": 3}") },
            new[] { "check", "--config", Path.Combine(dir, "missing.yaml") },
            new[] { "plan", "--stack", "dev", "--prices", Write("prices.yaml", "currency: 3") },
            new[] { "plan", "--stack", "dev", "--bogus" },
            new[] { "check", "--stack", "dev" },
            new[] { "diff", "--stack", "dev", "--against", TestPaths.FixtureSource(Path.Combine("plans", "prod-hangzhou.json")) },
            new[] { "availability", "import", Write("answer.json", "{\"AvailableZones\":{\"AvailableZone\":[]}}"), "--charge-type", "PostPaid" },
        };
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var args in runs)
        {
            var (_, output, errors) = await CliRunner.Run(args);
            foreach (Match code in CliRunner.Code.Matches(output + errors))
                seen.Add(code.Value);
        }

        Assert.That(seen, Has.Count.GreaterThan(8), string.Join(", ", seen));
        foreach (var code in seen)
        {
            Assert.That(DiagnosticCatalogue.Find(code), Is.Not.Null, code);
            Assert.That((await CliRunner.Run("explain", code)).Exit, Is.EqualTo(0), code);
        }
    }
}
