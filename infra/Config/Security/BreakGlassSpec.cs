namespace BlinkInfra.Config;

/// <summary>
/// The node pools' break-glass key pair: <see cref="KeyPairName"/> names an existing one, unless
/// <see cref="PublicKey"/> is given, which the stack imports as a key pair of that name.
/// </summary>
public sealed record BreakGlassSpec(string KeyPairName, string? PublicKey);
