using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:observability.alerting`: who the alert rules reach. Each contact's name and how it is reached are
/// config; its email, phone number and DingTalk webhook are personal data (a webhook's token a credential) and live
/// in the secret `blink-infra:alertContacts`, keyed by the contact's name.
/// </summary>
public sealed class AlertingConfig
{
    [ConfigDoc("who the alert rules reach, each `{name, via}`: `name` 1 to 32 lower-case letters, digits and `-`, starting with a letter (a role such as `oncall-primary`, not a person: it is no secret, and names the ARMS contact `<cluster>-<name>`); `via` one or more of `email`, `sms`, `dingTalk` (a DingTalk custom robot, whose security keyword must be `alert`), each once; at most 50 contacts; refused with `metrics.alerts: false`. Each becomes an ARMS alert contact (`alicloud:arms/alertContact`), all of them one contact group `<cluster>-oncall` (`alertContactGroup`), and a notification policy `<cluster>-alerts` (`dispatchRule`) sends the four rules, matched by their names, to that group on every way some contact is reached, around the clock (00:00-23:59), grouped by alert name (5 s wait, 15 s interval), repeated every 10 minutes while firing, and again when resolved (`infra/Facts/Alerts.cs`, from the provider's docs). Their details go in the secret `blink-infra:alertContacts` ([config-guide.md](config-guide.md#blink-infraobservability)). **Cost:** ARMS bills SMS by the message; email and DingTalk cost nothing")]
    public List<AlertContactConfig> Contacts { get; set; } = new();
}

/// <summary>One alert contact: a name (a role such as oncall-primary rather than a person's) and the ways it is reached.</summary>
public sealed class AlertContactConfig
{
    public string? Name { get; set; }
    public List<string> Via { get; set; } = new();
}
