namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:security.breakGlass`: an SSH key pair on every node pool's machines, for access when Kubernetes
/// cannot be reached: an existing key pair by name, or a public key the stack imports as a key pair of its own.
/// </summary>
public sealed class BreakGlassConfig
{
    [ConfigDoc("an ECS key pair every node pool's machines accept for SSH (`keyName`; not ForceNew: machines created afterwards get it): an existing one's name, or, with `publicKey`, the name to import it as (`alicloud:ecs/ecsKeyPair:EcsKeyPair` `<name>-break-glass` in `blink:security:BreakGlassAccess`); 2 to 128 letters, digits, `.`, `_`, `-`, starting with a letter. The advisory `break-glass-key-pair` names every pool that accepts it; port 22 is reached only where the security groups let it in, never from the internet (`no-ingress-from-internet`, mandatory). Free", Default = "none (no key pair)")]
    public string? KeyPairName { get; set; }
    [ConfigDoc("an OpenSSH public key on one line (`ssh-rsa`, `ssh-ed25519`, `ecdsa-sha2-nistp256/384/521`), never the private key")]
    public string? PublicKey { get; set; }
}
