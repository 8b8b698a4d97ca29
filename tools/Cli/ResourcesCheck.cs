using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Policies;
using BlinkInfra.Stacks;
using BlinkInfra.State;
using Spectre.Console;

namespace BlinkInfra.Cli;

/// <summary>
/// `check --resources FILE|-`: the policy packs over the resource list a CrossGuard policy pack sends
/// (policies/crossguard/, shape in <see cref="ResourceListFile"/>), with `check`'s report and exit
/// codes. Settings come from the resources; the policies they cannot decide are reported as not
/// applicable (<see cref="Applicability"/>) and not evaluated.
/// </summary>
public static class ResourcesCheck
{
    private const string StandardStream = "-";
    private const string Expected = "a resource list as policies/crossguard sends it ({\"resources\": [{\"type\", \"name\", \"urn\", \"props\", ...}]})";

    public static async Task<int> RunAsync(string path, string? jsonPath, IAnsiConsole console, TextWriter errors, TextReader input)
    {
        var list = Read(path, input);
        // The stack's levels travel in the list (its policyLevels): the entry point reads and checks them.
        var (report, notApplicable) = Evaluate(list, path, resourcePoliciesOnly: false);

        var json = JsonNode.Parse(PolicyReportRenderer.Json(report))!.AsObject();
        json["notApplicable"] = new JsonArray(notApplicable.Select(n => (JsonNode)new JsonObject { ["policy"] = n.Policy, ["reason"] = n.Reason }).ToArray());
        var jsonText = json.ToJsonString(PolicyReportRenderer.JsonOptions) + "\n";
        if (jsonPath == StandardStream)
        {
            console.Profile.Out.Writer.Write(jsonText);
            return report.HasMandatory ? BlinkCli.Failure : BlinkCli.Success;
        }
        var text = new StringBuilder(PolicyReportRenderer.Text(report));
        foreach (var (policy, reason) in notApplicable)
            text.Append($"Not applicable: {policy}: {reason}\n");
        console.Profile.Out.Writer.Write(text.ToString());
        if (jsonPath != null)
            await OutputFile.WriteAsync("--json", jsonPath, jsonText, console.Profile.Out.Writer);
        if (!report.HasMandatory)
            return BlinkCli.Success;
        await errors.WriteLineAsync($"refused by policy (exit {BlinkCli.Failure}): {report.Violations.Count(v => v.Level == EnforcementLevel.Mandatory)} mandatory violation(s)");
        return BlinkCli.Failure;
    }

    /// <summary>
    /// `check --resources - --each`: the long-lived evaluator the CrossGuard pack keeps for its per-resource policies
    /// (validateResource). Each line of standard input is a resource list (usually of one resource, as CrossGuard
    /// registers it); each gets one line on standard output, the report of the policies one resource decides
    /// (<see cref="PolicyEngine.ResourcePolicyNames"/>), or {"error": "..."} for a line it cannot read, and the next line
    /// is read. It ends at the end of its input, exit 0: one process for a whole `pulumi up`, not one per resource.
    /// </summary>
    public static async Task<int> RunEachAsync(TextWriter output, TextReader input)
    {
        var compact = new JsonSerializerOptions(PolicyReportRenderer.JsonOptions) { WriteIndented = false };
        string? line;
        while ((line = await input.ReadLineAsync()) != null)
        {
            if (line.Length == 0)
                continue;
            string answer;
            try
            {
                if (line.Length > ConfigLimits.MaxDocumentBytes)
                    throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"a line of more than {ConfigLimits.MaxDocumentBytes} characters; allowed: a resource list of at most {ConfigLimits.MaxDocumentBytes}");
                var (report, _) = Evaluate(Parse("standard input", line), StandardStream, resourcePoliciesOnly: true);
                answer = JsonSerializer.Serialize(report, compact);
            }
            catch (StackFileException e)
            {
                answer = new JsonObject { ["error"] = $"{e.Code.Code}: {e.Message}" }.ToJsonString();
            }
            await output.WriteAsync(answer + "\n");
            await output.FlushAsync();
        }
        return BlinkCli.Success;
    }

    private static (PolicyReport Report, System.Collections.Immutable.ImmutableArray<(string Policy, string Reason)> NotApplicable) Evaluate(ResourceList list, string path, bool resourcePoliciesOnly)
    {
        try
        {
            return PolicyEngine.Check(list, resourcePoliciesOnly);
        }
        catch (InvalidDataException e)
        {
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{Name(path)}: {e.Message}");
        }
    }

    private static string Name(string path) => path == StandardStream ? "standard input" : path;

    /// <summary>Standard input up to the limit: more is refused, not read until memory runs out.</summary>
    private static string ReadBounded(TextReader input, int maxChars)
    {
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = input.Read(buffer, 0, Math.Min(buffer.Length, maxChars + 1 - text.Length))) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > maxChars)
                throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"standard input: more than {maxChars} characters; allowed: a resource list of at most {maxChars}");
        }
        return text.ToString();
    }

    private static ResourceList Read(string path, TextReader input)
    {
        var text = "";
        try
        {
            // Standard input and files alike read with a bound (BoundedFile), a file's kind and size checked first.
            text = path == StandardStream
                ? ReadBounded(input, ConfigLimits.MaxDocumentBytes)
                : PlanFiles.Decode(BoundedFile.ReadAllBytes(path, ConfigLimits.MaxDocumentBytes, "a resource list"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{Name(path)}: cannot be read as a resource list: {e.Message}");
        }
        return Parse(Name(path), text);
    }

    private static ResourceList Parse(string name, string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException) when (JsonLines.Describe(text) is { } lines)
        {
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{name}: {lines}, not {Expected}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or DecoderFallbackException)
        {
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{name}: cannot be read as a resource list: {e.Message}");
        }
        if (node is null)
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{name}: cannot be read as a resource list: the file holds null");
        if (StateFile.LooksLikeState(node))
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{name}: a Pulumi state, not {Expected} (use --state)");
        if (node is JsonObject obj && obj["resources"] is JsonArray { Count: > 0 } resources && resources[0] is JsonObject first && first.ContainsKey("inputs") && !first.ContainsKey("urn"))
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{name}: a plan written by `plan --json`, not {Expected} (use --plan)");
        try
        {
            return ResourceListFile.Read(node);
        }
        catch (InvalidDataException e)
        {
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{name}: not {Expected}: {e.Message}");
        }
    }
}
