// Mirrors sdk/Pulumi/Resources/InputArgs.cs and ResourceArgs.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1).
namespace Pulumi
{
    public abstract class InputArgs
    {
        protected InputArgs()
        {
        }
    }

    public abstract class ResourceArgs : InputArgs
    {
        public static readonly ResourceArgs Empty = new EmptyResourceArgs();

        protected ResourceArgs()
        {
        }

        private sealed class EmptyResourceArgs : ResourceArgs
        {
        }
    }
}
