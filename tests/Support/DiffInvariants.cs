using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.PlanPage;

namespace BlinkInfra.Tests;

/// <summary>
/// What any diff must hold, whatever the change, checked from the facts and the outputs a user reads, not
/// from the diff's own bookkeeping: no step says update where the facts say replace; no update rests on an
/// input the provider applies only at create without saying so and being refused; every deletion or
/// replacement of what costs machines or holds state is in the text's WARNING block, in the JSON and on the
/// page; a replacement the cloud cannot make beside the old one deletes first.
/// </summary>
public static class DiffInvariants
{
    /// <summary>Every breach, one line each; none for a diff that holds.</summary>
    public static IReadOnlyList<string> Problems(ImmutableArray<DiffStep> steps, StackPlan now)
    {
        var problems = new List<string>();
        var byRef = now.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => g.First());
        var text = DiffText.Of(steps);
        var warningBlock = text.StartsWith($"WARNING {DiagnosticCatalogue.ResourceLoss.Code}:", StringComparison.Ordinal) ? text[..text.IndexOf("\n\n", StringComparison.Ordinal)] : "";
        var json = DiffJson.Of(steps);
        var jsonLosses = (json["losses"] as JsonArray ?? new JsonArray()).Select(l => (string?)l!["urn"]).ToHashSet();
        var page = PlanPageModel.Of(now, PolicyReport.Of(Array.Empty<string>(), Array.Empty<Violation>()), steps);
        var pageLosses = page["losses"]!.AsArray().Select(l => (string?)l!["urn"]).ToHashSet();
        var refused = ChangePolicies.Check(steps).Violations
            .Where(v => v.Policy == ChangePolicies.CreateOnlyInputsUnchanged && v.Level == EnforcementLevel.Mandatory)
            .Select(v => (v.ResourceType, v.ResourceName)).ToHashSet();

        // A reference to a renamed resource names it anew: the same resource, as its old name.
        var renamed = steps.Where(s => s.Renamed).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().OldName!, StringComparer.Ordinal);
        JsonNode? AsBefore(JsonNode? node) => node is null ? null : JsonNode.Parse(System.Text.RegularExpressions.Regex.Replace(node.ToJsonString(), @"\$\{([^.}]+)\.",
            m => "${" + renamed.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value) + "."));
        foreach (var step in steps)
        {
            var who = $"{step.Type} {step.Name}";
            if (step.Op == DiffOp.Update)
            {
                var resource = byRef.GetValueOrDefault(new ResourceRef(step.Type, step.Name));
                var provider = resource?.Provider is { } p ? byRef.GetValueOrDefault(p)?.Inputs : null;
                foreach (var path in ReplacementInputs.ReplacePaths(step.Type, step.NewInputs, provider))
                {
                    var root = path.Split('.')[0];
                    if (ReplacementInputs.Suppresses(step.Type, root, step.OldInputs ?? new JsonObject(), step.NewInputs ?? new JsonObject()) == true)
                        continue;
                    var before = Select(Normalised(step.Type, step.OldInputs), path);
                    var after = AsBefore(Select(Normalised(step.Type, step.NewInputs), path));
                    if (IsMasked(before) || IsMasked(after))
                        continue;
                    if (!JsonNode.DeepEquals(before, after) || Unknown(after))
                        problems.Add($"{who}: update, but the facts replace it on {path} ({Show(before)} => {Show(after)})");
                }
                var createOnly = ReplacementInputs.CreateOnlyOf(step.Type);
                foreach (var change in step.Changes.Where(c => createOnly.Contains(c.Key)))
                {
                    if (!change.CreateOnly)
                        problems.Add($"{who}: {change.Key} changes on an update but is not said to have no effect (the provider applies it only at create)");
                    if (!refused.Contains((step.Type, step.Name)))
                        problems.Add($"{who}: {change.Key}, applied only at create, changes and no mandatory {ChangePolicies.CreateOnlyInputsUnchanged} refuses it");
                }
                if (step.Changes.Any(c => c.CreateOnly) && !text.Contains(DiffText.NoEffect, StringComparison.Ordinal))
                    problems.Add($"{who}: a change with no effect after create, not said in the text");
            }
            if (step.Op is DiffOp.Replace or DiffOp.Delete or DiffOp.DeleteReplaced && ChangeConsequences.Losses.ContainsKey(step.Type))
            {
                if (!warningBlock.Contains($" {step.Name} ", StringComparison.Ordinal))
                    problems.Add($"{who}: {DiffJson.OpName(step.Op)}, a loss, not in the WARNING block");
                if (!jsonLosses.Contains(step.Urn))
                    problems.Add($"{who}: {DiffJson.OpName(step.Op)}, a loss, not in the JSON's losses");
                if (!pageLosses.Contains(step.Urn))
                    problems.Add($"{who}: {DiffJson.OpName(step.Op)}, a loss, not on the page");
            }
            if (step.Op == DiffOp.Replace && ChangeConsequences.DeleteFirst.ContainsKey(step.Type) && !step.DeleteBeforeReplace)
                problems.Add($"{who}: replaced, but its key must stay unique and it is not deleted first");
        }
        return problems;
    }

    private static JsonNode? Normalised(string type, JsonObject? inputs)
    {
        var copy = (JsonObject?)inputs?.DeepClone() ?? new JsonObject();
        if (ReplacementInputs.NamespaceDefaultsToDefault(type) && copy["metadata"] is JsonObject metadata && !metadata.ContainsKey("namespace"))
            metadata["namespace"] = "default";
        return copy;
    }

    /// <summary>The values at a dotted path; through lists, each element's.</summary>
    private static JsonNode? Select(JsonNode? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            node = node switch
            {
                JsonObject obj => obj[step]?.DeepClone(),
                JsonArray array => new JsonArray(array.Select(item => item is JsonObject o ? o[step]?.DeepClone() : null).ToArray()),
                _ => null,
            };
        }
        return node;
    }

    private static bool Unknown(JsonNode? node) => node is not null && node.ToJsonString().Contains(StateValues.Unknown, StringComparison.Ordinal);

    private static bool IsMasked(JsonNode? node) => node is not null && node.ToJsonString().Contains(Secrets.Mask, StringComparison.Ordinal);

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
