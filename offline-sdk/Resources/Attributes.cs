// Mirrors InputAttribute, OutputAttribute and ResourceTypeAttribute of sdk/Pulumi/Serialization/Attributes.cs
// of pulumi/pulumi-dotnet (Pulumi 3.112.1).
using System;

namespace Pulumi
{
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class InputAttribute : Attribute
    {
        internal string Name { get; }
        internal bool IsRequired { get; }
        internal bool Json { get; }

        public InputAttribute(string name, bool required = false, bool json = false)
        {
            Name = name;
            IsRequired = required;
            Json = json;
        }
    }

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class OutputAttribute : Attribute
    {
        internal string? Name { get; }

        public OutputAttribute(string? name = null)
        {
            Name = name;
        }
    }

    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public class ResourceTypeAttribute : Attribute
    {
        public string Type { get; }
        internal string? Version { get; }

        public ResourceTypeAttribute(string type, string? version)
        {
            Type = type;
            Version = version;
        }
    }
}
