using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Plan;

namespace BlinkInfra.State;

/// <summary>
/// A stack's state read from any form Pulumi writes it in: what the file is (<see cref="Form"/>), the
/// project and stack its resources belong to, every resource with its engine flags, and warnings about
/// what the state says (pending operations of an interrupted update, features this reader does not know).
/// </summary>
public sealed record StateSnapshot(
    string Form,
    string Project,
    string Stack,
    ImmutableArray<StateResource> Resources,
    ImmutableArray<string> Warnings)
{
    /// <summary>The live resources the program owns, as a plan: what `check --state` audits.</summary>
    public StackPlan ToPlan()
        => new(Project, Stack, "state", null, Resources.Where(r => r.Live).Select(r => r.Resource).ToImmutableArray(), ImmutableArray<PlannedInvoke>.Empty);
}
