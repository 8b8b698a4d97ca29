// Mirrors sdk/Pulumi/Core/Alias.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1): a resource's earlier
// identity, each property null to keep the resource's current one (NoParent: it had no parent).
namespace Pulumi
{
    public sealed class Alias
    {
        public string? Urn { get; set; }

        public Input<string>? Name { get; set; }

        public Input<string>? Type { get; set; }

        public Input<string>? Stack { get; set; }

        public Input<string>? Project { get; set; }

        public Resource? Parent { get; set; }

        public Input<string>? ParentUrn { get; set; }

        public bool NoParent { get; set; }
    }
}
