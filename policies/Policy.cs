using System.Collections.Generic;
using BlinkInfra.Config;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies;

/// <summary>
/// A policy: its entry in the diagnostics catalogue (its code, name and what it checks, written there once),
/// and its enforcement level (the stack's override, where it gives one, replaces it). Each is made by a small
/// factory of its pack that takes the level.
/// </summary>
public abstract record Policy(DiagnosticEntry Entry, EnforcementLevel Level)
{
    public string Name => Entry.Name;

    /// <summary>What the policy checks, in a sentence: the catalogue entry's title.</summary>
    public string Description => Entry.Title;

    /// <summary>Whether one resource decides it (<see cref="ResourcePolicy"/>) or the stack does (<see cref="StackPolicy"/>).</summary>
    public abstract PolicyKind Kind { get; }

    /// <summary>Messages for what violates the policy, each with the resource it is about (none for the stack).</summary>
    public abstract IEnumerable<(PlannedResource? Resource, string Message)> Check(PolicyInput input);
}

/// <summary>What a policy needs to decide: one resource (CrossGuard's validateResource), or the whole stack (validateStack).</summary>
public enum PolicyKind
{
    Resource,
    Stack,
}

public static class PolicyKinds
{
    /// <summary>The kind as the CrossGuard manifest and `policies --json` name it.</summary>
    public static string Name(PolicyKind kind) => kind == PolicyKind.Resource ? "resource" : "stack";
}
