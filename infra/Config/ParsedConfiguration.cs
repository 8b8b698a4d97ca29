using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace BlinkInfra.Config;

/// <summary>
/// A Microsoft.Extensions.Configuration source of sections already parsed (<see cref="ConfigDocuments"/>): their
/// values are laid out as the library's JSON provider lays out a file's (a path per value, ':' between keys, a
/// list's items by index; a JSON null a null value, an empty object a null value, an empty list an empty value),
/// without reading any text again. Model tests hold this layout to the JSON provider's on generated documents.
/// </summary>
public sealed class ParsedConfiguration(IReadOnlyList<(string Section, JsonElement Value)> sections) : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var (section, value) in sections)
            Lay(data, section, value);
        Data = data;
    }

    private static void Lay(Dictionary<string, string?> data, string path, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var anyProperty = false;
                foreach (var property in element.EnumerateObject())
                {
                    anyProperty = true;
                    Lay(data, ConfigurationPath.Combine(path, property.Name), property.Value);
                }
                if (!anyProperty)
                    data[path] = null;
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    Lay(data, ConfigurationPath.Combine(path, (index++).ToString(CultureInfo.InvariantCulture)), item);
                if (index == 0)
                    data[path] = "";
                break;
            case JsonValueKind.Null:
                data[path] = null;
                break;
            default:
                // A string as its text, a number as written, true and false as "True" and "False" (JsonElement's text).
                data[path] = element.ToString();
                break;
        }
    }
}
