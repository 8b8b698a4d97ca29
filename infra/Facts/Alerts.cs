using System.Collections.Immutable;

namespace BlinkInfra.Facts;

/// <summary>A default alert: its name, PromQL expression, how long it must hold (minutes) and the message it sends.</summary>
public sealed record AlertRule(string Name, string Expression, int DurationMinutes, string Message);

/// <summary>
/// The default alerts every cluster with the managed Prometheus gets, on the metrics Flink's Prometheus reporter
/// exports (its names: flink_&lt;scope&gt;_&lt;metric&gt;, scope jobmanager_job for a job's uptime, numRestarts and
/// numberOfFailedCheckpoints, taskmanager_job_task for backPressuredTimeMsPerSecond; Flink 1.20's metrics
/// documentation, read 2026-11-27), each over the engine's namespace. The rule's duration is a bare number of minutes,
/// 1 to 1440: ARMS's API models (alibabacloud SDKs, PrometheusAlertRule Duration: "Valid values: 1 to 1440. Unit:
/// minutes") and terraform-provider-alicloud website/docs/r/arms_prometheus_alert_rule.html.markdown (`duration`, a
/// string in Pulumi.AliCloud 3.105.0, ForceNew; its example `duration = 1`), read 2026-11-27.
/// </summary>
public static class Alerts
{
    /// <summary>ARMS's bounds on a rule's duration, in minutes.</summary>
    public const int MinDurationMinutes = 1;
    public const int MaxDurationMinutes = 1440;

    public static ImmutableArray<AlertRule> For(string flinkNamespace)
    {
        var scope = $"{{namespace=\"{flinkNamespace}\"}}";
        return ImmutableArray.Create(
            new AlertRule("flink-job-down", $"max by (job_name) (flink_jobmanager_job_uptime{scope}) <= 0", 2,
                "A Flink job in namespace " + flinkNamespace + " is not running (uptime 0): failing, restarting or suspended"),
            new AlertRule("flink-job-restarts", $"increase(flink_jobmanager_job_numRestarts{scope}[10m]) > 0", 1,
                "A Flink job in namespace " + flinkNamespace + " restarted in the last 10 minutes"),
            new AlertRule("flink-checkpoint-failures", $"increase(flink_jobmanager_job_numberOfFailedCheckpoints{scope}[10m]) > 0", 1,
                "A Flink job in namespace " + flinkNamespace + " failed a checkpoint in the last 10 minutes"),
            new AlertRule("flink-backpressure", $"max by (job_name) (flink_taskmanager_job_task_backPressuredTimeMsPerSecond{scope}) > 500", 10,
                "A Flink job in namespace " + flinkNamespace + " has been back-pressured more than half the time for 10 minutes"));
    }
}

/// <summary>
/// Who the alerts reach: ARMS alert contacts, one contact group per stack and a notification (dispatch) policy that
/// sends the stack's alert rules to it. Sources, read 2026-12-05: terraform-provider-alicloud v1.285.0
/// website/docs/r/arms_alert_contact.html.markdown (`email`, `phone_num`, `ding_robot_webhook_url`: at least one of
/// them; `system_noc`), arms_alert_contact_group.html.markdown (`alert_contact_group_name` required, `contact_ids`),
/// arms_dispatch_rule.html.markdown (`dispatch_rule_name`, `group_rules`, `label_match_expression_grid` and
/// `notify_rules` required; `dispatch_type` CREATE_ALERT or DISCARD_ALERT; `is_recover`; a notify rule's
/// `notify_channels` among dingTalk, sms, webhook, email and wechat, `notify_objects` of type ARMS_CONTACT,
/// ARMS_CONTACT_GROUP or ARMS_ROBOT, `notify_start_time` and `notify_end_time` required since v1.237.0; a label
/// match on `_aliyun_arms_alert_name` with operator eq or re; `repeat_interval` at least 61, default 600),
/// arms_prometheus_alert_rule.html.markdown (`notify_type` DISPATCH_RULE with `dispatch_rule_id`, neither ForceNew);
/// ROS ALIYUN::ARMS::AlertContact (the DingTalk robot's security keyword must be "alert"). None of the three is
/// ForceNew (infra/Facts/alicloud-replacement-inputs.json). Cost: ARMS bills SMS and phone notifications by the
/// message; email and DingTalk cost nothing.
/// </summary>
public static class AlertNotifications
{
    /// <summary>How a contact is reached (`observability.alerting.contacts[].via`) and the ARMS channel each is.</summary>
    public static readonly ImmutableSortedDictionary<string, string> ChannelOf = ImmutableSortedDictionary.CreateRange(new[]
    {
        System.Collections.Generic.KeyValuePair.Create("dingTalk", "dingTalk"),
        System.Collections.Generic.KeyValuePair.Create("email", "email"),
        System.Collections.Generic.KeyValuePair.Create("sms", "sms"),
    });

    /// <summary>The detail of `blink-infra:alertContacts` each way of reaching a contact needs.</summary>
    public static readonly ImmutableSortedDictionary<string, string> DetailOf = ImmutableSortedDictionary.CreateRange(new[]
    {
        System.Collections.Generic.KeyValuePair.Create("dingTalk", "dingTalkWebhook"),
        System.Collections.Generic.KeyValuePair.Create("email", "email"),
        System.Collections.Generic.KeyValuePair.Create("sms", "phone"),
    });

    /// <summary>At most this many contacts a stack names: a bound, not ARMS's (it states none).</summary>
    public const int MaxContacts = 50;

    /// <summary>The notify object type of a contact group.</summary>
    public const string ContactGroupType = "ARMS_CONTACT_GROUP";

    /// <summary>The alert rules' notify type once a dispatch rule routes them; ALERT_MANAGER without one.</summary>
    public const string DispatchRuleNotifyType = "DISPATCH_RULE";
    public const string AlertManagerNotifyType = "ALERT_MANAGER";

    public const string CreateAlert = "CREATE_ALERT";

    /// <summary>The label the dispatch rule matches the stack's alert rules by, and its regular-expression operator.</summary>
    public const string AlertNameLabel = "_aliyun_arms_alert_name";
    public const string MatchesRegex = "re";

    /// <summary>
    /// Grouping: alerts of one name within the wait and the interval go out as one notification, repeated every
    /// 10 minutes while they fire (the provider's example waits 5 and groups 15 seconds; the default repeat is 600).
    /// </summary>
    public const int GroupWaitSeconds = 5;
    public const int GroupIntervalSeconds = 15;
    public const int RepeatIntervalSeconds = 600;
    public static readonly ImmutableArray<string> GroupingFields = ImmutableArray.Create("alertname");

    /// <summary>Notified around the clock: a Flink job is down at night too.</summary>
    public const string NotifyStartTime = "00:00";
    public const string NotifyEndTime = "23:59";

    /// <summary>A DingTalk custom robot's webhook: its access token is a credential.</summary>
    public const string DingTalkWebhookPattern = @"^https://oapi\.dingtalk\.com/robot/send\?access_token=[A-Za-z0-9]{16,128}$";

    /// <summary>An email address as ARMS takes one: a local part, '@', a domain with a dot; at most 254 characters (RFC 5321).</summary>
    public const string EmailPattern = @"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63}$";
    public const int MaxEmailLength = 254;

    /// <summary>A mobile number: digits, optionally a leading '+' and country code, 6 to 15 digits (ITU-T E.164).</summary>
    public const string PhonePattern = @"^\+?[0-9]{6,15}$";
}
