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
        ResourcesInStackRegion(),
        AckOfferingsUnconfirmed()));

    /// <summary>region-allowed-for-billing: The stack's region is offered for its billing mode.</summary>
    public static StackPolicy RegionAllowedForBilling(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.RegionAllowedForBilling, level, input =>
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
    public static StackPolicy ZonesInRegion(EnforcementLevel level = EnforcementLevel.Mandatory)
        => StackPolicy.OnEach(DiagnosticCatalogue.ZonesInRegion, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Vpc.Switch), (resource, input) =>
            {
                var zone = resource.Text("zoneId");
                var region = input.Settings.Region;
                return zone is null || region is null || AlibabaCloud.ZonesOf(region).Contains(zone)
                    ? Enumerable.Empty<string>()
                    : new[] { $"zone {zone} is not a zone of the stack's region {region}; allowed: {string.Join(", ", AlibabaCloud.ZonesOf(region))}" };
            });

    /// <summary>resources-in-stack-region: Every AliCloud provider, and so every regional resource, is in the stack's region.</summary>
    public static StackPolicy ResourcesInStackRegion(EnforcementLevel level = EnforcementLevel.Mandatory)
        => StackPolicy.OnEach(DiagnosticCatalogue.ResourcesInStackRegion, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Provider), (resource, input) =>
            {
                var region = resource.Text("region");
                return region == input.Settings.Region
                    ? Enumerable.Empty<string>()
                    : new[] { $"provider region {region ?? "(none: alicloud:region decides)"} is not the stack's region {input.Settings.Region}; allowed: {input.Settings.Region}" };
            });

    /// <summary>ack-offerings-unconfirmed: What the stack pins that ACK must still offer (the Kubernetes version, a GPU driver) was confirmed by a source.</summary>
    // infra/Facts/AckOfferings.cs: what could not be confirmed offline, with the date read, and how to settle it.
    public static StackPolicy AckOfferingsUnconfirmed(EnforcementLevel level = EnforcementLevel.Advisory)
        => StackPolicy.OnEach(DiagnosticCatalogue.AckOfferingsUnconfirmed, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.ManagedKubernetes, TypeTokens.AliCloud.CS.NodePool), (resource, input) =>
            {
                if (resource.Type == TypeTokens.AliCloud.CS.ManagedKubernetes)
                {
                    var version = resource.Text("version");
                    if (version is null || AckOfferings.VersionsConfirmedCreatable.Contains(version))
                        return System.Array.Empty<string>();
                    return new[] { $"Kubernetes {version} is not confirmed as one ACK still creates (none of the sources read on {AckOfferings.ReadOn} lists CreateCluster's patch versions); allowed: a version `aliyun cs GET /api/v1/metadata/versions --Region {input.Settings.Region ?? "<region>"} --ClusterType ManagedKubernetes` lists, in blink-infra:compute.kubernetes.version" };
                }
                var driver = resource.Objects("labels").FirstOrDefault(l => l.Field("key") == ClusterDefaults.NvidiaDriverLabel)?.Field("value");
                if (driver is null)
                    return System.Array.Empty<string>();
                var cluster = input.OfType(TypeTokens.AliCloud.CS.ManagedKubernetes).Select(c => c.Text("version")).FirstOrDefault();
                var minor = AckOfferings.MinorOf(cluster);
                if (minor is not null && AckOfferings.DriversConfirmed.TryGetValue(minor, out var drivers) && drivers.Contains(driver))
                    return System.Array.Empty<string>();
                return new[] { $"NVIDIA driver {driver} is not confirmed for Kubernetes {cluster ?? "(ACK's latest)"} (ACK's driver list, read {AckOfferings.ReadOn}, names none for it), and ACK installs its default driver in place of one it does not list; allowed: a driver the ACK console lists for the version, or none, in blink-infra:compute.workerPools[i].gpuDriverVersion" };
            });
}
