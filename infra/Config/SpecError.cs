
namespace BlinkInfra.Config;

/// <summary>
/// One thing wrong with a stack's config: the full config key (as `pulumi config set --path` spells
/// it), the value given (null when the key is missing), what is wrong and what is allowed.
/// </summary>
public sealed record SpecError(string Key, string? Given, string Problem)
{
    public string Message => Given is null
        ? $"{Key} is missing; {Problem}"
        : $"{Key} = {Quote(Given)}: {Problem}";

    public override string ToString() => Message;

    private static string Quote(string value) => "\"" + value.Replace("\"", "\\\"") + "\"";
}
