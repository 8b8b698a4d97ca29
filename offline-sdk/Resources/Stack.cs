// Mirrors sdk/Pulumi/Stack.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1): the root component every
// resource is parented to, named "<project>-<stack>", whose [Output] properties become stack outputs.
using System;
using System.Collections.Generic;
using System.Reflection;

namespace Pulumi
{
    public class Stack : ComponentResource
    {
        internal const string RootStackTypeName = "pulumi:pulumi:Stack";

        public Stack(StackOptions? options = null)
            : base(RootStackTypeName, $"{Deployment.Instance.ProjectName}-{Deployment.Instance.StackName}", ToComponentOptions(options))
        {
            OfflineEngine.Require().Stack = this;
        }

        private static ComponentResourceOptions ToComponentOptions(StackOptions? options)
            => new() { ResourceTransformations = options?.ResourceTransformations ?? new() };

        /// <summary>Registers the stack's [Output] properties once the derived constructor has run.</summary>
        internal void RegisterPropertyOutputs()
        {
            var outputs = new Dictionary<string, object?>();
            foreach (var property in GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attribute = property.GetCustomAttribute<OutputAttribute>();
                if (attribute == null || property.DeclaringType == typeof(Resource))
                    continue;
                var value = property.GetValue(this)
                    ?? throw new InvalidOperationException($"Output(s) '{property.Name}' have no value assigned. [Output] attributed properties must be assigned inside Stack constructor.");
                outputs[attribute.Name ?? property.Name] = value;
            }
            RegisterOutputs(outputs);
        }
    }

    /// <summary>
    /// The stack TestAsync wraps around a callback, as the real SDK's internal TestStack: the callback's
    /// outputs are handed back to the test, not registered (the stack has no [Output] property, so it
    /// registers no output, and a failing output among them is not serialized).
    /// </summary>
    internal sealed class TestStack : Stack
    {
        public IDictionary<string, object?> Outputs { get; }

        public TestStack(Func<IDictionary<string, object?>> createResources)
        {
            Outputs = createResources();
        }
    }
}
