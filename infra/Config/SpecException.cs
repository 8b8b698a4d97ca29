using System;
using System.Collections.Generic;
using System.Linq;

namespace BlinkInfra.Config;

/// <summary>Raised when a stack's config is invalid; carries every error, section by section in rule order.</summary>
public sealed class SpecException : Exception
{
    public SpecException(IEnumerable<SpecError> errors)
        : this(errors.ToList())
    {
    }

    private SpecException(List<SpecError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<SpecError> Errors { get; }

    public static string Describe(IReadOnlyCollection<SpecError> errors)
        => $"the stack's config is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):\n"
           + string.Join("\n", errors.Select(e => "  " + e.Line));
}
