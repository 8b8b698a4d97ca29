// The offline SDK's engine: what the real SDK does through Deployment, Runner, MockEngine and
// MockMonitor (sdk/Pulumi/Deployment/*.cs and sdk/Pulumi/Testing/MockMonitor.cs of
// pulumi/pulumi-dotnet) when a program runs under Deployment.TestAsync. It never talks to a Pulumi
// engine: every registration goes to the IMocks the test supplied.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Pulumi.Testing;

namespace Pulumi
{
    internal sealed class OfflineEngine
    {
        private static readonly AsyncLocal<OfflineEngine?> CurrentEngine = new();

        private readonly object _lock = new();
        private readonly List<Task> _tracked = new();
        private readonly List<Resource> _resources = new();
        /// <summary>What the run reports, in order: errors logged to the engine, and exceptions (described at the end).</summary>
        private readonly List<object> _failures = new();
        /// <summary>Everything logged to the engine, in order: (severity, message), exceptions described at the end.</summary>
        private readonly List<(string Severity, object Entry)> _log = new();
        private Task _registrationChain = Task.CompletedTask;

        public OfflineEngine(IMocks mocks, TestOptions? options)
        {
            Mocks = mocks;
            ProjectName = options?.ProjectName ?? "project";
            StackName = options?.StackName ?? "stack";
            IsDryRun = options?.IsPreview ?? true;
            // Read when the deployment is created, exactly as the language host passes them.
            AllConfig = ParseConfig(Environment.GetEnvironmentVariable("PULUMI_CONFIG"));
            ConfigSecretKeys = ParseSecretKeys(Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS"));
        }

        public static OfflineEngine? Current => CurrentEngine.Value;

        public static OfflineEngine Require()
            => Current ?? throw new InvalidOperationException("Trying to acquire Deployment.Instance before 'Run' was called.");

        public IMocks Mocks { get; }
        public string ProjectName { get; }
        public string StackName { get; }
        public bool IsDryRun { get; }
        public ImmutableDictionary<string, string> AllConfig { get; }
        public ImmutableHashSet<string> ConfigSecretKeys { get; }
        public Stack? Stack { get; set; }

        public void Track(Task task)
        {
            lock (_lock)
            {
                _tracked.Add(task);
            }
        }

        /// <summary>What a run reported to the engine, as the real runner reports it (Deployment.Runner.cs).</summary>
        /// <param name="Errors">The distinct error messages, in order: logged errors and the exceptions the runner logged.</param>
        /// <param name="Diagnostics">Every message logged, in order, with its severity ("error", "warning").</param>
        /// <param name="ExceptionLogged">Whether an exception reached the runner, which then exits 32 ("already reported").</param>
        public sealed record Outcome(ImmutableArray<Resource> Resources, ImmutableArray<string> Errors,
            ImmutableArray<(string Severity, string Message)> Diagnostics, bool ExceptionLogged)
        {
            /// <summary>The exception TestAsync throws, as the real one builds it from MockEngine's errors.</summary>
            public Exception? Error => Errors.Length switch
            {
                0 => null,
                1 => new RunException(Errors[0]),
                _ => new AggregateException(Errors.Select(e => new RunException(e))),
            };

            /// <summary>The runner's exit code: 32 after an exception it logged, 1 after logged errors alone, 0 otherwise.</summary>
            public int ExitCode => ExceptionLogged ? 32 : Errors.IsEmpty ? 0 : 1;
        }

        /// <summary>Runs a program (the stack factory) and waits for every registration and output it started.</summary>
        public static async Task<Outcome> RunAsync(OfflineEngine engine, Action program)
        {
            CurrentEngine.Value = engine;
            try
            {
                try
                {
                    program();
                }
                catch (Exception exception)
                {
                    engine.Fail(exception);
                }

                await engine.WaitForTrackedAsync().ConfigureAwait(false);
            }
            finally
            {
                CurrentEngine.Value = null;
            }

            // The real runner logs an exception once per task that carries it (every output derived from
            // a failed one, every output of a resource whose registration failed); the same message
            // several times tells a reader nothing more, so each distinct message is reported once.
            lock (engine._lock)
            {
                var exceptionLogged = engine._failures.Any(f => f is Exception);
                var errors = engine._failures.Where(f => Delivered(f, exceptionLogged)).Select(f => f as string ?? Describe((Exception)f)).Distinct().ToImmutableArray();
                var diagnostics = engine._log
                    .Where(e => Delivered(e.Entry, exceptionLogged))
                    .Select(e => (e.Severity, Message: e.Entry as string ?? Describe((Exception)e.Entry)))
                    .Distinct()
                    .ToImmutableArray();
                return new Outcome(engine._resources.ToImmutableArray(), errors, diagnostics, exceptionLogged);
            }
        }

        /// <summary>
        /// Whether an entry of the log reaches the engine. The real runner of Pulumi 3.112.1
        /// (Deployment.Runner.cs, WhileRunningAsync) returns at the first failed task: it awaits the
        /// logging of the exceptions it has met (a RunException as its message), but not the messages
        /// that Log.Error and Log.Warn queued before, each sent by a Task.Run of its own
        /// (Deployment.EngineLogger.cs, LogImplAsync) that may not have run yet; under TestAsync,
        /// MockEngine's errors are read as soon as the runner returns. So when an exception ends the
        /// run, a logged line may be lost (3 runs in 8 on the real packages). Which ones depends on
        /// timing there; here every one is, every time, so a reason that travels only in a log line
        /// beside the exception that stops the program is missed offline too, not in some runs there.
        /// </summary>
        private static bool Delivered(object entry, bool exceptionLogged) => entry is Exception || !exceptionLogged;

        private static string Describe(Exception exception)
            => exception is RunException
                ? exception.Message
                : $"Running program '{Assembly.GetEntryAssembly()?.Location}' failed with an unhandled exception:\n{exception}";

        /// <summary>An error the SDK logs to the engine itself (as Log.Error does), failing the run.</summary>
        private void LogError(string message) => Log("error", message);

        /// <summary>
        /// A message for the engine's log (Log.Error, Log.Warn): as the real EngineLogger, an error is
        /// counted (the run fails; under mocks it is among the errors TestAsync throws, as MockEngine
        /// keeps them) and a warning is only shown. The resource's URN goes with the message to the
        /// engine; offline there is no engine to show it, so it is not kept.
        /// </summary>
        public void Log(string severity, string message)
        {
            lock (_lock)
            {
                if (severity == "error")
                    _failures.Add(message);
                _log.Add((severity, message));
            }
        }

        private void Fail(Exception exception)
        {
            while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
                exception = aggregate.InnerExceptions[0];
            lock (_lock)
            {
                if (!_failures.Contains(exception))
                {
                    _failures.Add(exception);
                    _log.Add(("error", exception));
                }
            }
        }

        private async Task WaitForTrackedAsync()
        {
            var seen = 0;
            while (true)
            {
                Task[] pending;
                lock (_lock)
                {
                    if (seen == _tracked.Count)
                        return;
                    pending = _tracked.Skip(seen).ToArray();
                    seen = _tracked.Count;
                }

                foreach (var task in pending)
                {
                    try
                    {
                        await task.ConfigureAwait(false);
                    }
                    catch (Exception exception)
                    {
                        Fail(exception);
                    }
                }
            }
        }

        /// <summary>
        /// Queues a resource's registration. Registrations run one after another in construction
        /// order, so a program always registers its resources in the same order.
        /// </summary>
        public void RegisterResource(Resource resource, bool custom, ResourceArgs args, ResourceOptions options)
        {
            lock (_lock)
            {
                var previous = _registrationChain;
                _registrationChain = RegisterAfterAsync(previous, resource, custom, args, options);
                _tracked.Add(_registrationChain);
            }
        }

        private async Task RegisterAfterAsync(Task previous, Resource resource, bool custom, ResourceArgs args, ResourceOptions options)
        {
            try
            {
                await previous.ConfigureAwait(false);
            }
            catch
            {
                // The earlier registration's failure is reported on its own.
            }

            try
            {
                await RegisterAsync(resource, custom, args, options).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                foreach (var source in resource.CompletionSources.Values)
                    source.SetException(exception);
                throw;
            }
        }

        private async Task RegisterAsync(Resource resource, bool custom, ResourceArgs args, ResourceOptions options)
        {
            var type = resource.GetResourceType();
            var name = resource.GetResourceName();

            // Explicit dependencies are awaited before registration, as in the real SDK.
            var dependsOn = await options.DependsOn.ToOutput().DataTask.ConfigureAwait(false);
            foreach (var dependency in dependsOn.IsKnown ? dependsOn.Value : ImmutableArray<Resource>.Empty)
            {
                if (dependency != null)
                    await dependency.Urn.DataTask.ConfigureAwait(false);
            }

            var inputs = (ImmutableDictionary<string, object>)(await Serializer.SerializePropertiesAsync(args).ConfigureAwait(false)).Value!;
            var parentUrn = resource.ParentResource is { } parent
                ? (await parent.Urn.DataTask.ConfigureAwait(false)).Value
                : "";
            var providerReference = "";
            if (resource.ProviderForRegistration is { } provider)
            {
                var providerUrn = (await provider.Urn.DataTask.ConfigureAwait(false)).Value;
                var providerId = (await provider.Id.DataTask.ConfigureAwait(false)).Value;
                providerReference = $"{providerUrn}::{providerId}";
            }

            lock (_lock)
            {
                _resources.Add(resource);
            }

            var urn = NewUrn(parentUrn, type, name);
            var self = ImmutableHashSet.Create(resource);
            if (type == Stack.RootStackTypeName)
            {
                Complete(resource, self, urn, id: null, ImmutableDictionary<string, object?>.Empty);
                return;
            }

            var (id, state) = await Mocks.NewResourceAsync(new MockResourceArgs
            {
                Type = type,
                Name = name,
                Inputs = inputs,
                Provider = providerReference,
            }).ConfigureAwait(false);

            var serializedState = await Serializer.SerializeStateAsync(state).ConfigureAwait(false);
            Complete(resource, self, urn, custom ? id : null, serializedState);
        }

        private void Complete(Resource resource, ImmutableHashSet<Resource> self, string urn, string? id, ImmutableDictionary<string, object?> state)
        {
            foreach (var (outputName, source) in resource.CompletionSources)
            {
                switch (outputName)
                {
                    case "urn":
                        source.SetValue(self, urn, isKnown: true, isSecret: false);
                        break;
                    case "id":
                        source.SetValue(self, id ?? "", isKnown: !(IsDryRun && string.IsNullOrEmpty(id)), isSecret: false);
                        break;
                    default:
                        if (state.TryGetValue(outputName, out var value))
                            source.SetValue(self, Converter.Convert(value, source.TargetType, $"{resource.GetResourceType()}.{outputName}"), isKnown: true, isSecret: false);
                        else
                            source.SetValue(self, Converter.DefaultOf(source.TargetType), isKnown: !IsDryRun, isSecret: false);
                        break;
                }
            }
        }

        /// <summary>The URN the real MockMonitor gives: the parent's first type segment qualifies the child's.</summary>
        private string NewUrn(string parentUrn, string type, string name)
        {
            if (!string.IsNullOrEmpty(parentUrn))
            {
                var qualifiedType = parentUrn.Split("::")[2];
                type = qualifiedType.Split('$').First() + "$" + type;
            }
            return "urn:pulumi:" + string.Join("::", StackName, ProjectName, type, name);
        }

        /// <summary>
        /// An Output-returning invoke (GetNetworks.Invoke), as the real SDK's RawInvoke: when its
        /// arguments cannot be serialized (an exception inside an Apply they depend on), it logs
        /// "Error serializing arguments for invoke &lt;token&gt;: &lt;exception&gt;" to the engine
        /// and the output fails with that exception, which the run reports again as unhandled. That
        /// exception ends the run, so the line is not delivered (<see cref="Delivered"/>).
        /// </summary>
        public async Task<OutputData<T>> InvokeOutputAsync<T>(string token, InvokeArgs args, InvokeOptions? options)
        {
            Serializer.Serialized serialized;
            try
            {
                serialized = await Serializer.SerializePropertiesAsync(args).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                LogError($"Error serializing arguments for invoke {token}: {exception}");
                throw;
            }
            if (!serialized.IsKnown)
                return new OutputData<T>(serialized.Resources, default!, false, serialized.IsSecret);
            return await CallAsync<T>(token, serialized, options).ConfigureAwait(false);
        }

        /// <summary>
        /// A Task-returning invoke (GetNetworks.InvokeAsync): its failures reach only its caller, as the
        /// mocks threw them (the real MockMonitor.InvokeAsync does not wrap them either). Under the engine
        /// the real SDK's invoke is a gRPC call and a provider's refusal arrives as an RpcException,
        /// "Status(StatusCode=\"Unknown\", Detail=\"...\")": a mock throws that message to stand for it.
        /// </summary>
        public async Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options)
        {
            var serialized = await Serializer.SerializePropertiesAsync(args).ConfigureAwait(false);
            return (await CallAsync<T>(token, serialized, options).ConfigureAwait(false)).Value;
        }

        /// <summary>
        /// Runs an invoke through the mocks' CallAsync: the provider is the one given, else the
        /// parent's for the token's package (as the real GetProvider), and its reference "urn::id"
        /// waits for its registration (ProviderResource.RegisterAsync); the result is converted into
        /// T (an [OutputType] class).
        /// </summary>
        private async Task<OutputData<T>> CallAsync<T>(string token, Serializer.Serialized serialized, InvokeOptions? options)
        {
            var providerReference = "";
            if ((options?.Provider ?? options?.Parent?.GetProvider(token)) is { } provider)
            {
                var providerUrn = (await provider.Urn.DataTask.ConfigureAwait(false)).Value;
                var providerId = (await provider.Id.DataTask.ConfigureAwait(false)).Value;
                providerReference = $"{providerUrn}::{providerId}";
            }

            var result = await Mocks.CallAsync(new MockCallArgs
            {
                Token = token,
                Args = (ImmutableDictionary<string, object>)serialized.Value!,
                Provider = providerReference,
            }).ConfigureAwait(false);
            var state = await Serializer.SerializeStateAsync(result).ConfigureAwait(false);
            var value = (T)Converter.Convert(state.ToImmutableDictionary(kv => kv.Key, kv => kv.Value), typeof(T), token)!;
            return new OutputData<T>(serialized.Resources, value, true, serialized.IsSecret);
        }

        public void RegisterResourceOutputs(Resource resource, Task<IDictionary<string, object?>> outputs)
            => Track(RegisterResourceOutputsAsync(resource, outputs));

        private async Task RegisterResourceOutputsAsync(Resource resource, Task<IDictionary<string, object?>> outputsTask)
        {
            var outputs = await outputsTask.ConfigureAwait(false);
            var urn = (await resource.Urn.DataTask.ConfigureAwait(false)).Value;
            var serialized = ImmutableDictionary.CreateBuilder<string, Output<object?>>();
            foreach (var (key, value) in outputs)
            {
                Serializer.Serialized data;
                try
                {
                    data = await Serializer.SerializeAsync(value).ConfigureAwait(false);
                }
                catch (Exception inner)
                {
                    // The real SDK serializes registered outputs as it does inputs (SerializeAllPropertiesAsync).
                    throw Serializer.PropertyError(key, inner);
                }
                if (data.Value != null)
                    serialized[key] = new Output<object?>(Task.FromResult(new OutputData<object?>(ImmutableHashSet<Resource>.Empty, data.Value, data.IsKnown, data.IsSecret)));
            }
            await Mocks.RegisterResourceOutputs(new MockRegisterResourceOutputsRequest(urn, serialized.ToImmutable())).ConfigureAwait(false);
        }

        private static ImmutableDictionary<string, string> ParseConfig(string? json)
        {
            var config = ImmutableDictionary.CreateBuilder<string, string>();
            if (json != null)
            {
                using var document = JsonDocument.Parse(json);
                foreach (var property in document.RootElement.EnumerateObject())
                    config[CleanKey(property.Name)] = property.Value.ToString();
            }
            return config.ToImmutable();
        }

        private static ImmutableHashSet<string> ParseSecretKeys(string? json)
        {
            var keys = ImmutableHashSet.CreateBuilder<string>();
            if (json != null)
            {
                using var document = JsonDocument.Parse(json);
                foreach (var element in document.RootElement.EnumerateArray())
                    keys.Add(element.ToString());
            }
            return keys.ToImmutable();
        }

        /// <summary>"project:config:key" (the language host's older form) becomes "project:key".</summary>
        private static string CleanKey(string key)
        {
            var index = key.IndexOf(':', StringComparison.Ordinal);
            return index > 0 && key[(index + 1)..].StartsWith("config:", StringComparison.Ordinal)
                ? key[..index] + ":" + key[(index + 1 + "config:".Length)..]
                : key;
        }
    }
}
