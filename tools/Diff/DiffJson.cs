using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BlinkInfra.Config;
using BlinkInfra.Facts;

namespace BlinkInfra.Diff;

/// <summary>
/// A diff as `pulumi preview --json` writes it (pulumi/pulumi sdk/pkg/display/json.go: PreviewDigest,
/// PreviewStep, PropertyDiff; ShowPreviewDigest): `steps`, each with `op`, `urn`, `provider`,
/// `oldState` and `newState` (resource records), `diffReasons`, `replaceReasons` and `detailedDiff`
/// (property paths such as `tags.Environment` or `tags["blink.io/stack"]` to `kind` and `inputDiff`);
/// empty fields left out, `detailedDiff` always written (null without a diff), as Pulumi does; unchanged
/// resources listed only when asked (the stack resource always), counted in `changeSummary` either way;
/// `diagnostics` for the warnings the comparison raised.
/// </summary>
public static class DiffJson
{
    /// <summary>The digest of a diff; <paramref name="showSames"/> lists unchanged resources too (`--show-sames`).</summary>
    public static JsonObject Of(ImmutableArray<DiffStep> steps, bool showSames = false, IEnumerable<string>? warnings = null)
        => Of(steps, showSames, (warnings ?? Enumerable.Empty<string>()).Select(w => new DiffDiagnostic(w, "warning", null) { Code = DiagnosticCatalogue.StateReadWithGaps.Code }));

    /// <summary>
    /// The digest of a diff with its diagnostics (each with the URN it is about, where there is one, as
    /// Pulumi's diagnostic events carry it), and, beyond Pulumi's fields: per step the inputs the provider
    /// applies only at create (`createOnlyReasons`; in `detailedDiff` `createOnly: true`, and
    /// `suppressible: true` where a DiffSuppressFunc may hide a replacement), a replacement that deletes
    /// first (`deleteBeforeReplace`), and the whole diff's `losses`: every replacement or deletion of what
    /// costs machines or holds state (<see cref="LossWarnings"/>), also among the diagnostics.
    /// </summary>
    public static JsonObject Of(ImmutableArray<DiffStep> steps, bool showSames, IEnumerable<DiffDiagnostic> diagnostics)
    {
        var json = new JsonArray();
        foreach (var step in steps.Where(s => showSames || s.Op != DiffOp.Same || s.Type == PlanDiff.RootStackType))
        {
            var entry = new JsonObject { ["op"] = OpName(step.Op), ["urn"] = step.Urn };
            if ((step.NewState?["provider"] ?? step.OldState?["provider"]) is JsonValue provider)
                entry["provider"] = provider.DeepClone();
            if (step.OldState is not null)
                entry["oldState"] = step.OldState.DeepClone();
            if (step.NewState is not null)
                entry["newState"] = step.NewState.DeepClone();
            var changing = step.Op is DiffOp.Update or DiffOp.Replace;
            if (changing && step.Changes.Length > 0)
                entry["diffReasons"] = Strings(step.Changes.Select(c => c.Key));
            if (step.Op == DiffOp.Replace && step.ReplaceReasons.Length > 0)
                entry["replaceReasons"] = Strings(step.ReplaceReasons);
            if (step.Op == DiffOp.Update && step.CreateOnlyReasons.Length > 0)
                entry["createOnlyReasons"] = Strings(step.CreateOnlyReasons);
            if (step.DeleteBeforeReplace)
                entry["deleteBeforeReplace"] = true;
            entry["detailedDiff"] = changing && step.Changes.Length > 0 ? Detailed(step) : null;
            json.Add(entry);
        }
        var digest = new JsonObject();
        if (json.Count > 0)
            digest["steps"] = json;
        var losses = LossWarnings.Of(steps);
        var loss = DiagnosticCatalogue.ResourceLoss.Code;
        var all = diagnostics.Concat(losses.Select(l => new DiffDiagnostic(l.Message, "warning", l.Step.Urn) { Code = loss }))
            .Concat(LossWarnings.Messages(steps).Skip(losses.Length).Select(m => new DiffDiagnostic(m, "warning", null) { Code = loss }))
            .Select(d =>
            {
                var o = new JsonObject();
                if (d.Urn is not null)
                    o["urn"] = d.Urn;
                o["message"] = d.Message;
                o["severity"] = d.Severity;
                o["code"] = d.Code;
                return (JsonNode?)o;
            }).ToArray();
        if (all.Length > 0)
            digest["diagnostics"] = new JsonArray(all);
        if (losses.Length > 0)
        {
            digest["losses"] = new JsonArray(losses.Select(l => (JsonNode?)new JsonObject
            {
                ["op"] = OpName(l.Step.Op),
                ["urn"] = l.Step.Urn,
                ["type"] = l.Step.Type,
                ["name"] = l.Step.Name,
                ["message"] = l.Message,
            }).ToArray());
        }
        var summary = new JsonObject();
        foreach (var (op, count) in PlanDiff.Summary(steps))
            summary[OpName(op)] = count;
        digest["changeSummary"] = summary;
        return digest;
    }

    /// <summary>An op as Pulumi names it (deploy.StepOp).</summary>
    public static string OpName(DiffOp op) => op == DiffOp.DeleteReplaced ? "delete-replaced" : op.ToString().ToLowerInvariant();

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    /// <summary>Each changed property path, with its kind (`add`, `delete`, `update`, `-replace` when it forces replacement).</summary>
    private static JsonObject Detailed(DiffStep step)
    {
        var table = ReplacementInputs.Of(step.Type);
        var detailed = new JsonObject();
        foreach (var change in step.Changes)
        {
            var root = Segment(change.Key, first: true);
            var paths = new List<(string Path, string Kind)>();
            if (change.KnownAfterApply || IsMasked(change.Old) || IsMasked(change.New))
                paths.Add((root, KindOf(change.Old, change.New)));
            else
                Walk(change.Old, change.New, root, paths);
            if (paths.Count == 0)
                paths.Add((root, KindOf(change.Old, change.New)));
            foreach (var (path, kind) in paths)
            {
                var forces = change.ForcesReplacement && table.Any(p => Covers(p, Plain(path)));
                var entry = new JsonObject { ["kind"] = forces ? kind + "-replace" : kind, ["inputDiff"] = true };
                if (change.CreateOnly && step.Op == DiffOp.Update)
                    entry["createOnly"] = true;
                if (forces && change.Suppressible)
                    entry["suppressible"] = true;
                detailed[path] = entry;
            }
        }
        return detailed;
    }

    private static string KindOf(JsonNode? old, JsonNode? now) => old is null ? "add" : now is null ? "delete" : "update";

    /// <summary>The differing leaves (or added and removed subtrees) between two values, as property paths.</summary>
    private static void Walk(JsonNode? old, JsonNode? now, string path, List<(string, string)> paths)
    {
        switch (old, now)
        {
            case (JsonObject o, JsonObject n):
                foreach (var key in o.Select(kv => kv.Key).Union(n.Select(kv => kv.Key)).OrderBy(k => k, StringComparer.Ordinal))
                    Walk(o[key], n[key], path + Segment(key, first: false), paths);
                break;
            case (JsonArray o, JsonArray n):
                for (var i = 0; i < Math.Max(o.Count, n.Count); i++)
                    Walk(i < o.Count ? o[i] : null, i < n.Count ? n[i] : null, $"{path}[{i}]", paths);
                break;
            default:
                if (!JsonNode.DeepEquals(old, now))
                    paths.Add((path, KindOf(old, now)));
                break;
        }
    }

    private static readonly Regex Identifier = new(@"^[A-Za-z_$][A-Za-z0-9_$-]*$", RegexOptions.CultureInvariant);

    /// <summary>A key as a property path writes it (resource.PropertyPath): `key`, `.key`, or `["blink.io/stack"]`.</summary>
    internal static string Segment(string key, bool first)
        => Identifier.IsMatch(key) ? (first ? key : "." + key) : $"[\"{key.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"]";

    /// <summary>A property path with its indices dropped and its quoted keys dotted, as the replacement table names inputs.</summary>
    internal static string Plain(string path)
        => Regex.Replace(Regex.Replace(path, @"\[\d+\]", ""), @"\[""((?:[^""\\]|\\.)*)""\]", ".$1").TrimStart('.');

    /// <summary>Whether a replacement path covers a changed path: the same field, one inside it, or one holding it.</summary>
    internal static bool Covers(string replacePath, string changed)
        => changed == replacePath || changed.StartsWith(replacePath + ".", StringComparison.Ordinal) || replacePath.StartsWith(changed + ".", StringComparison.Ordinal);

    private static bool IsMasked(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text == Secrets.Mask;
}
