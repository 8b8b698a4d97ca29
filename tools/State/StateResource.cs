using System.Text.Json.Nodes;
using BlinkInfra.Plan;

namespace BlinkInfra.State;

/// <summary>
/// One resource of a state as the engine treats it: its URN and id, the resource as a plan would hold
/// it (inputs as declared), its record as Pulumi writes it (secrets masked), and the flags that decide
/// what the next update does with it. Source: pulumi/pulumi sdk/go/common/apitype ResourceV3 and
/// pkg/resource/deploy/step_generator.go.
/// </summary>
/// <param name="Delete">A copy left pending deletion (`delete: true`) by a create-before-delete replacement: the next update deletes it; it is not the live resource.</param>
/// <param name="External">Read, not owned (`external: true`, or a view of another resource, `viewOf`): never deleted by Pulumi, not the program's to check.</param>
/// <param name="PendingReplacement">Deleted by a delete-before-replace that did not finish (`pendingReplacement: true`): the next update creates it again, a replacement.</param>
/// <param name="Taint">Marked with `pulumi state taint` (`taint: true`, a version-4 state): the next update replaces it.</param>
public sealed record StateResource(
    string Urn,
    string? Id,
    PlannedResource Resource,
    JsonObject Record,
    bool Delete,
    bool External,
    bool PendingReplacement,
    bool Taint)
{
    /// <summary>A resource the program owns and that stands in the cloud now, as the engine sees it.</summary>
    public bool Live => !Delete && !External;
}
