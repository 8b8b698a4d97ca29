using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Facts;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-region: the stack lives where its billing mode is offered, and everything of it in that region.</summary>
public static class RegionPack
{
    public static readonly PolicyPack Pack = new("blink-region", "1.0.0", ImmutableArray.Create<Policy>(
        new StackPolicy("region-allowed-for-billing", "The stack's region is offered for its billing mode.", EnforcementLevel.Mandatory, input =>
        {
            var settings = input.Settings;
            var billing = settings.Billing == "subscription" ? BillingMode.Subscription : BillingMode.PayAsYouGo;
            if (settings.Region is { } region && !AlibabaCloud.RegionsFor(billing).Contains(region))
            {
                return new[] { ((PlannedResource?)null, $"region {region} is not offered for {settings.Billing} billing; allowed: {string.Join(", ", AlibabaCloud.RegionsFor(billing))}") };
            }
            return Enumerable.Empty<(PlannedResource?, string)>();
        }),

        new ResourcePolicy("zones-in-region", "Every vSwitch, machine and ENI zone belongs to the stack's region.", EnforcementLevel.Mandatory,
            ImmutableArray.Create("alicloud:vpc/switch:Switch", "alicloud:ecs/instance:Instance"), (resource, input) =>
            {
                var zone = resource.Text("zoneId") ?? resource.Text("availabilityZone");
                var region = input.Settings.Region;
                return zone is null || region is null || AlibabaCloud.ZonesOf(region).Contains(zone)
                    ? Enumerable.Empty<string>()
                    : new[] { $"zone {zone} is not a zone of the stack's region {region}; allowed: {string.Join(", ", AlibabaCloud.ZonesOf(region))}" };
            }),

        new ResourcePolicy("resources-in-stack-region", "Every AliCloud provider, and so every regional resource, is in the stack's region.", EnforcementLevel.Mandatory,
            ImmutableArray.Create("pulumi:providers:alicloud"), (resource, input) =>
            {
                var region = resource.Text("region");
                return region == input.Settings.Region
                    ? Enumerable.Empty<string>()
                    : new[] { $"provider region {region ?? "(none: alicloud:region decides)"} is not the stack's region {input.Settings.Region}; allowed: {input.Settings.Region}" };
            })));
}
