using System;
using System.Collections.Immutable;

namespace BlinkInfra.Policies;

/// <summary>A named, versioned set of policies.</summary>
public sealed record PolicyPack(string Name, string Version, ImmutableArray<Policy> Policies)
{
    public string Id => $"{Name}@{Version}";
}
