using System;

namespace BlinkInfra.Config;

/// <summary>
/// What a config key allows and defaults to, written once beside the property that binds it: docs/config.md is
/// generated from these by reflection over <see cref="StackConfig"/> (tests/Docs/DocsTests.cs), so the reference
/// cannot drift from the schema. A property left without one is a child its parent's text describes.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ConfigDocAttribute(string allowed) : Attribute
{
    /// <summary>What the key allows and means, in the reference's words (Markdown).</summary>
    public string Allowed { get; } = allowed;

    /// <summary>The default, or "(required)", as the reference says it (Markdown).</summary>
    public string Default { get; init; } = "none";
}
