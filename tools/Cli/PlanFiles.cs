using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using BlinkInfra.Stacks;
using BlinkInfra.State;

namespace BlinkInfra.Cli;

/// <summary>
/// The JSON files the verbs read back: plans written by `plan --json`, and Pulumi state in any form
/// (`pulumi stack export` files, a local backend's state file), in UTF-8 (with or without a byte-order
/// mark) or UTF-16 (what `pulumi stack export > file` gives in Windows PowerShell).
/// </summary>
public static class PlanFiles
{
    private const string PlanExpected = "a plan written by `plan --json`";
    private const string StateExpected = "a Pulumi state: a `pulumi stack export` file or a local backend's .pulumi/stacks/<project>/<stack>.json";

    /// <summary>A file of either kind: a state when it has a `deployment` or a `checkpoint`, a plan otherwise.</summary>
    public static (StackPlan? Plan, StateSnapshot? State) ReadPlanOrState(string path)
    {
        var node = ParseJson(path, "", "a plan or a Pulumi state", DiagnosticCatalogue.PlanFileInvalid);
        if (StateFile.LooksLikeState(node))
            return (null, StateFrom(node, path));
        RefuseOther(node, path, $"{PlanExpected} or {StateExpected}", DiagnosticCatalogue.PlanFileInvalid);
        return (PlanFrom(node, path), null);
    }

    /// <summary>A plan written by `plan --json`.</summary>
    public static StackPlan ReadPlan(string path)
    {
        var node = ParseJson(path, " as a plan", "a plan", DiagnosticCatalogue.PlanFileInvalid);
        if (StateFile.LooksLikeState(node))
            throw new StackFileException(DiagnosticCatalogue.PlanFileInvalid, $"{path}: not a plan written by `plan --json` (it is a state export: use --state)");
        RefuseOther(node, path, PlanExpected, DiagnosticCatalogue.PlanFileInvalid);
        return PlanFrom(node, path);
    }

    /// <summary>A Pulumi state file of any form.</summary>
    public static StateSnapshot ReadState(string path)
    {
        var node = ParseJson(path, " as a `pulumi stack export` file", "a Pulumi state", DiagnosticCatalogue.StateFileInvalid);
        if (!StateFile.LooksLikeState(node))
        {
            RefuseOther(node, path, StateExpected, DiagnosticCatalogue.StateFileInvalid);
            throw new StackFileException(DiagnosticCatalogue.StateFileInvalid, $"{path}: {What(node)}, not {StateExpected}");
        }
        return StateFrom(node, path);
    }

    private static string Expected(string what) => what switch
    {
        "a plan" => PlanExpected,
        "a Pulumi state" => StateExpected,
        _ => $"{PlanExpected} or {StateExpected}",
    };

    /// <summary>What a JSON file that is neither a plan nor a state looks like, for the one-line error.</summary>
    private static string What(JsonNode node) => node switch
    {
        JsonObject o when o.ContainsKey("steps") || o.ContainsKey("changeSummary") => "the steps of `diff --json` or `pulumi preview --json`",
        JsonObject o when o.ContainsKey("violations") || o.ContainsKey("packs") => "a policy report of `check --json`",
        JsonObject o when o.ContainsKey("resources") && o.ContainsKey("project") => "a plan written by `plan --json`",
        JsonObject => "a JSON object with none of `resources` (a plan), `deployment` (a `pulumi stack export` file) or `checkpoint` (a local backend's state file)",
        JsonArray => "a JSON list",
        _ => "a single JSON value",
    };

    /// <summary>Refuses, in one line, a file that is not a plan: it says what the file is and what was expected.</summary>
    private static void RefuseOther(JsonNode node, string path, string expected, DiagnosticEntry code)
    {
        if (node is JsonObject o && o["resources"] is JsonArray && !o.ContainsKey("steps"))
            return;
        throw new StackFileException(code, $"{path}: {What(node)}, not {expected}");
    }

    /// <summary>A file's JSON, read and parsed once; what cannot be is an input error naming the file.</summary>
    private static JsonNode ParseJson(string path, string asWhat, string what, DiagnosticEntry code)
    {
        // What the path is and its size first, then a bounded read (BoundedFile): a FIFO, a device or a growing file is refused.
        var bytes = BoundedFile.ReadAllBytes(path, ConfigLimits.MaxDocumentBytes, what);
        // The local backend gzips its state files on request (PULUMI_SELF_MANAGED_STATE_GZIP, stack.json.gz), and
        // Pulumi reads them by their magic (sdk/go/common/encoding IsCompressed): so does this reader, with the same bound.
        if (bytes is [0x1f, 0x8b, 0x08, ..])
        {
            try
            {
                using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
                bytes = BoundedFile.ReadBounded(gzip, ConfigLimits.MaxDocumentBytes, $"{path} (gzip)", what);
            }
            catch (InvalidDataException e)
            {
                throw new StackFileException(code, $"{path}: gzip data that cannot be read{asWhat}: {e.Message}");
            }
        }
        string text;
        try
        {
            text = Decode(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new StackFileException(code, $"{path}: cannot be read{asWhat}: not UTF-8 or UTF-16 text ({e.Message})");
        }
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })
                ?? throw new StackFileException(code, $"{path}: cannot be read{asWhat}: the file holds null");
        }
        catch (JsonException) when (JsonLines.Describe(text) is { } lines)
        {
            // Several JSON values, one per line: say what the file is, and what was expected, as for any other wrong file.
            throw new StackFileException(code, $"{path}: {lines}, not {what}; allowed: {Expected(what)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or DecoderFallbackException)
        {
            throw new StackFileException(code, $"{path}: cannot be read{asWhat}: {e.Message}");
        }
    }

    /// <summary>Text in the encodings a JSON file reaches us in (<see cref="BoundedFile.Decode"/>).</summary>
    public static string Decode(byte[] bytes) => BoundedFile.Decode(bytes);

    private static StackPlan PlanFrom(JsonNode node, string path)
    {
        try
        {
            var plan = node.Deserialize<StackPlan>(StackPlan.JsonOptions)
                       ?? throw new StackFileException(DiagnosticCatalogue.PlanFileInvalid, $"{path}: not {PlanExpected}");
            if (plan.Resources.IsDefault || plan.Resources.Any(r => r is null || r.Type is null || r.Name is null || r.Inputs is null))
                throw new StackFileException(DiagnosticCatalogue.PlanFileInvalid, $"{path}: not {PlanExpected}: every resource needs a type, a name and inputs");
            // Lists a hand-edited plan leaves out read as empty.
            return plan with
            {
                Project = plan.Project ?? "",
                Stack = plan.Stack ?? "",
                Invokes = plan.Invokes.IsDefault ? ImmutableArray<PlannedInvoke>.Empty : plan.Invokes,
                Resources = plan.Resources.Select(r => r with
                {
                    DependsOn = r.DependsOn.IsDefault ? ImmutableArray<ResourceRef>.Empty : r.DependsOn,
                    PropertyDependencies = r.PropertyDependencies ?? ImmutableSortedDictionary<string, ImmutableArray<ResourceRef>>.Empty,
                }).ToImmutableArray(),
            };
        }
        catch (JsonException e)
        {
            throw new StackFileException(DiagnosticCatalogue.PlanFileInvalid, $"{path}: cannot be read as a plan: {e.Message}");
        }
    }

    private static StateSnapshot StateFrom(JsonNode node, string path)
    {
        try
        {
            return StateFile.Read(node);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or JsonException)
        {
            throw new StackFileException(DiagnosticCatalogue.StateFileInvalid, $"{path}: cannot be read as a Pulumi state: {e.Message}");
        }
    }
}
