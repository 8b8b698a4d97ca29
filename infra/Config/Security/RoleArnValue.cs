using System.Text.RegularExpressions;

namespace BlinkInfra.Config;

/// <summary>
/// `dataAccess.crossAccount.tenantRoleArn`, the RAM role the stack assumes in the tenant's account
/// (`acs:ram::&lt;16-digit account&gt;:role/&lt;name&gt;`), parsed once, as the config is read: the text as written, which
/// the tenant's provider takes as given; the tenant's account, as the ARN names it; or why the text is no role's ARN.
/// </summary>
public sealed record RoleArnValue : ConfigValue
{
    private static readonly Regex RoleArnPattern = new(@"^acs:ram::(?<account>[0-9]{16}):role/[A-Za-z0-9._-]+\z", RegexOptions.CultureInvariant);

    private RoleArnValue(string text, string? account, string? problem)
        : base(text, problem)
    {
        Account = account;
    }

    /// <summary>The tenant's account, as the ARN names it; null when the text is not a role's ARN.</summary>
    public string? Account { get; }

    /// <summary>The value of a config text: the one place a role's ARN is parsed.</summary>
    public static RoleArnValue Parse(string text)
    {
        return RoleArnPattern.Match(text) is { Success: true } match
            ? new RoleArnValue(text, match.Groups["account"].Value, null)
            : new RoleArnValue(text, null, "not a RAM role ARN; allowed: an ARN such as acs:ram::1234567890123456:role/blink-tenant");
    }
}
