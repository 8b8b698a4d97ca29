using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;

namespace BlinkInfra.Tests.Conformance;

/// <summary>
/// Writes an assembly's public API one member a line, in the format of ../shared/pulumi-api/README.md,
/// so the offline SDK can be compared line by line with the real packages' listing.
/// </summary>
public static class ApiListing
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Attributes the listing shows; resource-type attributes are recognised by their base class.</summary>
    private static readonly HashSet<string> ListedAttributes = new(StringComparer.Ordinal)
    {
        "Pulumi.InputAttribute", "Pulumi.OutputAttribute", "Pulumi.InputTypeAttribute", "Pulumi.OutputTypeAttribute",
        "Pulumi.EnumTypeAttribute", "System.ObsoleteAttribute",
    };

    /// <summary>The lines of every public type of <paramref name="types"/>.</summary>
    /// <param name="rename">Maps a type's full name as the listing should show it (used to test the checker on stand-in types).</param>
    public static IEnumerable<string> Lines(IEnumerable<Type> types, Func<string, string>? rename = null)
    {
        var names = new TypeNames(rename ?? (name => name));
        return types.Where(IsVisible).SelectMany(type => LinesOf(type, names));
    }

    private static bool IsVisible(Type type)
        => type.IsNested ? type.IsNestedPublic && IsVisible(type.DeclaringType!) : type.IsPublic;

    private static IEnumerable<string> LinesOf(Type type, TypeNames names)
    {
        var owner = names.Definition(type);
        yield return $"type {Kind(type)} {owner}{Base(type, names)}{Attributes(type.GetCustomAttributesData(), names, leadingSpace: true)}";

        var includeProtected = !type.IsSealed;
        bool Visible(MethodBase? method) => method != null && (method.IsPublic || (includeProtected && (method.IsFamily || method.IsFamilyOrAssembly)));
        bool VisibleField(FieldInfo field) => field.IsPublic || (includeProtected && (field.IsFamily || field.IsFamilyOrAssembly));

        foreach (var constructor in type.GetConstructors(Declared).Where(c => !c.IsStatic && Visible(c)))
            yield return $"ctor {(constructor.IsPublic ? "" : "protected ")}{owner}({Parameters(constructor, names)})";

        foreach (var method in type.GetMethods(Declared).Where(m => Visible(m) && !m.IsSpecialName))
        {
            var generic = method.IsGenericMethodDefinition ? "<" + string.Join(",", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";
            yield return $"method {(method.IsPublic ? "" : "protected ")}{owner}.{method.Name}{generic}({Parameters(method, names)}) : {(method.IsStatic ? "static " : "")}{names.Of(method.ReturnType)}";
        }

        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(Declared))
        {
            var getter = Visible(property.GetMethod) ? "get;" : "";
            var setter = Visible(property.SetMethod) ? "set;" : "";
            if (getter.Length + setter.Length == 0)
                continue;
            var isStatic = (property.GetMethod ?? property.SetMethod)!.IsStatic;
            var nullable = IsNullableReference(property.PropertyType, nullability.Create(property).ReadState) ? "?" : "";
            yield return $"prop {owner}.{property.Name} : {(isStatic ? "static " : "")}{names.Of(property.PropertyType)}{nullable} {{{getter}{setter}}}{Attributes(property.GetCustomAttributesData(), names, leadingSpace: true)}";
        }

        foreach (var field in type.GetFields(Declared).Where(f => !f.IsSpecialName))
        {
            if (VisibleField(field))
                yield return $"field {owner}.{field.Name} : {(field.IsStatic ? "static " : "")}{names.Of(field.FieldType)}";
            else if (field.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "Pulumi.InputAttribute"))
                yield return $"inputfield {owner}.{field.Name} : {names.Of(field.FieldType)}{Attributes(field.GetCustomAttributesData(), names, leadingSpace: true)}";
        }
    }

    private static bool IsNullableReference(Type type, NullabilityState state)
        => state == NullabilityState.Nullable && (!type.IsValueType || type.IsGenericParameter) && Nullable.GetUnderlyingType(type) == null;

    private static string Kind(Type type)
    {
        if (type.IsInterface) return "interface";
        if (type.IsEnum) return "enum";
        if (type.IsValueType) return "struct";
        if (type.IsAbstract && type.IsSealed) return "static class";
        if (type.IsAbstract) return "abstract class";
        if (type.IsSealed) return "sealed class";
        return "class";
    }

    private static string Base(Type type, TypeNames names)
        => type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum)
            ? $" : {names.Of(baseType)}"
            : "";

    private static string Parameters(MethodBase method, TypeNames names)
        => string.Join(", ", method.GetParameters().Select(p =>
        {
            var type = p.ParameterType.IsByRef ? "ref " + names.Of(p.ParameterType.GetElementType()!) : names.Of(p.ParameterType);
            return $"{type} {p.Name}{(p.HasDefaultValue ? " = " + Literal(p.DefaultValue) : "")}";
        }));

    private static string Literal(object? value)
        => value switch
        {
            null => "null",
            bool flag => flag ? "True" : "False",
            string text => text,
            IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    private static string Attributes(IEnumerable<CustomAttributeData> attributes, TypeNames names, bool leadingSpace)
    {
        var shown = attributes.Where(a => ListedAttributes.Contains(a.AttributeType.FullName ?? "") || IsResourceType(a.AttributeType)).ToList();
        if (shown.Count == 0)
            return "";
        var text = string.Join(" ", shown.Select(a =>
        {
            var name = a.AttributeType.Name.EndsWith("Attribute", StringComparison.Ordinal) ? a.AttributeType.Name[..^"Attribute".Length] : a.AttributeType.Name;
            var arguments = string.Join(",", a.ConstructorArguments.Select(arg => arg.Value switch
            {
                string s => $"\"{s}\"",
                bool b => b ? "True" : "False",
                null => "null",
                var other => other.ToString(),
            }));
            return $"[{name}({arguments})]";
        }));
        return (leadingSpace ? " " : "") + text;
    }

    private static bool IsResourceType(Type attributeType)
    {
        for (var type = attributeType.BaseType; type != null; type = type.BaseType)
        {
            if (type.FullName == "Pulumi.ResourceTypeAttribute")
                return true;
        }
        return false;
    }

    /// <summary>Type names as the listing spells them: full names, generic arguments in &lt;&gt;, nested with +.</summary>
    private sealed class TypeNames
    {
        private readonly Func<string, string> _rename;

        public TypeNames(Func<string, string> rename) => _rename = rename;

        /// <summary>A type definition: its generic parameters by name.</summary>
        public string Definition(Type type) => Of(type);

        public string Of(Type type)
        {
            if (type.IsGenericParameter)
                return type.Name;
            if (type.IsArray)
                return Of(type.GetElementType()!) + "[]";
            if (type.IsByRef)
                return Of(type.GetElementType()!);

            var name = new StringBuilder();
            if (type.IsNested)
                name.Append(Of(type.DeclaringType!)).Append('+');
            else if (!string.IsNullOrEmpty(type.Namespace))
                name.Append(type.Namespace).Append('.');
            var tick = type.Name.IndexOf('`');
            name.Append(tick < 0 ? type.Name : type.Name[..tick]);
            if (type.IsGenericType)
                name.Append('<').Append(string.Join(",", type.GetGenericArguments().Select(Of))).Append('>');
            return _rename(name.ToString());
        }
    }
}

/// <summary>Reads lines of the listing: which type a line belongs to.</summary>
public static class ListingLine
{
    private static readonly string[] TypeKinds = { "static class ", "sealed class ", "abstract class ", "class ", "struct ", "interface ", "enum " };

    /// <summary>The full name of the type a line declares or belongs to (generic parameters included).</summary>
    public static string OwnerOf(string line)
    {
        if (line.StartsWith("type ", StringComparison.Ordinal))
        {
            var rest = line["type ".Length..];
            var kind = TypeKinds.First(k => rest.StartsWith(k, StringComparison.Ordinal));
            return UpToTopLevel(rest[kind.Length..], ' ');
        }

        var space = line.IndexOf(' ');
        var body = line[(space + 1)..];
        if (body.StartsWith("protected ", StringComparison.Ordinal))
            body = body["protected ".Length..];
        if (line.StartsWith("ctor ", StringComparison.Ordinal))
            return UpToTopLevel(body, '(');

        var memberPath = line.StartsWith("method ", StringComparison.Ordinal) ? UpToTopLevel(body, '(') : UpToTopLevel(body, ' ');
        return memberPath[..LastTopLevelDot(memberPath)];
    }

    private static string UpToTopLevel(string text, char stop)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<') depth++;
            else if (text[i] == '>') depth--;
            else if (depth == 0 && text[i] == stop) return text[..i];
        }
        return text;
    }

    private static int LastTopLevelDot(string path)
    {
        var depth = 0;
        var last = -1;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '<') depth++;
            else if (path[i] == '>') depth--;
            else if (depth == 0 && path[i] == '.') last = i;
        }
        // A generic method's own arguments follow its name: Owner.Name<T>; the dot before Name counts.
        return last;
    }
}
