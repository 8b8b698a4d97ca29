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
        var unknown = list.PolicyLevels.Keys.Where(name => !PolicyEngine.PolicyNames.Contains(name)).ToList();
        if (unknown.Count > 0)
            throw new StackFileException($"{Name(path)}: policyLevels names unknown policies ({string.Join(", ", unknown)}); allowed: {string.Join(", ", PolicyEngine.PolicyNames)}");

        var plan = list.ToPlan();
        var policyInput = PolicyInput.Of(plan);
        var notApplicable = Applicability.NotApplicable(policyInput, list.SecretsMarked);
        // The stack's levels, and the policies the resources cannot decide switched off.
        var levels = list.PolicyLevels.SetItems(notApplicable.Select(n => KeyValuePair.Create(n.Policy, EnforcementLevel.Disabled)));
        var report = PolicyEngine.Evaluate(policyInput, levels);

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
        await errors.WriteLineAsync($"error: refused by policy (exit {BlinkCli.Failure}): {report.Violations.Count(v => v.Level == EnforcementLevel.Mandatory)} mandatory violation(s)");
        return BlinkCli.Failure;
    }

    private static string Name(string path) => path == StandardStream ? "standard input" : path;

    private static ResourceList Read(string path, TextReader input)
    {
        JsonNode? node;
        try
        {
            var text = path == StandardStream ? input.ReadToEnd() : PlanFiles.Decode(File.ReadAllBytes(path));
            node = JsonNode.Parse(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or DecoderFallbackException)
        {
            throw new StackFileException($"{Name(path)}: cannot be read as a resource list: {e.Message}");
        }
        if (node is null)
            throw new StackFileException($"{Name(path)}: cannot be read as a resource list: the file holds null");
        if (StateFile.LooksLikeState(node))
            throw new StackFileException($"{Name(path)}: a Pulumi state, not {Expected} (use --state)");
        if (node is JsonObject obj && obj["resources"] is JsonArray { Count: > 0 } resources && resources[0] is JsonObject first && first.ContainsKey("inputs") && !first.ContainsKey("urn"))
            throw new StackFileException($"{Name(path)}: a plan written by `plan --json`, not {Expected} (use --plan)");
        try
        {
            return ResourceListFile.Read(node);
        }
        catch (InvalidDataException e)
        {
            throw new StackFileException($"{Name(path)}: not {Expected}: {e.Message}");
        }
    }
}
