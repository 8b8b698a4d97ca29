using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace BlinkInfra.Config;

/// <summary>The project's config namespace and how its keys are spelled in messages.</summary>
public static class ConfigKeys
{
    /// <summary>The Pulumi project name, which is also the config namespace.</summary>
    public const string Namespace = "blink-infra";

    /// <summary>The prefix of environment variables layered over the stack file (BLINK_cluster__region).</summary>
    public const string EnvironmentPrefix = "BLINK_";

    /// <summary>
    /// `blink-infra:endpointCredentials`: a secret (`pulumi config set --secret`), a JSON object of
    /// endpoint name to {username, password}. It is never bound into the spec: it stays a Pulumi
    /// secret from the config to the Kubernetes Secret the engine declares.
    /// </summary>
    public const string EndpointCredentials = "endpointCredentials";

    /// <summary>
    /// `blink-infra:alertContacts`: a secret, a JSON object of alert contact name (`observability.alerting.contacts`)
    /// to {email, phone, dingTalkWebhook}: personal data, and a webhook's token a credential. Never bound.
    /// </summary>
    public const string AlertContacts = "alertContacts";

    /// <summary>The top-level keys BlinkInfra reads: StackConfig's sections, then the secret ones.</summary>
    public static readonly ImmutableArray<string> Sections = typeof(StackConfig).GetProperties()
        .Select(p => Camel(p.Name)).Append(EndpointCredentials).Append(AlertContacts).ToImmutableArray();

    /// <summary>The sections bound into the spec.</summary>
    public static readonly ImmutableArray<string> BoundSections = Sections.Remove(EndpointCredentials).Remove(AlertContacts);

    public static string Section(string section) => $"{Namespace}:{section}";

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>
    /// Turns a C# property path such as "Zones[1].CidrBlock" (FluentValidation's spelling) into
    /// the config path "zones[1].cidrBlock"; bracketed map keys are kept as they are.
    /// </summary>
    public static string PathFromPropertyChain(string propertyChain)
    {
        var result = new StringBuilder(propertyChain.Length);
        var atSegmentStart = true;
        var inBrackets = false;
        foreach (var c in propertyChain)
        {
            if (c == '[') inBrackets = true;
            if (c == ']') inBrackets = false;
            result.Append(atSegmentStart && !inBrackets ? char.ToLowerInvariant(c) : c);
            atSegmentStart = !inBrackets && c == '.';
        }
        return result.ToString();
    }
}
