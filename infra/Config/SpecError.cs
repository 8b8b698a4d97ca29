
namespace BlinkInfra.Config;

/// <summary>
/// One thing wrong with a stack's config: the kind of problem (its stable code in <see cref="DiagnosticCatalogue"/>),
/// the full config key (as `pulumi config set --path` spells it), the value given (null when the key is missing),
/// what is wrong and what is allowed. The message shows every part through <see cref="UserText"/>: keys and values
/// a user wrote reach no terminal raw.
/// </summary>
public sealed record SpecError(DiagnosticEntry Code, string Key, string? Given, string Problem)
{
    public string Message => Given is null
        ? $"{UserText.Shown(Key)} is missing; {UserText.Shown(Problem)}"
        : $"{UserText.Shown(Key)} = {UserText.Quote(Given)}: {UserText.Shown(Problem)}";

    /// <summary>The error as printed, as a compiler prints one: `error BLINK1001: KEY = "VALUE": PROBLEM`.</summary>
    public string Line => $"error {Code.Code}: {Message}";

    public override string ToString() => Line;
}
