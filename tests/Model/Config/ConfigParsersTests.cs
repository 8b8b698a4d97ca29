using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using NUnit.Framework;

namespace BlinkInfra.Tests.Config;

/// <summary>
/// Each config value is parsed in one place, as the compiled model shows it: no method of BlinkInfra.Config calls a
/// JSON parser but the front door's (ConfigFrontDoor, which parses each structured value's text once and keeps the
/// document), none parses a CIDR block's text but CidrValue (through Cidr's strict rules) and the facts' blocks
/// (KnownBlocks), none parses another value of a format of its own (host:port, a port range, a host, a role's ARN, a
/// Kubernetes version, a start time, the name of a billing mode, a level or a machine kind) but its type's Parse, which only the typed read (ConfigShape) calls, and no
/// other class reads numbers, addresses, dates or a pattern's groups out of text: so a validator or builder cannot
/// parse a value again. Read from the assembly's IL, where a
/// qualified name, a lambda or a local function cannot hide a call as they can from a text search; a lambda or local
/// function counts as its class's. ConfigParsedOnceTests follows the values through a plan.
/// </summary>
public class ConfigParsersTests
{
    private static readonly (string Callee, string[] AllowedIn)[] Parsers =
    [
        ("System.Text.Json.JsonDocument.Parse", ["BlinkInfra.Config.ConfigFrontDoor"]),
        ("System.Text.Json.JsonDocument.ParseValue", ["BlinkInfra.Config.ConfigFrontDoor"]),
        ("System.Text.Json.JsonDocument.TryParseValue", ["BlinkInfra.Config.ConfigFrontDoor"]),
        ("System.Text.Json.JsonElement.ParseValue", ["BlinkInfra.Config.ConfigFrontDoor"]),
        ("System.Text.Json.Nodes.JsonNode.Parse", ["BlinkInfra.Config.ConfigFrontDoor"]),
        ("System.Text.Json.JsonSerializer.Deserialize", ["BlinkInfra.Config.ConfigFrontDoor"]),
        ("System.Text.Json.Utf8JsonReader..ctor", ["BlinkInfra.Config.ConfigFrontDoor"]),
        ("System.Net.IPNetwork2.Parse", ["BlinkInfra.Config.Cidr", "BlinkInfra.Config.KnownBlocks"]),
        ("System.Net.IPNetwork2.TryParse", ["BlinkInfra.Config.Cidr"]),
        ("System.Net.IPNetwork2.TryParseCidr", ["BlinkInfra.Config.Cidr"]),
        ("BlinkInfra.Config.Cidr.TryParse", ["BlinkInfra.Config.CidrValue"]),
        // Each value of a format of its own is parsed by its type's Parse, called by the typed read alone.
        ("BlinkInfra.Config.CidrValue.Parse", ["BlinkInfra.Config.ConfigShape"]),
        ("BlinkInfra.Config.HostPortValue.Parse", ["BlinkInfra.Config.ConfigShape"]),
        ("BlinkInfra.Config.PortRangeValue.Parse", ["BlinkInfra.Config.ConfigShape"]),
        ("BlinkInfra.Config.HostValue.Parse", ["BlinkInfra.Config.ConfigShape"]),
        ("BlinkInfra.Config.RoleArnValue.Parse", ["BlinkInfra.Config.ConfigShape"]),
        ("BlinkInfra.Config.KubernetesVersionValue.Parse", ["BlinkInfra.Config.ConfigShape"]),
        ("BlinkInfra.Config.StartTimeValue.Parse", ["BlinkInfra.Config.ConfigShape"]),
        ("BlinkInfra.Config.BillingValue.Parse", ["BlinkInfra.Config.ConfigShape"]),
        ("BlinkInfra.Config.EnforcementLevelValue.Parse", ["BlinkInfra.Config.ConfigShape"]),
        ("BlinkInfra.Config.MachineKindValue.Parse", ["BlinkInfra.Config.ConfigShape"]),
        // A name read as what it names (a billing mode, a level, a machine kind): by its value type alone.
        ("BlinkInfra.Config.SpecDefaults.ParseBilling", ["BlinkInfra.Config.BillingValue"]),
        ("BlinkInfra.Config.EnforcementLevels.Parse", ["BlinkInfra.Config.EnforcementLevelValue"]),
        ("BlinkInfra.Config.ComputeFacts.ParseKind", ["BlinkInfra.Config.MachineKindValue"]),
        // What those Parse methods read text with: an address, a host, a number, a date, a regular expression's
        // groups. A validator may still test a text against a pattern (Regex.IsMatch), but takes no parts out of it.
        ("System.Net.IPAddress.TryParse", ["BlinkInfra.Config.HostPortValue"]),
        ("System.Net.IPAddress.Parse", []),
        ("BlinkInfra.Config.HostNames.ProblemWith", ["BlinkInfra.Config.HostValue"]),
        ("BlinkInfra.Config.HostNames.TryParseIPv4", ["BlinkInfra.Config.HostNames", "BlinkInfra.Config.Cidr"]),
        ("System.Int32.Parse", ["BlinkInfra.Config.HostPortValue", "BlinkInfra.Config.StartTimeValue"]),
        ("System.Int32.TryParse", ["BlinkInfra.Config.ConfigShape", "BlinkInfra.Config.PortRangeValue", "BlinkInfra.Config.KubernetesVersionValue"]),
        ("System.Double.Parse", ["BlinkInfra.Config.StartTimeValue"]),
        ("System.Double.TryParse", ["BlinkInfra.Config.ConfigShape"]),
        ("System.Byte.TryParse", ["BlinkInfra.Config.HostNames", "BlinkInfra.Config.Cidr"]),
        ("System.DateOnly.TryParseExact", ["BlinkInfra.Config.StartTimeValue"]),
        ("System.DateOnly.ParseExact", ["BlinkInfra.Config.StartTimeValue"]),
        ("System.Version..ctor", ["BlinkInfra.Config.KubernetesVersionValue"]),
        ("System.Text.RegularExpressions.Regex.Match", ["BlinkInfra.Config.StartTimeValue", "BlinkInfra.Config.RoleArnValue", "BlinkInfra.Config.KubernetesVersionValue"]),
    ];

    /// <summary>The parsers the scan must see called where they are allowed, so that it is known to look where they are.</summary>
    private static readonly string[] Seen =
    [
        "System.Text.Json.JsonDocument.Parse", "BlinkInfra.Config.Cidr.TryParse", "System.Net.IPNetwork2.Parse",
        "BlinkInfra.Config.CidrValue.Parse", "BlinkInfra.Config.HostPortValue.Parse", "BlinkInfra.Config.PortRangeValue.Parse",
        "BlinkInfra.Config.HostValue.Parse", "BlinkInfra.Config.RoleArnValue.Parse", "BlinkInfra.Config.KubernetesVersionValue.Parse",
        "BlinkInfra.Config.StartTimeValue.Parse", "System.Net.IPAddress.TryParse", "BlinkInfra.Config.HostNames.ProblemWith",
        "BlinkInfra.Config.HostNames.TryParseIPv4", "System.Int32.Parse", "System.Int32.TryParse", "System.Double.Parse",
        "System.DateOnly.TryParseExact", "System.Version..ctor", "System.Text.RegularExpressions.Regex.Match",
        "BlinkInfra.Config.BillingValue.Parse", "BlinkInfra.Config.EnforcementLevelValue.Parse", "BlinkInfra.Config.MachineKindValue.Parse",
        "BlinkInfra.Config.SpecDefaults.ParseBilling", "BlinkInfra.Config.EnforcementLevels.Parse", "BlinkInfra.Config.ComputeFacts.ParseKind",
    ];

    [Test]
    public void Only_the_front_door_parses_JSON_and_only_each_value_type_parses_its_format()
    {
        var calls = Calls(typeof(ConfigShape).Assembly).ToList();

        var misplaced = calls
            .Where(call => Parsers.Any(p => p.Callee == call.Callee && !p.AllowedIn.Contains(call.Caller)))
            .Select(call => $"{call.Caller} calls {call.Callee}")
            .Distinct().OrderBy(text => text, StringComparer.Ordinal);
        Assert.That(misplaced, Is.Empty);
        // The scan sees the calls it guards: each allowed parser is called where it is allowed.
        var seen = calls.Where(call => Parsers.Any(p => p.Callee == call.Callee && p.AllowedIn.Contains(call.Caller))).Select(call => call.Callee).ToHashSet();
        Assert.That(Seen.Where(callee => !seen.Contains(callee)), Is.Empty);
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Every method call in the assembly's IL: the outermost class that makes it, and the callee's type and name.</summary>
    private static IEnumerable<(string Caller, string Callee)> Calls(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var caller = OutermostName(metadata, typeHandle);
            foreach (var methodHandle in metadata.GetTypeDefinition(typeHandle).GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                    continue;
                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
                while (il.RemainingBytes > 0)
                {
                    var first = il.ReadByte();
                    var opCode = OpCodesByValue[first == 0xFE ? (short)(0xFE00 | il.ReadByte()) : first];
                    switch (opCode.OperandType)
                    {
                        case OperandType.InlineMethod:
                            var callee = NameOf(metadata, MetadataTokens.EntityHandle(il.ReadInt32()));
                            if (callee is not null)
                                yield return (caller, callee);
                            break;
                        case OperandType.InlineNone:
                            break;
                        case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                            il.Offset += 1;
                            break;
                        case OperandType.InlineVar:
                            il.Offset += 2;
                            break;
                        case OperandType.InlineI8 or OperandType.InlineR:
                            il.Offset += 8;
                            break;
                        case OperandType.InlineSwitch:
                            var targets = il.ReadInt32();
                            il.Offset += 4 * targets;
                            break;
                        default:
                            il.Offset += 4;
                            break;
                    }
                }
            }
        }
    }

    private static string OutermostName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        while (type.GetDeclaringType() is { IsNil: false } outer)
            type = metadata.GetTypeDefinition(outer);
        return $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
    }

    private static string? NameOf(MetadataReader metadata, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                var definition = metadata.GetMethodDefinition((MethodDefinitionHandle)handle);
                var owner = metadata.GetTypeDefinition(definition.GetDeclaringType());
                return $"{metadata.GetString(owner.Namespace)}.{metadata.GetString(owner.Name)}.{metadata.GetString(definition.Name)}";
            case HandleKind.MemberReference:
                var reference = metadata.GetMemberReference((MemberReferenceHandle)handle);
                return reference.Parent.Kind == HandleKind.TypeReference
                    ? $"{TypeReferenceName(metadata, (TypeReferenceHandle)reference.Parent)}.{metadata.GetString(reference.Name)}"
                    : $"?.{metadata.GetString(reference.Name)}";
            case HandleKind.MethodSpecification:
                return NameOf(metadata, metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return null;
        }
    }

    private static string TypeReferenceName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? $"{TypeReferenceName(metadata, (TypeReferenceHandle)type.ResolutionScope)}.{metadata.GetString(type.Name)}"
            : $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
    }
}
