using System.Globalization;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// `compute.kubernetes.version`, an ACK version `x.y.z-aliyun.n`, parsed once, as the config is read: the text as
/// written, which the cluster takes as given; its minor version (what ACK's rules on kube-proxy's modes compare); or
/// why the text is no ACK version.
/// </summary>
public sealed record KubernetesVersionValue : ConfigValue
{
    private static readonly Regex VersionPattern = new(@"^(?<major>[0-9]+)\.(?<minor>[0-9]+)\.[0-9]+-aliyun\.[0-9]+\z", RegexOptions.CultureInvariant);

    private KubernetesVersionValue(string text, System.Version? minor, string? problem)
        : base(text, problem)
    {
        Minor = minor;
    }

    /// <summary>The major and minor version (1.35 of 1.35.2-aliyun.1); null when the text is not an ACK version.</summary>
    public System.Version? Minor { get; }

    /// <summary>The value of a config text: the one place a Kubernetes version of the config is parsed.</summary>
    public static KubernetesVersionValue Parse(string text)
    {
        // A number too large for an int matches the pattern but is no version ACK offers.
        if (VersionPattern.Match(text) is { Success: true } match
            && int.TryParse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(match.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            return new KubernetesVersionValue(text, new System.Version(major, minor), null);
        return new KubernetesVersionValue(text, null, $"not an ACK Kubernetes version; allowed: a version ACK offers, such as {ClusterDefaults.KubernetesVersion}, or none for that one");
    }
}
