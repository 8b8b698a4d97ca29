// Mirrors sdk/Pulumi/Resources/InvokeArgs.cs, sdk/Pulumi/Deployment/InvokeOptions.cs and the output
// type attributes of sdk/Pulumi/Serialization/Attributes.cs
// of pulumi/pulumi-dotnet (Pulumi 3.112.1). Invokes run through IMocks.CallAsync, as MockMonitor does.
using System;

namespace Pulumi
{
    public abstract class InvokeArgs : InputArgs
    {
        protected InvokeArgs()
        {
        }
    }

    public class InvokeOptions
    {
        public Resource? Parent { get; set; }

        /// <summary>The provider the invoke goes through; without it, the parent's for the token's package.</summary>
        public ProviderResource? Provider { get; set; }
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class OutputTypeAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Constructor)]
    public sealed class OutputConstructorAttribute : Attribute
    {
    }
}
