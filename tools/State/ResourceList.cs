using System.Collections.Immutable;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.State;

/// <summary>
/// A stack's resources as a Pulumi policy pack is handed them (what `check --resources` reads; see
/// <see cref="ResourceListFile"/>): each resource as a plan holds it, the URN each came with, the
/// stack's overrides of policy levels where the sender knows them, and whether secrets are marked.
/// </summary>
public sealed record ResourceList(
    string Project,
    string Stack,
    ImmutableArray<PlannedResource> Resources,
    ImmutableDictionary<ResourceRef, string> Urns,
    ImmutableSortedDictionary<string, EnforcementLevel> PolicyLevels,
    bool SecretsMarked)
{
    /// <summary>The resources as a plan without settings: policies infer them from the resources.</summary>
    public StackPlan ToPlan() => new(Project, Stack, "resources", null, Resources, ImmutableArray<PlannedInvoke>.Empty);
}
