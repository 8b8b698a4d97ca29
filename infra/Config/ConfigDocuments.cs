using System.Collections.Immutable;
using System.Text.Json;

namespace BlinkInfra.Config;

/// <summary>
/// The stack's structured values as <see cref="ConfigFrontDoor"/> parsed them, each JSON text once: the sections'
/// configuration is layered from these (<see cref="ParsedConfiguration"/>), and the secret keys' builders
/// (endpointCredentials, alertContacts) read theirs here. A value that is not JSON (a plain value) has no document.
/// </summary>
public sealed class ConfigDocuments(ImmutableSortedDictionary<string, JsonElement> documents)
{
    public static readonly ConfigDocuments None = new(ImmutableSortedDictionary<string, JsonElement>.Empty);

    /// <summary>A key's parsed value (`blink-infra:network`), or null when it was not JSON or not given.</summary>
    public JsonElement? Of(string key) => documents.TryGetValue(key, out var element) ? element : null;
}
