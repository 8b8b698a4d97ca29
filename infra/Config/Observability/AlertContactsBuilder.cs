using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// Reads the secret `blink-infra:alertContacts` (each contact's email, phone and DingTalk webhook, by the contact's
/// name) into the contacts of `observability.alerting`, before any resource is declared. The details are personal data
/// and a webhook's token a credential: given only as a secret, as `endpointCredentials` is, and never shown in a
/// message. Offline the secret cannot be decrypted: the contacts are planned from their names and ways alone.
/// </summary>
public static class AlertContactsBuilder
{
    private static readonly Regex Email = new(AlertNotifications.EmailPattern, RegexOptions.CultureInvariant);
    private static readonly Regex Phone = new(AlertNotifications.PhonePattern, RegexOptions.CultureInvariant);
    private static readonly Regex DingTalkWebhook = new(AlertNotifications.DingTalkWebhookPattern, RegexOptions.CultureInvariant);

    private const string Example = "'{\"<contact>\": {\"email\": \"...\", \"phone\": \"...\", \"dingTalkWebhook\": \"https://oapi.dingtalk.com/robot/send?access_token=...\"}}'";

    /// <summary>The receivers of a validated config; null when it names no contact (and gives no details).</summary>
    public static AlertReceiversSpec? Build(AlertingConfig? alerting, SpecContext context)
    {
        var raw = context.Raw;
        var errors = context.Errors;
        var key = ConfigKeys.Section(ConfigKeys.AlertContacts);
        var contactsKey = $"{ConfigKeys.Section("observability")}.alerting.contacts";
        var contacts = alerting?.Contacts ?? new List<AlertContactConfig>();
        var given = raw.SecretKeys.Contains(key) || raw.Values.ContainsKey(key);
        if (contacts.Count == 0)
        {
            if (given)
                errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, key, Secrets.Mask, $"details of alert contacts, but {contactsKey} names none; allowed: name them there ({{name, via}}), or remove this key"));
            return null;
        }
        if (!given)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.MissingRequired, key, null,
                $"{contactsKey} names {contacts.Count} contact(s), whose email, phone or DingTalk webhook belong here, as a secret; allowed: pulumi config set --secret {key} {Example}"));
            return null;
        }
        if (raw.IsUndecrypted(key))
            return new AlertReceiversSpec(contacts.Select(c => new AlertContactSpec(c.Name!, c.Via.ToImmutableArray(), null, null, null)).ToImmutableArray(), Readable: false);
        // Personal data and a credential: a secret, or not at all (plain text would sit in the stack file and the state).
        if (!raw.SecretKeys.Contains(key))
        {
            errors.Add(new SpecError(DiagnosticCatalogue.PlainTextSecret, key, Secrets.Mask, $"alert contacts' details given in plain text: personal data (and a webhook's token a credential); allowed: a secret, set with pulumi config set --secret {key} {Example}"));
            return null;
        }

        if (context.SecretObject(key, Example) is not { } root)
            return null;

        var names = contacts.Select(c => c.Name!).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in root.EnumerateObject().Where(e => !names.Contains(e.Name)))
            errors.Add(new SpecError(DiagnosticCatalogue.UnknownValue, key, Secrets.Mask, $"\"{entry.Name}\" is not a contact of {contactsKey}; allowed: {string.Join(", ", contacts.Select(c => c.Name))}"));

        var built = ImmutableArray.CreateBuilder<AlertContactSpec>();
        foreach (var contact in contacts)
        {
            if (!root.TryGetProperty(contact.Name!, out var details) || details.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new SpecError(DiagnosticCatalogue.MissingRequired, key, Secrets.Mask, $"no details of \"{contact.Name}\"; allowed: {{\"{contact.Name}\": {{{string.Join(", ", contact.Via.Select(v => $"\"{AlertNotifications.DetailOf[v]}\": \"...\""))}}}}}"));
                continue;
            }
            var wanted = contact.Via.Select(v => AlertNotifications.DetailOf[v]).ToHashSet(StringComparer.Ordinal);
            foreach (var field in details.EnumerateObject().Where(f => !wanted.Contains(f.Name)))
            {
                var via = AlertNotifications.DetailOf.Where(d => d.Value == field.Name).Select(d => d.Key).FirstOrDefault();
                errors.Add(new SpecError(DiagnosticCatalogue.UnknownKey, key, Secrets.Mask, via is null
                    ? $"\"{contact.Name}\".{field.Name} is unknown; allowed: {string.Join(", ", AlertNotifications.DetailOf.Values.Distinct())}"
                    : $"\"{contact.Name}\".{field.Name} is given but {contactsKey} does not reach {contact.Name} by {via}; allowed: add {via} to its via, or leave {field.Name} out"));
            }
            string? Detail(string via, Regex shape, int maxLength, string allowed)
            {
                var field = AlertNotifications.DetailOf[via];
                if (!contact.Via.Contains(via))
                    return null;
                if (!details.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new SpecError(DiagnosticCatalogue.MissingRequired, key, Secrets.Mask, $"\"{contact.Name}\" is reached by {via} but has no {field}; allowed: {allowed}"));
                    return null;
                }
                var text = value.GetString()!;
                if (text.Length > maxLength || !shape.IsMatch(text))
                {
                    errors.Add(new SpecError(DiagnosticCatalogue.MalformedValue, key, Secrets.Mask, $"\"{contact.Name}\".{field} is not {allowed}; allowed: {allowed}"));
                    return null;
                }
                return text;
            }
            built.Add(new AlertContactSpec(contact.Name!, contact.Via.ToImmutableArray(),
                Detail("email", Email, AlertNotifications.MaxEmailLength, $"an email address of at most {AlertNotifications.MaxEmailLength} characters"),
                Detail("sms", Phone, 16, "a mobile number of 6 to 15 digits, optionally after '+' and the country code"),
                Detail("dingTalk", DingTalkWebhook, 256, "a DingTalk custom robot's webhook, https://oapi.dingtalk.com/robot/send with its access_token parameter (its security keyword \"alert\")")));
        }
        return new AlertReceiversSpec(built.ToImmutable(), Readable: true);
    }
}
