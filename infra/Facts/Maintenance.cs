using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>ACK's maintenance window, auto-upgrade channels and node pool management.</summary>
public static class Maintenance
{
    // Source: ACK API, struct maintenance_window (read 2026-11-27) and terraform-provider-alicloud v1.285.0,
    // alicloud_cs_managed_kubernetes maintenance_window: enable, maintenance_time ("Initial maintenance time, RFC3339
    // format", such as "2024-10-15T12:31:00.000+08:00"; the provider's own acceptance tests also pass the older
    // "03:00:00Z"), duration ("3h": 1 to 24 hours), weekly_period (days, comma-separated, Monday to Sunday).
    public static readonly ImmutableArray<string> Days = ImmutableArray.Create("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    public const int MinDurationHours = 1;
    public const int MaxDurationHours = 24;

    /// <summary>Sunday 03:00 in China (UTC+8), the quietest hours of the regions BlinkInfra serves (2026-01-04 was a Sunday).</summary>
    public const string DefaultDays = "Sunday";
    public const string DefaultStartTime = "2026-01-04T03:00:00.000+08:00";
    public const int DefaultDurationHours = 3;
    /// <summary>
    /// What a start time may be written as: RFC3339 as the provider documents it (a date that exists, a time, an
    /// offset), or a time of day as a person writes it (23:00, 23:00:00, with or without an offset such as Z or
    /// +08:00). A time of day keeps a full time with an offset as given (the provider's tests pass 03:00:00Z);
    /// anything it lacks is completed: seconds :00, the region's offset (<see cref="RegionTimeZones"/>), on
    /// <see cref="ReferenceDate"/>, as RFC3339.
    /// </summary>
    public const string DateTimePattern = @"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ](?<time>[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})?\z";
    public const string TimeOfDayPattern = @"^(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(:(?<second>[0-9]{2}))?(?<offset>[Zz]|[+-][0-9]{2}:?[0-9]{2})?\z";

    /// <summary>The date a time of day is completed with: a Sunday, as the default window's.</summary>
    public const string ReferenceDate = "2026-01-04";

    // Source: the IANA time zone database (tzdata 2025b: Asia/Shanghai, Asia/Hong_Kong and Asia/Singapore are UTC+08:00
    // all year, no daylight saving) and Alibaba Cloud's "Regions and zones" (cn-hangzhou, cn-beijing, cn-shanghai,
    // cn-shenzhen and cn-zhangjiakou in mainland China, cn-hongkong in Hong Kong, ap-southeast-1 in Singapore), read
    // 2026-12-05. Every region a stack may name keeps UTC+08:00.
    public static readonly ImmutableDictionary<string, (string Offset, string Name)> RegionTimeZones = new (string Region, string Offset, string Name)[]
    {
        ("cn-hangzhou", "+08:00", "China Standard Time"),
        ("cn-beijing", "+08:00", "China Standard Time"),
        ("cn-shanghai", "+08:00", "China Standard Time"),
        ("cn-shenzhen", "+08:00", "China Standard Time"),
        ("cn-zhangjiakou", "+08:00", "China Standard Time"),
        ("cn-hongkong", "+08:00", "Hong Kong Time"),
        ("ap-southeast-1", "+08:00", "Singapore Time"),
    }.ToImmutableDictionary(z => z.Region, z => (z.Offset, z.Name));

    /// <summary>The time zone a time of day without an offset is read in: the region's, or China's when the region is not known.</summary>
    public static (string Offset, string Name) TimeZoneOf(string? region)
        => region is not null && RegionTimeZones.TryGetValue(region, out var zone) ? zone : ("+08:00", "China Standard Time");

    // Source: terraform-provider-alicloud v1.285.0, alicloud_cs_managed_kubernetes operation_policy.cluster_auto_upgrade
    // (enabled, channel: patch, stable or rapid); ACK, "Automatically upgrade a cluster": the upgrade runs in the
    // maintenance window, and the node pools follow only where their management auto_upgrade is on. The provider's
    // documentation of operation_policy: with auto-upgrade on, "the `version` field may show diffs if set in config,
    // please remove the field or ignore it".
    public static readonly ImmutableArray<string> Channels = ImmutableArray.Create("patch", "stable", "rapid");
    public const string DefaultChannel = "patch";

    // Source: terraform-provider-alicloud v1.285.0, alicloud_cs_kubernetes_node_pool `management` (enable, auto_repair
    // with auto_repair_policy.restart_node, auto_upgrade with auto_upgrade_policy.auto_upgrade_kubelet,
    // max_unavailable: nodes handled at a time, at least 1); ACK, "Enable auto repair for nodes": a repair may
    // restart or replace a node, and drains it first.
    public const int DefaultMaxUnavailable = 1;
    public const int MaxMaxUnavailable = 1000;
}
