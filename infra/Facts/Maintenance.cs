using System.Collections.Immutable;

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
    /// <summary>RFC3339 as the provider documents it, or the short time of day in UTC its tests use.</summary>
    public const string StartTimePattern = @"^([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T)?([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";

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
