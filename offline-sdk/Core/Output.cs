// Mirrors sdk/Pulumi/Core/Output.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1): Output<T> and the
// static Output helpers. Behaviour follows the real SDK under mocks: values resolve asynchronously,
// unknown values skip Apply callbacks, secrecy and resource dependencies flow through every combinator.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>The resolved state of an output: its value, whether it is known, secret, and which resources it came from.</summary>
    internal sealed record OutputData<T>(ImmutableHashSet<Resource> Resources, T Value, bool IsKnown, bool IsSecret)
    {
        public static OutputData<T> Known(T value) => new(ImmutableHashSet<Resource>.Empty, value, true, false);
    }

    /// <summary>Untyped view of an output, for serialization and reflection-free plumbing.</summary>
    internal interface IOutput
    {
        Task<OutputData<object?>> GetDataAsync();
    }

    public sealed class Output<T> : IOutput
    {
        internal readonly Task<OutputData<T>> DataTask;

        internal Output(Task<OutputData<T>> dataTask) : this(dataTask, track: true)
        {
        }

        internal Output(Task<OutputData<T>> dataTask, bool track)
        {
            DataTask = dataTask;
            // Like the real SDK, every output created inside a deployment is tracked, so a failing
            // Apply is reported as a program error instead of being lost. A resource's own outputs
            // are not: its registration is tracked and completes them.
            if (track)
                OfflineEngine.Current?.Track(dataTask);
        }

        internal static Output<T> Create(Task<T> value)
            => new(CreateDataAsync(value, isSecret: false));

        internal static async Task<OutputData<T>> CreateDataAsync(Task<T> value, bool isSecret)
            => new(ImmutableHashSet<Resource>.Empty, await value.ConfigureAwait(false), true, isSecret);

        internal Output<T> WithIsSecret(bool isSecret)
            => new(WithIsSecretAsync(DataTask, isSecret));

        private static async Task<OutputData<T>> WithIsSecretAsync(Task<OutputData<T>> data, bool isSecret)
        {
            var resolved = await data.ConfigureAwait(false);
            return resolved with { IsSecret = isSecret };
        }

        public Output<ValueTuple> Apply(Func<T, Task> func)
            => Apply(async t =>
            {
                await func(t).ConfigureAwait(false);
                return ValueTuple.Create();
            });

        public Output<TResult> Apply<TResult>(Func<T, TResult> func)
            => Apply(t => Output.Create(func(t)));

        public Output<TResult> Apply<TResult>(Func<T, Task<TResult>> func)
            => Apply(t => Output.Create(func(t)));

        public Output<TResult> Apply<TResult>(Func<T, Input<TResult>?> func)
            => Apply(t => func(t).ToOutput());

        public Output<TResult> Apply<TResult>(Func<T, Output<TResult>?> func)
            => new(ApplyAsync(DataTask, func));

        private static async Task<OutputData<TResult>> ApplyAsync<TResult>(Task<OutputData<T>> dataTask, Func<T, Output<TResult>?> func)
        {
            var data = await dataTask.ConfigureAwait(false);
            if (!data.IsKnown)
            {
                // As in a preview: the callback is not run on an unknown value.
                return new OutputData<TResult>(data.Resources, default!, false, data.IsSecret);
            }

            var inner = func(data.Value);
            if (inner is null)
            {
                return new OutputData<TResult>(data.Resources, default!, true, data.IsSecret);
            }

            var innerData = await inner.DataTask.ConfigureAwait(false);
            return new OutputData<TResult>(
                data.Resources.Union(innerData.Resources),
                innerData.Value,
                innerData.IsKnown,
                data.IsSecret || innerData.IsSecret);
        }

        async Task<OutputData<object?>> IOutput.GetDataAsync()
        {
            var data = await DataTask.ConfigureAwait(false);
            return new OutputData<object?>(data.Resources, data.Value, data.IsKnown, data.IsSecret);
        }
    }

    public static class Output
    {
        public static Output<T> Create<T>(T value)
            => Create(Task.FromResult(value));

        public static Output<T> Create<T>(Task<T> value)
            => Output<T>.Create(value);

        public static Output<T> CreateSecret<T>(T value)
            => CreateSecret(Task.FromResult(value));

        public static Output<T> CreateSecret<T>(Task<T> value)
            => new(Output<T>.CreateDataAsync(value, isSecret: true));

        public static Output<T> CreateSecret<T>(Output<T> value)
            => value.WithIsSecret(true);

        public static Output<T> Unsecret<T>(Output<T> output)
            => output.WithIsSecret(false);

        public static async Task<bool> IsSecretAsync<T>(Output<T> output)
            => (await output.DataTask.ConfigureAwait(false)).IsSecret;

        public static Output<ImmutableArray<T>> All<T>(params Input<T>[] inputs)
            => All(inputs.AsEnumerable());

        public static Output<ImmutableArray<T>> All<T>(params Output<T>[] outputs)
            => All(outputs.AsEnumerable());

        public static Output<ImmutableArray<T>> All<T>(IEnumerable<Input<T>> inputs)
            => All(inputs.Select(i => i.ToOutput()));

        public static Output<ImmutableArray<T>> All<T>(IEnumerable<Output<T>> outputs)
            => new(AllAsync(outputs.ToImmutableArray()));

        private static async Task<OutputData<ImmutableArray<T>>> AllAsync<T>(ImmutableArray<Output<T>> outputs)
        {
            var resources = ImmutableHashSet<Resource>.Empty;
            var values = ImmutableArray.CreateBuilder<T>(outputs.Length);
            var isKnown = true;
            var isSecret = false;
            foreach (var output in outputs)
            {
                var data = await output.DataTask.ConfigureAwait(false);
                resources = resources.Union(data.Resources);
                values.Add(data.Value);
                isKnown &= data.IsKnown;
                isSecret |= data.IsSecret;
            }

            return new OutputData<ImmutableArray<T>>(resources, isKnown ? values.MoveToImmutable() : default, isKnown, isSecret);
        }

        public static Output<(T1, T2)> Tuple<T1, T2>(Output<T1> item1, Output<T2> item2)
            => Tuple((Input<T1>)item1, (Input<T2>)item2);

        public static Output<(T1, T2)> Tuple<T1, T2>(Input<T1> item1, Input<T2> item2)
            => new(TupleAsync(item1.ToOutput(), item2.ToOutput()));

        private static async Task<OutputData<(T1, T2)>> TupleAsync<T1, T2>(Output<T1> item1, Output<T2> item2)
        {
            var data1 = await item1.DataTask.ConfigureAwait(false);
            var data2 = await item2.DataTask.ConfigureAwait(false);
            return new OutputData<(T1, T2)>(
                data1.Resources.Union(data2.Resources),
                (data1.Value, data2.Value),
                data1.IsKnown && data2.IsKnown,
                data1.IsSecret || data2.IsSecret);
        }

        public static Output<string> Format(FormattableString formattableString)
        {
            var arguments = formattableString.GetArguments();
            var parts = arguments.Select(ToUntypedOutputData).ToArray();
            return new Output<string>(FormatAsync(formattableString.Format, parts));
        }

        private static Task<OutputData<object?>> ToUntypedOutputData(object? argument)
            => argument switch
            {
                IInput input => input.ToUntypedOutput().GetDataAsync(),
                IOutput output => output.GetDataAsync(),
                _ => Task.FromResult(OutputData<object?>.Known(argument)),
            };

        private static async Task<OutputData<string>> FormatAsync(string format, Task<OutputData<object?>>[] parts)
        {
            var resources = ImmutableHashSet<Resource>.Empty;
            var values = new object?[parts.Length];
            var isKnown = true;
            var isSecret = false;
            for (var i = 0; i < parts.Length; i++)
            {
                var data = await parts[i].ConfigureAwait(false);
                resources = resources.Union(data.Resources);
                values[i] = data.Value;
                isKnown &= data.IsKnown;
                isSecret |= data.IsSecret;
            }

            var text = isKnown ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, values) : null;
            return new OutputData<string>(resources, text!, isKnown, isSecret);
        }
    }
}
