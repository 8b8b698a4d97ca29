// Mirrors sdk/Pulumi/Resources/Resource.cs, CustomResource.cs, ComponentResource.cs and
// ProviderResource.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1). Construction follows the real
// order: outputs initialised, transformations applied (own, then the parent's), the parent
// defaulted to the stack, providers inherited through the parent's provider map, then the
// registration handed to the engine.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace Pulumi
{
    public class Resource
    {
        private readonly string _type;
        private readonly string _name;
        private readonly ImmutableArray<ResourceTransformation> _transformations;
        private readonly ImmutableDictionary<string, ProviderResource> _providers;

        /// <summary>Completion sources of every [Output] property, keyed by output name.</summary>
        internal readonly ImmutableDictionary<string, IOutputCompletionSource> CompletionSources;

        [Output("urn")]
        public Output<string> Urn { get; private protected set; } = null!;

        public string GetResourceType() => _type;

        public string GetResourceName() => _name;

        /// <summary>The parent after defaulting (the stack for top-level resources); null only for the stack.</summary>
        internal Resource? ParentResource { get; }

        /// <summary>The provider a custom resource uses, explicit or inherited.</summary>
        internal ProviderResource? ProviderForRegistration { get; }

        private protected Resource(string type, string name, bool custom, ResourceArgs args, ResourceOptions options)
        {
            if (string.IsNullOrEmpty(type))
                throw new ArgumentException("'type' cannot be null or empty.", nameof(type));
            if (string.IsNullOrEmpty(name))
                throw new ArgumentException("'name' cannot be null or empty.", nameof(name));

            var engine = OfflineEngine.Require();
            CompletionSources = OutputCompletionSource.InitializeOutputs(this);

            _type = type;
            _name = name;

            var parent = type == Stack.RootStackTypeName ? null : options.Parent ?? engine.Stack;
            var transformations = ImmutableArray.CreateBuilder<ResourceTransformation>();
            transformations.AddRange(options.ResourceTransformations);
            if (parent != null)
            {
                transformations.AddRange(parent._transformations);
            }
            _transformations = transformations.ToImmutable();

            foreach (var transformation in _transformations)
            {
                var result = transformation(new ResourceTransformationArgs(this, args, options));
                if (result != null)
                {
                    if (result.Value.Options.Parent != options.Parent)
                        throw new ArgumentException("Transformations cannot currently be used to change the 'parent' of a resource.");
                    args = result.Value.Args;
                    options = result.Value.Options;
                }
            }

            _providers = parent?._providers ?? ImmutableDictionary<string, ProviderResource>.Empty;
            ParentResource = parent;

            if (custom)
            {
                var provider = options.Provider ?? parent?.GetProvider(type);
                ProviderForRegistration = provider;
                if (options.Provider != null)
                {
                    _providers = _providers.SetItem(PackageOf(type) ?? "", options.Provider);
                }
            }
            else if (options.Provider != null)
            {
                _providers = _providers.SetItem(options.Provider.Package, options.Provider);
            }

            engine.RegisterResource(this, custom, args, options);
        }

        internal ProviderResource? GetProvider(string type)
            => PackageOf(type) is { } package && _providers.TryGetValue(package, out var provider) ? provider : null;

        private static string? PackageOf(string type)
        {
            var parts = type.Split(':');
            return parts.Length == 3 ? parts[0] : null;
        }
    }

    public class CustomResource : Resource
    {
        [Output("id")]
        public Output<string> Id { get; private set; } = null!;

        public CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null)
            : base(type, name, custom: true, args ?? ResourceArgs.Empty, options ?? new CustomResourceOptions())
        {
        }
    }

    public class ProviderResource : CustomResource
    {
        internal string Package { get; }

        public ProviderResource(string package, string name, ResourceArgs args, CustomResourceOptions? options = null)
            : base($"pulumi:providers:{package}", name, args, options)
        {
            Package = package;
        }
    }

    public class ComponentResource : Resource
    {
        public ComponentResource(string type, string name, ComponentResourceOptions? options = null)
            : base(type, name, custom: false, ResourceArgs.Empty, options ?? new ComponentResourceOptions())
        {
        }

        /// <summary>
        /// As the real SDK since 3.59 (pulumi-dotnet #200, ComponentResource.RegisterOutputs()): every public property
        /// of the component's type carrying [Output] (the inherited Urn excepted), under its [Output] name or else the
        /// property's own, with the value it holds once the constructor assigned it.
        /// </summary>
        protected void RegisterOutputs()
        {
            var outputs = new Dictionary<string, object?>();
            foreach (var property in GetType().GetProperties())
            {
                if (property.Name == nameof(Urn))
                    continue;
                if (property.GetCustomAttributes(typeof(OutputAttribute), false).FirstOrDefault() is OutputAttribute attribute)
                    outputs.Add(string.IsNullOrWhiteSpace(attribute.Name) ? property.Name : attribute.Name, property.GetValue(this));
            }
            RegisterOutputs(outputs);
        }

        protected void RegisterOutputs(IDictionary<string, object?> outputs)
            => OfflineEngine.Require().RegisterResourceOutputs(this, Task.FromResult(outputs));
    }

    /// <summary>Completes one [Output] property of a resource once the engine has registered it.</summary>
    internal interface IOutputCompletionSource
    {
        Type TargetType { get; }
        void SetValue(ImmutableHashSet<Resource> resources, object? value, bool isKnown, bool isSecret);
        void SetException(Exception exception);
    }

    internal sealed class OutputCompletionSource<T> : IOutputCompletionSource
    {
        private readonly TaskCompletionSource<OutputData<T>> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public OutputCompletionSource(Resource resource)
        {
            Output = new Output<T>(_source.Task, track: false);
        }

        public Output<T> Output { get; }

        public Type TargetType => typeof(T);

        public void SetValue(ImmutableHashSet<Resource> resources, object? value, bool isKnown, bool isSecret)
            => _source.TrySetResult(new OutputData<T>(resources, (T)value!, isKnown, isSecret));

        public void SetException(Exception exception) => _source.TrySetException(exception);
    }

    internal static class OutputCompletionSource
    {
        /// <summary>
        /// Sets every [Output] property of <paramref name="resource"/> (as the real SDK does, by
        /// reflection through private setters) to an output the engine completes later.
        /// </summary>
        public static ImmutableDictionary<string, IOutputCompletionSource> InitializeOutputs(Resource resource)
        {
            var result = ImmutableDictionary.CreateBuilder<string, IOutputCompletionSource>();
            foreach (var (name, property, sourceType, output) in OutputsOf(resource.GetType()))
            {
                var source = (IOutputCompletionSource)Activator.CreateInstance(sourceType, resource)!;
                property.SetValue(resource, output.GetValue(source));
                result.Add(name, source);
            }
            return result.ToImmutable();
        }

        // A resource type's [Output] properties, read once per type: attribute metadata is slow to read
        // (most of all in a Native AOT build) and never changes. Thread-safe, as stacks may be planned concurrently.
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string Name, PropertyInfo Property, Type SourceType, PropertyInfo Output)[]> Outputs = new();

        private static (string Name, PropertyInfo Property, Type SourceType, PropertyInfo Output)[] OutputsOf(Type resourceType)
            => Outputs.GetOrAdd(resourceType, static t =>
            {
                var found = new List<(string, PropertyInfo, Type, PropertyInfo)>();
                var names = new HashSet<string>();
                for (var type = t; type != null && type != typeof(object); type = type.BaseType)
                {
                    foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                    {
                        var attribute = property.GetCustomAttribute<OutputAttribute>();
                        if (attribute == null || !names.Add(attribute.Name ?? property.Name))
                            continue;
                        var valueType = property.PropertyType.GetGenericArguments().Single();
                        var sourceType = typeof(OutputCompletionSource<>).MakeGenericType(valueType);
                        found.Add((attribute.Name ?? property.Name, property, sourceType, sourceType.GetProperty("Output")!));
                    }
                }
                return found.ToArray();
            });
    }
}
