using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

internal static class ValidationContextExtensions
{
    /// <summary>Adds a failure for the property being validated that records the value given and the kind of problem.</summary>
    public static void Fail<T>(this ValidationContext<T> context, DiagnosticEntry code, object? given, string problem)
        => context.AddFailure(new ValidationFailure(context.PropertyPath, problem) { AttemptedValue = given, ErrorCode = code.Code });

    /// <summary>Adds a failure for a property of the object being validated, wherever it sits in the config.</summary>
    public static void FailAt<T>(this ValidationContext<T> context, DiagnosticEntry code, string property, object? given, string problem)
        => context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(property), problem) { AttemptedValue = given, ErrorCode = code.Code });

    /// <summary>The kind of problem a rule reports (its code in <see cref="DiagnosticCatalogue"/>), as FluentValidation's error code.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithCode<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, DiagnosticEntry code)
        => rule.WithErrorCode(code.Code);
}
