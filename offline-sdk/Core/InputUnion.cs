// Mirrors sdk/Pulumi/Core/InputUnion.cs and (the members the program uses of) sdk/Pulumi/Core/Union.cs of
// pulumi/pulumi-dotnet (Pulumi 3.112.1): an input that is one of two types, such as a PodDisruptionBudget's maxUnavailable
// (an int or a percentage). The serializer sends the value the union holds, as the real one does.
using System;

namespace Pulumi
{
    /// <summary>Untyped view of a union, used by the serializer.</summary>
    internal interface IUnion
    {
        object Value { get; }
    }

    public sealed class InputUnion<T0, T1> : Input<Union<T0, T1>>
    {
        public InputUnion() : this(Output.Create(default(Union<T0, T1>)))
        {
        }

        private InputUnion(Output<Union<T0, T1>> oneOf) : base(oneOf)
        {
        }

        public static implicit operator InputUnion<T0, T1>(Union<T0, T1> value)
            => Output.Create(value);

        public static implicit operator InputUnion<T0, T1>(T0 value)
            => Output.Create(value);

        public static implicit operator InputUnion<T0, T1>(T1 value)
            => Output.Create(value);

        public static implicit operator InputUnion<T0, T1>(Input<T0> value)
            => new InputUnion<T0, T1>(value.Apply(Union<T0, T1>.FromT0));

        public static implicit operator InputUnion<T0, T1>(Input<T1> value)
            => new InputUnion<T0, T1>(value.Apply(Union<T0, T1>.FromT1));

        public static implicit operator InputUnion<T0, T1>(Output<Union<T0, T1>> value)
            => new InputUnion<T0, T1>(value);

        public static implicit operator InputUnion<T0, T1>(Output<T0> value)
            => new InputUnion<T0, T1>(value.Apply(Union<T0, T1>.FromT0));

        public static implicit operator InputUnion<T0, T1>(Output<T1> value)
            => new InputUnion<T0, T1>(value.Apply(Union<T0, T1>.FromT1));
    }

    public struct Union<T0, T1> : IUnion
    {
        private readonly T0 _value0;
        private readonly T1 _value1;
        private readonly int _index;

        private Union(int index, T0 value0 = default!, T1 value1 = default!)
        {
            _index = index;
            _value0 = value0;
            _value1 = value1;
        }

        public object Value => _index switch
        {
            0 => _value0!,
            1 => _value1!,
            _ => null!,
        };

        public bool IsT0 => _index == 0;

        public bool IsT1 => _index == 1;

        public static Union<T0, T1> FromT0(T0 input) => new(0, value0: input);

        public static Union<T0, T1> FromT1(T1 input) => new(1, value1: input);
    }
}
