using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Bill;
using BlinkInfra.Config;
using BlinkInfra.Diff;
using BlinkInfra.Plan;
using BlinkInfra.PlanPage;
using BlinkInfra.Policies;
using BlinkInfra.Recorder;
using BlinkInfra.Stacks;
using BlinkInfra.State;

namespace BlinkInfra.Fleet;

/// <summary>What a fleet run is asked for besides the stacks.</summary>
/// <param name="Parallelism">How many stacks are planned at once (the machine's cores by default).</param>
/// <param name="Prices">The user's prices: each tenant's bill of materials gets an estimate.</param>
/// <param name="AgainstDir">A folder of saved plans named by stack (&lt;stack&gt;.json) to compare each tenant with.</param>
/// <param name="ReadSaved">How a saved plan (or state) file is read: the CLI's reader, with its one-line errors.</param>
/// <param name="FindRemoved">With --against over the project's whole stacks/ folder: saved plans with no stack are tenants removed.</param>
/// <param name="PagesDir">Where each tenant's plan page is written (plan-&lt;stack&gt;.html), for the fleet page to link to.</param>
/// <param name="PlansDir">Where each tenant's plan is written as `plan --json` writes it (&lt;stack&gt;.json): the next --against's folder.</param>
public sealed record FleetOptions(
    int Parallelism,
    PriceList? Prices = null,
    string? AgainstDir = null,
    Func<string, StateSnapshot>? ReadSaved = null,
    bool FindRemoved = false,
    string? PagesDir = null,
    string? PlansDir = null);

/// <summary>Every tenant of a fleet, in the order their stacks were given, and the tenants removed since the saved plans.</summary>
public sealed record FleetReport(ImmutableArray<Tenant> Tenants, ImmutableArray<RemovedTenant> Removed, FleetOptions Options)
{
    /// <summary>`check`'s exit codes over the fleet: the worst stack's (3 a bug, 2 invalid input, 1 a mandatory violation, 0 all pass).</summary>
    public int ExitCode => Tenants.Select(t => t.ExitCode).DefaultIfEmpty(0).Max();
}

/// <summary>
/// Checks and plans many stacks in one process: each stack file loaded into its spec, planned offline
/// by the planner, checked by the policy engine, its bill of materials read from the plan, and with
/// --against compared by the diff with its saved plan, exactly as `plan`, `check` and `diff` do for one.
/// Stacks are planned in parallel, a few at a time: the planner runs each stack under mocks in a
/// deployment of its own (Pulumi's Deployment.Instance is an AsyncLocal, pulumi/pulumi#6139; the
/// offline SDK's engine too), so concurrent plans share no deployment state. A tenant keeps only what
/// the report shows, never its plan, so memory grows with the number of stacks, not with their product
/// with resources.
/// </summary>
public static class FleetRunner
{
    public const string PagePrefix = "plan-";

    /// <summary>The file a tenant's plan page is written to, beside the fleet page.</summary>
    public static string PageName(string stack) => $"{PagePrefix}{stack}.html";

    /// <summary>The file a tenant's saved plan is in: DIR/&lt;stack&gt;.json.</summary>
    public static string SavedPlanName(string stack) => $"{stack}.json";

    public static async Task<FleetReport> RunAsync(IReadOnlyList<string> stackFiles, FleetOptions options)
    {
        var names = stackFiles.Select(f => (File: f, Stack: StackFile.StackNameOf(f))).ToList();
        var twice = names.GroupBy(n => n.Stack, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new StackFileException(DiagnosticCatalogue.StackFileInvalid, $"two stack files of stack \"{twice.Key}\": {string.Join(" and ", twice.Select(n => n.File))}; allowed: each stack once in a fleet");

        var tenants = new Tenant[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) },
            async (i, _) => tenants[i] = await TenantAsync(names[i].Stack, names[i].File, options));

        var removed = ImmutableArray<RemovedTenant>.Empty;
        if (options is { AgainstDir: { } dir, FindRemoved: true, ReadSaved: { } read })
        {
            var present = names.Select(n => n.Stack).ToHashSet(StringComparer.Ordinal);
            removed = Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (File: f, Stack: Path.GetFileNameWithoutExtension(f)))
                .Where(s => !present.Contains(s.Stack))
                .Select(s =>
                {
                    var live = read(s.File).ToPlan().Resources;
                    return new RemovedTenant(s.Stack, s.File, live.Length, BillOfMaterials.Of(live));
                })
                .ToImmutableArray();
        }
        return new FleetReport(tenants.ToImmutableArray(), removed, options);
    }

    private static async Task<Tenant> TenantAsync(string stack, string file, FleetOptions options)
    {
        StackPlan plan;
        try
        {
            var stackFile = StackFile.Load(file);
            var spec = SpecLoader.Load(stackFile.ToRaw(), PolicyEngine.PolicyNames);
            plan = await Planner.PlanAsync(spec, stackFile.StackName);
        }
        catch (SpecException e)
        {
            return Tenant.Refused(stack, file, TenantStatus.Invalid, $"refused as invalid config ({e.Errors.Count} error{(e.Errors.Count == 1 ? "" : "s")}): {string.Join("; ", e.Errors.Select(error => $"{error.Code.Code}: {error.Message}"))}");
        }
        catch (StackFileException e)
        {
            return Tenant.Refused(stack, file, TenantStatus.Invalid, $"{e.Code.Code}: {e.Message}");
        }
        catch (Exception e)
        {
            return Tenant.Refused(stack, file, TenantStatus.InternalError, $"{DiagnosticCatalogue.InternalError.Code}: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }

        var report = PolicyEngine.Check(plan);
        var bill = BillOfMaterials.Of(plan.Resources);
        var estimate = options.Prices is { } prices ? Estimate.Of(bill, prices) : null;

        TenantChange? change = null;
        ImmutableArray<DiffStep> steps = default;
        if (options is { AgainstDir: { } dir, ReadSaved: { } read })
        {
            var saved = Path.Combine(dir, SavedPlanName(stack));
            if (!File.Exists(saved))
            {
                // A tenant new since the saved plans: every resource is created.
                steps = PlanDiff.Compare(new StateSnapshot("no saved plan", plan.Project, plan.Stack, ImmutableArray<StateResource>.Empty, ImmutableArray<string>.Empty), plan);
                change = TenantChange.Of(null, steps, ImmutableArray<string>.Empty);
            }
            else
            {
                try
                {
                    var old = read(saved);
                    var warnings = old.Warnings.ToList();
                    if (old.Resources.Length > 0 && (old.Project != plan.Project || old.Stack != plan.Stack))
                        warnings.Add($"{saved} holds stack {old.Stack} of project {old.Project}, not stack {plan.Stack} of project {plan.Project}: its resources have other URNs");
                    steps = PlanDiff.Compare(old, plan);
                    change = TenantChange.Of(saved, steps, warnings.ToImmutableArray());
                }
                catch (StackFileException e)
                {
                    change = TenantChange.Failed(saved, $"{e.Code.Code}: {e.Message}");
                }
            }
        }

        string? page = null;
        if (options.PagesDir is { } pages)
        {
            page = PageName(stack);
            var model = change is { Error: null } && !steps.IsDefault ? PlanPageModel.Of(plan, report, steps) : PlanPageModel.Of(plan, report);
            await File.WriteAllTextAsync(Path.Combine(pages, page), PlanPageWriter.Html(model));
        }
        if (options.PlansDir is { } plans)
            await File.WriteAllTextAsync(Path.Combine(plans, SavedPlanName(stack)), PlanFile.Json(plan, estimate) + "\n");

        return new Tenant(stack, file, TenantStatus.Checked, null, plan.Settings, plan.Resources.Length, bill, report, estimate, change, page);
    }
}
