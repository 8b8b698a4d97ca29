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
        /// <summary>
        /// The diagnostic's code in BlinkInfra's catalogue (DiagnosticCatalogue.OfflineBuildCannotDeploy, `./blink explain
        /// BLINK5011`): written here as text, since the SDK is below every ring; OfflineSdkBehaviourTests holds the two alike.
        /// </summary>
        internal const string CannotDeployCode = "BLINK5011";

        /// <summary>What RunAsync prints in this build: it has no engine to talk to.</summary>
        internal const string CannotDeployMessage =
            "this program was built against BlinkInfra's offline Pulumi SDK (offline-sdk/), which runs stacks under mocks only and cannot deploy.\n" +
            "Build it against the real Pulumi packages to deploy: restore from a NuGet feed that serves Pulumi 3.112.1, Pulumi.AliCloud 3.105.0 and Pulumi.Kubernetes 4.32.0\n" +
            "(a plain `dotnet build`, or BLINKINFRA_SDK=real), then run `pulumi up` again.";

        private Deployment()
        {
        }

        public static DeploymentInstance Instance => new(OfflineEngine.Require());

        /// <summary>
        /// Runs a program that declares no resource (one that only logs, or stops), as the real runner
        /// would under the engine: the root stack is "registered" offline, what the program logs is
        /// printed to stderr as the Pulumi CLI shows diagnostics ("error: ...", "warning: ..."), and the
        /// exit code is the real runner's (Deployment.Runner.cs): 32 when an exception reached it (a
        /// RunException is logged as its message alone, and lines logged with Log.Error or Log.Warn
        /// are then not shown, as the real runner may return before sending them), 1 when only errors
        /// were logged, 0 otherwise. A resource or invoke fails: this build cannot deploy.
        /// </summary>
        public static async Task<int> RunAsync(Action action)
        {
            var engine = new OfflineEngine(new CannotDeployMocks(), new TestOptions
            {
                ProjectName = Environment.GetEnvironmentVariable("PULUMI_PROJECT") ?? "project",
                StackName = Environment.GetEnvironmentVariable("PULUMI_STACK") ?? "stack",
                IsPreview = Environment.GetEnvironmentVariable("PULUMI_DRY_RUN") == "true",
            });
            var outcome = await OfflineEngine.RunAsync(engine, () => new TestStack(() =>
            {
                action();
                return new Dictionary<string, object?>();
            }).RegisterPropertyOutputs()).ConfigureAwait(false);
            foreach (var (severity, message) in outcome.Diagnostics)
                await Console.Error.WriteLineAsync($"{severity}: {message}").ConfigureAwait(false);
            return outcome.ExitCode;
        }

        /// <summary>What a program run by RunAsync(Action) meets when it declares a resource or invokes: no engine.</summary>
        private sealed class CannotDeployMocks : IMocks
        {
            public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
                => throw new RunException($"{CannotDeployCode}: {args.Type} {args.Name}: {CannotDeployMessage}");

            public Task<object> CallAsync(MockCallArgs args)
                => throw new RunException($"{CannotDeployCode}: {args.Token}: {CannotDeployMessage}");
        }

        public static Task<int> RunAsync<TStack>() where TStack : Stack, new()
        {
            Console.Error.WriteLine($"error {CannotDeployCode}: {CannotDeployMessage}");
            return Task.FromResult(1);
        }

        public static Task<int> RunAsync<TStack>(IServiceProvider serviceProvider) where TStack : Stack
        {
            Console.Error.WriteLine($"error {CannotDeployCode}: {CannotDeployMessage}");
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

        public static async Task<ImmutableArray<Resource>> TestAsync(IMocks testMocks, TestOptions testOptions, Action createResources)
        {
            var resources = await TestAsync(testMocks, testOptions, () => new TestStack(() =>
            {
                createResources();
                return new Dictionary<string, object?>();
            })).ConfigureAwait(false);
            return resources.Where(r => r is not TestStack).ToImmutableArray();
        }

        private static async Task<ImmutableArray<Resource>> TestAsync<TStack>(IMocks mocks, TestOptions? options, Func<TStack> createStack)
            where TStack : Stack
        {
            var engine = new OfflineEngine(mocks, options);
            var outcome = await OfflineEngine.RunAsync(engine, () =>
            {
                var stack = createStack();
                // As the real runner: the stack's [Output] properties, none for a TestStack.
                stack.RegisterPropertyOutputs();
            }).ConfigureAwait(false);
            if (outcome.Error is { } error)
                throw error;
            return outcome.Resources;
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
    /// Mirrors sdk/Pulumi/Log.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1): each call goes to the
    /// deployment's engine logger (Deployment.EngineLogger.cs), outside a deployment it throws. An
    /// error counts (the runner then exits 1, or 32 if an exception was logged too); under mocks the
    /// real MockEngine keeps errors (TestAsync throws them as RunExceptions) and drops the rest, and so
    /// does this one; RunAsync(Action) prints both. When an exception ends the run, the lines logged
    /// here are not delivered: the real runner may return before sending them (OfflineEngine.Delivered).
    /// </summary>
    public static class Log
    {
        public static void Warn(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
            => OfflineEngine.Require().Log("warning", message);

        public static void Error(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
            => OfflineEngine.Require().Log("error", message);
    }
}
