using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using BlinkInfra.Plan;
using NUnit.Framework;

namespace BlinkInfra.Tests.Conformance;

/// <summary>
/// The offline SDK holds only what BlinkInfra uses: every public type and member (by name; overloads
/// are kept together so overload resolution matches the real packages) is referenced by the program,
/// by its tests, or by the offline SDK's own public declarations (attributes on its mirrored types).
/// Placeholders (offline-sdk/Placeholders.g.cs) are neither checked nor counted as uses: they are there
/// for their names alone.
/// </summary>
public class OfflineSdkUsageTests
{
    [Test, OfflineSdkOnly(ConformanceTests.NotInThisBuild)]
    public void Every_public_member_of_the_offline_sdk_is_used()
    {
        var offline = ConformanceTests.OfflineAssembly;
        var used = new HashSet<string>(StringComparer.Ordinal);
        // Every assembly of BlinkInfra's beside the tests (one per ring: those below the program reference
        // no Pulumi at all) and the tests' own.
        foreach (var path in Directory.GetFiles(AppContext.BaseDirectory, "BlinkInfra*.dll").Order(StringComparer.Ordinal))
            CollectReferences(path, offline.GetName().Name!, used);
        CollectOwnAttributeUses(offline, used);

        var unused = new List<string>();
        // Placeholders are names, not API: they exist because the real packages have them (see PlaceholderTests).
        foreach (var type in offline.GetExportedTypes().Where(t => !PlaceholderTests.IsPlaceholder(t)))
        {
            var typeName = Name(type);
            if (!used.Contains(typeName))
                unused.Add(typeName);
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags))
            {
                var name = member switch
                {
                    MethodInfo { IsSpecialName: true } => null, // accessors count through their property; operators through their type
                    PropertyInfo property => (property.GetMethod ?? property.SetMethod)!.Name[4..],
                    Type => null,
                    _ => member.Name,
                };
                if (name is null || type.IsSubclassOf(typeof(Delegate)) || (type.IsInterface && member is MethodInfo))
                    continue;
                if (!used.Contains($"{typeName}::{name}") && !(member is FieldInfo && used.Contains($"{typeName}::.ctor")))
                    unused.Add($"{typeName}::{name}");
            }
        }

        Assert.That(unused, Is.Empty, "Public parts of the offline SDK that neither the program nor its tests use:\n  " + string.Join("\n  ", unused));
    }

    private static string Name(Type type) => (type.Namespace is null ? "" : type.Namespace + ".") + type.Name;

    /// <summary>Every type and member the assembly at <paramref name="path"/> references in <paramref name="target"/>.</summary>
    private static void CollectReferences(string path, string target, HashSet<string> used)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();

        string? TypeRefName(EntityHandle handle)
        {
            if (handle.Kind == HandleKind.TypeReference)
            {
                var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
                var scope = reference.ResolutionScope;
                if (scope.Kind == HandleKind.TypeReference)
                    return TypeRefName((EntityHandle)scope) is { } outer ? $"{outer}+{reader.GetString(reference.Name)}" : null;
                if (scope.Kind != HandleKind.AssemblyReference || reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) != target)
                    return null;
                var ns = reader.GetString(reference.Namespace);
                return (ns.Length > 0 ? ns + "." : "") + reader.GetString(reference.Name);
            }
            if (handle.Kind == HandleKind.TypeSpecification)
            {
                var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                return GenericTypeName(ref blob);
            }
            return null;
        }

        string? GenericTypeName(ref BlobReader blob)
        {
            var code = blob.ReadSignatureTypeCode();
            if (code == SignatureTypeCode.GenericTypeInstance)
            {
                blob.ReadSignatureTypeCode();
                return TypeRefName(blob.ReadTypeHandle());
            }
            return code is SignatureTypeCode.TypeHandle ? TypeRefName(blob.ReadTypeHandle()) : null;
        }

        foreach (var handle in reader.TypeReferences)
        {
            if (TypeRefName(handle) is { } name)
                used.Add(name);
        }
        for (var row = 1; row <= reader.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            var handle = MetadataTokens.TypeSpecificationHandle(row);
            // Generic instantiations used anywhere in signatures: their type arguments count as used types.
            var blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
            if (GenericTypeName(ref blob) is { } name)
                used.Add(name);
        }
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (TypeRefName(member.Parent) is { } owner)
                used.Add($"{owner}::{reader.GetString(member.Name).Replace("get_", "").Replace("set_", "")}");
        }
    }

    /// <summary>What the offline SDK's own public types are declared with: attributes, and base types with their constructors.</summary>
    private static void CollectOwnAttributeUses(Assembly offline, HashSet<string> used)
    {
        foreach (var type in offline.GetExportedTypes().Where(t => !PlaceholderTests.IsPlaceholder(t)))
        {
            for (var baseType = type.BaseType; baseType != null && baseType.Assembly == offline; baseType = baseType.BaseType)
            {
                used.Add(Name(baseType));
                used.Add($"{Name(baseType)}::.ctor");
            }
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (var data in type.GetCustomAttributesData().Concat(members.SelectMany(m => m.GetCustomAttributesData())))
            {
                for (var attributeType = data.AttributeType; attributeType != null && attributeType != typeof(Attribute); attributeType = attributeType.BaseType)
                {
                    used.Add(Name(attributeType));
                    used.Add($"{Name(attributeType)}::.ctor");
                }
            }
        }
    }
}
