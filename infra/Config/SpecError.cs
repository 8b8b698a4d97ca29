
namespace BlinkInfra.Config;

/// <summary>
/// One thing wrong with a stack's config: the full config key (as `pulumi config set --path` spells
/// it), the value given (null when the key is missing), what is wrong and what is allowed. The message
/// shows every part through <see cref="UserText"/>: keys and values a user wrote reach no terminal raw.
/// </summary>
public sealed record SpecError(string Key, string? Given, string Problem)
{
    public string Message => Given is null
        ? $"{UserText.Shown(Key)} is missing; {UserText.Shown(Problem)}"
        : $"{UserText.Shown(Key)} = {UserText.Quote(Given)}: {UserText.Shown(Problem)}";

    public override string ToString() => Message;
}
