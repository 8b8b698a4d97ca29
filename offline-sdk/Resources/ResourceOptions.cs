// Mirrors sdk/Pulumi/Resources/ResourceOptions.cs, CustomResourceOptions.cs, ComponentResourceOptions.cs
// and StackOptions.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1).
using System.Collections.Generic;

namespace Pulumi
{
    public abstract class ResourceOptions
    {
        private InputList<Resource>? _dependsOn;
        private List<ResourceTransformation>? _resourceTransformations;
        private List<string>? _ignoreChanges;

        protected ResourceOptions()
        {
        }

        public Resource? Parent { get; set; }

        public InputList<Resource> DependsOn
        {
            get => _dependsOn ??= new InputList<Resource>();
            set => _dependsOn = value;
        }

        public bool? Protect { get; set; }

        /// <summary>Inputs whose change the engine ignores: it keeps their old values (step_generator.go, processIgnoreChanges).</summary>
        public List<string> IgnoreChanges
        {
            get => _ignoreChanges ??= new List<string>();
            set => _ignoreChanges = value;
        }

        public ProviderResource? Provider { get; set; }

        public List<ResourceTransformation> ResourceTransformations
        {
            get => _resourceTransformations ??= new List<ResourceTransformation>();
            set => _resourceTransformations = value;
        }

        /// <summary>The resource's earlier identities, which the engine matches the state's URNs against (step_generator.go, generateAliases).</summary>
        public List<Input<Alias>> Aliases { get; set; } = new List<Input<Alias>>();
    }

    public sealed class CustomResourceOptions : ResourceOptions
    {
        /// <summary>When it must be replaced, the resource is deleted before its replacement is created.</summary>
        public bool? DeleteBeforeReplace { get; set; }
    }

    public sealed class ComponentResourceOptions : ResourceOptions
    {
    }

    public class StackOptions
    {
        private List<ResourceTransformation>? _resourceTransformations;

        public List<ResourceTransformation> ResourceTransformations
        {
            get => _resourceTransformations ??= new List<ResourceTransformation>();
            set => _resourceTransformations = value;
        }
    }
}
