using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:observability.alerting`: who the alert rules reach. Each contact's name and how it is reached are
/// config; its email, phone number and DingTalk webhook are personal data (a webhook's token a credential) and live
/// in the secret `blink-infra:alertContacts`, keyed by the contact's name.
/// </summary>
public sealed class AlertingConfig
{
    public List<AlertContactConfig> Contacts { get; set; } = new();
}

/// <summary>One alert contact: a name (a role such as oncall-primary rather than a person's) and the ways it is reached.</summary>
public sealed class AlertContactConfig
{
    public string? Name { get; set; }
    public List<string> Via { get; set; } = new();
}
