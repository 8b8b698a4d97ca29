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
        => resourceType.GetCustomAttribute<ResourceTypeAttribute>(inherit: false)?.Type
           ?? throw new ArgumentException($"{resourceType.FullName} carries no resource type attribute", nameof(resourceType));
}
