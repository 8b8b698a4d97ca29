using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlinkInfra.Diff;

/// <summary>A diff as `pulumi preview --diff` prints it.</summary>
public static class DiffText
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString(Unescaped);

    /// <summary>A line per changed resource, its inputs below, a summary.</summary>
    public static string Of(ImmutableArray<DiffStep> steps)
    {
        var writer = new StringWriter { NewLine = "\n" };
        foreach (var step in steps.Where(s => s.Op != DiffOp.Same))
        {
            var symbol = step.Op switch { DiffOp.Create => "+", DiffOp.Delete or DiffOp.DeleteReplaced => "-", DiffOp.Replace => "+-", _ => "~" };
            writer.WriteLine($"{symbol} {step.Type} {step.Name} ({DiffJson.OpName(step.Op)}{(step.Cause is null ? "" : ": " + step.Cause)})");
            foreach (var change in step.Changes)
            {
                var line = step.Op switch
                {
                    DiffOp.Create => $"    + {change.Key}: {Show(change.New)}",
                    DiffOp.Delete or DiffOp.DeleteReplaced => $"    - {change.Key}: {Show(change.Old)}",
                    _ when change.Old is null => $"    + {change.Key}: {Show(change.New)}",
                    _ when change.New is null => $"    - {change.Key}: {Show(change.Old)}",
                    _ => $"    ~ {change.Key}: {Show(change.Old)} => {Show(change.New)}",
                };
                if (change.KnownAfterApply)
                    line += " (known after apply)";
                if (change.ForcesReplacement)
                    line += " (forces replacement)";
                writer.WriteLine(line);
            }
        }
        var summary = PlanDiff.Summary(steps);
        int Count(DiffOp op) => summary.GetValueOrDefault(op);
        writer.WriteLine(PlanDiff.HasChanges(steps)
            ? $"Resources: + {Count(DiffOp.Create)} to create, ~ {Count(DiffOp.Update)} to update, +- {Count(DiffOp.Replace)} to replace, - {Count(DiffOp.Delete) + Count(DiffOp.DeleteReplaced)} to delete, {Count(DiffOp.Same)} unchanged"
            : $"No changes: {Count(DiffOp.Same)} resources unchanged");
        return writer.ToString();
    }
}
