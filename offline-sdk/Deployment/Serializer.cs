// What the real SDK does in sdk/Pulumi/Serialization (Serializer.cs, Deserializer.cs, Converter.cs)
// between a program and MockMonitor: inputs become the plain values IMocks sees (numbers as double,
// maps as ImmutableDictionary<string, object>, lists as ImmutableArray<object>, secrets unwrapped,
// null and unknown entries left out), and mock state becomes typed [Output] values.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace Pulumi
{
    internal static class Serializer
    {
        internal readonly record struct Serialized(object? Value, bool IsKnown, bool IsSecret, ImmutableHashSet<Resource> Resources)
        {
            public static Serialized Known(object? value) => new(value, true, false, ImmutableHashSet<Resource>.Empty);
        }

        public static async Task<Serialized> SerializeAsync(object? value)
        {
            switch (value)
            {
                case null:
                    return Serialized.Known(null);
                case string or bool:
                    return Serialized.Known(value);
                case int or long or short or byte or uint or ulong or ushort or sbyte or float or double or decimal:
                    return Serialized.Known(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                case IInput input:
                    return await SerializeOutputAsync(input.ToUntypedOutput()).ConfigureAwait(false);
                case IOutput output:
                    return await SerializeOutputAsync(output).ConfigureAwait(false);
                case CustomResource custom:
                    return await SerializeOutputAsync(custom.Id).ConfigureAwait(false);
                case Resource resource:
                    return await SerializeOutputAsync(resource.Urn).ConfigureAwait(false);
                case InputArgs args:
                    return await SerializeArgsAsync(args, topLevel: false).ConfigureAwait(false);
                case IUnion union:
                    // The value the union holds, as the real serializer sends it.
                    return await SerializeAsync(union.Value).ConfigureAwait(false);
                case IDictionary dictionary:
                    return await SerializeMapAsync(dictionary).ConfigureAwait(false);
                case IEnumerable list:
                    return await SerializeListAsync(list).ConfigureAwait(false);
                case var _ when value.GetType().GetCustomAttribute<OutputTypeAttribute>() != null:
                    return await SerializeOutputTypeAsync(value).ConfigureAwait(false);
                default:
                    throw new InvalidOperationException($"{value.GetType().FullName} is not a supported argument type.");
            }
        }

        /// <summary>Normalises what IMocks.NewResourceAsync returned into serialized values keyed by output name.</summary>
        public static async Task<ImmutableDictionary<string, object?>> SerializeStateAsync(object? state)
        {
            if (state == null)
                return ImmutableDictionary<string, object?>.Empty;
            var serialized = await SerializeAsync(state).ConfigureAwait(false);
            return serialized.Value is ImmutableDictionary<string, object> map
                ? map.ToImmutableDictionary(kv => kv.Key, kv => (object?)kv.Value)
                : throw new InvalidOperationException($"{state.GetType().FullName} is not a supported argument type.");
        }

        private static async Task<Serialized> SerializeOutputAsync(IOutput output)
        {
            var data = await output.GetDataAsync().ConfigureAwait(false);
            if (!data.IsKnown)
                return new Serialized(null, false, data.IsSecret, data.Resources);
            var inner = await SerializeAsync(data.Value).ConfigureAwait(false);
            return new Serialized(inner.Value, inner.IsKnown, data.IsSecret || inner.IsSecret, data.Resources.Union(inner.Resources));
        }

        /// <summary>
        /// A resource's inputs or an invoke's arguments, as the real SDK serializes them (its
        /// SerializeFilteredPropertiesRawAsync): a failure while serializing a property's value, such
        /// as an exception thrown inside an Apply the value depends on, becomes an
        /// InvalidOperationException "error serializing property "name": ..." wrapping it. Nested
        /// input types are not wrapped again, so a chain names one property per resource or invoke.
        /// </summary>
        public static Task<Serialized> SerializePropertiesAsync(InputArgs args)
            => SerializeArgsAsync(args, topLevel: true);

        /// <summary>The error a property's serialization fails with, as the real SDK words it.</summary>
        public static InvalidOperationException PropertyError(string name, Exception inner)
            => new($"error serializing property \"{name}\": {inner.Message}", inner);

        private static async Task<Serialized> SerializeArgsAsync(InputArgs args, bool topLevel)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, object>();
            var isSecret = false;
            var resources = ImmutableHashSet<Resource>.Empty;
            foreach (var (name, member, attribute) in InputMembersOf(args.GetType()))
            {
                var value = member switch
                {
                    PropertyInfo property => property.GetValue(args),
                    FieldInfo field => field.GetValue(args),
                    _ => null,
                };
                if (attribute.IsRequired && value == null)
                {
                    var fullName = $"[Input] {args.GetType().FullName}.{member.Name}";
                    throw new ArgumentNullException(member.Name, $"{fullName} is required but was not given a value");
                }

                Serialized serialized;
                try
                {
                    serialized = await SerializeAsync(value).ConfigureAwait(false);
                }
                catch (Exception inner) when (topLevel)
                {
                    throw PropertyError(name, inner);
                }
                if (attribute.Json && serialized.IsKnown && serialized.Value != null)
                {
                    // As the real SDK: the value travels as JSON text (protobuf's JSON formatting).
                    serialized = serialized with { Value = ProtobufJson(serialized.Value) };
                }
                resources = resources.Union(serialized.Resources);
                isSecret |= serialized.IsSecret;
                if (serialized.IsKnown && serialized.Value != null)
                    builder[name] = serialized.Value;
            }
            return new Serialized(builder.ToImmutable(), true, isSecret, resources);
        }

        /// <summary>JSON text of a serialized value in the layout of protobuf's JsonFormatter: { "key": value, ... }.</summary>
        private static string ProtobufJson(object value)
            => value switch
            {
                string text => System.Text.Json.JsonSerializer.Serialize(text),
                bool flag => flag ? "true" : "false",
                double number => number.ToString("R", CultureInfo.InvariantCulture),
                ImmutableDictionary<string, object> map => map.Count == 0
                    ? "{ }"
                    : "{ " + string.Join(", ", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{System.Text.Json.JsonSerializer.Serialize(kv.Key)}: {ProtobufJson(kv.Value)}")) + " }",
                ImmutableArray<object> list => "[ " + string.Join(", ", list.Select(ProtobufJson)) + " ]",
                _ => throw new InvalidOperationException($"{value.GetType().FullName} cannot be written as JSON."),
            };

        /// <summary>The [Input] members of an args type, its own and inherited, public or not, in declaration order.</summary>
        public static IEnumerable<(string Name, MemberInfo Member)> InputMembers(Type type)
            => InputMembersOf(type).Select(m => (m.Name, m.Member));

        // Read once per type: attribute metadata is slow to read, most of all in a Native AOT build, and
        // a type's members never change. Thread-safe, as stacks may be planned concurrently.
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string Name, MemberInfo Member, InputAttribute Attribute)[]> InputMembersByType = new();

        private static (string Name, MemberInfo Member, InputAttribute Attribute)[] InputMembersOf(Type type)
            => InputMembersByType.GetOrAdd(type, static t =>
            {
                const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;
                var members = new List<(string, MemberInfo, InputAttribute)>();
                for (var current = t; current != null && current != typeof(object); current = current.BaseType)
                {
                    foreach (var member in current.GetFields(flags).Cast<MemberInfo>().Concat(current.GetProperties(flags)))
                    {
                        if (member.GetCustomAttribute<InputAttribute>() is { } attribute)
                            members.Add((attribute.Name, member, attribute));
                    }
                }
                return members.ToArray();
            });

        private static async Task<Serialized> SerializeMapAsync(IDictionary dictionary)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, object>();
            var isKnown = true;
            var isSecret = false;
            var resources = ImmutableHashSet<Resource>.Empty;
            foreach (DictionaryEntry entry in dictionary)
            {
                var serialized = await SerializeAsync(entry.Value).ConfigureAwait(false);
                isKnown &= serialized.IsKnown;
                isSecret |= serialized.IsSecret;
                resources = resources.Union(serialized.Resources);
                if (serialized.Value != null)
                    builder[(string)entry.Key] = serialized.Value;
            }
            return new Serialized(isKnown ? builder.ToImmutable() : null, isKnown, isSecret, resources);
        }

        /// <summary>
        /// An [OutputType] object (a resource's output read back, such as a cluster's RRSA metadata), as the real
        /// serializer sends it since 3.87 (pulumi-dotnet #681, Serializer.cs): a map of its readonly fields, public or
        /// not, each named as the field with its first letter in lower case; a null field kept as a null entry.
        /// </summary>
        private static async Task<Serialized> SerializeOutputTypeAsync(object value)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, object>();
            var isKnown = true;
            var isSecret = false;
            var resources = ImmutableHashSet<Resource>.Empty;
            foreach (var field in value.GetType().GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            {
                if (!field.IsInitOnly)
                    continue;
                var serialized = await SerializeAsync(field.GetValue(value)).ConfigureAwait(false);
                isKnown &= serialized.IsKnown;
                isSecret |= serialized.IsSecret;
                resources = resources.Union(serialized.Resources);
                builder[field.Name.Length == 0 ? field.Name : char.ToLowerInvariant(field.Name[0]) + field.Name[1..]] = serialized.Value!;
            }
            return new Serialized(isKnown ? builder.ToImmutable() : null, isKnown, isSecret, resources);
        }

        private static async Task<Serialized> SerializeListAsync(IEnumerable list)
        {
            if (IsDefaultImmutableArray(list))
                return Serialized.Known(null);
            var builder = ImmutableArray.CreateBuilder<object>();
            var isKnown = true;
            var isSecret = false;
            var resources = ImmutableHashSet<Resource>.Empty;
            foreach (var element in list)
            {
                var serialized = await SerializeAsync(element).ConfigureAwait(false);
                isKnown &= serialized.IsKnown;
                isSecret |= serialized.IsSecret;
                resources = resources.Union(serialized.Resources);
                builder.Add(serialized.Value!);
            }
            return new Serialized(isKnown ? builder.ToImmutable() : null, isKnown, isSecret, resources);
        }

        private static bool IsDefaultImmutableArray(object value)
        {
            var type = value.GetType();
            return type.IsGenericType
                && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
                && (bool)type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(value)!;
        }
    }

    /// <summary>Turns serialized values back into the types [Output] properties declare.</summary>
    internal static class Converter
    {
        public static object? DefaultOf(Type type)
            => type.IsValueType ? Activator.CreateInstance(type) : null;

        public static object? Convert(object? value, Type target, string context)
        {
            if (Nullable.GetUnderlyingType(target) is { } underlying)
                return value == null ? null : Convert(value, underlying, context);
            if (value == null)
                return DefaultOf(target);
            if (target == typeof(object))
                return value;
            if (target == typeof(string))
                return value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture);
            if (target == typeof(bool) || target == typeof(int) || target == typeof(double) || target == typeof(long))
                return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);

            if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(ImmutableArray<>) && value is IEnumerable list)
            {
                var elementType = target.GetGenericArguments()[0];
                var elements = list.Cast<object?>().Select(e => Convert(e, elementType, context)).ToArray();
                var array = Array.CreateInstance(elementType, elements.Length);
                for (var i = 0; i < elements.Length; i++)
                    array.SetValue(elements[i], i);
                return typeof(ImmutableArray).GetMethods()
                    .Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }])
                    .MakeGenericMethod(elementType)
                    .Invoke(null, new object[] { array });
            }

            if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>) && value is IDictionary map)
            {
                var valueType = target.GetGenericArguments()[1];
                var pairType = typeof(KeyValuePair<,>).MakeGenericType(typeof(string), valueType);
                var pairs = Array.CreateInstance(pairType, map.Count);
                var index = 0;
                foreach (DictionaryEntry entry in map)
                    pairs.SetValue(Activator.CreateInstance(pairType, entry.Key, Convert(entry.Value, valueType, context)), index++);
                return typeof(ImmutableDictionary).GetMethods()
                    .Single(m => m.Name == nameof(ImmutableDictionary.CreateRange) && m.GetParameters().Length == 1)
                    .MakeGenericMethod(typeof(string), valueType)
                    .Invoke(null, new object[] { pairs });
            }

            if (OutputConstructorOf(target) is { } constructor && value is IDictionary fields)
                return ConvertOutputType(fields, constructor, context);

            throw new InvalidOperationException($"Unexpected target type '{target.FullName}' when converting {context}.");
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ConstructorInfo?> OutputConstructors = new();

        /// <summary>An [OutputType]'s [OutputConstructor], or null for a type that is none; read once per type.</summary>
        private static ConstructorInfo? OutputConstructorOf(Type target)
            => OutputConstructors.GetOrAdd(target, static t => t.GetCustomAttribute<OutputTypeAttribute>() == null
                ? null
                : t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                    .Single(c => c.GetCustomAttribute<OutputConstructorAttribute>() != null));

        /// <summary>Builds an [OutputType] object through its [OutputConstructor], matching parameters by name.</summary>
        private static object ConvertOutputType(IDictionary fields, ConstructorInfo constructor, string context)
        {
            var arguments = constructor.GetParameters()
                .Select(p => Convert(fields.Contains(p.Name!) ? fields[p.Name!] : null, p.ParameterType, $"{context}.{p.Name}"))
                .ToArray();
            return constructor.Invoke(arguments);
        }
    }
}
