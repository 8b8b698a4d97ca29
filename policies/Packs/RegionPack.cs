using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-region: the stack lives where its billing mode is offered, and everything of it in that region.</summary>
public static class RegionPack
{
    public const string Name = "blink-region";

    /// <summary>The pack's policies, each at its default level.</summary>
    public static PolicyPack Create() => new(Name, "1.0.0", ImmutableArray.Create<Policy>(
        RegionAllowedForBilling(),
        ZonesInRegion(),
        ResourcesInStackRegion()));

    /// <summary>region-allowed-for-billing: The stack's region is offered for its billing mode.</summary>
    public static StackPolicy RegionAllowedForBilling(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("region-allowed-for-billing", "The stack's region is offered for its billing mode.", level, input =>
        {
            var settings = input.Settings;
            // A live stack without node pools does not show its billing mode: nothing to decide.
            if (SpecDefaults.ParseBilling(settings.Billing ?? "") is { } billing && settings.Region is { } region && !AlibabaCloud.RegionsFor(billing).Contains(region))
            {
                return new[] { ((PlannedResource?)null, $"region {region} is not offered for {settings.Billing} billing; allowed: {string.Join(", ", AlibabaCloud.RegionsFor(billing))}") };
            }
            return Enumerable.Empty<(PlannedResource?, string)>();
        });

    /// <summary>zones-in-region: Every vSwitch zone, and so every machine's (node pools place machines in vSwitches), belongs to the stack's region.</summary>
    public static ResourcePolicy ZonesInRegion(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("zones-in-region", "Every vSwitch zone, and so every machine's, belongs to the stack's region.", level,
            ImmutableArray.Create(TypeTokens.AliCloud.Vpc.Switch), (resource, input) =>
            {
                var zone = resource.Text("zoneId");
                var region = input.Settings.Region;
                return zone is null || region is null || AlibabaCloud.ZonesOf(region).Contains(zone)
                    ? Enumerable.Empty<string>()
                    : new[] { $"zone {zone} is not a zone of the stack's region {region}; allowed: {string.Join(", ", AlibabaCloud.ZonesOf(region))}" };
            });

    /// <summary>resources-in-stack-region: Every AliCloud provider, and so every regional resource, is in the stack's region.</summary>
    public static ResourcePolicy ResourcesInStackRegion(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("resources-in-stack-region", "Every AliCloud provider, and so every regional resource, is in the stack's region.", level,
            ImmutableArray.Create(TypeTokens.AliCloud.Provider), (resource, input) =>
            {
                var region = resource.Text("region");
                return region == input.Settings.Region
                    ? Enumerable.Empty<string>()
                    : new[] { $"provider region {region ?? "(none: alicloud:region decides)"} is not the stack's region {input.Settings.Region}; allowed: {input.Settings.Region}" };
            });
}
