// Mirrors sdk/Pulumi/Resources/ResourceOptions.cs, CustomResourceOptions.cs, ComponentResourceOptions.cs
// and StackOptions.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1).
using System.Collections.Generic;

namespace Pulumi
{
    public abstract class ResourceOptions
    {
        private InputList<Resource>? _dependsOn;
        private List<ResourceTransformation>? _resourceTransformations;

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

        public ProviderResource? Provider { get; set; }

        public List<ResourceTransformation> ResourceTransformations
        {
            get => _resourceTransformations ??= new List<ResourceTransformation>();
            set => _resourceTransformations = value;
        }
    }

    public sealed class CustomResourceOptions : ResourceOptions
    {
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
