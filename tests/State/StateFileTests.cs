using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Diff;
using BlinkInfra.Plan;
using BlinkInfra.State;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Pulumi state in each form Pulumi writes it (fixtures in tests/Fixtures/state, made for these tests
/// in the shapes of real exports and local-backend files): read as the engine reads it, and never a
/// stack trace for a file that does not fit.
/// </summary>
public class StateFileTests
{
    private static StateSnapshot Read(string fixture) => PlanFiles.ReadState(TestPaths.Fixture(fixture));

    private static PlannedResource Named(StateSnapshot state, string name) => state.Resources.Single(r => r.Resource.Name == name && !r.Delete).Resource;

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"blink-state-{Guid.NewGuid():N}.json");

    [Test]
    public void A_local_backends_state_file_is_read_from_its_checkpoint()
    {
        var state = Read("state/local-backend-checkpoint.json");

        Assert.That(state.Form, Is.EqualTo("a local backend's state file (`checkpoint`), version 3"));
        Assert.That((state.Project, state.Stack), Is.EqualTo(("blink-infra", "dev")));
        Assert.That(state.ToPlan().Resources.Select(r => r.Name), Is.EqualTo(new[] { "blink-infra-dev", "blink-dev-alicloud", "blink-dev", "blink-dev-vpc", "blink-dev-vsw-cn-hangzhou-h" }));
        Assert.That(state.Warnings, Is.Empty);
    }

    [Test]
    public void Engine_and_bridge_metadata_and_the_defaults_the_provider_filled_in_are_not_inputs()
    {
        var state = Read("state/local-backend-checkpoint.json");

        var vpc = Named(state, "blink-dev-vpc");
        Assert.That(vpc.Inputs.Select(p => p.Key), Is.EqualTo(new[] { "cidrBlock", "description", "tags", "vpcName" }), "__defaults and enableIpv6, which it lists, are gone");
        Assert.That(vpc.Inputs["tags"]!.AsObject().Select(p => p.Key), Does.Not.Contain("__defaults"), "also inside maps");
        Assert.That(Named(state, "blink-dev-alicloud").Inputs.Select(p => p.Key), Is.EqualTo(new[] { "region", "version" }), "no __internal");
        var record = state.Resources.Single(r => r.Resource.Name == "blink-dev-vpc").Record;
        Assert.That(record["inputs"]!["__defaults"], Is.Not.Null, "the record keeps what Pulumi wrote, for `preview --json`");
        Assert.That(record["outputs"]!["__meta"], Is.Not.Null);
    }

    [Test]
    public void A_version_4_export_is_read_with_taint_and_pending_replacement()
    {
        var state = Read("state/export-v4-taint.json");

        Assert.That(state.Form, Is.EqualTo("a `pulumi stack export` file (`deployment`), version 4"));
        var flags = state.Resources.ToDictionary(r => r.Resource.Name, r => (r.Taint, r.PendingReplacement));
        Assert.That(flags["blink-dev-vpc"], Is.EqualTo((true, false)));
        Assert.That(flags["blink-dev-vsw-cn-hangzhou-h"], Is.EqualTo((false, true)));
        Assert.That(flags["blink-dev-vsw-cn-hangzhou-i"], Is.EqualTo((false, false)));
        Assert.That(state.Warnings, Is.Empty, "taint is a feature Pulumi knows");
    }

    [Test]
    public void Copies_pending_deletion_and_read_resources_are_not_live_and_pending_operations_are_a_warning()
    {
        var state = Read("state/export-resource-states.json");

        var copies = state.Resources.Where(r => r.Resource.Name == "blink-dev-vsw-cn-hangzhou-h").ToList();
        Assert.That(copies.Select(c => (c.Delete, c.Id)), Is.EqualTo(new[] { (true, (string?)"vsw-bp1devold000001"), (false, (string?)"vsw-bp1devh0000001") }));
        Assert.That(state.Resources.Single(r => r.Resource.Name == "customer-vpc").External, Is.True);
        Assert.That(state.ToPlan().Resources.Select(r => r.Name), Is.EqualTo(new[] { "blink-infra-dev", "blink-dev-alicloud", "blink-dev", "blink-dev-vpc", "blink-dev-vsw-cn-hangzhou-h" }),
            "neither the copy pending deletion nor the read VPC is the program's live resource");
        Assert.That(state.ToPlan().Resources.Single(r => r.Name == "blink-dev-vsw-cn-hangzhou-h").Inputs["zoneId"]!.GetValue<string>(), Is.EqualTo("cn-hangzhou-h"));
        Assert.That(state.Warnings, Has.Length.EqualTo(1));
        Assert.That(state.Warnings[0], Does.StartWith(
            "the state holds 1 pending operation(s) of an interrupted update: urn:pulumi:dev::blink-infra::blink:network:ClusterNetwork$alicloud:vpc/switch:Switch::blink-dev-vsw-cn-hangzhou-i (interrupted while creating)."));
        Assert.That(state.Warnings[0], Does.Contain("`pulumi refresh` reads each from the cloud and clears the operations"));
        Assert.That(state.Warnings[0], Does.Contain("`pulumi stack export` then `pulumi stack import` drops the operations and keeps the resources as recorded"));
    }

    [Test]
    public void Assets_and_archives_are_shown_as_such_and_only_secrets_are_masked()
    {
        var function = Named(Read("state/export-assets.json"), "blink-dev-udf-loader");

        Assert.That(function.Inputs["code"]!.GetValue<string>(), Is.EqualTo("archive(assets:5be2c1d)"));
        Assert.That(function.Inputs["layer"]!.GetValue<string>(), Is.EqualTo("asset(file:0123456) ./layers/udf.zip"));
        Assert.That(function.Inputs["environmentVariables"]!.GetValue<string>(), Is.EqualTo("[secret]"));
    }

    [Test]
    public void An_archive_that_changed_shows_as_a_change_not_as_a_secret()
    {
        var old = Read("state/export-assets.json");
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("state/export-assets.json")))!.AsObject();
        StateExports.Resource(json, "blink-dev-udf-loader")["inputs"]!["code"]!["hash"] = "77aa000000000000000000000000000000000000000000000000000000000000";
        var now = StateFile.Read(json).ToPlan();

        var step = PlanDiff.Compare(old, now).Single(s => s.Name == "blink-dev-udf-loader");

        Assert.That(step.Op, Is.EqualTo(DiffOp.Update));
        Assert.That(DiffText.Of(ImmutableArrayOf(step)), Does.Contain("    ~ code: \"archive(assets:5be2c1d)\" => \"archive(assets:77aa000)\"\n"));
    }

    private static System.Collections.Immutable.ImmutableArray<DiffStep> ImmutableArrayOf(DiffStep step) => System.Collections.Immutable.ImmutableArray.Create(step);

    [Test]
    public void Utf16_and_utf8_with_a_byte_order_mark_read_as_the_same_state()
    {
        var utf16 = File.ReadAllBytes(TestPaths.Fixture("state/export-utf16le.json"));
        Assert.That(utf16[..2], Is.EqualTo(new byte[] { 0xFF, 0xFE }), "the fixture is what Windows PowerShell's > writes");
        var plain = PlanFiles.Decode(File.ReadAllBytes(TestPaths.Fixture("state/export-utf8-bom.json")));
        Assert.That(plain[0], Is.EqualTo('{'), "the byte-order mark is not part of the text");

        var expected = Read("state/local-backend-checkpoint.json").ToPlan().ToJson();
        Assert.That(Read("state/export-utf16le.json").ToPlan().ToJson(), Is.EqualTo(expected));
        Assert.That(Read("state/export-utf8-bom.json").ToPlan().ToJson(), Is.EqualTo(expected));
        Assert.That(PlanFiles.Decode(Encoding.BigEndianUnicode.GetBytes("{\"a\":1}")), Is.EqualTo("{\"a\":1}"), "UTF-16 without a mark");
        Assert.That(PlanFiles.Decode(Encoding.Unicode.GetBytes("{\"a\":1}")), Is.EqualTo("{\"a\":1}"));
    }

    [TestCase("""{"version":5,"deployment":{"resources":[]}}""",
        "a `pulumi stack export` file (`deployment`) of version 5: this stack's deployment version is too new, as Pulumi says of it; it reads versions 1 to 4")]
    [TestCase("""{"version":0,"deployment":{"resources":[]}}""",
        "a `pulumi stack export` file (`deployment`) of version 0: this stack's deployment is too old, as Pulumi says of it; Pulumi reads versions 1 to 4")]
    [TestCase("""{"version":4,"features":["taint","snapshots"],"deployment":{"resources":[]}}""",
        "a `pulumi stack export` file (`deployment`), version 4: this stack's deployment needs support for the following features: snapshots, as Pulumi says and refuses to read it, so that no reader misreads what a feature changes; allowed: a state that needs only refreshBeforeUpdate, views, hooks, taint, replaceWith, byteString")]
    [TestCase("""{"version":4,"features":"taint","checkpoint":{}}""",
        "a local backend's state file (`checkpoint`), version 4: `features` is not a list of feature names")]
    [TestCase("""{"version":"3","checkpoint":{}}""",
        "a local backend's state file (`checkpoint`) of version \"3\", which this reader does not know; it reads versions 1 to 4, as Pulumi 3 writes them")]
    [TestCase("""{"version":3,"checkpoint":[]}""", "a local backend's state file (`checkpoint`), version 3: `checkpoint` is not an object")]
    [TestCase("""{"version":3,"deployment":{"resources":{}}}""", "a `pulumi stack export` file (`deployment`), version 3: `resources` is not a list")]
    [TestCase("""{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:dev::p::t:m:T::n","type":"t:m:T","inputs":{"x":{"4dabf18193072939515e22adb298388d":"nope"}}}]}}""",
        "a value carries the signature key 4dabf18193072939515e22adb298388d with nope, which is none of Pulumi's (secret, asset, archive, resource reference, output value)")]
    public async Task A_form_it_cannot_read_is_one_error_line_naming_the_form(string json, string message)
    {
        var path = TempFile();
        await File.WriteAllTextAsync(path, json);

        var (exit, _, errors) = await CliRunner.Run("check", "--state", path);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(errors, Is.EqualTo($"error BLINK5003: {path}: cannot be read as a Pulumi state: {message}\n"));
        File.Delete(path);
    }

    [Test]
    public async Task No_state_file_of_any_form_reaches_an_unhandled_exception()
    {
        // Every field of every resource of every fixture, and the top-level fields, set to each JSON kind
        // in turn: the file either reads (and diffs and renders) or is refused as invalid input.
        // A small plan to diff against, whose resources the fixtures share (so steps of every op are made).
        var now = Read("state/local-backend-checkpoint.json").ToPlan();
        var values = new Func<JsonNode?>[] { () => 42, () => "x", () => new JsonArray(), () => new JsonObject(), () => null, () => true };
        var fixtures = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "state"), "*.json").Append(TestPaths.Fixture("dev-stack-export.json"));
        var path = TempFile();
        var tried = 0;
        foreach (var fixture in fixtures)
        {
            var original = JsonNode.Parse(PlanFiles.Decode(File.ReadAllBytes(fixture)))!.AsObject();
            var deployment = (original["deployment"] ?? original["checkpoint"]!["latest"])!.AsObject();
            var targets = new[] { original, deployment }.Concat(deployment["resources"]!.AsArray().OfType<JsonObject>()).ToList();
            for (var t = 0; t < targets.Count; t++)
            {
                foreach (var key in targets[t].Select(p => p.Key).Append("pending_operations").Append("features").ToList())
                {
                    foreach (var value in values)
                    {
                        var copy = original.DeepClone().AsObject();
                        var copyDeployment = (copy["deployment"] ?? copy["checkpoint"]!["latest"])!.AsObject();
                        var target = t == 0 ? copy : t == 1 ? copyDeployment : copyDeployment["resources"]!.AsArray()[t - 2]!.AsObject();
                        target[key] = value();
                        await File.WriteAllTextAsync(path, copy.ToJsonString());
                        tried++;
                        try
                        {
                            var (plan, state) = PlanFiles.ReadPlanOrState(path);
                            var steps = state is not null ? PlanDiff.Compare(state, now) : PlanDiff.Compare(plan!, now);
                            DiffText.Of(steps);
                            DiffJson.Of(steps, showSames: true);
                            state?.ToPlan();
                        }
                        catch (StackFileException)
                        {
                            // Refused as invalid input, with a message: as it should be.
                        }
                        catch (Exception e)
                        {
                            Assert.Fail($"{Path.GetFileName(fixture)}: {key} = {value()?.ToJsonString() ?? "null"} in part {t}: {e.GetType().Name}: {e.Message}");
                        }
                    }
                }
            }
        }
        Assert.That(tried, Is.GreaterThan(1000));
        File.Delete(path);
    }

    [Test]
    public void Every_feature_pulumi_supports_today_is_read_and_a_v3_file_does_not_check_features()
    {
        foreach (var feature in StateFile.KnownFeatures)
        {
            var state = StateFile.Read(JsonNode.Parse("{\"version\":4,\"features\":[\"" + feature + "\"],\"deployment\":{\"resources\":[]}}")!);
            Assert.That(state.Warnings, Is.Empty, feature);
        }
        // As Pulumi: features are checked from version 4 on.
        Assert.That(StateFile.Read(JsonNode.Parse("""{"version":3,"features":["unknown"],"deployment":{"resources":[]}}""")!).Resources, Is.Empty);
    }

    [Test]
    public async Task A_version_0_checkpoint_is_read_as_pulumi_reads_it()
    {
        var checkpoint = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("state/local-backend-checkpoint.json")))!["checkpoint"]!.DeepClone().AsObject();
        var path = TempFile();
        await File.WriteAllTextAsync(path, checkpoint.ToJsonString());

        var state = PlanFiles.ReadState(path);

        Assert.That(state.Form, Is.EqualTo("a local backend's state file from before checkpoints were versioned (version 0: `stack` and `latest` at the top)"));
        Assert.That((state.Project, state.Stack), Is.EqualTo(("blink-infra", "dev")));
        Assert.That(state.ToPlan().Resources.Select(r => r.Name), Is.EqualTo(Read("state/local-backend-checkpoint.json").ToPlan().Resources.Select(r => r.Name)));
        var (exit, _, errors) = await CliRunner.Run("check", "--state", path);
        Assert.That(errors, Does.Not.Contain("not a Pulumi state"));
        Assert.That(exit, Is.AnyOf(0, 1));
        File.Delete(path);
    }

    [Test]
    public async Task A_gzipped_local_backend_file_is_read_as_pulumi_reads_it()
    {
        var path = TempFile() + ".gz";
        await using (var file = File.Create(path))
        await using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
            await gzip.WriteAsync(await File.ReadAllBytesAsync(TestPaths.Fixture("state/local-backend-checkpoint.json")));

        Assert.That(PlanFiles.ReadState(path).ToPlan().ToJson(), Is.EqualTo(Read("state/local-backend-checkpoint.json").ToPlan().ToJson()));
        File.Delete(path);
    }

    [TestCase("diff")]
    [TestCase("check")]
    public async Task An_engine_event_log_is_said_for_what_it_is_and_what_was_expected(string verb)
    {
        var path = TempFile();
        await File.WriteAllTextAsync(path, """
            {"sequence":0,"timestamp":1733390000,"preludeEvent":{"config":{}}}
            {"sequence":1,"timestamp":1733390001,"resourcePreEvent":{"metadata":{"op":"create","urn":"urn:pulumi:dev::blink-infra::pulumi:pulumi:Stack::blink-infra-dev","type":"pulumi:pulumi:Stack"}}}
            {"sequence":2,"timestamp":1733390002,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":1,"resourceChanges":{"create":1}}}

            """);

        var (exit, _, errors) = verb == "diff"
            ? await CliRunner.Run("diff", "--stack", "dev", "--against", path)
            : await CliRunner.Run("check", "--state", path);

        Assert.That(exit, Is.EqualTo(verb == "diff" ? BlinkCli.DiffError : 2));
        // diff --against takes a plan or a state, and reports what is neither as a plan file's error; check --state as a state file's.
        Assert.That(errors, Does.StartWith($"error {(verb == "diff" ? "BLINK5002" : "BLINK5003")}: {path}: an engine event log (3 events, one per line: preludeEvent, resourcePreEvent, summaryEvent...), as `pulumi up --event-log FILE` or `pulumi up --json` write it, which records what an update did but not the state it left, not "));
        Assert.That(errors, Does.EndWith("a `pulumi stack export` file or a local backend's .pulumi/stacks/<project>/<stack>.json\n"));
        File.Delete(path);
    }
}
