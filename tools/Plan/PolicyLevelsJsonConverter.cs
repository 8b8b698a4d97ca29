using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkInfra.Config;

namespace BlinkInfra.Plan;

/// <summary>Policy levels in a plan's JSON as the config spells them: policy name to "mandatory", "advisory" or "disabled".</summary>
public sealed class PolicyLevelsJsonConverter : JsonConverter<ImmutableSortedDictionary<string, EnforcementLevel>>
{
    public override ImmutableSortedDictionary<string, EnforcementLevel> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var names = JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) ?? new Dictionary<string, string>();
        return names.ToImmutableSortedDictionary(
            kv => kv.Key,
            kv => EnforcementLevels.Parse(kv.Value) ?? throw new JsonException($"policyLevels[\"{kv.Key}\"] = \"{kv.Value}\": allowed: {EnforcementLevels.Names}"),
            StringComparer.Ordinal);
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, EnforcementLevel> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, level) in value)
            writer.WriteString(name, EnforcementLevels.Name(level));
        writer.WriteEndObject();
    }
}
