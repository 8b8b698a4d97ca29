using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using NUnit.Framework;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlinkInfra.Tests;

/// <summary>
/// The example stacks mutated the way a careless or hostile author would (keys deleted, scalars made
/// huge, negative or odd, list items duplicated, types swapped, control characters and key material
/// pasted into values, plain scalars Pulumi's YAML reader reads as something else, mappings given
/// through merge keys) and run through `check` in process: every answer is 0, 1 or 2, none prints a
/// stack trace, a raw control character or key material. A fixed seed and a bounded number of runs
/// keep it deterministic and a few seconds long.
/// </summary>
public class HostileStackPropertyTests
{
    private const int Runs = 150;

    /// <summary>A private key and an AccessKey pair, which no output may print.</summary>
    private const string PrivateKeyBody = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0";
    private const string AccessKeySecret = "7Ab8cD9eF0gH1iJ2kL3mN4oP5qR6s";

    private static readonly string[] OddScalars =
    {
        "99999999999999999999", "2147483647", "-2147483648", "-2147483649", "-1", "0", "1e999", "NaN", "0x1F", "",
        "~", "null", "a\nb", "Ω≈ç", new string('x', 2000), "../../etc/passwd", "0.0.0.0/0", "255.255.255.255/32",
        "100.64.0.0/10", "true", "   ", "${x}", "[", "{", "cn-hangzhou-zz", "\t", "kube-system", "1.5", "-0", "1/2",
        // Control characters, as a hostile description or name would carry them (issue 31.3).
        "ok\u001b[2J\u001b[HAll checks passed.", "nul\0byte", "evil\u202Etxt", "bell\a\r\n", "\u0085next", "zero\u200Bwidth",
        // Key material pasted where it does not belong.
        "-----BEGIN RSA PRIVATE KEY-----\n" + PrivateKeyBody + "\n-----END RSA PRIVATE KEY-----\n", "LTAI5tQ9ExampleKey7x:" + AccessKeySecret,
    };

    /// <summary>Plain scalars Pulumi's YAML reader (yaml.v2) reads as something else than their text (issue 31.5).</summary>
    private static readonly string[] OddYaml = { "010", "0o17", "0x1F", "09", "yes", "No", "on", "OFF", "y", "~", "1e3", "1e+3", ".inf", "-.inf", ".nan", "1_000", "2026-02-30", "<<" };

    private enum Op { Delete, Scalar, Number, DuplicateItem, ToList, ToMap, ToScalar, Control, KeyMaterial, PlainYaml, Merge }

    private static readonly string[] OddNumbers = { "2147483647", "-2147483648", "1000000000", "65536", "1001", "0", "-1" };

    private sealed record Mutation(uint Node, Op Op, int Value);

    private static readonly Gen<(int Stack, Mutation[] Mutations)> Cases =
        from stack in Gen.Int[0, 2]
        from mutations in (from node in Gen.UInt from op in Gen.Enum<Op>() from value in Gen.Int[0, OddScalars.Length - 1] select new Mutation(node, op, value)).Array[1, 3]
        select (stack, mutations);

    /// <summary>Every node under `config:`, with the collection that holds it and where.</summary>
    private static List<(YamlNode Parent, object Slot, YamlNode Node)> NodesOf(YamlNode node)
    {
        var found = new List<(YamlNode, object, YamlNode)>();
        void Visit(YamlNode current)
        {
            switch (current)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children.ToList())
                    {
                        found.Add((map, key, value));
                        Visit(value);
                    }
                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        found.Add((sequence, i, sequence.Children[i]));
                        Visit(sequence.Children[i]);
                    }
                    break;
            }
        }
        Visit(node);
        return found;
    }

    private static void Replace(YamlNode parent, object slot, YamlNode value)
    {
        if (parent is YamlMappingNode map)
            map.Children[(YamlNode)slot] = value;
        else
            ((YamlSequenceNode)parent).Children[(int)slot] = value;
    }

    private static string Mutate(string yaml, Mutation[] mutations)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var config = ((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("config")];
        foreach (var mutation in mutations)
        {
            var nodes = NodesOf(config);
            // Numbers are where arithmetic breaks: a Number mutation picks among the numeric scalars.
            var numbers = nodes.Where(n => n.Node is YamlScalarNode { Value: { } v } && long.TryParse(v, out _)).ToList();
            if (mutation.Op == Op.Number && numbers.Count > 0)
                nodes = numbers;
            var (parent, slot, node) = nodes[(int)(mutation.Node % (uint)nodes.Count)];
            var odd = OddScalars[mutation.Value];
            switch (mutation.Op)
            {
                case Op.Delete:
                    if (parent is YamlMappingNode map)
                        map.Children.Remove((YamlNode)slot);
                    else
                        ((YamlSequenceNode)parent).Children.RemoveAt((int)slot);
                    break;
                case Op.Scalar:
                    Replace(parent, slot, new YamlScalarNode(odd));
                    break;
                case Op.Number:
                    Replace(parent, slot, new YamlScalarNode(OddNumbers[mutation.Value % OddNumbers.Length]));
                    break;
                case Op.DuplicateItem:
                    if (parent is YamlSequenceNode list)
                        list.Children.Add(node);
                    else
                        Replace(parent, slot, new YamlSequenceNode(node, node));
                    break;
                case Op.ToList:
                    Replace(parent, slot, new YamlSequenceNode(new YamlScalarNode(odd)));
                    break;
                case Op.ToMap:
                    Replace(parent, slot, new YamlMappingNode(new YamlScalarNode(odd.Length == 0 ? "k" : odd), node));
                    break;
                case Op.ToScalar:
                    Replace(parent, slot, new YamlScalarNode(node is YamlScalarNode s ? s.Value + odd : odd));
                    break;
                case Op.Control:
                    // A control character inside a value that was fine.
                    var control = "\u001b\0\a\u202E\u007f\r\u2028"[mutation.Value % 7];
                    Replace(parent, slot, new YamlScalarNode(node is YamlScalarNode { Value: { } v } ? v.Insert(v.Length / 2, control.ToString()) : "x" + control) { Style = ScalarStyle.DoubleQuoted });
                    break;
                case Op.KeyMaterial:
                    Replace(parent, slot, new YamlScalarNode(mutation.Value % 2 == 0 ? OddScalars[^2] : OddScalars[^1]) { Style = ScalarStyle.DoubleQuoted });
                    break;
                case Op.PlainYaml:
                    Replace(parent, slot, new YamlScalarNode(OddYaml[mutation.Value % OddYaml.Length]) { Style = ScalarStyle.Plain });
                    break;
                case Op.Merge:
                    // A mapping given through a merge key (<<), which Pulumi's reader applies.
                    if (node is YamlMappingNode)
                        Replace(parent, slot, new YamlMappingNode(new YamlScalarNode("<<") { Style = ScalarStyle.Plain }, node));
                    break;
            }
        }
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    [Test]
    public async Task Mutated_example_stacks_exit_0_1_or_2_and_never_print_a_stack_trace()
    {
        var stacks = TestPaths.ExampleStacks().Select(path => (Name: StackFile.StackNameOf(path), Yaml: File.ReadAllText(path))).ToArray();
        var folder = Directory.CreateTempSubdirectory("blink-hostile-");
        var random = new PCG(15, 20261127);
        try
        {
            for (var run = 0; run < Runs; run++)
            {
                var (stack, mutations) = Cases.Generate(random, null, out _);
                var (name, original) = stacks[stack % stacks.Length];
                var yaml = Mutate(original, mutations);
                var path = Path.Combine(folder.FullName, $"Pulumi.{name}.yaml");
                await File.WriteAllTextAsync(path, yaml);

                var (exit, output, errors) = await CliRunner.Run("check", "--config", path);

                var what = $"run {run}: {name} with {string.Join("; ", mutations.Select(m => m.ToString()))}\n{yaml}\n{errors}";
                Assert.That(exit, Is.AnyOf(0, 1, 2), what);
                Assert.That(output + errors, Does.Not.Contain("   at ").And.Not.Contain("Exception"), what);
                // Nothing raw: no control character but line ends, no key material (issue 31.3).
                Assert.That((output + errors).Where(c => UserText.IsControl(c) && c != '\n'), Is.Empty, what);
                Assert.That((output + errors).IndexOf(PrivateKeyBody[..40], StringComparison.Ordinal), Is.EqualTo(-1), what);
                Assert.That((output + errors).IndexOf(AccessKeySecret, StringComparison.Ordinal), Is.EqualTo(-1), what);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
