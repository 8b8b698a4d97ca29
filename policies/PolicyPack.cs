using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>A named, versioned set of policies.</summary>
public sealed record PolicyPack(string Name, string Version, ImmutableArray<Policy> Policies)
{
    public string Id => $"{Name}@{Version}";
}
