using System;
using System.Reflection;
using Pulumi;

namespace BlinkInfra.Plan;

/// <summary>
/// A resource class's type token, read from the [ResourceType] attribute every SDK resource class
/// carries (AliCloudResourceType, KubernetesResourceType), so no token is written out by hand.
/// </summary>
public static class TypeTokens
{
    public static string Of<T>() where T : Resource => Of(typeof(T));

    public static string Of(Type resourceType)
        => Tokens.GetOrAdd(resourceType, static type => type.GetCustomAttribute<ResourceTypeAttribute>(inherit: false)?.Type
           ?? throw new ArgumentException($"{type.FullName} carries no resource type attribute", nameof(resourceType)));

    // Read once per class: policies ask for tokens per resource they check, and attribute metadata is
    // slow to read (most of all in the native CLI). Thread-safe: stacks may be checked concurrently.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string> Tokens = new();
}
