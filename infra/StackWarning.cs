using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Pulumi;

namespace BlinkInfra;

/// <summary>
/// A warning for the engine's log, such as an advisory policy finding made before the run, about the
/// resource of that type and name when it names one (the engine shows it on that resource's line, by
/// its URN) or about the stack.
/// </summary>
public sealed record StackWarning(string Message, string? ResourceType = null, string? ResourceName = null)
{
    /// <summary>
    /// Each warning with the declared resource it is about (null for the stack's own, and for one whose
    /// resource was not declared), in the order given.
    /// </summary>
    public static ImmutableArray<(StackWarning Warning, Resource? Resource)> Attach(IEnumerable<StackWarning> warnings, IEnumerable<Resource> declared)
    {
        var byKey = new Dictionary<(string, string), Resource>();
        foreach (var resource in declared)
            byKey.TryAdd((resource.GetResourceType(), resource.GetResourceName()), resource);
        return warnings
            .Select(w => (w, w.ResourceType is { } type && w.ResourceName is { } name && byKey.TryGetValue((type, name), out var found) ? found : null))
            .ToImmutableArray();
    }
}
