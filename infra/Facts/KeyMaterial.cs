using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;

namespace BlinkInfra.Facts;

/// <summary>
/// What key material looks like in text a user pasted: every message that quotes user input masks
/// these spans (<see cref="BlinkInfra.Config.UserText"/>), and the config refuses a private key in a
/// key that is not a secret. Sources, read 2026-12-05: RFC 7468 (textual encodings: "-----BEGIN
/// label-----" ... "-----END label-----"); OpenSSH's PROTOCOL.key (the private key format's magic
/// "openssh-key-v1\0", whose base64 is "b3BlbnNzaC1rZXktdjE"); Alibaba Cloud RAM, "Create an AccessKey
/// pair" (an AccessKey ID such as LTAI5t..., its secret 30 letters and digits); STS AssumeRole (a
/// SecurityToken starting "CAIS"); RFC 7519 (a JWT: three base64url parts, the first "eyJ", the base64
/// of '{"'); GitHub's token formats (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_); AWS access key ids
/// (AKIA/ASIA and 16 capitals or digits); RFC 3986 userinfo (scheme://user:password@host).
/// </summary>
public static class KeyMaterial
{
    /// <summary>A PEM block (or its start, when the text is cut): private keys, certificates, anything RFC 7468 encodes.</summary>
    public static readonly Regex PemBlock = new(
        @"-----BEGIN [A-Z0-9 ]{1,64}-----(?:.*?-----END [A-Z0-9 ]{1,64}-----|.*)",
        RegexOptions.CultureInvariant | RegexOptions.Singleline, System.TimeSpan.FromSeconds(1));

    /// <summary>A PEM block whose label names a private key (RSA, EC, DSA, OPENSSH, ENCRYPTED or PKCS#8's bare PRIVATE KEY).</summary>
    public static readonly Regex PrivateKeyHeader = new(
        @"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    /// <summary>The body of an OpenSSH private key without its PEM lines: the base64 of its "openssh-key-v1" magic.</summary>
    public const string OpenSshPrivateKeyBody = "b3BlbnNzaC1rZXktdjE";

    /// <summary>Tokens with a known shape, masked wherever they appear.</summary>
    public static readonly ImmutableArray<Regex> Tokens = ImmutableArray.Create(
        // An OpenSSH private key body pasted without its header and footer.
        Pattern(OpenSshPrivateKeyBody + @"[A-Za-z0-9+/=\s]*"),
        // Alibaba Cloud AccessKey IDs (LTAI...) and STS security tokens (CAIS...).
        Pattern(@"\bLTAI[A-Za-z0-9]{12,40}\b"),
        Pattern(@"\bCAIS[A-Za-z0-9+/=_-]{20,}"),
        // JSON Web Tokens (OIDC and service account tokens among them).
        Pattern(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"),
        // GitHub, GitLab, Slack and AWS tokens and key ids.
        Pattern(@"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,})"),
        Pattern(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b"),
        // A password in a URL's userinfo: only the password is masked.
        Pattern(@"(?<=[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@]+:)[^\s/@]+(?=@)"),
        // key=value or key: value where the key names a credential.
        Pattern(@"(?<=\b[A-Za-z0-9_.-]*(?:password|passwd|secret|token|apikey|api_key|accesskeysecret|access_key_secret)[""']?\s*[=:]\s*[""']?)[^\s""',;&]*[A-Za-z0-9][^\s""',;&]*", RegexOptions.IgnoreCase));

    /// <summary>
    /// A run of base64 or base64url characters at least this long, with at least two capitals, two small
    /// letters and two digits, reads as a secret (an AccessKey secret is 30 of them); identifiers the
    /// config takes (vpc-..., sg-..., key-..., UUIDs, instance types, Java class names) have no such mix.
    /// </summary>
    public const int MinOpaqueTokenLength = 20;

    private static readonly Regex OpaqueRun = new(@"[A-Za-z0-9+/=_-]{" + MinOpaqueTokenLength + ",}", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    /// <summary>Runs of text that read as an opaque secret: mixed case and digits, no word structure.</summary>
    public static System.Collections.Generic.IEnumerable<Match> OpaqueTokens(string text)
        => OpaqueRun.Matches(text).Where(m => IsOpaque(m.Value));

    private static bool IsOpaque(string run)
    {
        var upper = run.Count(char.IsAsciiLetterUpper);
        var lower = run.Count(char.IsAsciiLetterLower);
        var digits = run.Count(char.IsAsciiDigit);
        // Words in CamelCase (PrometheusReporterFactory) have few capitals between long lower-case runs;
        // a key's capitals are spread through it.
        return upper >= 2 && lower >= 2 && digits >= 2 && (upper + digits) * 4 >= run.Length;
    }

    /// <summary>Whether the text holds a private key: a PEM private key block or an OpenSSH private key body.</summary>
    public static bool HoldsPrivateKey(string text)
        => PrivateKeyHeader.IsMatch(text) || text.Contains(OpenSshPrivateKeyBody, System.StringComparison.Ordinal);

    private static Regex Pattern(string pattern, RegexOptions options = RegexOptions.None)
        => new(pattern, options | RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
}
