using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests.Conformance;

/// <summary>
/// The type tokens the model keeps as data (infra/Facts/TypeTokens.cs), for the rings that read recorded
/// resources without the SDK, against the [ResourceType] attribute of the class each names in the SDK
/// this build uses (the real packages from outside, the offline SDK here): TypeTokens.A.B.C is the
/// token of Pulumi.A.B.C.
/// </summary>
public class TypeTokenTests
{
    /// <summary>Every constant of TypeTokens with the SDK class its place names, e.g. "Pulumi.AliCloud.Vpc.Network".</summary>
    private static IEnumerable<(string Constant, string ClassName, string Token)> Constants()
    {
        IEnumerable<(string, string, string)> Walk(Type holder, string path)
        {
            foreach (var field in holder.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                yield return ($"TypeTokens.{path}.{field.Name}", $"Pulumi.{path}.{field.Name}", (string)field.GetRawConstantValue()!);
            foreach (var nested in holder.GetNestedTypes(BindingFlags.Public))
                foreach (var entry in Walk(nested, $"{path}.{nested.Name}"))
                    yield return entry;
        }
        return typeof(TypeTokens).GetNestedTypes(BindingFlags.Public).SelectMany(t => Walk(t, t.Name));
    }

    private static readonly Assembly[] SdkAssemblies =
        new[] { typeof(Pulumi.AliCloud.Provider), typeof(Pulumi.Kubernetes.Provider) }.Select(t => t.Assembly).Distinct().ToArray();

    [Test]
    public void Each_token_is_the_resource_type_of_the_sdk_class_it_names()
    {
        var constants = Constants().ToList();
        Assert.That(constants, Has.Count.GreaterThan(20), "the walk found the constants");

        var wrong = new List<string>();
        foreach (var (constant, className, token) in constants)
        {
            var type = SdkAssemblies.Select(a => a.GetType(className)).FirstOrDefault(t => t != null);
            var attribute = type?.GetCustomAttribute<Pulumi.ResourceTypeAttribute>(inherit: false)?.Type;
            if (type is null)
                wrong.Add($"{constant}: the SDK has no class {className}");
            else if (attribute != token)
                wrong.Add($"{constant} is \"{token}\"; {className} carries [ResourceType(\"{attribute}\")]");
        }

        Assert.That(wrong, Is.Empty);
    }
}
