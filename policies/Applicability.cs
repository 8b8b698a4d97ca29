using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Facts;
using BlinkInfra.Plan;
using BlinkInfra.Policies.Packs;

namespace BlinkInfra.Policies;

/// <summary>
/// The policies a stack's resources alone cannot decide, each with the reason: the settings they need
/// are inferred from the resources (<see cref="StackSettings.FromResources"/>), and a stack of any
/// program may not show them; secrets cannot be told from plain text when the sender does not mark them.
/// </summary>
public static class Applicability
{
    public static ImmutableArray<(string Policy, string Reason)> NotApplicable(PolicyInput input, bool secretsMarked)
    {
        var settings = input.Settings;
        var found = ImmutableArray.CreateBuilder<(string, string)>();
        if (settings.Region is null)
        {
            const string reason = "no AliCloud provider shows the stack's region (its region input)";
            found.Add((RegionPack.RegionAllowedForBilling().Name, reason));
            found.Add((RegionPack.ZonesInRegion().Name, reason));
            found.Add((RegionPack.ResourcesInStackRegion().Name, reason));
        }
        else if (settings.Billing is null)
            found.Add((RegionPack.RegionAllowedForBilling().Name, "no node pool shows the stack's billing mode (its instanceChargeType)"));
        if (settings.HighAvailability is null)
        {
            var reason = $"no node pool labelled {NodeRoles.RoleLabel}={NodeRoles.MasterRole} with 1 or 3 nodes shows whether the stack runs in HA mode";
            found.Add((HighAvailabilityPack.ThreeMastersThreeZones().Name, reason));
            found.Add((HighAvailabilityPack.JobmanagerHaOnBucket().Name, reason));
            found.Add((HighAvailabilityPack.HaMetadataReadableThroughRrsa().Name, reason));
        }
        if (!secretsMarked)
            found.Add((DataProtectionPack.NoPlaintextSecrets().Name, "secrets arrive decrypted and unmarked (as a CrossGuard stack validation is handed them), so a secret cannot be told from plain text"));
        return found.ToImmutable();
    }
}
