using System.Collections.Immutable;

namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:endpointCredentials`, a secret: "&lt;endpoint&gt;.username" and ".password" entries for
/// endpoints of `dataAccess.endpoints`. Offline the value cannot be decrypted: <see cref="Readable"/>
/// is false and there are no entries. The program keeps the entries a Pulumi secret.
/// </summary>
public sealed record EndpointCredentials(bool Readable, ImmutableSortedDictionary<string, string> Entries)
{
    /// <summary>Never the values, wherever a spec is printed.</summary>
    public override string ToString() => $"EndpointCredentials {{ Readable = {Readable}, Entries = {Secrets.Mask} }}";
}
