namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:security.breakGlass`: an SSH key pair on every node pool's machines, for access when Kubernetes
/// cannot be reached: an existing key pair by name, or a public key the stack imports as a key pair of its own.
/// </summary>
public sealed class BreakGlassConfig
{
    public string? KeyPairName { get; set; }
    public string? PublicKey { get; set; }
}
