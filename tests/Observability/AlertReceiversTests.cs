using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Who the alerts reach: `observability.alerting.contacts` (names, ways) with the secret `blink-infra:alertContacts`
/// (details), declared as ARMS contacts, a contact group and a dispatch rule the alert rules are routed to; every
/// mistake refused before any resource, a detail never echoed; no receivers an advisory.
/// </summary>
public class AlertReceiversTests
{
    private const string Contacts = """
          blink-infra:observability:
            alerting:
              contacts:
                - {name: oncall-primary, via: [email, sms]}
                - {name: team-room, via: [dingTalk]}
        """;

    private const string Details = """{"oncall-primary":{"email":"oncall@example.com","phone":"+8613800000000"},"team-room":{"dingTalkWebhook":"https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123"}}""";

    private static string Stack(string observability = Contacts) => ObservabilityTests.Stack(observability);

    private static RawStackConfig WithDetails(string details, string observability = Contacts)
        => StackRunner.WithSecret(Stack(observability), "blink-infra:alertContacts", details);

    private static string[] Errors(RawStackConfig raw) => SpecLoader.TryLoad(raw, PolicyEngine.PolicyNames).Errors.Select(e => e.Message).ToArray();

    [Test]
    public async Task Contacts_a_group_and_a_dispatch_rule_receive_every_alert_rule_their_details_kept_secret()
    {
        var mocks = new RecordingMocks();
        await StackRunner.RunAsync(SpecLoader.Load(WithDetails(Details), PolicyEngine.PolicyNames), mocks);

        var primary = mocks.Single("alicloud:arms/alertContact:AlertContact", "blink-t-alert-contact-oncall-primary").Inputs;
        Assert.That(primary["alertContactName"], Is.EqualTo("blink-t-oncall-primary"));
        Assert.That((primary["email"], primary["phoneNum"], primary["systemNoc"]), Is.EqualTo(("oncall@example.com", "+8613800000000", false)));
        Assert.That(primary.ContainsKey("dingRobotWebhookUrl"), Is.False, "not reached by DingTalk");
        var room = mocks.Single("alicloud:arms/alertContact:AlertContact", "blink-t-alert-contact-team-room").Inputs;
        Assert.That(room.Keys, Is.EquivalentTo(new[] { "alertContactName", "dingRobotWebhookUrl", "systemNoc" }));

        var group = mocks.Single("alicloud:arms/alertContactGroup:AlertContactGroup", "blink-t-alert-contacts").Inputs;
        Assert.That(group["alertContactGroupName"], Is.EqualTo("blink-t-oncall"));
        Assert.That(group["contactIds"], Is.EqualTo(new[] { "blink-t-alert-contact-oncall-primary-id", "blink-t-alert-contact-team-room-id" }));

        var dispatch = mocks.Single("alicloud:arms/dispatchRule:DispatchRule", "blink-t-alert-dispatch").Inputs;
        Assert.That(JsonValues.ToNode(dispatch)!.ToJsonString(), Is.EqualTo(
            """{"dispatchRuleName":"blink-t-alerts","dispatchType":"CREATE_ALERT","groupRules":[{"groupInterval":15,"groupWaitTime":5,"groupingFields":["alertname"],"repeatInterval":600}],"isRecover":true,"labelMatchExpressionGrids":[{"labelMatchExpressionGroups":[{"labelMatchExpressions":[{"key":"_aliyun_arms_alert_name","operator":"re","value":"^(blink-t-flink-job-down|blink-t-flink-job-restarts|blink-t-flink-checkpoint-failures|blink-t-flink-backpressure)$"}]}]}],"notifyRules":[{"notifyChannels":["dingTalk","email","sms"],"notifyEndTime":"23:59","notifyObjects":[{"name":"blink-t-oncall","notifyObjectId":"blink-t-alert-contacts-id","notifyType":"ARMS_CONTACT_GROUP"}],"notifyStartTime":"00:00"}]}"""));

        foreach (var rule in mocks.OfType("alicloud:arms/prometheusAlertRule:PrometheusAlertRule"))
            Assert.That((rule.Inputs["notifyType"], rule.Inputs["dispatchRuleId"]), Is.EqualTo(("DISPATCH_RULE", "blink-t-alert-dispatch-id")), rule.Name);
    }

    [Test]
    public async Task Planned_offline_the_details_are_secrets_masked_and_the_alert_rules_depend_on_the_dispatch_rule()
    {
        var spec = SpecLoader.Load(WithDetails(Details), PolicyEngine.PolicyNames);
        var plan = await Planner.PlanAsync(spec, "dev");

        var primary = plan.Resources.Single(r => r.Name == "blink-t-alert-contact-oncall-primary");
        Assert.That((primary.Text("email"), primary.Text("phoneNum")), Is.EqualTo((Secrets.Mask, Secrets.Mask)));
        Assert.That(plan.ToJson(), Does.Not.Contain("oncall@example.com").And.Not.Contain("8613800000000").And.Not.Contain("access_token"));
        var rule = plan.Resources.Single(r => r.Name == "blink-t-alert-flink-job-down");
        Assert.That(rule.PropertyDependencies["dispatchRuleId"].Select(d => d.Name), Is.EqualTo(new[] { "blink-t-alert-dispatch" }));
        Assert.That(PolicyEngine.Check(plan).Violations.Where(v => v.Policy == "alerts-have-receivers"), Is.Empty);

        // A stack file whose secret cannot be decrypted here plans each way a contact is reached, masked.
        var file = StackRunner.Stack(Stack() + "\n  blink-infra:alertContacts:\n    secure: v1:abcdef\n");
        var offline = await BlinkCli.PlanStackAsync(file);
        var room = offline.Resources.Single(r => r.Name == "blink-t-alert-contact-team-room");
        Assert.That((room.Text("dingRobotWebhookUrl"), room.Inputs.ContainsKey("email")), Is.EqualTo((Secrets.Mask, false)));
    }

    [Test]
    public async Task Without_receivers_the_rules_stay_on_alert_manager_and_an_advisory_says_they_reach_no_one()
    {
        var plan = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack("")));

        Assert.That(plan.Resources.Where(r => r.Type.StartsWith("alicloud:arms/", System.StringComparison.Ordinal)).Select(r => r.Type).Distinct(),
            Is.EqualTo(new[] { "alicloud:arms/prometheusAlertRule:PrometheusAlertRule" }));
        Assert.That(plan.Resources.Where(r => r.Type == "alicloud:arms/prometheusAlertRule:PrometheusAlertRule").Select(r => r.Text("notifyType")).Distinct(), Is.EqualTo(new[] { "ALERT_MANAGER" }));
        var advisories = PolicyEngine.Check(plan).Violations.Where(v => v.Policy == "alerts-have-receivers").ToList();
        Assert.That(advisories.Select(v => (v.Level, v.ResourceName, v.Message)), Is.EqualTo(new[]
        {
            (EnforcementLevel.Advisory, (string?)null,
                "4 alert rule(s) (blink-t-flink-job-down, blink-t-flink-job-restarts, blink-t-flink-checkpoint-failures, blink-t-flink-backpressure) reach no one: the stack routes them to no notification policy, so only one the account keeps elsewhere could; "
                + "allowed: receivers in blink-infra:observability.alerting.contacts (their details in the secret blink-infra:alertContacts), or blink-infra:observability.metrics.alerts: false"),
        }));

        var off = await BlinkCli.PlanStackAsync(StackRunner.Stack(Stack("  blink-infra:observability:\n    metrics: {alerts: false}\n")));
        Assert.That(PolicyEngine.Check(off).Violations.Where(v => v.Policy == "alerts-have-receivers"), Is.Empty, "no alert rule, nothing to receive");
    }

    private static IEnumerable<TestCaseData> ConfigErrors()
    {
        TestCaseData Case(string name, string observability, params string[] errors) => new TestCaseData(observability, errors).SetName(name);

        yield return Case("an unknown way", "  blink-infra:observability:\n    alerting:\n      contacts:\n        - {name: oncall, via: [pager]}\n",
            "blink-infra:observability.alerting.contacts[0].via = \"[pager]\": allowed: each of dingTalk, email, sms at most once (sms needs the contact's phone, email its address, dingTalk its DingTalk robot's webhook, in blink-infra:alertContacts)");
        yield return Case("no way", "  blink-infra:observability:\n    alerting:\n      contacts:\n        - {name: oncall}\n",
            "blink-infra:observability.alerting.contacts[0].via = \"[]\": how the contact is reached; allowed: one or more of dingTalk, email, sms");
        yield return Case("a bad name", "  blink-infra:observability:\n    alerting:\n      contacts:\n        - {name: Alice Smith, via: [email]}\n",
            "blink-infra:observability.alerting.contacts[0].name = \"Alice Smith\": allowed: 1 to 32 lower-case letters, digits and '-', starting with a letter and not ending with '-' (a role such as oncall-primary: the name is no secret); it keys the contact's details in blink-infra:alertContacts");
        yield return Case("a name twice", "  blink-infra:observability:\n    alerting:\n      contacts:\n        - {name: oncall, via: [email]}\n        - {name: oncall, via: [sms]}\n",
            "blink-infra:observability.alerting.contacts = \"[oncall, oncall]\": a contact's name appears twice; allowed: each name once");
        yield return Case("contacts with alerts off", "  blink-infra:observability:\n    metrics: {alerts: false}\n    alerting:\n      contacts:\n        - {name: oncall, via: [email]}\n",
            "blink-infra:observability.alerting.contacts = \"[oncall]\": contacts receive the alert rules, which metrics.alerts: false (or metrics.enabled: false) leaves out; allowed: no contacts, or alerts on");
        yield return Case("contacts without their details", Contacts,
            "blink-infra:alertContacts is missing; blink-infra:observability.alerting.contacts names 2 contact(s), whose email, phone or DingTalk webhook belong here, as a secret; allowed: pulumi config set --secret blink-infra:alertContacts '{\"<contact>\": {\"email\": \"...\", \"phone\": \"...\", \"dingTalkWebhook\": \"https://oapi.dingtalk.com/robot/send?access_token=...\"}}'");
        yield return Case("details in plain text", Contacts + "\n  blink-infra:alertContacts: '{\"oncall-primary\": {\"email\": \"oncall@example.com\"}}'\n",
            "blink-infra:alertContacts = \"[secret]\": alert contacts' details given in plain text: personal data (and a webhook's token a credential); allowed: a secret, set with pulumi config set --secret blink-infra:alertContacts '{\"<contact>\": {\"email\": \"...\", \"phone\": \"...\", \"dingTalkWebhook\": \"https://oapi.dingtalk.com/robot/send?access_token=...\"}}'");
    }

    [TestCaseSource(nameof(ConfigErrors))]
    public void Bad_alerting_config_is_refused_naming_the_key(string observability, string[] errors)
    {
        var messages = Errors(StackRunner.Stack(Stack(observability)).ToRaw());

        Assert.That(messages, Is.EqualTo(errors));
        Assert.That(string.Join("\n", messages), Does.Not.Contain("oncall@example.com"));
    }

    [Test]
    public void Bad_details_are_refused_without_showing_them()
    {
        Assert.That(Errors(WithDetails("""{"oncall-primary":{"email":"not-an-address","phone":"12"},"team-room":{"dingTalkWebhook":"http://evil.example/hook"},"stranger":{"email":"x@example.com"}}""")), Is.EqualTo(new[]
        {
            "blink-infra:alertContacts = \"[secret]\": \"stranger\" is not a contact of blink-infra:observability.alerting.contacts; allowed: oncall-primary, team-room",
            "blink-infra:alertContacts = \"[secret]\": \"oncall-primary\".email is not an email address of at most 254 characters; allowed: an email address of at most 254 characters",
            "blink-infra:alertContacts = \"[secret]\": \"oncall-primary\".phone is not a mobile number of 6 to 15 digits, optionally after '+' and the country code; allowed: a mobile number of 6 to 15 digits, optionally after '+' and the country code",
            "blink-infra:alertContacts = \"[secret]\": \"team-room\".dingTalkWebhook is not a DingTalk custom robot's webhook, https://oapi.dingtalk.com/robot/send with its access_token parameter (its security keyword \"alert\"); allowed: a DingTalk custom robot's webhook, https://oapi.dingtalk.com/robot/send with its access_token parameter (its security keyword \"alert\")",
        }));
        Assert.That(Errors(WithDetails("""{"oncall-primary":{"email":"oncall@example.com"},"team-room":{"dingTalkWebhook":"https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123","phone":"+8613800000000"}}""")), Is.EqualTo(new[]
        {
            "blink-infra:alertContacts = \"[secret]\": \"oncall-primary\" is reached by sms but has no phone; allowed: a mobile number of 6 to 15 digits, optionally after '+' and the country code",
            "blink-infra:alertContacts = \"[secret]\": \"team-room\".phone is given but blink-infra:observability.alerting.contacts does not reach team-room by sms; allowed: add sms to its via, or leave phone out",
        }));
        Assert.That(Errors(WithDetails("oncall:+86138")), Is.EqualTo(new[]
        {
            "blink-infra:alertContacts = \"[secret]\": not JSON; allowed: '{\"<contact>\": {\"email\": \"...\", \"phone\": \"...\", \"dingTalkWebhook\": \"https://oapi.dingtalk.com/robot/send?access_token=...\"}}'",
        }));
        Assert.That(Errors(WithDetails(Details, "")), Is.EqualTo(new[]
        {
            "blink-infra:alertContacts = \"[secret]\": details of alert contacts, but blink-infra:observability.alerting.contacts names none; allowed: name them there ({name, via}), or remove this key",
        }));
    }

    [Test]
    public void The_spec_never_prints_a_contacts_details()
    {
        var spec = SpecLoader.Load(WithDetails(Details), PolicyEngine.PolicyNames);

        Assert.That(spec.Observability.Receivers!.ToString() + string.Join("", spec.Observability.Receivers.Contacts), Does.Not.Contain("example.com").And.Not.Contain("86138").And.Not.Contain("access_token"));
        Assert.That(spec.Observability.Receivers.Channels, Is.EqualTo(new[] { "dingTalk", "email", "sms" }));
    }
}
