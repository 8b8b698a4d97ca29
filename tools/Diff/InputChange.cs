using System.Text.Json.Nodes;

namespace BlinkInfra.Diff;

/// <summary>One input that differs: old and new (masked when secret), and whether it forces replacement.</summary>
public sealed record InputChange(string Key, JsonNode? Old, JsonNode? New, bool ForcesReplacement, bool KnownAfterApply);
