using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>Whether a zone offers an instance family, as far as <see cref="InstanceAvailability"/> knows.</summary>
public enum ZoneOffer
{
    /// <summary>A dated row lists the zone for the family.</summary>
    Offered,

    /// <summary>A dated row for the family and region leaves the zone out: not offered there when it was read.</summary>
    NotOffered,

    /// <summary>No row for the family and region: nobody here could confirm it either way.</summary>
    Unconfirmed,
}

/// <summary>
/// Where each instance family of the catalogue (<see cref="InstanceCatalog"/>) is offered, zone by zone.
/// Alibaba Cloud ECS: "Within the same region, the availability of instance types varies based on zones"
/// (Resources overview, "Resource locations"; read 2026-12-05). The per-zone lists are published only live:
/// the ECS API DescribeAvailableResource ("queries the inventory status of resources in a specified zone";
/// DestinationResource Zone with an InstanceType lists the zones that supply it, for a billing method,
/// InstanceChargeType, PostPaid by default; help.aliyun.com document 66186, read 2026-12-05) and the
/// console's purchase page (ecs-buy.aliyun.com/instanceTypes, drawn by script). No static
/// page lists them, so on 2026-12-05 none could be read here: every family and region of the catalogue is
/// <see cref="ZoneOffer.Unconfirmed"/> until a row, read from the API with its date, says otherwise.
/// A row records one answer: the region, the family, the zones that supplied its types, the
/// source and the date read. Refresh a row with <see cref="RefreshCommand"/>, once per type of the family,
/// and write the zones it lists.
/// </summary>
public static class InstanceAvailability
{
    /// <summary>When the table was last read (and found to hold no confirmed row).</summary>
    public const string Read = "2026-12-05";

    /// <summary>Why a family and region without a row are not confirmed.</summary>
    public const string WhyUnconfirmed =
        "per-zone availability is published only live (ECS DescribeAvailableResource, the console's purchase page), which could not be read here";

    /// <summary>One dated answer: the zones of <paramref name="Region"/> whose stock offered <paramref name="Family"/>'s types.</summary>
    public sealed record Row(string Region, string Family, ImmutableArray<string> Zones, string Source, string Read);

    /// <summary>A table of rows; lookups by region and family.</summary>
    public sealed record Table(ImmutableArray<Row> Rows)
    {
        public Row? RowOf(string region, string family) => Rows.FirstOrDefault(r => r.Region == region && r.Family == family);

        public ZoneOffer Offer(string region, string family, string zone)
            => RowOf(region, family) is not { } row ? ZoneOffer.Unconfirmed
                : row.Zones.Contains(zone) ? ZoneOffer.Offered : ZoneOffer.NotOffered;
    }

    /// <summary>
    /// The rows confirmed so far: none on 2026-12-05 (see the class's summary). Add one per region and
    /// family read from DescribeAvailableResource, e.g.
    /// <c>new("cn-shanghai", "gn7i", ["cn-shanghai-l", ...], "ECS DescribeAvailableResource, PostPaid", "2027-01-10")</c>.
    /// </summary>
    public static readonly Table Known = new(ImmutableArray<Row>.Empty);

    /// <summary>The command that answers, for one type and billing method (PostPaid or PrePaid), which zones of a region supply it now.</summary>
    public static string RefreshCommand(string region, string instanceType, string chargeType)
        => $"aliyun ecs DescribeAvailableResource --RegionId {region} --DestinationResource Zone --IoOptimized optimized --InstanceChargeType {chargeType} --InstanceType {instanceType}";
}
