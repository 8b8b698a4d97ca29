using System.Net;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

internal static class ValidationContextExtensions
{
    /// <summary>Adds a failure for the property being validated that records the value given.</summary>
    public static void Fail<T>(this ValidationContext<T> context, object? given, string problem)
        => context.AddFailure(new ValidationFailure(context.PropertyPath, problem) { AttemptedValue = given });

    /// <summary>Adds a failure for a property of the object being validated, wherever it sits in the config.</summary>
    public static void FailAt<T>(this ValidationContext<T> context, string property, object? given, string problem)
        => context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(property), problem) { AttemptedValue = given });
}
