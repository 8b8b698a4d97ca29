// Mirrors sdk/Pulumi/Resources/ResourceTransformation.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1).
// As on the real SDK under mocks, these transformations run inside the SDK when a resource is
// constructed: with its own options' transformations first, then its parent's.
namespace Pulumi
{
    public delegate ResourceTransformationResult? ResourceTransformation(ResourceTransformationArgs args);

    public readonly struct ResourceTransformationArgs
    {
        public Resource Resource { get; }
        public ResourceArgs Args { get; }
        public ResourceOptions Options { get; }

        internal ResourceTransformationArgs(Resource resource, ResourceArgs args, ResourceOptions options)
        {
            Resource = resource;
            Args = args;
            Options = options;
        }
    }

    public readonly struct ResourceTransformationResult
    {
        internal ResourceArgs Args { get; }
        internal ResourceOptions Options { get; }

        public ResourceTransformationResult(ResourceArgs args, ResourceOptions options)
        {
            Args = args;
            Options = options;
        }
    }
}
