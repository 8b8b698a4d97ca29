using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Facts;
using BlinkInfra.Plan;

namespace BlinkInfra.Diff;

/// <summary>One loss a diff says loudly: the step, and what it costs.</summary>
public sealed record LossWarning(DiffStep Step, string Message);

/// <summary>
/// What a diff must say loudly before anything else: every replacement or deletion of something that
/// costs machines or holds state (infra/Facts/ChangeConsequences.cs: vSwitches, the ACK cluster, node
/// pools, the state bucket, Log Service projects and logstores, KMS keys, session clusters, jobs,
/// namespaces), what it destroys, a rename it is part of (the old name deleted, the new one created),
/// whether the old one goes first, and that running jobs restart. `pulumi preview` marks such a step
/// `+-` or `-` like any other.
/// </summary>
public static class LossWarnings
{
    /// <summary>The jobs' fate, said once after the losses when any of them stops a job.</summary>
    public const string JobsRestart = ChangeConsequences.JobsRestart;

    /// <summary>One warning per replaced or deleted resource of a kind that costs machines or holds state, in the diff's order.</summary>
    public static ImmutableArray<LossWarning> Of(ImmutableArray<DiffStep> steps)
    {
        var warnings = ImmutableArray.CreateBuilder<LossWarning>();
        foreach (var step in steps)
        {
            if (!ChangeConsequences.Losses.TryGetValue(step.Type, out var loss))
                continue;
            switch (step.Op)
            {
                case DiffOp.Replace:
                    var renamed = step.Renamed ? $" (renamed from {step.OldName})" : "";
                    var swap = step.Renamed ? $"; {step.OldName} is deleted and {step.Name} created in its place" : "";
                    var first = step.DeleteBeforeReplace ? $"; the old one is deleted before the new one is created ({step.DeleteBeforeReplaceReason})" : "";
                    warnings.Add(new LossWarning(step, $"{loss.What} {step.Name}{renamed} is replaced {Why(step)}{swap}{first}: {loss.WhenReplaced}"));
                    break;
                case DiffOp.Delete:
                    warnings.Add(new LossWarning(step, $"{loss.What} {step.Name} is deleted{Successor(step, steps)}: {loss.WhenDeleted}"));
                    break;
                case DiffOp.DeleteReplaced:
                    warnings.Add(new LossWarning(step, $"{loss.What} {step.Name} (a copy left pending deletion by an earlier replacement) is deleted: {loss.WhenDeleted}"));
                    break;
            }
        }
        return warnings.ToImmutable();
    }

    /// <summary>The warnings' messages, then <see cref="JobsRestart"/> when any of them stops a job.</summary>
    public static ImmutableArray<string> Messages(ImmutableArray<DiffStep> steps)
    {
        var warnings = Of(steps);
        var messages = warnings.Select(w => w.Message).ToList();
        if (warnings.Any(w => ChangeConsequences.Losses[w.Step.Type].RestartsJobs))
            messages.Add(JobsRestart);
        return messages.ToImmutableArray();
    }

    private static string Why(DiffStep step)
    {
        if (step.ReplaceReasons.Length == 0)
            return $"({step.Cause ?? "replacement requested"})";
        var suppressible = step.Changes.Where(c => c.ForcesReplacement).All(c => c.Suppressible);
        return $"({string.Join(", ", step.ReplaceReasons)} cannot change in place{(suppressible ? ", unless the provider's DiffSuppressFunc hides the change" : "")})";
    }

    /// <summary>
    /// A resource of the same kind created under the same parent, which a deletion may be a rename of:
    /// both are named, and how to keep the resource is said.
    /// </summary>
    private static string Successor(DiffStep deleted, ImmutableArray<DiffStep> steps)
    {
        var parent = Inputs.Text(deleted.OldState?["parent"]);
        var created = steps.Where(s => s.Op == DiffOp.Create && s.Type == deleted.Type && Inputs.Text(s.NewState?["parent"]) == parent)
            .Select(s => s.Name).ToList();
        if (created.Count == 0)
            return "";
        var why = ReplacementInputs.IsKubernetesObject(deleted.Type)
            ? "Kubernetes cannot rename an object"
            : "a rename the stack does not declare is a deletion and a creation: docs/cli.md, \"Renaming\"";
        return $" and {string.Join(", ", created)} created in its place ({why})";
    }
}
