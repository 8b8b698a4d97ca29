// Mirrors sdk/Pulumi/Core/InputList.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1).
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Pulumi
{
    public sealed class InputList<T> : Input<ImmutableArray<T>>, IEnumerable
    {
        public InputList() : this(Output.Create(ImmutableArray<T>.Empty))
        {
        }

        private InputList(Output<ImmutableArray<T>> values) : base(values)
        {
        }

        public void Add(params Input<T>[] inputs)
            => _outputValue = ConcatAsOutput(_outputValue, Output.All(inputs));

        public void AddRange(InputList<T> inputs)
            => _outputValue = ConcatAsOutput(_outputValue, inputs._outputValue);

        private static Output<ImmutableArray<T>> ConcatAsOutput(Output<ImmutableArray<T>> first, Output<ImmutableArray<T>> second)
            => Output.Tuple(first, second).Apply(pair => pair.Item1.AddRange(pair.Item2));

        public static implicit operator InputList<T>(T value)
            => ImmutableArray.Create<Input<T>>(value);

        public static implicit operator InputList<T>(Output<T> value)
            => ImmutableArray.Create<Input<T>>(value);

        public static implicit operator InputList<T>(Input<T> value)
            => ImmutableArray.Create(value);

        public static implicit operator InputList<T>(T[] values)
            => ImmutableArray.CreateRange(values.Select(v => (Input<T>)v));

        public static implicit operator InputList<T>(List<T> values)
            => ImmutableArray.CreateRange(values.Select(v => (Input<T>)v));

        public static implicit operator InputList<T>(ImmutableArray<T> values)
            => values.Select(v => (Input<T>)v).ToImmutableArray();

        public static implicit operator InputList<T>(ImmutableArray<Input<T>> values)
            => new(Output.All(values));

        public static implicit operator InputList<T>(Output<ImmutableArray<T>> values)
            => new(values);

        IEnumerator IEnumerable.GetEnumerator()
            => throw new NotSupportedException($"A {GetType().FullName} cannot be synchronously enumerated.");
    }
}
