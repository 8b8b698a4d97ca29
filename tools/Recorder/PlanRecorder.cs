using System;
using IDictionary = System.Collections.IDictionary;
using IEnumerable = System.Collections.IEnumerable;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BlinkInfra.Plan;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace BlinkInfra.Recorder;

/// <summary>
/// Watches a stack run under mocks and turns what it declared into a <see cref="StackPlan"/>. It
/// sees each resource twice, through public Pulumi API only, so it works on both SDKs: a resource
/// transformation records the resource with its args and options in declaration order, and the mocks
/// record the inputs the provider would receive. Secrets are found on the args' outputs and masked.
/// </summary>
public sealed class PlanRecorder : IMocks
{
    private readonly object _lock = new();
    private readonly List<(Resource Resource, ResourceArgs Args, ResourceOptions Options)> _declared = new();
    private readonly Dictionary<(string Type, string Name), MockResourceArgs> _registered = new();
    private readonly List<PlannedInvoke> _invokes = new();
    private readonly Func<MockCallArgs, object?> _answerInvoke;

    /// <param name="answerInvoke">
    /// Answers the program's invokes (data-source lookups) offline; what it returns stands for what
    /// the cloud would say, and the plan lists every invoke so a reader sees what was assumed.
    /// </param>
    public PlanRecorder(Func<MockCallArgs, object?>? answerInvoke = null)
    {
        _answerInvoke = answerInvoke ?? (_ => null);
    }

    /// <summary>The transformation to put on the stack: it records and changes nothing.</summary>
    public ResourceTransformation Transformation => args =>
    {
        lock (_lock)
        {
            _declared.Add((args.Resource, args.Args, args.Options));
        }
        return null;
    };

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        Resource? declared;
        lock (_lock)
        {
            _registered[(args.Type ?? "", args.Name ?? "")] = args;
            declared = _declared.Select(d => d.Resource).FirstOrDefault(r => r.GetResourceType() == args.Type && r.GetResourceName() == args.Name);
        }
        // The state is the inputs, what a created resource reports back for what it was given, plus a
        // reference for each text output the provider computes (a NAT gateway's SNAT table, an EIP's address).
        var state = args.Inputs;
        foreach (var (output, value) in ComputedOutputs(declared, args.Name ?? ""))
        {
            if (!state.ContainsKey(output))
                state = state.SetItem(output, value);
        }
        return Task.FromResult<(string?, object)>((PlannedResource.IdOf(args.Name ?? ""), state));
    }

    /// <summary>
    /// A reference for each output the provider computes that the program may read: a text output
    /// becomes "${resource.output}", an output object (an [OutputType] class) a map of such references
    /// for its text fields. Urn and id are the engine's own.
    /// </summary>
    private static IEnumerable<(string Name, object Value)> ComputedOutputs(Resource? resource, string resourceName)
    {
        if (resource is null)
            yield break;
        foreach (var (name, fields) in ComputedOutputsOf(resource.GetType()))
        {
            yield return fields is null
                ? (name, $"${{{resourceName}.{name}}}")
                : (name, fields.ToImmutableDictionary(field => field, field => (object)$"${{{resourceName}.{name}.{field}}}"));
        }
    }

    // A resource class's computed outputs, read once per class: attribute metadata is slow to read (most
    // of all in the native CLI), and stacks may be planned concurrently.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string Name, string[]? Fields)[]> ComputedOutputsByType = new();

    /// <summary>Each text output's name (fields null), and each output object's name with its text fields.</summary>
    private static (string Name, string[]? Fields)[] ComputedOutputsOf(Type resourceType)
        => ComputedOutputsByType.GetOrAdd(resourceType, static type =>
        {
            var found = new List<(string, string[]?)>();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attribute = property.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(OutputAttribute));
                if (attribute?.ConstructorArguments.FirstOrDefault().Value is not string name || name is "urn" or "id"
                    || !property.PropertyType.IsGenericType || property.PropertyType.GetGenericTypeDefinition() != typeof(Output<>))
                {
                    continue;
                }
                var valueType = property.PropertyType.GetGenericArguments()[0];
                if (valueType == typeof(string))
                {
                    found.Add((name, null));
                }
                else if (valueType.GetCustomAttributesData().Any(a => a.AttributeType == typeof(OutputTypeAttribute)))
                {
                    found.Add((name, valueType.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                        .Where(c => c.GetCustomAttributesData().Any(a => a.AttributeType == typeof(OutputConstructorAttribute)))
                        .SelectMany(c => c.GetParameters())
                        .Where(p => p.ParameterType == typeof(string))
                        .Select(p => p.Name!)
                        .ToArray()));
                }
            }
            return found.ToArray();
        });

    public Task<object> CallAsync(MockCallArgs args)
    {
        lock (_lock)
        {
            _invokes.Add(new PlannedInvoke(args.Token ?? "", JsonValues.MaskedInputs(args.Args, ImmutableHashSet<string>.Empty)));
        }
        return Task.FromResult(_answerInvoke(args) ?? ImmutableDictionary<string, object>.Empty);
    }

    public async Task<StackPlan> BuildAsync(string project, string stack, string sdk, StackSettings? settings = null)
    {
        List<(Resource Resource, ResourceArgs Args, ResourceOptions Options)> declared;
        lock (_lock)
        {
            declared = _declared.ToList();
        }

        var byUrn = new Dictionary<string, ResourceRef>();
        foreach (var (resource, _, _) in declared)
            byUrn[await OutputUtilities.GetValueAsync(resource.Urn)] = RefOf(resource);
        var stackResource = declared.Select(d => d.Resource).FirstOrDefault(r => r is Stack);

        // The engine is sent custom resources only: a dependency on a component stands for its custom
        // descendants, as GetAllTransitivelyReferencedResourceUrnsAsync (Deployment_Prepare.cs) expands it.
        var children = declared.Where(d => d.Resource is not Stack)
            .ToLookup(d => d.Options.Parent ?? stackResource, d => d.Resource);
        IEnumerable<ResourceRef> Expanded(IEnumerable<Resource> dependencies)
            => TransitivelyReferenced(dependencies, children).Select(RefOf);

        var resources = ImmutableArray.CreateBuilder<PlannedResource>(declared.Count);
        foreach (var (resource, args, options) in declared)
        {
            var self = RefOf(resource);
            _registered.TryGetValue((self.Type, self.Name), out var registered);
            var inputs = await InputInspector.InspectAsync(args);
            var parent = resource is Stack ? null : options.Parent ?? stackResource;

            resources.Add(new PlannedResource(
                self.Type,
                self.Name,
                resource is CustomResource,
                parent is null ? null : RefOf(parent),
                Expanded(await ResolveDependsOnAsync(options)).ToImmutableArray(),
                inputs.Dependencies
                    .Select(kv => (kv.Key, Refs: Expanded(kv.Value).OrderBy(r => r.ToString(), StringComparer.Ordinal).ToImmutableArray()))
                    .Where(kv => kv.Refs.Length > 0)
                    .ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Refs, StringComparer.Ordinal),
                ProviderOf(registered, byUrn),
                options.Protect == true,
                JsonValues.MaskedInputs(registered?.Inputs ?? ImmutableDictionary<string, object>.Empty, inputs.SecretNames))
            {
                DeleteBeforeReplace = options is CustomResourceOptions { DeleteBeforeReplace: true },
                Aliases = await AliasesOf(options),
                IgnoreChanges = options.IgnoreChanges.ToImmutableArray(),
            });
        }

        ImmutableArray<PlannedInvoke> invokes;
        lock (_lock)
        {
            invokes = _invokes.OrderBy(i => i.Token, StringComparer.Ordinal).ThenBy(i => i.Args.ToJsonString(), StringComparer.Ordinal).ToImmutableArray();
        }
        return new StackPlan(project, stack, sdk, settings, resources.ToImmutable(), invokes)
        {
            Outputs = stackResource is null ? null : await StackOutputsAsync(stackResource),
        };
    }

    private static readonly MethodInfo OutputValueGeneric = typeof(PlanRecorder).GetMethod(nameof(OutputValueAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The stack's outputs: its [Output] properties, by their output names, sorted; secrets masked.</summary>
    private static async Task<System.Text.Json.Nodes.JsonObject> StackOutputsAsync(Resource stack)
    {
        var outputs = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var secrets = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var property in stack.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attribute = property.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(OutputAttribute));
            // The stack's own urn (and a custom resource's id) are the engine's, not outputs the program registers.
            if (attribute?.ConstructorArguments.FirstOrDefault().Value is not string name || name is "urn" or "id"
                || !property.PropertyType.IsGenericType || property.PropertyType.GetGenericTypeDefinition() != typeof(Output<>)
                || property.GetValue(stack) is not { } output)
            {
                continue;
            }
            var (value, secret) = await (Task<(object?, bool)>)OutputValueGeneric.MakeGenericMethod(property.PropertyType.GetGenericArguments()[0]).Invoke(null, new[] { output })!;
            outputs[name] = value;
            if (secret)
                secrets.Add(name);
        }
        return JsonValues.MaskedInputs(outputs.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!), secrets.ToImmutable());
    }

    private static async Task<(object?, bool)> OutputValueAsync<T>(Output<T> output)
        => (await OutputUtilities.GetValueAsync(output), await Output.IsSecretAsync(output));

    /// <summary>
    /// Never called: names the value-type instantiations the reflection above makes
    /// (MakeGenericMethod), so a Native AOT build compiles them (see NativeTypeArguments).
    /// </summary>
    internal static void CompileValueTypeInstantiations()
    {
        NativeTypeArguments.ForEach(new Instantiate());
        InputInspector.CompileValueTypeInstantiations();
    }

    private sealed class Instantiate : NativeTypeArguments.IVisitor
    {
        public void Visit<T>() => _ = (Func<Output<T>, Task<(object?, bool)>>)OutputValueAsync<T>;
    }

    /// <summary>The resources given, in order, with each component replaced by its descendants down to the first custom resource on each path; custom resources only.</summary>
    private static IEnumerable<Resource> TransitivelyReferenced(IEnumerable<Resource> resources, ILookup<Resource?, Resource> children)
    {
        var seen = new HashSet<Resource>();
        var found = new List<Resource>();
        var pending = new Queue<Resource>(resources);
        while (pending.Count > 0)
        {
            var resource = pending.Dequeue();
            if (!seen.Add(resource))
                continue;
            if (resource is CustomResource)
                found.Add(resource);
            else if (resource is ComponentResource)
            {
                foreach (var child in children[resource])
                    pending.Enqueue(child);
            }
        }
        return found;
    }

    private static ResourceRef RefOf(Resource resource) => new(resource.GetResourceType(), resource.GetResourceName());

    /// <summary>
    /// The aliases a resource declares, each as given (not yet turned into URNs, which the engine does
    /// with the resource's parent and its parent's aliases: PlanDiff mirrors it). An alias that sets a
    /// whole URN and another part, or more than one of Parent, ParentUrn and NoParent, is refused as the
    /// real SDK refuses it (pulumi/pulumi-dotnet sdk/Pulumi/Resources/Resource.cs, CollapseAliasToUrn).
    /// </summary>
    private static async Task<ImmutableArray<PlannedAlias>> AliasesOf(ResourceOptions options)
    {
        var aliases = ImmutableArray.CreateBuilder<PlannedAlias>();
        foreach (var input in options.Aliases)
        {
            var alias = await OutputUtilities.GetValueAsync(input.ToOutput());
            if (alias is null)
                continue;
            async Task<string?> Text(Input<string>? part) => part is null ? null : await OutputUtilities.GetValueAsync(part.ToOutput());
            var planned = new PlannedAlias(
                alias.Urn,
                await Text(alias.Name),
                await Text(alias.Type),
                alias.Parent is null ? null : RefOf(alias.Parent),
                await Text(alias.ParentUrn),
                alias.NoParent ? true : null,
                await Text(alias.Project),
                await Text(alias.Stack));
            if (planned.Urn is not null && planned with { Urn = null } != new PlannedAlias())
                throw new ArgumentException("Alias should not specify both Urn and another property");
            if ((planned.Parent is null ? 0 : 1) + (planned.ParentUrn is null ? 0 : 1) + (alias.NoParent ? 1 : 0) >= 2)
                throw new ArgumentException("Only specify one of 'Parent', 'ParentUrn' or 'NoParent' in an Alias");
            aliases.Add(planned);
        }
        return aliases.ToImmutable();
    }

    private static async Task<ImmutableArray<Resource>> ResolveDependsOnAsync(ResourceOptions options)
    {
        var resources = await OutputUtilities.GetValueAsync(options.DependsOn.ToOutput());
        return resources.IsDefault ? ImmutableArray<Resource>.Empty : resources.Where(r => r != null).ToImmutableArray();
    }

    /// <summary>The provider a resource registered with: its reference is "urn::id".</summary>
    private static ResourceRef? ProviderOf(MockResourceArgs? registered, Dictionary<string, ResourceRef> byUrn)
    {
        var reference = registered?.Provider;
        if (string.IsNullOrEmpty(reference))
            return null;
        var separator = reference.LastIndexOf("::", StringComparison.Ordinal);
        return separator > 0 && byUrn.TryGetValue(reference[..separator], out var provider) ? provider : null;
    }
}

/// <summary>
/// Reads an args object's [Input] members through public Pulumi API: secrecy and dependencies per
/// input, found as the real SDK's serializer finds them (pulumi/pulumi-dotnet
/// sdk/Pulumi/Serialization/Serializer.cs, SerializeAsync, one serializer per property in
/// Deployment_Serialization.cs): every output met anywhere inside the input (an InputList's or
/// InputMap's elements, a nested input type's members, a map's values, a list's items, the value of a
/// known output, a value built with Output.Format, Apply or All) adds its resources, and a resource
/// given as a value adds itself. An unknown output's value is not walked, and a null input records
/// nothing, as there.
/// </summary>
internal static class InputInspector
{
    public sealed record Inspection(ImmutableHashSet<string> SecretNames, ImmutableDictionary<string, ImmutableHashSet<Resource>> Dependencies);

    private static readonly MethodInfo InspectOutputGeneric = typeof(InputInspector).GetMethod(nameof(InspectOutputAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<Inspection> InspectAsync(ResourceArgs args)
    {
        var secrets = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var dependencies = ImmutableDictionary.CreateBuilder<string, ImmutableHashSet<Resource>>(StringComparer.Ordinal);
        foreach (var (name, value) in InputValues(args))
        {
            if (value is null)
                continue;
            var found = new Found();
            await WalkAsync(value, found);
            if (found.IsSecret)
                secrets.Add(name);
            dependencies[name] = found.Resources.ToImmutable();
        }
        return new Inspection(secrets.ToImmutable(), dependencies.ToImmutable());
    }

    /// <summary>What the walk of one input found: the resources it depends on, and whether any part of it is secret.</summary>
    private sealed class Found
    {
        public ImmutableHashSet<Resource>.Builder Resources { get; } = ImmutableHashSet.CreateBuilder<Resource>();
        public bool IsSecret { get; set; }
    }

    private static async Task WalkAsync(object? value, Found found)
    {
        switch (value)
        {
            case null or string or bool or int or double:
                return;
            case InputArgs args:
                foreach (var (_, member) in InputValues(args))
                    await WalkAsync(member, found);
                return;
            case Resource resource:
                // A resource as a value: the real serializer sends its id (custom) or urn (component), depending on it.
                found.Resources.Add(resource);
                return;
        }
        if (OutputValueType(value.GetType()) is { } outputType)
        {
            await (Task)InspectOutput(outputType).Invoke(null, new[] { value, found })!;
            return;
        }
        if (InputValueType(value.GetType()) is { } inputType)
        {
            // Input<T> (InputList and InputMap among them) holds an Output<T>, which the conversion hands back.
            var output = ToOutput(inputType).Invoke(null, new[] { value });
            await WalkAsync(output, found);
            return;
        }
        switch (value)
        {
            case IDictionary dictionary:
                foreach (var entry in dictionary.Values)
                    await WalkAsync(entry, found);
                return;
            case IEnumerable items:
                foreach (var item in items)
                    await WalkAsync(item, found);
                return;
        }
    }

    internal static void CompileValueTypeInstantiations() => NativeTypeArguments.ForEach(new Instantiate());

    private sealed class Instantiate : NativeTypeArguments.IVisitor
    {
        public void Visit<T>()
        {
            _ = (Func<Output<T>, Found, Task>)InspectOutputAsync<T>;
            _ = (Func<Input<T>, Output<T>>)InputExtensions.ToOutput<T>;
        }
    }

    private static async Task InspectOutputAsync<T>(Output<T> output, Found found)
    {
        found.Resources.UnionWith(await OutputUtilities.GetDependenciesAsync(output));
        if (await Output.IsSecretAsync(output))
            found.IsSecret = true;
        if (await OutputUtilities.GetIsKnownAsync(output))
            await WalkAsync(await OutputUtilities.GetValueAsync(output), found);
    }

    /// <summary>The input name (from its [Input] attribute's first argument) and value of each input member.</summary>
    private static IEnumerable<(string Name, object? Value)> InputValues(InputArgs args)
    {
        foreach (var (name, member) in InputMembersOf(args.GetType()))
        {
            yield return (name, member switch
            {
                FieldInfo field => field.GetValue(args),
                PropertyInfo property => property.GetValue(args),
                _ => null,
            });
        }
    }

    // What reflection finds on a type, found once per type: attribute metadata and generic
    // instantiations are slow to read and make (most of all in the native CLI, where each
    // MakeGenericMethod is a new method to look up), and the same few types recur in every plan.
    // Thread-safe: stacks may be planned concurrently.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string Name, MemberInfo Member)[]> InputMembers = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type?> InputTypes = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type?> OutputTypes = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, MethodInfo> InspectOutputs = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, MethodInfo> ToOutputs = new();

    private static (string Name, MemberInfo Member)[] InputMembersOf(Type argsType)
        => InputMembers.GetOrAdd(argsType, static t =>
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            var members = new List<(string, MemberInfo)>();
            for (var type = t; type != null && type != typeof(object); type = type.BaseType)
            {
                foreach (var member in type.GetFields(flags).Cast<MemberInfo>().Concat(type.GetProperties(flags)))
                {
                    var attribute = member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(InputAttribute));
                    if (attribute?.ConstructorArguments.FirstOrDefault().Value is string name)
                        members.Add((name, member));
                }
            }
            return members.ToArray();
        });

    private static MethodInfo InspectOutput(Type valueType) => InspectOutputs.GetOrAdd(valueType, static t => InspectOutputGeneric.MakeGenericMethod(t));

    private static MethodInfo ToOutput(Type valueType)
        => ToOutputs.GetOrAdd(valueType, static t => typeof(InputExtensions).GetMethod(nameof(InputExtensions.ToOutput))!.MakeGenericMethod(t));

    /// <summary>The T of the Input&lt;T&gt; a value is (InputList and InputMap are inputs of collections).</summary>
    private static Type? InputValueType(Type type) => InputTypes.GetOrAdd(type, static t => GenericArgumentOf(t, typeof(Input<>)));

    /// <summary>The T of the Output&lt;T&gt; a value is.</summary>
    private static Type? OutputValueType(Type type) => OutputTypes.GetOrAdd(type, static t => GenericArgumentOf(t, typeof(Output<>)));

    private static Type? GenericArgumentOf(Type type, Type definition)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == definition)
                return current.GetGenericArguments()[0];
        }
        return null;
    }
}
