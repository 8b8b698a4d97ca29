// Mirrors the public surface of sdk/Pulumi/Deployment/Deployment.cs, Deployment_Run.cs and
// DeploymentInstance.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1) that BlinkInfra uses. The test
// entry points run the program under IMocks; RunAsync cannot deploy and says so.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Pulumi.Testing;

namespace Pulumi
{
    public sealed class Deployment
    {
        /// <summary>What RunAsync prints in this build: it has no engine to talk to.</summary>
        internal const string CannotDeployMessage =
            "error: this program was built against BlinkInfra's offline Pulumi SDK (offline-sdk/), which runs stacks under mocks only and cannot deploy.\n" +
            "Build it against the real Pulumi packages to deploy: restore from a NuGet feed that serves Pulumi 3.112.1, Pulumi.AliCloud 3.105.0 and Pulumi.Kubernetes 4.32.0\n" +
            "(a plain `dotnet build`, or BLINKINFRA_SDK=real), then run `pulumi up` again.";

        private Deployment()
        {
        }

        public static DeploymentInstance Instance => new(OfflineEngine.Require());

        public static Task<int> RunAsync<TStack>() where TStack : Stack, new()
        {
            Console.Error.WriteLine(CannotDeployMessage);
            return Task.FromResult(1);
        }

        public static Task<int> RunAsync<TStack>(IServiceProvider serviceProvider) where TStack : Stack
        {
            Console.Error.WriteLine(CannotDeployMessage);
            return Task.FromResult(1);
        }

        public static Task<ImmutableArray<Resource>> TestAsync<TStack>(IMocks mocks, TestOptions? options = null)
            where TStack : Stack, new()
            => TestAsync(mocks, options, () => new TStack());

        public static Task<ImmutableArray<Resource>> TestWithServiceProviderAsync<TStack>(IMocks mocks, IServiceProvider serviceProvider, TestOptions? options = null)
            where TStack : Stack
        {
            if (serviceProvider == null)
                throw new ArgumentNullException(nameof(serviceProvider));
            return TestAsync(mocks, options, () => serviceProvider.GetService(typeof(TStack)) as TStack
                ?? throw new ApplicationException($"Failed to resolve instance of type {typeof(TStack)} from service provider. Register the type with the service provider before calling {nameof(RunAsync)}."));
        }

        public static async Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> TestAsync(
            IMocks testMocks, TestOptions testOptions, Func<IDictionary<string, object?>> createResources)
        {
            TestStack? testStack = null;
            var resources = await TestAsync(testMocks, testOptions, () => testStack = new TestStack(createResources)).ConfigureAwait(false);
            return (resources.Where(r => r is not TestStack).ToImmutableArray(), testStack?.Outputs ?? new Dictionary<string, object?>());
        }

        private static async Task<ImmutableArray<Resource>> TestAsync<TStack>(IMocks mocks, TestOptions? options, Func<TStack> createStack)
            where TStack : Stack
        {
            var engine = new OfflineEngine(mocks, options);
            var (resources, error) = await OfflineEngine.RunAsync(engine, () =>
            {
                var stack = createStack();
                // As the real runner: the stack's [Output] properties, none for a TestStack.
                stack.RegisterPropertyOutputs();
            }).ConfigureAwait(false);
            if (error != null)
                throw error;
            return resources;
        }
    }

    public sealed class DeploymentInstance
    {
        private readonly OfflineEngine _engine;

        internal DeploymentInstance(OfflineEngine engine)
        {
            _engine = engine;
        }

        public string StackName => _engine.StackName;

        internal string ProjectName => _engine.ProjectName;

        internal Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options = null)
            => new(_engine.InvokeOutputAsync<T>(token, args, options));

        internal Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null)
            => _engine.InvokeAsync<T>(token, args, options);
    }

    public class RunException : Exception
    {
        public RunException(string message) : base(message)
        {
        }

        public RunException(string message, Exception innerException) : base(message, innerException)
        {
        }
    }
}

namespace Pulumi
{
    /// <summary>
    /// Mirrors sdk/Pulumi/Log.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1). Under mocks the real SDK's
    /// engine keeps errors (they fail the run) and drops the rest; so does this one.
    /// </summary>
    public static class Log
    {
        public static void Warn(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        {
        }
    }
}
