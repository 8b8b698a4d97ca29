using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>
/// The names that hold credentials, as Alibaba Cloud and Flink spell them: a key holds a secret when
/// its name, lower-cased with everything but letters and digits removed, ends with one of
/// <see cref="Endings"/>. So `access_key_secret`, `accessKeySecret`, `AccessKeySecret`,
/// `fs.oss.accessKeySecret` and `ALIBABA_CLOUD_ACCESS_KEY_SECRET` all end with "accesskeysecret".
/// Read by the no-plaintext-secrets policy (every input of every resource) and by the config's checks
/// (Flink settings, which land in plain text in the operator's custom resources).
/// Sources, read 2026-11-27: Alibaba Cloud's credentials (the AccessKey pair: AccessKeyId and
/// AccessKeySecret; STS SecurityToken; the alicloud provider's access_key/secret_key/security_token;
/// the credentials tools' ALIBABA_CLOUD_ACCESS_KEY_SECRET); the OSS filesystem's fs.oss.accessKeyId,
/// fs.oss.accessKeySecret and fs.oss.securityToken (Hadoop Aliyun OSS); Flink 1.20's options
/// (security.ssl.*.keystore-password, truststore-password and key-password; s3.secret-key and
/// fs.s3a.secret.key; the Kafka connector's properties.sasl.jaas.config, which carries a password);
/// Kubernetes (a kubeconfig, a service account token, a private key).
/// </summary>
public static class SecretNames
{
    /// <summary>Name endings, normalised (lower case, letters and digits only), that mark a credential.</summary>
    public static readonly ImmutableArray<string> Endings = ImmutableArray.Create(
        // Alibaba Cloud: the AccessKey secret under every spelling, STS tokens, and the provider's secret_key.
        "accesskeysecret", "secretkey", "secretaccesskey", "securitytoken", "ststoken",
        // The provider's access_key (with secret_key, a key pair in plain text): kept as the policy always had it.
        "accesskey",
        // Passwords: Flink's SSL keystore, truststore and key passwords, database and endpoint passwords.
        "password", "passwd", "passphrase",
        // Anything named a secret, a token or a private key; Kafka's JAAS configuration; kubeconfigs.
        "secret", "token", "privatekey", "apikey", "jaasconfig", "kubeconfig");

    /// <summary>The name lower-cased, letters and digits only.</summary>
    public static string Normalise(string name)
        => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Whether a key of this name holds a credential.</summary>
    public static bool IsSecret(string name)
    {
        var normalised = Normalise(name);
        return Endings.Any(ending => normalised.EndsWith(ending, System.StringComparison.Ordinal));
    }
}
