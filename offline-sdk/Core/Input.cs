// Mirrors sdk/Pulumi/Core/Input.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1): Input<T>, its implicit
// conversions and InputExtensions.
using System;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>Untyped view of an input, used by the serializer.</summary>
    internal interface IInput
    {
        IOutput ToUntypedOutput();
    }

    public class Input<T> : IInput
    {
        private protected Output<T> _outputValue;

        private protected Input(Output<T> outputValue)
            => _outputValue = outputValue ?? throw new ArgumentNullException(nameof(outputValue));

        public static implicit operator Input<T>(T value)
            => Output.Create(value);

        public static implicit operator Input<T>(Output<T> value)
            => new(value);

        public static implicit operator Output<T>(Input<T> input)
            => input._outputValue;

        IOutput IInput.ToUntypedOutput() => _outputValue;
    }

    public static class InputExtensions
    {
        public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, TResult> func)
            => input.ToOutput().Apply(func);

        public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Task<TResult>> func)
            => input.ToOutput().Apply(func);

        public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Input<TResult>?> func)
            => input.ToOutput().Apply(func);

        public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Output<TResult>?> func)
            => input.ToOutput().Apply(func);

        public static Output<T> ToOutput<T>(this Input<T>? input)
            => input ?? Output.Create(default(T)!);
    }
}
