using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlinkInfra.PlanPage;

/// <summary>
/// The plan page as one self-contained HTML file: the template (tools/PlanPage/web/src/page.html, its
/// styles inline) with the model as JSON in a data script and the bundled script (web/dist/plan-page.js:
/// the page's code with cytoscape and cytoscape-dagre, built by esbuild) inlined, both embedded in the
/// program. Nothing is fetched when it is opened; its Content-Security-Policy forbids it.
/// </summary>
public static class PlanPageWriter
{
    public const string TemplateResource = "BlinkInfra.PlanPage.page.html";
    public const string ScriptResource = "BlinkInfra.PlanPage.plan-page.js";

    public static string Html(JsonObject model)
    {
        var mode = model["mode"]!.GetValue<string>();
        var summary = model["summary"]!.AsObject();
        var title = $"{(mode == PlanPageModel.DiffMode ? "Diff" : "Plan")} of {model["project"]!.GetValue<string>()}/{model["stack"]!.GetValue<string>()}";
        // The count the text's `Resources:` line says, as `pulumi preview` counts it, and what it is made of.
        var counts = $"{summary["resources"]} resources as pulumi preview counts them ({summary["breakdown"]}); policy: {summary["mandatory"]} mandatory, {summary["advisory"]} advisory";
        if (summary["steps"] is JsonObject steps)
            counts += "; steps: " + string.Join(", ", steps.Select(kv => $"{kv.Value} {kv.Key}"));

        // The default encoder escapes <, >, & and quotes, so no "</script>" can close the data early.
        var data = model.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        var script = Resource(ScriptResource);
        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException("the plan page's script contains </script and cannot be inlined");

        return Fill(Resource(TemplateResource), new Dictionary<string, string>
        {
            ["{{TITLE}}"] = WebUtility.HtmlEncode(title),
            ["{{MODE}}"] = mode,
            ["{{COUNTS}}"] = WebUtility.HtmlEncode(counts),
            ["{{DATA}}"] = data,
            ["{{SCRIPT}}"] = script,
        });
    }

    /// <summary>Each placeholder of the template replaced once, in one pass: what is put in is never searched again.</summary>
    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(template.Length + values.Values.Sum(v => v.Length));
        var at = 0;
        while (true)
        {
            var next = values.Keys.Select(k => (Key: k, Index: template.IndexOf(k, at, StringComparison.Ordinal))).Where(p => p.Index >= 0).OrderBy(p => p.Index).FirstOrDefault();
            if (next.Key is null)
                break;
            text.Append(template, at, next.Index - at).Append(values[next.Key]);
            at = next.Index + next.Key.Length;
        }
        return text.Append(template, at, template.Length - at).ToString();
    }

    private static string Resource(string name)
    {
        using var stream = typeof(PlanPageWriter).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the program was built without its resource {name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
