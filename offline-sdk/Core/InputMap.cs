// Mirrors sdk/Pulumi/Core/InputMap.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1).
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Pulumi
{
    public sealed class InputMap<TValue> : Input<ImmutableDictionary<string, TValue>>, IEnumerable
    {
        public InputMap() : this(Output.Create(ImmutableDictionary<string, TValue>.Empty))
        {
        }

        private InputMap(Output<ImmutableDictionary<string, TValue>> values) : base(values)
        {
        }

        public void Add(string key, Input<TValue> value)
            => _outputValue = Output.Tuple(_outputValue, value.ToOutput())
                .Apply(pair => pair.Item1.Add(key, pair.Item2));

        public static implicit operator InputMap<TValue>(Dictionary<string, TValue> values)
            => Output.Create(values.ToImmutableDictionary());

        public static implicit operator InputMap<TValue>(ImmutableDictionary<string, TValue> values)
            => Output.Create(values);

        public static implicit operator InputMap<TValue>(Output<ImmutableDictionary<string, TValue>> values)
            => new(values);

        IEnumerator IEnumerable.GetEnumerator()
            => throw new NotSupportedException($"A {GetType().FullName} cannot be synchronously enumerated.");
    }
}
