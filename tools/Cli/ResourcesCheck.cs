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
        var unknown = list.PolicyLevels.Keys.Where(name => !PolicyEngine.LevelNames.Contains(name)).ToList();
        if (unknown.Count > 0)
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{Name(path)}: policyLevels names unknown policies ({string.Join(", ", unknown)}); allowed: {string.Join(", ", PolicyEngine.LevelNames)}");

        var plan = list.ToPlan();
        var policyInput = PolicyInput.Of(plan);
        var notApplicable = Applicability.NotApplicable(policyInput, list.SecretsMarked);
        // The stack's levels; the policies the resources cannot decide are not evaluated (nor counted as switched off).
        var report = PolicyEngine.Evaluate(policyInput, list.PolicyLevels, notApplicable.Select(n => n.Policy).ToHashSet(StringComparer.Ordinal));

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
        JsonNode? node;
        var text = "";
        try
        {
            // Standard input and files alike read with a bound (BoundedFile), a file's kind and size checked first.
            text = path == StandardStream
                ? ReadBounded(input, ConfigLimits.MaxDocumentBytes)
                : PlanFiles.Decode(BoundedFile.ReadAllBytes(path, ConfigLimits.MaxDocumentBytes, "a resource list"));
            node = JsonNode.Parse(text);
        }
        catch (JsonException) when (JsonLines.Describe(text) is { } lines)
        {
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{Name(path)}: {lines}, not {Expected}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or DecoderFallbackException)
        {
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{Name(path)}: cannot be read as a resource list: {e.Message}");
        }
        if (node is null)
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{Name(path)}: cannot be read as a resource list: the file holds null");
        if (StateFile.LooksLikeState(node))
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{Name(path)}: a Pulumi state, not {Expected} (use --state)");
        if (node is JsonObject obj && obj["resources"] is JsonArray { Count: > 0 } resources && resources[0] is JsonObject first && first.ContainsKey("inputs") && !first.ContainsKey("urn"))
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{Name(path)}: a plan written by `plan --json`, not {Expected} (use --plan)");
        try
        {
            return ResourceListFile.Read(node);
        }
        catch (InvalidDataException e)
        {
            throw new StackFileException(DiagnosticCatalogue.ResourceListInvalid, $"{Name(path)}: not {Expected}: {e.Message}");
        }
    }
}
