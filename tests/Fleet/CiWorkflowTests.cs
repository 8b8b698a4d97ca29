using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Json.Schema;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace BlinkInfra.Tests.Fleet;

/// <summary>
/// `fleet --ci FILE`: a GitHub Actions workflow with a job per stack, valid for SchemaStore's workflow
/// schema (vendored in tests/Fixtures/github-workflow, its source in the README there).
/// </summary>
public class CiWorkflowTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(Unrolled(File.ReadAllText(TestPaths.Fixture("github-workflow/github-workflow.json"))).ToJsonString()));

    /// <summary>How deep a matrix value's objects and lists are checked: far deeper than a workflow goes.</summary>
    private const int ConfigurationDepth = 8;

    /// <summary>
    /// The vendored schema, its one recursive definition unrolled: `configuration` (a matrix value: a
    /// string, number, boolean, or an object or list of configurations) refers to itself, which
    /// JsonSchema.Net 7.4.0 refuses to evaluate ("Encountered circular reference at schema location
    /// .../definitions/configuration and instance location ``": it builds the constraint of
    /// additionalProperties and items before it knows where they apply). Each level here refers to
    /// the next, the same rules to <see cref="ConfigurationDepth"/> levels, the last accepting any value
    /// of those types; everything else is the file as vendored.
    /// </summary>
    private static JsonNode Unrolled(string schemaText)
    {
        var schema = JsonNode.Parse(schemaText)!;
        var definitions = schema["definitions"]!.AsObject();
        var configuration = definitions["configuration"]!;
        for (var level = 0; level <= ConfigurationDepth; level++)
        {
            var copy = configuration.DeepClone();
            foreach (var branch in copy["oneOf"]!.AsArray())
            {
                foreach (var key in new[] { "additionalProperties", "items" })
                {
                    if (branch![key] is JsonObject reference && (string?)reference["$ref"] == "#/definitions/configuration")
                    {
                        if (level == ConfigurationDepth)
                            branch.AsObject().Remove(key);
                        else
                            reference["$ref"] = $"#/definitions/configuration-{level + 1}";
                    }
                }
            }
            definitions[$"configuration-{level}"] = copy;
        }
        void Redirect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if ((string?)obj["$ref"] == "#/definitions/configuration")
                        obj["$ref"] = "#/definitions/configuration-0";
                    foreach (var (_, child) in obj.ToList())
                        Redirect(child);
                    break;
                case JsonArray array:
                    foreach (var child in array)
                        Redirect(child);
                    break;
            }
        }
        Redirect(definitions["matrix"]);
        definitions.Remove("configuration");
        return schema;
    }

    [Test]
    public void The_unrolled_schema_is_the_vendored_one_but_for_the_recursive_definition()
    {
        var vendored = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("github-workflow/github-workflow.json")))!;
        var unrolled = Unrolled(vendored.ToJsonString());
        foreach (var (name, definition) in vendored["definitions"]!.AsObject().Where(d => d.Key is not "configuration" and not "matrix"))
            Assert.That(JsonNode.DeepEquals(unrolled["definitions"]![name], definition), name);
        Assert.That(JsonNode.DeepEquals(unrolled["properties"], vendored["properties"]), Is.True);
        Assert.That(unrolled["definitions"]!["matrix"]!.ToJsonString(), Is.EqualTo(vendored["definitions"]!["matrix"]!.ToJsonString().Replace("#/definitions/configuration\"", "#/definitions/configuration-0\"")));
        // A matrix value nested too deep for a workflow, or of a type none allows, is still refused.
        var workflow = Parse(CiWorkflow.GitHubActions([("dev", null)]));
        workflow["jobs"]!["stacks-1"]!["strategy"]!["matrix"]!["stack"]!.AsArray().Add(JsonNode.Parse("null"));
        Assert.That(Schema.Value.Evaluate(workflow).IsValid, Is.False, "null is no configuration");
    }

    private static JsonNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Bill.PriceListTests.Typed(stream.Documents[0].RootNode)!;
    }

    private static void AssertValid(JsonNode workflow)
    {
        var result = Schema.Value.Evaluate(workflow, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.That(result.IsValid, "the workflow is not valid for the schema:\n  " + string.Join("\n  ", errors.Take(20)));
    }

    [Test]
    public async Task Fleet_ci_writes_a_workflow_with_a_job_per_stack_valid_for_the_schema()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blink-fleet-{Guid.NewGuid():N}.yml");
        try
        {
            var (exit, output, errors) = await CliRunner.Run("fleet", "--ci", path);
            Assert.That(exit, Is.EqualTo(0), errors);
            Assert.That(output, Does.Contain($"GitHub Actions workflow written to {path}"));

            var workflow = Parse(await File.ReadAllTextAsync(path));
            AssertValid(workflow);
            var job = workflow["jobs"]!["stacks-1"]!;
            Assert.That(job["strategy"]!["matrix"]!["stack"]!.AsArray().Select(s => (string?)s), Is.EqualTo(new[] { "dev", "gpu-shanghai", "prod-hangzhou" }));
            Assert.That(await File.ReadAllTextAsync(path), Does.Contain("          - \"gpu-shanghai\"  # cn-shanghai\n"), "each stack's region beside it");
            Assert.That((bool?)job["strategy"]!["fail-fast"], Is.False, "one stack's failure stops no other");
            var runs = job["steps"]!.AsArray().Select(s => (string?)s!["run"]).OfType<string>().ToList();
            // The README's commands, with the policy pack.
            Assert.That(runs, Does.Contain("pulumi preview --stack \"${{ matrix.stack }}\" --diff --policy-pack policies/crossguard"));
            Assert.That(runs, Does.Contain("pulumi up --stack \"${{ matrix.stack }}\" --yes --diff --policy-pack policies/crossguard"));
            Assert.That(runs, Does.Contain("./blink build").And.Contain("npm ci"));
            Assert.That((string?)job["concurrency"]!["group"], Is.EqualTo("blink-stack-${{ matrix.stack }}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_fleet_past_256_stacks_is_split_over_matrix_jobs_of_256_each_still_valid()
    {
        var stacks = Enumerable.Range(1, 300).Select(i => ($"t{i:0000}", (string?)"cn-beijing")).ToList();
        var workflow = Parse(CiWorkflow.GitHubActions(stacks));

        AssertValid(workflow);
        var jobs = workflow["jobs"]!.AsObject();
        Assert.That(jobs.Select(j => j.Key), Is.EqualTo(new[] { "stacks-1", "stacks-2" }));
        Assert.That(jobs.Select(j => j.Value!["strategy"]!["matrix"]!["stack"]!.AsArray().Count), Is.EqualTo(new[] { 256, 44 }));
    }

    [Test]
    public void The_schema_check_refuses_what_the_schema_does_not_allow()
    {
        var workflow = Parse(CiWorkflow.GitHubActions([("dev", "cn-hangzhou")]));
        workflow["jobs"]!["stacks-1"]!.AsObject().Remove("runs-on");
        Assert.That(Schema.Value.Evaluate(workflow).IsValid, Is.False, "a job without runs-on");
    }

    [Test]
    public void A_stack_name_pulumi_would_refuse_never_reaches_the_jobs_shell()
    {
        var refused = Assert.Throws<StackFileException>(() => CiWorkflow.GitHubActions([("dev$(id)", null)]))!;
        Assert.That(refused.Message, Is.EqualTo("--ci: stack \"dev$(id)\" is no Pulumi stack name; allowed: at most 100 letters, digits, hyphens, underscores and periods (rename its stack file)"));
    }
}
