using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace BlinkInfra.Tests.Conformance;

/// <summary>
/// Writes offline-sdk/Placeholders.g.cs: for every namespace of the real Pulumi packages that the
/// program or its tests import (their <c>using Pulumi…;</c> lines), every public type of the real
/// package in that namespace that the offline SDK does not mirror, declared empty. So the C# compiler
/// sees, offline, the same simple names it sees against the real packages, and reports the same
/// ambiguities (CS0104) by itself, with no list of known cases.
/// <para/>
/// A placeholder has the real type's kind, name, generic parameters, base type and listed attributes,
/// so its one line of the listing is a real line; it has no public member (a constructor the compiler
/// would otherwise add is private). Two kinds keep what they cannot be declared without: a delegate its
/// real signature, and an attribute its public parameterless constructor. Base types outside the
/// imported namespaces that the offline SDK does not mirror become placeholders too.
/// </summary>
public static class PlaceholderGenerator
{
    public const string FileName = "Placeholders.g.cs";

    public static string FilePath => Path.Combine(TestPaths.ProjectRoot, "offline-sdk", FileName);

    public static readonly string[] ListingFiles = { "Pulumi.api.txt", "Pulumi.AliCloud.api.txt", "Pulumi.Kubernetes.api.txt" };

    private static readonly Regex UsingPulumi = new(@"^\s*(?:global\s+)?using\s+(?:global::)?(Pulumi(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*;", RegexOptions.Multiline);

    /// <summary>The Pulumi namespaces the program and its tests import, from their sources.</summary>
    public static ImmutableSortedSet<string> ImportedNamespaces(string projectRoot)
    {
        var sources = new[] { "Program.cs" }.Select(f => Path.Combine(projectRoot, f))
            .Concat(new[] { "infra", "policies", "tests" }
                .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(projectRoot, dir), "*.cs", SearchOption.AllDirectories)))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or "node_modules"));
        return sources
            .SelectMany(path => UsingPulumi.Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value))
            .ToImmutableSortedSet(StringComparer.Ordinal);
    }

    /// <summary>A type line of the listing, taken apart.</summary>
    public sealed record TypeLine(string Kind, string Name, string? Base, ImmutableArray<(string Name, string Arguments)> Attributes)
    {
        /// <summary>The name without generic parameters: Pulumi.Union for Pulumi.Union&lt;T0,T1&gt;.</summary>
        public string Bare => Name.Split('<')[0];

        public string Namespace => Bare[..Bare.LastIndexOf('.')];

        public string SimpleName => Bare[(Bare.LastIndexOf('.') + 1)..];

        public ImmutableArray<string> TypeParameters => Name.Contains('<')
            ? Name[(Name.IndexOf('<') + 1)..^1].Split(',').ToImmutableArray()
            : ImmutableArray<string>.Empty;

        public bool IsNested => Name.Contains('+');
    }

    private static readonly string[] Kinds = { "static class", "sealed class", "abstract class", "class", "struct", "interface", "enum" };

    public static TypeLine ParseTypeLine(string line)
    {
        var rest = line["type ".Length..];
        var kind = Kinds.First(k => rest.StartsWith(k + " ", StringComparison.Ordinal));
        rest = rest[(kind.Length + 1)..];
        var name = UpToTopLevelSpace(rest);
        rest = rest[name.Length..].TrimStart();
        string? baseType = null;
        if (rest.StartsWith(": ", StringComparison.Ordinal))
        {
            baseType = UpToTopLevelSpace(rest[2..]);
            rest = rest[(2 + baseType.Length)..].TrimStart();
        }

        var attributes = ImmutableArray.CreateBuilder<(string, string)>();
        while (rest.Length > 0)
        {
            // [Name(arguments)], arguments may hold quoted strings with spaces, brackets or parentheses.
            var open = rest.IndexOf('(');
            var attributeName = rest[1..open];
            var i = open + 1;
            var quoted = false;
            for (; i < rest.Length; i++)
            {
                if (rest[i] == '"') quoted = !quoted;
                else if (rest[i] == ')' && !quoted) break;
            }
            attributes.Add((attributeName, rest[(open + 1)..i]));
            rest = rest[(i + 2)..].TrimStart();
        }
        return new TypeLine(kind, name, baseType, attributes.ToImmutable());
    }

    private static string UpToTopLevelSpace(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<') depth++;
            else if (text[i] == '>') depth--;
            else if (text[i] == ' ' && depth == 0) return text[..i];
        }
        return text;
    }

    /// <summary>
    /// The file's text: placeholders for <paramref name="namespaces"/>, from the listing lines in
    /// <paramref name="listing"/>, for every type whose name (as the listing writes it) is not in <paramref name="mirrored"/>.
    /// </summary>
    public static string Generate(IReadOnlyCollection<string> namespaces, IReadOnlyList<string> listing, IReadOnlySet<string> mirrored)
    {
        var typeLines = listing.Where(l => l.StartsWith("type ", StringComparison.Ordinal))
            .Select(ParseTypeLine)
            .Where(t => !t.IsNested)
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        // A delegate's signature is its one Invoke method.
        var invokeLines = typeLines.Values.Where(t => t.Base == "System.MulticastDelegate")
            .ToDictionary(t => t.Name, t => listing.Single(l => l.StartsWith($"method {t.Name}.Invoke(", StringComparison.Ordinal)), StringComparer.Ordinal);
        var listingSet = listing.ToHashSet(StringComparer.Ordinal);

        var placeholders = new SortedDictionary<string, TypeLine>(StringComparer.Ordinal);
        var pending = new Queue<TypeLine>(typeLines.Values.Where(t => namespaces.Contains(t.Namespace) && !mirrored.Contains(t.Name)));
        while (pending.TryDequeue(out var type))
        {
            if (!placeholders.TryAdd(type.Name, type))
                continue;
            // A base the offline SDK lacks becomes a placeholder too, wherever it lives.
            if (type.Base is { } baseName && !baseName.StartsWith("System.", StringComparison.Ordinal) && !mirrored.Contains(BaseDefinition(baseName, typeLines)))
                pending.Enqueue(typeLines[BaseDefinition(baseName, typeLines)]);
        }

        var text = new StringBuilder();
        text.Append("""
            // <auto-generated>
            // Written by tests/Conformance/PlaceholderGenerator.cs from ../shared/pulumi-api (Pulumi 3.112.1,
            // Pulumi.AliCloud 3.105.0, Pulumi.Kubernetes 4.32.0): do not edit by hand; see offline-sdk/README.md.
            //
            // Placeholders: every public type of the real packages, in each namespace BlinkInfra's program or
            // tests import, that this SDK does not mirror, declared empty (and the base types they need). With
            // them the compiler sees here the same simple names it sees against the real packages, so a name
            // two imported namespaces share is ambiguous (CS0104) here too. A placeholder is no API: it has no
            // public member and cannot be constructed. Each is one line, marked [Placeholder].
            //
            // Regenerate after changing a `using Pulumi...;` line or mirroring a type (delete the type's line
            // here first, so the build passes):
            //   BLINKINFRA_UPDATE_PLACEHOLDERS=1 ./blink --sdk offline test --filter Category=UpdatePlaceholders
            // </auto-generated>

            """);
        text.Append("// Imported namespaces: ").Append(string.Join(", ", namespaces.OrderBy(n => n, StringComparer.Ordinal))).Append('\n');
        text.Append("#nullable enable\n#pragma warning disable CS0618 // some placeholders are obsolete, as their real types are\n");

        foreach (var group in placeholders.Values.GroupBy(t => t.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append("namespace ").Append(group.Key).Append('\n').Append("{\n");
            foreach (var type in group.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                var baseIsMirrored = type.Base is { } baseName && !baseName.StartsWith("System.", StringComparison.Ordinal) && mirrored.Contains(BaseDefinition(baseName, typeLines));
                text.Append("    ").Append(Declaration(type, baseIsMirrored, invokeLines, listingSet)).Append('\n');
            }
            text.Append("}\n");
        }
        return text.ToString();
    }

    /// <summary>The listing's name of a base type's definition: Pulumi.Input&lt;T&gt; for Pulumi.Input&lt;System.String&gt;.</summary>
    private static string BaseDefinition(string baseName, IReadOnlyDictionary<string, TypeLine> typeLines)
    {
        if (!baseName.Contains('<'))
            return baseName;
        var bare = baseName.Split('<')[0];
        return typeLines.Keys.Single(name => name.Split('<')[0] == bare && Arity(name) == Arity(baseName));
    }

    private static int Arity(string name)
    {
        if (!name.Contains('<'))
            return 0;
        var depth = 0;
        var count = 1;
        foreach (var c in name[name.IndexOf('<')..])
        {
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (c == ',' && depth == 1) count++;
        }
        return count;
    }

    private static string Declaration(TypeLine type, bool baseIsMirrored, IReadOnlyDictionary<string, string> invokeLines, HashSet<string> listing)
    {
        var parameters = type.TypeParameters;
        var name = type.SimpleName + (parameters.IsEmpty ? "" : "<" + string.Join(", ", parameters) + ">");
        var attributes = string.Concat(type.Attributes.Select(a => $"[{AttributeClass(a.Name)}({CSharpArguments(a.Arguments)})] ")) + "[global::Pulumi.Offline.Placeholder] ";

        if (type.Base == "System.MulticastDelegate")
        {
            // A delegate cannot be declared empty: it keeps its real signature (its Invoke line).
            var invoke = invokeLines[type.Name];
            var signature = invoke[(invoke.IndexOf(".Invoke(", StringComparison.Ordinal) + ".Invoke(".Length)..];
            var close = signature.LastIndexOf(") : ", StringComparison.Ordinal);
            var returnType = CSharpType(signature[(close + 4)..], parameters);
            var delegateParameters = SplitTopLevel(signature[..close]).Select(p => CSharpParameter(p, parameters));
            return $"{attributes}public delegate {returnType} {name}({string.Join(", ", delegateParameters)});";
        }

        var baseClause = type.Base is { } baseName ? " : " + CSharpType(baseName, parameters) : "";
        var ctorName = type.SimpleName;
        string body;
        switch (type.Kind)
        {
            case "static class":
            case "struct":
            case "interface":
            case "enum":
                body = "{ }";
                break;
            default:
                var access = type.Kind == "sealed class" ? "private" : "private protected";
                // An attribute keeps its public parameterless constructor, so placeholders can carry it.
                if (type.Base == "System.Attribute" && listing.Contains($"ctor {type.Name}()"))
                    access = "public";
                body = $"{{ {access} {ctorName}(){(baseIsMirrored ? BaseCall(type.Base!) : "")} {{ }} }}";
                break;
        }
        var kind = type.Kind switch
        {
            "abstract class" => "abstract class",
            "sealed class" => "sealed class",
            _ => type.Kind,
        };
        return $"{attributes}public {kind} {name}{baseClause} {body}";
    }

    /// <summary>
    /// How a placeholder's constructor reaches a constructor of a base the offline SDK mirrors (never run).
    /// Other bases (System types, other placeholders) are reached through their parameterless constructors.
    /// </summary>
    private static string BaseCall(string baseName)
        => baseName switch
        {
            "Pulumi.CustomResource" or "Pulumi.Kubernetes.KubernetesResource" => " : base(null!, null!, null)",
            "Pulumi.ComponentResource" => " : base(null!, null!, (global::Pulumi.ComponentResourceOptions?)null)",
            _ when baseName.StartsWith("Pulumi.Input<", StringComparison.Ordinal) => " : base(null!)",
            "Pulumi.ResourceArgs" or "Pulumi.InvokeArgs" or "Pulumi.InputArgs" or "Pulumi.InvokeOptions" => "",
            _ => throw new InvalidOperationException($"add to PlaceholderGenerator.BaseCall how a placeholder reaches a constructor of {baseName}"),
        };

    private static string AttributeClass(string listed) => listed switch
    {
        "OutputType" => "global::Pulumi.OutputType",
        "EnumType" => "global::Pulumi.EnumType",
        "Obsolete" => "global::System.Obsolete",
        "AliCloudResourceType" => "global::Pulumi.AliCloud.AliCloudResourceType",
        "KubernetesResourceType" => "global::Pulumi.Kubernetes.KubernetesResourceType",
        _ => throw new InvalidOperationException($"add to PlaceholderGenerator.AttributeClass the attribute [{listed}]"),
    };

    /// <summary>Attribute arguments as C#: strings quoted and escaped, booleans in lower case.</summary>
    private static string CSharpArguments(string listed)
    {
        var arguments = new List<string>();
        var i = 0;
        while (i < listed.Length)
        {
            if (listed[i] == '"')
            {
                var end = listed.IndexOf('"', i + 1);
                // The listing does not escape quotes inside strings; an argument ends at a quote followed by a comma or the end.
                while (end + 1 < listed.Length && listed[end + 1] != ',')
                    end = listed.IndexOf('"', end + 1);
                arguments.Add(Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(listed[(i + 1)..end], quote: true));
                i = end + 2;
            }
            else
            {
                var end = listed.IndexOf(',', i);
                if (end < 0) end = listed.Length;
                arguments.Add(listed[i..end] switch { "True" => "true", "False" => "false", var other => other });
                i = end + 1;
            }
        }
        return string.Join(", ", arguments);
    }

    private static IEnumerable<string> SplitTopLevel(string list)
    {
        if (list.Length == 0)
            yield break;
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] == '<') depth++;
            else if (list[i] == '>') depth--;
            else if (list[i] == ',' && depth == 0)
            {
                yield return list[start..i].Trim();
                start = i + 1;
            }
        }
        yield return list[start..].Trim();
    }

    private static string CSharpParameter(string listed, ImmutableArray<string> typeParameters)
    {
        var defaultValue = "";
        var equals = listed.IndexOf(" = ", StringComparison.Ordinal);
        if (equals >= 0)
        {
            defaultValue = " = " + listed[(equals + 3)..] switch { "null" => "default", "True" => "true", "False" => "false", var other => other };
            listed = listed[..equals];
        }
        var space = listed.LastIndexOf(' ');
        var name = listed[(space + 1)..];
        return $"{CSharpType(listed[..space], typeParameters)} {(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" : "")}{name}{defaultValue}";
    }

    /// <summary>A listing type name as C#: global-qualified, System.Nullable&lt;T&gt; as T?, nested types with dots.</summary>
    public static string CSharpType(string listed, ImmutableArray<string> typeParameters)
    {
        if (listed.EndsWith("[]", StringComparison.Ordinal))
            return CSharpType(listed[..^2], typeParameters) + "[]";
        if (typeParameters.Contains(listed))
            return listed;
        var open = listed.IndexOf('<');
        if (open < 0)
            return "global::" + listed.Replace('+', '.');
        var arguments = SplitTopLevel(listed[(open + 1)..^1]).Select(a => CSharpType(a, typeParameters)).ToList();
        var bare = listed[..open];
        return bare == "System.Nullable"
            ? arguments.Single() + "?"
            : "global::" + bare.Replace('+', '.') + "<" + string.Join(", ", arguments) + ">";
    }
}
