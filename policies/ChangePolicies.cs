using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net;
using BlinkInfra.Config;
using BlinkInfra.Diff;
using BlinkInfra.Facts;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>A policy over a change: the steps from what stands to what the stack declares now.</summary>
public sealed record ChangePolicy(
    DiagnosticEntry Entry, EnforcementLevel Level,
    Func<ImmutableArray<DiffStep>, IEnumerable<(DiffStep Step, string Message)>> Validate)
{
    public string Name => Entry.Name;

    public string Description => Entry.Title;
}

/// <summary>
/// The pack `diff` evaluates on the steps it finds, beside the packs every plan is checked with: what no
/// single plan shows, because it is about the change. A change the provider accepts and never applies
/// (an input it takes only at create) and a change the cloud refuses halfway through (a VPC block that
/// leaves its vSwitches outside) are refused before `pulumi up` reports either. Levels come from
/// `blink-infra:policy.levels`, as the other packs'.
/// </summary>
public static class ChangePolicies
{
    public const string PackName = "blink-changes";
    public const string PackVersion = "1.0.0";
    public static string PackId => $"{PackName}@{PackVersion}";

    public static readonly string CreateOnlyInputsUnchanged = DiagnosticCatalogue.CreateOnlyInputsUnchanged.Name;
    public static readonly string VpcBlockHoldsItsVswitches = DiagnosticCatalogue.VpcBlockHoldsItsVswitches.Name;

    private static readonly string VpcType = TypeTokens.AliCloud.Vpc.Network;
    private static readonly string VswitchType = TypeTokens.AliCloud.Vpc.Switch;

    public static readonly ImmutableArray<ChangePolicy> Policies = ImmutableArray.Create(
        new ChangePolicy(DiagnosticCatalogue.CreateOnlyInputsUnchanged, EnforcementLevel.Mandatory, CreateOnly),
        new ChangePolicy(DiagnosticCatalogue.VpcBlockHoldsItsVswitches, EnforcementLevel.Mandatory, VpcBlock));

    /// <summary>The change policies' names: `blink-infra:policy.levels` takes them too.</summary>
    public static readonly ImmutableArray<string> Names = Policies.Select(p => p.Name).ToImmutableArray();

    /// <summary>The violations of a diff's steps, under the levels the stack planned now records (the defaults without it), as a report of this one pack.</summary>
    public static PolicyReport Check(ImmutableArray<DiffStep> steps, StackPlan? now = null)
    {
        var overrides = now?.Settings?.PolicyLevels;
        var violations = new List<Violation>();
        foreach (var policy in Policies)
        {
            var level = overrides != null && overrides.TryGetValue(policy.Name, out var overridden) ? overridden : policy.Level;
            if (level == EnforcementLevel.Disabled)
                continue;
            violations.AddRange(policy.Validate(steps).Select(found => new Violation(PackId, policy.Name, level, found.Step.Type, found.Step.Name, found.Message) { Code = policy.Entry.Code }));
        }
        return PolicyReport.Of(new[] { PackId }, violations);
    }

    /// <summary>The report as the Pulumi CLI prints violations; nothing when there are none.</summary>
    public static string Text(PolicyReport report)
    {
        if (report.Violations.IsEmpty)
            return "";
        var writer = new StringWriter { NewLine = "\n" };
        writer.WriteLine($"Policy packs: {string.Join(", ", report.Packs)}");
        foreach (var violation in report.Violations)
        {
            writer.WriteLine($"[{EnforcementLevels.Name(violation.Level)}] {violation.Code} {violation.Policy} ({violation.ResourceType}: {violation.ResourceName})");
            writer.WriteLine($"    {violation.Pack}: {violation.Message}");
        }
        return writer.ToString();
    }

    /// <summary>Every update that changes an input the facts say the provider applies only at create.</summary>
    private static IEnumerable<(DiffStep, string)> CreateOnly(ImmutableArray<DiffStep> steps)
    {
        foreach (var step in steps.Where(s => s.Op == DiffOp.Update && s.CreateOnlyReasons.Length > 0))
        {
            var inputs = step.CreateOnlyReasons;
            var them = inputs.Length == 1 ? "it" : "them";
            var replaced = ChangeConsequences.Losses.TryGetValue(step.Type, out var loss) ? $" ({loss.What} is then replaced: {loss.WhenReplaced})" : "";
            yield return (step, $"{string.Join(", ", inputs)} of {step.Name} {(inputs.Length == 1 ? "changes" : "change")}, but the provider applies {them} only when the resource is created "
                                + $"({ReplacementInputs.Find(step.Type)?.Source}, docs: \"Only works for Create Operation\"): pulumi up would report the update and change nothing. "
                                + $"Change {them} back, or replace the resource on purpose: pulumi up --replace '{step.Urn}'{replaced}");
        }
    }

    /// <summary>Every VPC whose block changes to one some vSwitch of it (as it stands) lies outside.</summary>
    private static IEnumerable<(DiffStep, string)> VpcBlock(ImmutableArray<DiffStep> steps)
    {
        foreach (var vpc in steps.Where(s => s.Type == VpcType && s.Op == DiffOp.Update))
        {
            var change = vpc.Changes.FirstOrDefault(c => c.Key == "cidrBlock");
            if (Inputs.Text(change?.Old) is not { } before || Inputs.Text(change?.New) is not { } after
                || !IPNetwork.TryParse(after, out var block))
            {
                continue;
            }
            // The vSwitches in the VPC as it stands: their old side names the VPC by reference (a plan) or by id (a state).
            var vpcId = Inputs.Text(vpc.OldState?["id"]);
            bool InVpc(DiffStep s) => Inputs.Text(s.OldInputs?["vpcId"]) is { } id && (id == $"${{{vpc.OldName ?? vpc.Name}.id}}" || id == vpcId);
            var outside = steps.Where(s => s.Type == VswitchType && s.OldState is not null && s.Op != DiffOp.Create && InVpc(s))
                .Select(s => (s.Name, Block: Inputs.Text(s.OldInputs?["cidrBlock"])))
                .Where(s => s.Block is null || !IPNetwork.TryParse(s.Block, out var b) || !Contains(block, b))
                .ToList();
            if (outside.Count == 0)
                continue;
            yield return (vpc, $"the VPC's block changes from {before} to {after}, but its vSwitches {string.Join(", ", outside.Select(s => $"{s.Name} ({s.Block})"))} lie outside {after}: "
                               + $"the cloud refuses to change a VPC's block that leaves addresses in use outside it ({ChangeConsequences.VpcBlockSource}), and Pulumi updates the VPC before it replaces "
                               + "the vSwitches that depend on it, so pulumi up would stop there. What it needs: a block that holds those vSwitches (widen the block first, move them, then narrow it), "
                               + $"or a new VPC on purpose: pulumi up --replace '{vpc.Urn}', which replaces every vSwitch in it, the node pools and the cluster with them");
        }
    }

    private static bool Contains(IPNetwork outer, IPNetwork inner)
        => inner.PrefixLength >= outer.PrefixLength && outer.Contains(inner.BaseAddress);
}
