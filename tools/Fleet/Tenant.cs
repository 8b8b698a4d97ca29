using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Bill;
using BlinkInfra.Config;
using BlinkInfra.Diff;
using BlinkInfra.Plan;
using BlinkInfra.Policies;

namespace BlinkInfra.Fleet;

/// <summary>How far a tenant's stack got: checked (planned and evaluated), refused as invalid input, or stopped by a bug.</summary>
public enum TenantStatus
{
    Checked,
    Invalid,
    InternalError,
}

/// <summary>One resource a change touches: its op, type and name, and the inputs that force its replacement.</summary>
public sealed record TouchedResource(DiffOp Op, string Type, string Name, ImmutableArray<string> ReplaceReasons);

/// <summary>
/// A tenant's stack compared with its saved plan (`--against DIR`, DIR/&lt;stack&gt;.json), through the
/// diff `diff` computes: how many resources each op touches and which; <see cref="Saved"/> is null for
/// a stack with no saved plan (a new tenant: all its resources are created).
/// </summary>
/// <param name="Replacements">The loud warnings `diff` prints first: what costs machines or holds state, deleted or replaced (LossWarnings).</param>
public sealed record TenantChange(string? Saved, ImmutableSortedDictionary<DiffOp, int> Ops, ImmutableArray<TouchedResource> Touched, ImmutableArray<string> Warnings, ImmutableArray<string> Replacements, string? Error = null)
{
    public bool Touches => Error is null && Touched.Length > 0;

    public int Count(DiffOp op) => Ops.TryGetValue(op, out var n) ? n : 0;

    public static TenantChange Of(string? saved, ImmutableArray<DiffStep> steps, ImmutableArray<string> warnings)
        => new(saved, PlanDiff.Summary(steps),
            steps.Where(s => s.Op != DiffOp.Same).Select(s => new TouchedResource(s.Op, s.Type, s.Name, s.ReplaceReasons)).ToImmutableArray(),
            warnings, LossWarnings.Messages(steps));

    public static TenantChange Failed(string saved, string error)
        => new(saved, ImmutableSortedDictionary<DiffOp, int>.Empty, ImmutableArray<TouchedResource>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, error);
}

/// <summary>
/// What the fleet found for one stack: its settings, pools and bill of materials (from its plan's
/// resources), the policy report `check` would print for it, the estimate with the prices given, the
/// change against its saved plan, the plan page written for it; or why it could not be checked.
/// </summary>
public sealed record Tenant(
    string Stack,
    string File,
    TenantStatus Status,
    string? Error,
    StackSettings? Settings,
    int Resources,
    BillOfMaterials? Bill,
    PolicyReport? Report,
    Estimate? Estimate,
    TenantChange? Change,
    string? Page)
{
    public static Tenant Refused(string stack, string file, TenantStatus status, string error)
        => new(stack, file, status, error, null, 0, null, null, null, null, null);

    public int Mandatory => Report?.Violations.Count(v => v.Level == EnforcementLevel.Mandatory) ?? 0;

    public int Advisory => Report?.Violations.Count(v => v.Level == EnforcementLevel.Advisory) ?? 0;

    /// <summary>`check`'s exit code for this stack: 0 pass, 1 a mandatory violation, 2 invalid input (a bad saved plan too), 3 a bug.</summary>
    public int ExitCode => Status switch
    {
        TenantStatus.InternalError => 3,
        TenantStatus.Invalid => 2,
        _ when Change?.Error is not null => 2,
        _ => Report!.HasMandatory ? 1 : 0,
    };

    /// <summary>"pass", "fail" (a mandatory violation), "invalid" or "error".</summary>
    public string Verdict => Status switch
    {
        TenantStatus.InternalError => "error",
        TenantStatus.Invalid => "invalid",
        _ => Report!.HasMandatory ? "fail" : "pass",
    };
}

/// <summary>A saved plan in the --against folder whose stack is not in the fleet: a tenant removed, all of whose resources a `pulumi destroy` would delete.</summary>
public sealed record RemovedTenant(string Stack, string Saved, int Resources, BillOfMaterials Bill);
